"""GET /api/sessions/<id>/progress, exactly as PRODUCT.md fixes it."""

from uuid import UUID

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sessions_app.models import Session
from sessions_app.views.auth import HtmxHttpRequest, login_required


@login_required
@require_GET
@never_cache
def session_progress(request: HtmxHttpRequest, session_id: UUID) -> JsonResponse:
    """The cached columns and the snapshot as data-model.md shapes it (null once cleared), to
    the owner or staff only; the traceback only to staff; never cached."""
    session = get_object_or_404(Session.objects.visible_to(request.user), pk=session_id)
    progress = session.progress
    overall = session.overall_percentage
    return JsonResponse(
        {
            "id": str(session.pk),
            "current_phase": session.current_phase,
            "overall_percentage": float(overall) if overall is not None else None,
            "progress": (
                progress.to_json(include_traceback=request.user.is_superuser) if progress else None
            ),
        }
    )
