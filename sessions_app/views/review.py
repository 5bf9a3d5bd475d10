"""The review page: every charge with its receipt and why they matched, and the accountant's
confirm / unmatch / match-by-hand buttons (htmx: the row is swapped, the trail and the counts
follow out of band), then "finish", which rebuilds the report."""

from uuid import UUID

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from processing import review
from processing.errors import ActionRefused
from sessions_app.models import Session, Transaction
from sessions_app.progress.phases import Phase
from sessions_app.views.auth import HtmxHttpRequest, login_required

TEMPLATE = "sessions_app/session_review.html"
# A list of every free receipt beside each charge is only offered while it stays short.
MANUAL_LIST_MAX = 300


def _completed(request: HtmxHttpRequest, session_id: UUID) -> Session:
    return get_object_or_404(
        Session.objects.visible_to(request.user).select_related("reviewed_by"),
        pk=session_id,
        current_phase=Phase.COMPLETED,
    )


@login_required
@require_GET
@never_cache
def session_review(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """Every charge of a completed session, grouped: needs a look, unmatched, confident."""
    session = _completed(request, session_id)
    board = review.board(session)
    return render(
        request,
        TEMPLATE,
        {
            "session": session,
            "board": board,
            "look_shown": board.look[: review.ROWS_SHOWN],
            "unmatched_shown": board.unmatched,
            "confident_shown": board.confident[: review.ROWS_SHOWN],
            "shown": review.ROWS_SHOWN,
            "trail": review.recent_trail(session),
            "free_receipts": board.free_receipts,
            "manual_list": len(board.free_receipts) <= MANUAL_LIST_MAX,
        },
    )


@login_required
@require_POST
def review_action(
    request: HtmxHttpRequest, session_id: UUID, transaction_id: int, action: str
) -> HttpResponse:
    """Confirm, unmatch or match by hand one charge; to htmx, its row again (with the refusal
    if there was one), a new line of the trail and the counts."""
    session = _completed(request, session_id)
    note, event = "", None
    try:
        if action == "confirm":
            event = review.confirm(
                session=session, transaction_id=transaction_id, user=request.user
            )
        elif action == "unmatch":
            event = review.unmatch(
                session=session, transaction_id=transaction_id, user=request.user
            )
        elif action == "match":
            receipt_id = request.POST.get("receipt_id", "")
            if not receipt_id.isdigit():
                raise ActionRefused("Choose a receipt first.")
            event = review.match_by_hand(
                session=session,
                transaction_id=transaction_id,
                receipt_id=int(receipt_id),
                user=request.user,
            )
        else:
            return HttpResponse(status=404)
    except ActionRefused as refused:
        note = str(refused)
    if not request.htmx:
        if note:
            messages.error(request, note)
        return redirect("session_review", session_id=session.pk)
    charge = get_object_or_404(
        Transaction.objects.select_related("employee", "source_file", "match__receipt"),
        session=session,
        pk=transaction_id,
    )
    session.refresh_from_db(fields=["reviewed_at"])
    board = review.board(session, candidates_for=0)
    context = {
        "session": session,
        "row": review.review_row(charge),
        "note": note,
        "event": event,
        "board": board,
        "free_receipts": board.free_receipts,
        "manual_list": len(board.free_receipts) <= MANUAL_LIST_MAX,
        "announce": note or (event and _announce(event.action)),
        "focus": True,
    }
    return HttpResponse(render_to_string(f"{TEMPLATE}#action-response", context, request=request))


@login_required
@require_POST
def review_finish(request: HtmxHttpRequest, session_id: UUID) -> HttpResponse:
    """Rebuild the report from the reviewed matches, saying who reviewed it; back to the
    session's page, where the new report waits."""
    session = _completed(request, session_id)
    try:
        review.finish(session=session, user=request.user)
    except ActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("session_review", session_id=session.pk)
    messages.success(request, "Review finished: the report was rebuilt from your matches.")
    return redirect(session)


def _announce(action: str) -> str:
    return {
        "confirm": "Match confirmed.",
        "unmatch": "Match removed: the charge and its receipt are unmatched.",
        "match": "Matched by hand.",
    }[action]
