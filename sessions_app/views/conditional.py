"""Answering a poll whose answer has not changed without rendering it again.

A poll carries the ETag of the last answer (If-None-Match: the browser adds it to htmx's
requests by itself, the response being `private, no-cache`); the ETag is worked out from the
session row alone (its progress version and times, and whatever else the answer depends on), so
an unchanged session costs one query and a 304, never a template or a JSON parse.
"""

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified


def etag_for(*parts: object) -> str:
    """A weak ETag from the parts the answer depends on."""
    digest = hashlib.blake2s("|".join(map(str, parts)).encode(), digest_size=12).hexdigest()
    return f'W/"{digest}"'


def not_modified(request: HttpRequest, etag: str, *, vary: str = "Cookie") -> HttpResponse | None:
    """A 304 if the caller already holds the answer tagged `etag`, else None."""
    held = request.META.get("HTTP_IF_NONE_MATCH", "")
    if not held:
        return None
    tags = {tag.strip() for tag in held.split(",")}
    # Weak comparison (RFC 9110 8.8.3.2): W/"x" and "x" are the same answer.
    if etag in tags or etag.removeprefix("W/") in tags or "*" in tags:
        response = HttpResponseNotModified()
        tag(response, etag, vary=vary)
        return response
    return None


def tag(response: HttpResponse, etag: str, *, vary: str = "Cookie") -> HttpResponse:
    """Mark `response` (a view's new response) with `etag`; it may be kept by the browser only
    to be revalidated. The headers are set outright, not merged (patch_cache_control parses
    and rebuilds them: a tenth of a poll's time), since a new response has none of them."""
    response["ETag"] = etag
    response["Cache-Control"] = "max-age=0, no-cache, private"
    response["Vary"] = vary
    return response
