"""The one-line status message of a snapshot, e.g. "Processing File 2 of 3: Page 5/12"."""

from processing.phases import Phase, PhaseStatus
from processing.schema import ProcessingProgress


def status_message(progress: ProcessingProgress, *, queued: bool = False) -> str:
    """A plain-words summary of where the run is, for the progress page and the worker log."""
    phase_name = progress.current_phase
    if phase_name == Phase.FAILED:
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

    phase = progress.phases[phase_name]
    if phase_name == Phase.UPLOAD:
        if phase.status == PhaseStatus.COMPLETED:
            return "Upload complete: waiting for a worker" if queued else "Upload complete"
        return f"Uploading: {phase.files_uploaded or 0} file(s) stored"
    if phase_name == Phase.PROCESSING:
        current = phase.current_file
        if current is None or phase.current_file_index is None:
            return f"Processing: preparing {phase.total_files or 0} file(s)"
        number, total = phase.current_file_index + 1, phase.total_files
        if phase.status == PhaseStatus.COMPLETED:
            return f"Processing complete: {total} file(s) read"
        page = f"Page {current.current_page}/{current.total_pages}"
        return f"Processing File {number} of {total}: {page}"
    if phase_name == Phase.MATCHING:
        if phase.status == PhaseStatus.COMPLETED:
            return (
                f"Matching complete: {phase.matches_found or 0} matched, "
                f"{phase.unmatched_count or 0} unmatched"
            )
        return f"Matching transactions to receipts: {phase.matches_found or 0} matched so far"
    report = (phase.report_type or "").upper() or "the"
    if phase.status == PhaseStatus.COMPLETED:
        return f"Report written: {phase.records_written or 0} records"
    return f"Writing {report} report: {phase.records_written or 0} records"
