"""The new-session form: a name and two multi-file inputs, handed whole to the upload phase.

The form checks nothing about the files itself: `processing.upload.create_session` owns every
rule (count, size, PDF signature, password, pages) and its messages name the file, so the web
and the `create_session` command refuse exactly the same uploads in the same words.
"""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from processing.errors import UploadRefused
from processing.upload import IncomingFile, create_session
from sessions_app.models import Session


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None) -> list[UploadedFile]:
        # Kept as uploaded, even empty ones: the upload phase refuses them by name.
        return [item for item in (data or []) if item is not None]


class NewSessionForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        required=False,
        help_text="For example the statement month: “Amex March 2026”.",
    )
    statements = MultipleFileField(required=False, label="Card statements")
    receipts = MultipleFileField(required=False, label="Receipts")

    def limits(self) -> str:
        """The upload limits in words, shown beside the file inputs."""
        megabytes = settings.RECON_MAX_FILE_BYTES // (1024 * 1024)
        total = settings.RECON_MAX_UPLOAD_BYTES // (1024 * 1024)
        return (
            f"PDF files only, up to {settings.RECON_MAX_FILES_PER_SESSION} files and {total} MB "
            f"per session, {megabytes} MB per file."
        )

    def save(self, *, owner) -> Session | None:
        """Run the upload phase; a refused upload adds its messages as form errors and returns
        None, having stored nothing."""
        try:
            return create_session(
                owner=owner,
                name=self.cleaned_data["name"],
                statements=_incoming(self.cleaned_data["statements"]),
                receipts=_incoming(self.cleaned_data["receipts"]),
            )
        except UploadRefused as refused:
            for error in refused.errors:
                self.add_error(None, error)
            return None


def _incoming(files: list[UploadedFile]) -> list[IncomingFile]:
    return [IncomingFile(name=file.name, content=file) for file in files]
