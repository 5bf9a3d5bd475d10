"""GET /api/sessions/<id>/progress, exactly as PRODUCT.md fixes it, in JSON to every caller."""

import json
from uuid import UUID

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from sessions_app.selectors.polling import polled_session
from sessions_app.views.auth import api_login_required
from sessions_app.views.conditional import etag_for, not_modified, tag


@require_GET
@api_login_required
def session_progress(request: HttpRequest, session_id: UUID) -> HttpResponse:
    """The cached columns and the snapshot as stored (it was validated when written; null once
    cleared), to the owner or staff only (a JSON 404 to others); the traceback only to
    superusers. One query; answered with 304 when the caller's ETag is still current."""
    found = polled_session(session_id, request.user)
    if found is None:
        return JsonResponse(
            {"error": "not_found", "detail": "No such session, or not yours."}, status=404
        )
    row, stored = found.values, found.stored
    superuser = request.user.is_superuser
    etag = etag_for(row["id"], row["progress_version"], row["progress_updated_at"], superuser)
    if (unchanged := not_modified(request, etag)) is not None:
        return unchanged
    if stored is not None and not superuser and '"traceback"' in stored:
        snapshot = json.loads(stored)
        snapshot.get("error", {}).pop("traceback", None)
        stored = json.dumps(snapshot)
    overall = row["overall_percentage"]
    head = json.dumps(
        {
            "id": str(row["id"]),
            "current_phase": row["current_phase"],
            "overall_percentage": float(overall) if overall is not None else None,
        }
    )
    # The stored snapshot goes out as the text it is: no parse, no validation, no re-encoding.
    body = f'{head[:-1]}, "progress": {stored if stored is not None else "null"}}}'
    return tag(HttpResponse(body, content_type="application/json"), etag)
