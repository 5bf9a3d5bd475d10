"""Login for every page, in a way that also suits htmx polling and JSON callers, and the
accountant's own time zone for every page they see."""

import zoneinfo
from collections.abc import Callable
from functools import lru_cache, wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


View = Callable[..., HttpResponse]

# The browser reports its IANA zone (Intl.DateTimeFormat) in this cookie (static/js/recon.js);
# times are shown in it, and in settings.TIME_ZONE until it has.
TIME_ZONE_COOKIE = "recon_tz"


def login_required(view: View) -> View:
    """Send anonymous users to the login form; an htmx request (a poll after logging out in
    another tab) reloads the whole page there instead of swapping the form into a fragment.
    Signed-in users see times in their browser's time zone."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            with timezone.override(browser_time_zone(request)):
                return view(request, *args, **kwargs)
        if request.htmx:
            page = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(redirect_to_login(page).url)
        return redirect_to_login(request.get_full_path())

    return wrapper


def api_login_required(view: View) -> View:
    """For JSON endpoints: an anonymous caller gets 401 with a JSON body, never a redirect to
    an HTML login page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        response = JsonResponse(
            {"error": "not_authenticated", "detail": "Sign in to read this session's progress."},
            status=401,
        )
        response["WWW-Authenticate"] = 'Cookie realm="Recon"'
        return response

    return wrapper


def browser_time_zone(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    """The zone the browser reported, or None (the default zone) if none or not a real one."""
    return _zone(request.COOKIES.get(TIME_ZONE_COOKIE, ""))


@lru_cache(maxsize=512)
def _zone(name: str) -> zoneinfo.ZoneInfo | None:
    if not name or len(name) > 64:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
