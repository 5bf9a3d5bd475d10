"""Admin actions on sessions, each through `processing.work_queue` like the worker and the web."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.http import HttpRequest

from processing import work_queue
from processing.errors import ActionRefused
from sessions_app.models import SessionQuerySet
from sessions_app.progress.transitions import InvalidTransition

# Offered on the changelist for a selection and on a session's own page (Django 6.1).
EVERYWHERE = [admin.ActionLocation.CHANGE_LIST, admin.ActionLocation.CHANGE_FORM]


def apply_lever(
    modeladmin: admin.ModelAdmin,
    request: HttpRequest,
    queryset: SessionQuerySet,
    *,
    lever: Callable[..., None],
    done: str,
    logged: str,
) -> None:
    """Pull `lever` on each selected session; refusals become warnings, successes are logged."""
    succeeded = 0
    for session in queryset:
        try:
            lever(session=session)
        except ActionRefused as refusal:
            messages.warning(request, str(refusal))
            continue
        except InvalidTransition as conflict:
            # The session moved on (its worker, another operator) after it was read.
            messages.warning(request, f"“{session}” changed meanwhile; nothing done ({conflict}).")
            continue
        modeladmin.log_change(request, session, logged)
        succeeded += 1
    if succeeded:
        messages.success(request, f"{done} {succeeded} session{'' if succeeded == 1 else 's'}.")


@admin.action(
    description="Retry failed sessions (files already read are kept)",
    permissions=["change"],
    location=EVERYWHERE,
)
def retry_failed(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: SessionQuerySet
) -> None:
    apply_lever(
        modeladmin,
        request,
        queryset,
        lever=work_queue.retry,
        done="Retried",
        logged="Retried: a new run was queued.",
    )


@admin.action(
    description="Requeue stalled sessions (a worker resumes them)",
    permissions=["change"],
    location=EVERYWHERE,
)
def requeue_stalled(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: SessionQuerySet
) -> None:
    apply_lever(
        modeladmin,
        request,
        queryset,
        lever=work_queue.requeue,
        done="Requeued",
        logged="Requeued after its worker stalled.",
    )


@admin.action(
    description="Mark stalled sessions failed",
    permissions=["change"],
    location=EVERYWHERE,
)
def mark_stalled_failed(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: SessionQuerySet
) -> None:
    apply_lever(
        modeladmin,
        request,
        queryset,
        lever=work_queue.mark_failed,
        done="Marked failed",
        logged="Marked failed after its worker stalled.",
    )
