"""Statement profiles in the admin, and the preview: a statement read page by page with the
evidence for every row, under a profile the admin adjusts until the rows are right."""

import uuid
from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from processing.errors import PdfError
from processing.models import DateOrder, DecimalStyle, StatementProfile
from processing.preview import MAX_PREVIEW_PAGES, preview_statement
from processing.statements import reader_profile
from sessions_app.models import FileKind, UploadedFile

PREVIEW_DIR = "previews"
PROFILE_FIELDS = [
    "date_order",
    "decimal_style",
    "amount_column",
    "debit_column",
    "credit_column",
    "credit_markers",
    "skip_lines",
]
_SIGNER = signing.TimestampSigner(salt="recon.statement-preview")
_KEEP_PREVIEWS = timedelta(hours=6)


@admin.register(StatementProfile)
class StatementProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "match_words", "date_order", "decimal_style", "enabled", "updated_at"]
    list_filter = ["enabled", "date_order", "decimal_style"]
    search_fields = ["name", "match_words"]
    readonly_fields = ["updated_at"]
    change_list_template = "admin/processing/statementprofile/change_list.html"

    class Media:
        css = {"all": ["css/admin-recon.css"]}

    def save_model(self, request: HttpRequest, obj: StatementProfile, form, change: bool) -> None:
        obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)

    def get_urls(self) -> list:
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("preview/", preview, name="processing_statementprofile_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a statement (or pick one of a session's), read it under the profile on the
        form, and show every page's lines and rows; save the profile when the rows are right."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = PreviewForm(request.POST or None, request.FILES or None)
        preview = None
        if request.method == "POST" and form.is_valid():
            if "_save_profile" in request.POST:
                saved = form.save_profile()
                if saved is not None:
                    messages.success(request, f"Profile “{saved.name}” saved.")
                    return redirect(reverse("admin:processing_statementprofile_changelist"))
            try:
                data, name, token = form.statement()
                preview = preview_statement(
                    data=data, name=name, profile=reader_profile(form.profile())
                )
            except PdfError as exc:
                form.add_error(None, str(exc))
            else:
                form.keep(token)
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Preview a statement",
            "form": form,
            "preview": preview,
            "max_pages": MAX_PREVIEW_PAGES,
        }
        return TemplateResponse(request, "admin/processing/statementprofile/preview.html", context)


class PreviewForm(forms.Form):
    pdf = forms.FileField(
        label="Statement PDF", required=False, help_text="Or pick one of a session's below."
    )
    session_file = forms.ModelChoiceField(
        label="A session's statement",
        required=False,
        queryset=UploadedFile.objects.filter(kind=FileKind.STATEMENT)
        .select_related("session")
        .order_by("-session__created_at", "position"),
    )
    preview_token = forms.CharField(required=False, widget=forms.HiddenInput)
    base_profile = forms.ModelChoiceField(
        label="Start from profile",
        required=False,
        queryset=StatementProfile.objects.all(),
        help_text="Its settings apply, then any you set below.",
    )
    date_order = forms.ChoiceField(choices=DateOrder.choices, required=False)
    decimal_style = forms.ChoiceField(choices=DecimalStyle.choices, required=False)
    amount_column = forms.CharField(required=False, max_length=50)
    debit_column = forms.CharField(required=False, max_length=50)
    credit_column = forms.CharField(required=False, max_length=50)
    credit_markers = forms.CharField(
        required=False, max_length=200, help_text="Extra words marking a credit (comma-separated)."
    )
    skip_lines = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Lines containing any of these are never rows (one per line).",
    )
    name = forms.CharField(
        label="Save as", required=False, max_length=100, help_text="The profile's name."
    )
    match_words = forms.CharField(
        required=False,
        max_length=300,
        help_text="Words on the first page that identify this bank (comma-separated).",
    )

    def clean_pdf(self):
        upload = self.cleaned_data.get("pdf")
        if upload is not None and upload.size > settings.RECON_MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"“{upload.name}” is larger than the limit of "
                f"{settings.RECON_MAX_FILE_BYTES // (1024 * 1024)} MB per file."
            )
        return upload

    def statement(self) -> tuple[bytes, str, str]:
        """The statement's bytes, its name and a token to preview it again without uploading
        it again; PdfError if there is none."""
        upload = self.cleaned_data.get("pdf")
        chosen = self.cleaned_data.get("session_file")
        if upload is not None:
            data = upload.read()
            stored = default_storage.save(
                f"{PREVIEW_DIR}/{uuid.uuid4().hex}.pdf", ContentFile(data)
            )
            _forget_old_previews()
            return data, upload.name, _SIGNER.sign(f"{stored}|{upload.name}")
        if chosen is not None:
            with chosen.file.open("rb") as handle:
                return handle.read(), chosen.original_name, ""
        token = self.cleaned_data.get("preview_token")
        if token:
            try:
                stored, name = _SIGNER.unsign(token, max_age=_KEEP_PREVIEWS).split("|", 1)
                with default_storage.open(stored, "rb") as handle:
                    return handle.read(), name, token
            except (signing.BadSignature, FileNotFoundError, ValueError):
                pass
        raise PdfError("Choose a statement PDF to preview.", file="")

    def keep(self, token: str) -> None:
        """Carry the uploaded statement to the next submission."""
        data = self.data.copy()
        data["preview_token"] = token
        self.data = data

    def profile(self) -> StatementProfile:
        """The profile on the form: the chosen one's settings, then the ones set here."""
        base = self.cleaned_data.get("base_profile")
        profile = StatementProfile(
            **{name: getattr(base, name) for name in PROFILE_FIELDS} if base else {}
        )
        for name in PROFILE_FIELDS:
            value = self.cleaned_data.get(name)
            if value:
                setattr(profile, name, value)
        return profile

    def save_profile(self) -> StatementProfile | None:
        """Save the form's profile under its name; None (with the form's errors) if the name
        or the identifying words are missing."""
        name = self.cleaned_data.get("name")
        words = self.cleaned_data.get("match_words")
        if not name:
            self.add_error("name", "Name the profile to save it.")
        if not words:
            self.add_error("match_words", "Say which words on the first page identify the bank.")
        if not name or not words:
            return None
        profile = self.profile()
        chosen = {field: getattr(profile, field) for field in PROFILE_FIELDS}
        saved, _ = StatementProfile.objects.update_or_create(
            name=name, defaults={**chosen, "match_words": words, "updated_at": timezone.now()}
        )
        return saved


def _forget_old_previews() -> None:
    try:
        _, names = default_storage.listdir(PREVIEW_DIR)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - _KEEP_PREVIEWS
    for name in names:
        stored = f"{PREVIEW_DIR}/{name}"
        try:
            if default_storage.get_modified_time(stored) < cutoff:
                default_storage.delete(stored)
        except (FileNotFoundError, NotImplementedError):
            continue
