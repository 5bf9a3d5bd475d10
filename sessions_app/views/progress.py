"""The progress page of one session, its polled fragment, and the retry button."""

from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from processing import work_queue
from processing.errors import ActionRefused
from sessions_app.models import FileState, Session
from sessions_app.progress.phases import TERMINAL_PHASES, Phase, PhaseStatus
from sessions_app.progress.schema import ProcessingProgress
from sessions_app.selectors import progress as display
from sessions_app.selectors.results import results
from sessions_app.views.auth import HtmxHttpRequest, login_required

TEMPLATE = "sessions_app/session_detail.html"


@login_required
@require_GET
@never_cache
def session_detail(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """The session's progress page, or (to htmx) its progress fragment; the fragment of an ended
    run carries no trigger and comes with status 286, so polling stops."""
    session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    context = progress_context(session, now=timezone.now())
    if request.htmx:
        html = render_to_string(f"{TEMPLATE}#progress", context, request=request)
        response_class = HttpResponseStopPolling if context["finished"] else HttpResponse
        response = response_class(html)
    else:
        response = render(request, TEMPLATE, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def session_retry(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """Start a failed session again (keeping its files) and return to its page; a refusal is
    shown there as a message."""
    session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    try:
        work_queue.retry(session=session)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Started again. Files already read are kept.")
    return redirect(session)


def progress_context(session: Session, *, now: datetime) -> dict[str, Any]:
    """Everything the progress fragment shows, as of `now`."""
    progress = session.progress
    finished = session.current_phase in TERMINAL_PHASES
    processing = progress.phases.get(Phase.PROCESSING) if progress else None
    reading = (
        processing is not None
        and session.current_phase == Phase.PROCESSING
        and processing.status == PhaseStatus.IN_PROGRESS
    )
    current_file = processing.current_file if reading else None
    files = list(session.files.all())
    error = progress.error if progress and session.current_phase == Phase.FAILED else None
    failed_phase = Phase(error.context.phase).label.lower() if error else None
    return {
        "session": session,
        "progress": progress,
        "finished": finished,
        "percentage": display.percentage(session),
        "state": display.session_state(session, now=now),
        "status_message": _status_message(session, progress, failed_phase=failed_phase),
        "phases": display.phase_views(session, progress),
        "current_file": current_file,
        "current_file_percentage": int(current_file.percentage) if current_file else 0,
        "files": display.file_rows(files, progress),
        "files_done": sum(file.state == FileState.DONE for file in files),
        "warnings": display.warnings(progress, files),
        "pace": display.pace(session, progress, now=now),
        "updated_ago": display.updated_ago(session, now=now),
        "stalled": session.is_stalled(now),
        "waiting_minutes": _waiting_minutes(session, now=now),
        "error": error,
        "failed_phase": failed_phase,
        "results": results(session) if session.current_phase == Phase.COMPLETED else None,
    }


def _status_message(
    session: Session, progress: ProcessingProgress | None, *, failed_phase: str | None
) -> str:
    if session.current_phase == Phase.COMPLETED:
        return "Done: the report is ready."
    if failed_phase:
        # The failure card below says where and why; the headline stays short.
        return f"Stopped during {failed_phase}."
    return progress.status_message if progress else "Preparing…"


def _waiting_minutes(session: Session, *, now: datetime) -> int | None:
    """Minutes a queued session has waited, once that is longer than a worker should take."""
    if not session.is_queued:
        return None
    waited = (now - session.queued_at).total_seconds()
    if waited < settings.PROGRESS_STALE_AFTER_SECONDS:
        return None
    return int(waited // 60)
