"""A snapshot in words: the one-line status ("Processing File 2 of 3: Page 5/12"), each phase's
detail line, and how long ago or how long something took. The worker's log, the progress page,
the session list and the admin all say it the same way because they all say it from here."""

import math
from collections.abc import Callable
from datetime import datetime

from django.template.defaultfilters import filesizeformat, pluralize
from django.utils.timesince import timesince

from sessions_app.progress.phases import Phase, PhaseStatus
from sessions_app.progress.schema import PhaseProgress, ProcessingProgress

STATUS_LABELS = {
    PhaseStatus.PENDING: "Waiting",
    PhaseStatus.IN_PROGRESS: "In progress",
    PhaseStatus.COMPLETED: "Done",
    PhaseStatus.FAILED: "Failed",
}


def status_message(progress: ProcessingProgress, *, queued: bool = False) -> str:
    """A plain-words summary of where the run is, for the progress page and the worker log."""
    if progress.current_phase == Phase.FAILED:
        return _failure(progress)
    phase = progress.phases[progress.current_phase]
    return _STATUS[progress.current_phase](phase, queued)


def phase_detail(name: str, phase: PhaseProgress) -> str:
    """The counts under one phase's bar, e.g. "File 2 of 3 · 17 of 52 pages"."""
    if phase.status == PhaseStatus.PENDING:
        return ""
    return _DETAIL[name](phase)


def _failure(progress: ProcessingProgress) -> str:
    error = progress.error
    where = ", ".join(
        part
        for part in (
            error.context.file,
            f"page {error.context.page}" if error.context.page else None,
        )
        if part
    )
    label = Phase(error.context.phase).label.lower()
    return f"Failed during {label}" + (f" ({where})" if where else "") + f": {error.message}"


def _upload_status(phase: PhaseProgress, queued: bool) -> str:
    if phase.status == PhaseStatus.COMPLETED:
        return "Upload complete: waiting for a worker" if queued else "Upload complete"
    return f"Uploading: {phase.files_uploaded or 0} file(s) stored"


def _processing_status(phase: PhaseProgress, queued: bool) -> str:
    current = phase.current_file
    if current is None or phase.current_file_index is None:
        return f"Processing: preparing {phase.total_files or 0} file(s)"
    if phase.status == PhaseStatus.COMPLETED:
        return f"Processing complete: {phase.total_files} file(s) read"
    number = phase.current_file_index + 1
    page = f"Page {current.current_page}/{current.total_pages}"
    return f"Processing File {number} of {phase.total_files}: {page}"


def _matching_status(phase: PhaseProgress, queued: bool) -> str:
    if phase.status == PhaseStatus.COMPLETED:
        return (
            f"Matching complete: {phase.matches_found or 0} matched, "
            f"{phase.unmatched_count or 0} unmatched"
        )
    return f"Matching transactions to receipts: {phase.matches_found or 0} matched so far"


def _report_status(phase: PhaseProgress, queued: bool) -> str:
    if phase.status == PhaseStatus.COMPLETED:
        return f"Report written: {phase.records_written or 0} records"
    report = (phase.report_type or "").upper() or "the"
    records = phase.records_written or 0
    if not records:
        # Nothing written yet is not an empty report: say it is starting.
        return f"Writing {report} report…"
    return f"Writing {report} report: {records} record{pluralize(records)} so far"


def _upload_detail(phase: PhaseProgress) -> str:
    files = phase.files_uploaded or 0
    return f"{files} file{pluralize(files)} · {filesizeformat(phase.bytes_uploaded or 0)}"


def _processing_detail(phase: PhaseProgress) -> str:
    parts = []
    if phase.total_files:
        if phase.status == PhaseStatus.COMPLETED or phase.current_file_index is None:
            parts.append(f"{phase.total_files} file{pluralize(phase.total_files)}")
        else:
            parts.append(f"File {phase.current_file_index + 1} of {phase.total_files}")
    if phase.total_pages:
        parts.append(f"{phase.pages_processed or 0} of {phase.total_pages} pages")
    return " · ".join(parts)


def _matching_detail(phase: PhaseProgress) -> str:
    return f"{phase.matches_found or 0} matched · {phase.unmatched_count or 0} unmatched"


def _report_detail(phase: PhaseProgress) -> str:
    records = phase.records_written or 0
    kind = f"{phase.report_type.upper()} · " if phase.report_type else ""
    if not records and phase.status != PhaseStatus.COMPLETED:
        return f"{kind}starting"
    return f"{kind}{records} record{pluralize(records)}"


_STATUS: dict[str, Callable[[PhaseProgress, bool], str]] = {
    Phase.UPLOAD: _upload_status,
    Phase.PROCESSING: _processing_status,
    Phase.MATCHING: _matching_status,
    Phase.REPORT_GENERATION: _report_status,
}
_DETAIL: dict[str, Callable[[PhaseProgress], str]] = {
    Phase.UPLOAD: _upload_detail,
    Phase.PROCESSING: _processing_detail,
    Phase.MATCHING: _matching_detail,
    Phase.REPORT_GENERATION: _report_detail,
}


def format_duration(seconds: float) -> str:
    """Seconds in words: 42 s, 3 min 05 s, 2 h 07 min."""
    seconds = max(int(seconds), 0)
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def coarse_time_left(seconds: float) -> str:
    """A time left a person can trust: minutes, then 5 minutes, then quarter hours."""
    minutes = seconds / 60
    if minutes < 1:
        return "less than a minute"
    if minutes < 10:
        return f"about {math.ceil(minutes)} min"
    if minutes < 60:
        return f"about {5 * math.ceil(minutes / 5)} min"
    quarters = math.ceil(minutes / 15)
    hours, rest = divmod(quarters * 15, 60)
    return f"about {hours} h" + (f" {rest} min" if rest else "")


def seconds_ago(moment: datetime, *, now: datetime) -> str:
    """How long ago to the second, for a worker's last report: just now, 1 min 04 s ago."""
    seconds = (now - moment).total_seconds()
    if seconds < 1:
        return "just now"
    return f"{format_duration(seconds)} ago"


def since(moment: datetime, *, now: datetime) -> str:
    """How long ago in round words, for lists: just now, 3 minutes ago, 2 days ago."""
    if (now - moment).total_seconds() < 60:
        return "just now"
    return f"{timesince(moment, now, depth=1)} ago"


def page_ranges(pages: list[int]) -> str:
    """'page 3' or 'pages 1–3, 7'."""
    spans: list[str] = []
    start = previous = pages[0]
    for page in [*pages[1:], None]:
        if page is not None and page == previous + 1:
            previous = page
            continue
        spans.append(str(start) if start == previous else f"{start}–{previous}")
        if page is not None:
            start = previous = page
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(spans)
