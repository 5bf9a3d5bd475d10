from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest

from sessions_app.models import SessionQuerySet


class StalledFilter(admin.SimpleListFilter):
    """Sessions whose worker went silent, as `Session.objects.stalled()` defines them."""

    title = "stalled"
    parameter_name = "stalled"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        minutes = settings.PROGRESS_STALE_AFTER_SECONDS // 60
        return [("yes", f"Stalled (no progress for over {minutes} min)")]

    def queryset(self, request: HttpRequest, queryset: SessionQuerySet) -> SessionQuerySet:
        if self.value() == "yes":
            return queryset.stalled()
        return queryset
