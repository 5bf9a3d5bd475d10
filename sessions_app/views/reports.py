"""Report downloads, streamed through the storage API to the session's owner (and staff)."""

from uuid import UUID

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from sessions_app.models import ReportFile, ReportKind, Session
from sessions_app.progress.phases import Phase
from sessions_app.views.auth import HtmxHttpRequest, login_required

_FILENAME_SUFFIX = {ReportKind.XLSX: "expense-report.xlsx", ReportKind.CSV: "transactions.csv"}


@login_required
@require_GET
def report_download(request: HtmxHttpRequest, session_id: UUID, kind: str) -> FileResponse:
    """The completed session's report of `kind` as an attachment named after the session; 404
    for anyone but the owner and staff, or before the run has completed (a report left by a
    run that failed, or being replaced by a retry, is not the session's report), and never
    stored by shared caches."""
    session = get_object_or_404(
        Session.objects.visible_to(request.user), pk=session_id, current_phase=Phase.COMPLETED
    )
    report = get_object_or_404(ReportFile, session=session, kind=kind)
    response = FileResponse(
        report.file.open("rb"), as_attachment=True, filename=download_name(session, report.kind)
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def download_name(session: Session, kind: str) -> str:
    """E.g. "amex-march-2026-expense-report.xlsx"."""
    return f"{slugify(session.name) or 'recon'}-{_FILENAME_SUFFIX[kind]}"
