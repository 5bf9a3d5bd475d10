"""Extraction patterns in the admin: validated on save, and tried on sample text before it."""

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from processing.models import ExtractionPattern
from sessions_app.admin.pattern_form import TEST_BUTTON, ExtractionPatternForm

PATTERN_FIELDS = ["name", "kind", "regex", "priority", "enabled", "description"]


@admin.register(ExtractionPattern)
class ExtractionPatternAdmin(admin.ModelAdmin):
    form = ExtractionPatternForm
    list_display = ["name", "kind", "priority", "enabled", "updated_at"]
    list_filter = ["kind", "enabled"]
    search_fields = ["name", "regex", "description"]
    ordering = ["kind", "priority", "name"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": [*PATTERN_FIELDS, "updated_at"]}),
        ("Try it", {"fields": ["sample_text"]}),
    ]

    class Media:
        css = {"all": ["css/admin-recon.css"]}

    def save_model(
        self, request: HttpRequest, obj: ExtractionPattern, form: ModelForm, change: bool
    ) -> None:
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: ExtractionPattern | None = None,
    ) -> HttpResponse:
        """The change form, with the sample's per-line results when one was submitted."""
        form = context["adminform"].form
        trial = form.trial()
        context.update(
            test_button=TEST_BUTTON,
            tested=form.testing,
            trial=trial,
            trial_matched=sum(line.matched for line in trial or []),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)
