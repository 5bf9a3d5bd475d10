"""The progress page of one session, its polled fragment, and the retry and cancel buttons."""

from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseStopPolling

from processing import work_queue
from processing.errors import ActionRefused
from sessions_app.models import FileState, Session
from sessions_app.progress.phases import TERMINAL_PHASES, Phase, PhaseStatus
from sessions_app.progress.schema import ProcessingProgress
from sessions_app.progress.words import format_duration
from sessions_app.selectors import progress as display
from sessions_app.selectors.polling import polled_session
from sessions_app.selectors.results import results, statement_checks
from sessions_app.selectors.workers import Workers, queue_position, workers_for
from sessions_app.views.auth import HtmxHttpRequest, login_required
from sessions_app.views.conditional import etag_for, not_modified, tag

TEMPLATE = "sessions_app/session_detail.html"
_FRAGMENT_CACHE = "recon:progress-fragment:"
_FRAGMENT_SECONDS = 60
_TOKEN_SLOT = "recon-csrf-token-slot"
# The page and its fragment share a URL: a cache must tell them apart.
_FRAGMENT_VARY = "Cookie, HX-Request"
# States in which what the page says depends on which workers are alive.
_WORKER_STATES = ("queued", "quiet", "stalled")


@login_required
@require_GET
def session_detail(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """The session's progress page, or (to htmx) its progress fragment; the fragment of an ended
    run carries no trigger and comes with status 286, so polling stops. A poll whose answer
    would not change is answered 304 from the session row alone (one query)."""
    if request.htmx:
        found = polled_session(session_id, request.user)
        if found is None:
            raise Http404("No such session.")
        session = found.session
    else:
        session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    now = timezone.now()
    position = queue_position(session)
    state = display.session_state(session, now=now, position=position)
    workers = workers_for(session, now=now) if state.key in _WORKER_STATES else None
    if request.htmx:
        etag = etag_for(
            session.pk,
            session.progress_version,
            session.progress_updated_at,
            session.updated_at,
            session.current_phase,
            state,
            workers,
            session.needs_attention,
            session.reviewed_at,
            request.user.pk,
            timezone.get_current_timezone_name(),
        )
        if (unchanged := not_modified(request, etag, vary=_FRAGMENT_VARY)) is not None:
            return unchanged
        # Many pollers (tabs, people) ask for the same version: it is rendered once.
        html = cache.get(_FRAGMENT_CACHE + etag)
        if html is None:
            context = progress_context(session, now=now, state=state, workers=workers)
            html = render_to_string(
                f"{TEMPLATE}#progress", {**context, "csrf_token": _TOKEN_SLOT}, request=request
            )
            cache.set(_FRAGMENT_CACHE + etag, html, _FRAGMENT_SECONDS)
        # The one per-request part: this browser's own CSRF token in the forms.
        html = html.replace(_TOKEN_SLOT, get_token(request))
        finished = session.current_phase in TERMINAL_PHASES
        response_class = HttpResponseStopPolling if finished else HttpResponse
        response = tag(response_class(html), etag, vary=_FRAGMENT_VARY)
    else:
        context = progress_context(session, now=now, state=state, workers=workers)
        response = render(request, TEMPLATE, context)
        # The whole page carries one-off messages: never kept. Fragments are revalidated.
        add_never_cache_headers(response)
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


@login_required
@require_POST
def session_cancel(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """Cancel a queued session at once, or ask a running one's worker to stop at the next page;
    an ended session refuses, with a message."""
    session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    try:
        work_queue.request_cancel(session=session, user=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        session.refresh_from_db()
        if session.current_phase == Phase.FAILED:
            messages.success(request, "Cancelled. Nothing more will be read.")
        else:
            messages.success(request, "Stopping: the worker ends the run after the page it is on.")
    return redirect(session)


def progress_context(
    session: Session,
    *,
    now: datetime,
    state: display.SessionState | None = None,
    workers: Workers | None = None,
) -> dict[str, Any]:
    """Everything the progress fragment shows, as of `now`."""
    progress = session.progress
    finished = session.current_phase in TERMINAL_PHASES
    if state is None:
        state = display.session_state(session, now=now, position=queue_position(session))
    if workers is None and state.key in _WORKER_STATES:
        workers = workers_for(session, now=now)
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
    percentage = display.percentage(session)
    status_message = _status_message(session, progress, failed_phase=failed_phase, state=state)
    moving = state.key == "active"
    pace = display.pace(session, progress, now=now)
    return {
        "session": session,
        "progress": progress,
        "finished": finished,
        "percentage": percentage,
        "state": state,
        "moving": moving,
        "workers": workers,
        "status_message": status_message,
        "phases": display.phase_views(session, progress),
        "current_file": current_file,
        "current_file_percentage": int(current_file.percentage) if current_file else 0,
        "files": display.file_rows(files, progress),
        "files_done": sum(file.state == FileState.DONE for file in files),
        "checks": statement_checks(files),
        "warnings": display.warnings(progress, files),
        "pace": pace,
        # A time left is only worth showing while the worker is moving.
        "time_left": pace.time_left if moving else None,
        "updated_ago": display.updated_ago(session, now=now),
        "silent_seconds": int(display.silent_for(session, now=now)),
        "page_timeout": format_duration(getattr(settings, "RECON_PAGE_TIMEOUT_SECONDS", 120)),
        "stalled": state.key == "stalled",
        "quiet": state.key == "quiet",
        "can_cancel": session.is_active and state.key != "cancelling",
        "error": error,
        "failed_phase": failed_phase,
        "cancelled": state.key == "cancelled",
        "results": results(session) if session.current_phase == Phase.COMPLETED else None,
        "announcement": display.announcement(
            session, state=state, percentage=percentage, message=status_message
        ),
    }


def _status_message(
    session: Session,
    progress: ProcessingProgress | None,
    *,
    failed_phase: str | None,
    state: display.SessionState,
) -> str:
    if session.current_phase == Phase.COMPLETED:
        if session.needs_attention:
            return "Done, but the figures need a look before the report goes out."
        return "Done: the report is ready."
    if state.key == "cancelled":
        return "Cancelled: nothing more will be read."
    if failed_phase:
        # The failure card below says where and why; the headline stays short.
        return f"Stopped during {failed_phase}."
    if state.key == "cancelling":
        return "Stopping after the page being read…"
    return progress.status_message if progress else "Preparing…"
