"""The session list and the new-session (upload) page."""

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseClientRedirect, HttpResponseStopPolling

from sessions_app.forms import NewSessionForm
from sessions_app.models import Match, Session, Transaction, UploadedFile
from sessions_app.progress.phases import TERMINAL_PHASES
from sessions_app.selectors import progress as display
from sessions_app.selectors.workers import queue_positions
from sessions_app.views.auth import HtmxHttpRequest, login_required

SESSIONS_PER_PAGE = 25


@login_required
@require_GET
@never_cache
def session_list(request: HtmxHttpRequest) -> HttpResponse:
    """The user's sessions (every session, for staff), newest first; to htmx, only the rows,
    with status 286 and no trigger once none of them is still running."""
    sessions = (
        Session.objects.visible_to(request.user)
        .select_related("owner")
        .defer("processing_progress")
        .annotate(
            status_message=KT("processing_progress__status_message"),
            file_count=_count(UploadedFile.objects.all()),
            charge_count=_count(Transaction.objects.filter(amount__gt=0)),
            credit_count=_count(Transaction.objects.filter(amount__lt=0)),
            matched_count=_count(Match.objects.all()),
        )
    )
    page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    now = timezone.now()
    positions = queue_positions(list(page))
    context = {
        "page": page,
        "rows": [
            display.list_row(session, now=now, position=positions.get(session.pk))
            for session in page
        ],
        "polling": any(session.current_phase not in TERMINAL_PHASES for session in page),
    }
    if request.htmx:
        html = render_to_string("sessions_app/session_list.html#rows", context, request=request)
        response = HttpResponse(html) if context["polling"] else HttpResponseStopPolling(html)
    else:
        response = render(request, "sessions_app/session_list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _count(rows) -> Coalesce:
    """How many of `rows` belong to the outer session, as a subquery (no join fan-out)."""
    counted = (
        rows.filter(session=OuterRef("pk"))
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request: HtmxHttpRequest) -> HttpResponse:
    """The upload form; a POST runs the upload phase and goes to the new session's page, or
    shows every reason the files were refused (to htmx, only the errors, keeping the chosen
    files in the browser)."""
    if request.method != "POST":
        return render(request, "sessions_app/session_new.html", {"form": NewSessionForm()})
    form = NewSessionForm(request.POST, request.FILES)
    refused = getattr(request, "upload_refused", None)  # stopped while arriving (uploads.py)
    if refused:
        form.add_error(None, refused)
    session = form.save(owner=request.user) if not refused and form.is_valid() else None
    if session is not None:
        url = session.get_absolute_url()
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    template = "sessions_app/session_new.html"
    return render(request, f"{template}#errors" if request.htmx else template, {"form": form})
