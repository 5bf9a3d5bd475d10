"""Report downloads, streamed through the storage API to the session's owner (and staff), and
the accounting-software exports, written on demand from the (reviewed) matches."""

import io
from uuid import UUID

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from processing import reports
from sessions_app.models import ReportFile, ReportKind, Session
from sessions_app.progress.phases import Phase
from sessions_app.selectors.results import statement_period
from sessions_app.views.auth import HtmxHttpRequest, login_required

_FILENAME_SUFFIX = {
    ReportKind.XLSX: "expense-report.xlsx",
    ReportKind.CSV: "transactions.csv",
    "quickbooks": "quickbooks.csv",
    "xero": "xero.csv",
}
_EXPORTS = {"quickbooks": reports.write_quickbooks_csv, "xero": reports.write_xero_csv}


@login_required
@require_GET
def report_download(request: HtmxHttpRequest, session_id: UUID, kind: str) -> FileResponse:
    """The completed session's report of `kind` as an attachment named after the session and its
    period; 404 for anyone but the owner and staff, or before the run has completed (a report
    left by a run that failed, or being replaced by a retry, is not the session's report), and
    never stored by shared caches."""
    session = get_object_or_404(
        Session.objects.visible_to(request.user), pk=session_id, current_phase=Phase.COMPLETED
    )
    report = get_object_or_404(ReportFile, session=session, kind=kind)
    response = FileResponse(
        report.file.open("rb"), as_attachment=True, filename=download_name(session, report.kind)
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def export_download(request: HtmxHttpRequest, session_id: UUID, layout: str) -> HttpResponse:
    """The completed session's transactions as a CSV QuickBooks Online or Xero imports."""
    session = get_object_or_404(
        Session.objects.visible_to(request.user), pk=session_id, current_phase=Phase.COMPLETED
    )
    if layout not in _EXPORTS:
        return HttpResponse("No such export.", status=404, content_type="text/plain")
    out = io.StringIO()
    _EXPORTS[layout](session, out)
    response = HttpResponse(out.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{download_name(session, layout)}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


def download_name(session: Session, kind: str) -> str:
    """E.g. "amex-march-2026-2026-03-01-to-2026-03-31-expense-report.xlsx": the session, the
    period its transactions cover, what the file is."""
    period = statement_period(session)
    span = f"-{period[0]:%Y-%m-%d}-to-{period[1]:%Y-%m-%d}" if period else ""
    return f"{slugify(session.name) or 'recon'}{span}-{_FILENAME_SUFFIX[kind]}"
