"""Sessions in the admin: filtered by phase, stalled work flagged, progress read-only."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString

from sessions_app.admin import display
from sessions_app.admin.actions import mark_stalled_failed, requeue_stalled, retry_failed
from sessions_app.admin.filters import AttentionFilter, QueueFilter, StalledFilter
from sessions_app.admin.review import trail_table
from sessions_app.models import Session, SessionQuerySet, UploadedFile
from sessions_app.selectors.workers import ordinal, queue_position, queue_positions

# Shown, never edited: only ProgressRepository and processing.work_queue write these.
PROGRESS_FIELDS = ["current_phase", "progress_bar", "progress_updated_at", "stalled_state"]
QUEUE_FIELDS = ["queued_at", "claimed_by", "claimed_at", "finished_at", "progress_version"]


class UploadedFileInline(admin.TabularInline):
    """A session's files, read-only: files come from the upload, never from the admin."""

    model = UploadedFile
    fields = [
        "original_name",
        "kind",
        "page_count",
        "state",
        "regex_matches_found",
        "pages_without_text",
        "check_verdict",
        "check_message",
        "error_message",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Session | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Session | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Session | None = None) -> bool:
        return False


class SessionChangeList(ChangeList):
    """The list reads the cached columns only: the JSON snapshot is never loaded or parsed."""

    def get_queryset(self, request: HttpRequest, exclude_parameters=None) -> SessionQuerySet:
        return super().get_queryset(request, exclude_parameters).defer("processing_progress")


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "owner",
        "phase",
        "progress_bar",
        "file_count",
        "last_update",
        "stalled",
        "attention",
        "reviewed",
    ]
    list_filter = [
        "current_phase",
        QueueFilter,
        StalledFilter,
        AttentionFilter,
        "created_at",
    ]
    list_select_related = ["owner"]
    search_fields = ["name", "owner__username", "owner__email"]
    ordering = ["-created_at"]
    raw_id_fields = ["owner"]
    readonly_fields = [
        "created_at",
        "updated_at",
        *PROGRESS_FIELDS,
        "status_message",
        "progress_snapshot",
        "error_details",
        "error_traceback",
        *QUEUE_FIELDS,
        "attention_state",
        "review_state",
        "review_trail",
    ]
    actions = [retry_failed, requeue_stalled, mark_stalled_failed]
    inlines = [UploadedFileInline]

    class Media:
        css = {"all": ["css/admin-recon.css"]}

    def get_queryset(self, request: HttpRequest) -> SessionQuerySet:
        # A subquery, not Count("files") over a join: the changelist's COUNT(*) queries then
        # stay plain (Django strips the unused annotation) and can use the phase index.
        files = (
            UploadedFile.objects.filter(session=OuterRef("pk"))
            .order_by()
            .values("session")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return super().get_queryset(request).annotate(file_count=Coalesce(Subquery(files), 0))

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return SessionChangeList

    def get_fieldsets(self, request: HttpRequest, obj: Session | None = None) -> list:
        fieldsets: list[tuple[str | None, dict[str, Any]]] = [
            (None, {"fields": ["name", "owner", "created_at", "updated_at"]}),
            ("Progress", {"fields": [*PROGRESS_FIELDS, "status_message", "progress_snapshot"]}),
            ("Outcome", {"fields": ["attention_state", "review_state", "review_trail"]}),
        ]
        if obj is not None and display.stored_error(obj) is not None:
            error_fields = ["error_details"]
            if request.user.is_superuser:
                error_fields.append("error_traceback")
            fieldsets.append(("Error", {"fields": error_fields}))
        fieldsets.append(("Work queue", {"fields": QUEUE_FIELDS, "classes": ["collapse"]}))
        return fieldsets

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A session is born from an upload (web or create_session), with its files.
        return False

    def save_model(self, request: HttpRequest, obj: Session, form: ModelForm, change: bool) -> None:
        """Write only what the form edits, so a worker's progress written meanwhile survives."""
        if not change:
            obj.save()
            return
        obj.save(update_fields=[*form.changed_data, "updated_at"])

    def get_changelist_instance(self, request: HttpRequest) -> ChangeList:
        changelist = super().get_changelist_instance(request)
        # Queue positions of the page's queued sessions, in one query (see `phase`).
        self._positions = queue_positions(list(changelist.result_list))
        return changelist

    @admin.display(description="Phase", ordering="current_phase")
    def phase(self, obj: Session) -> SafeString | None:
        if obj.current_phase is None:
            return None
        if obj.is_queued:
            # Not "Upload 10 %": the upload is long done and the session waits for a worker.
            position = getattr(self, "_positions", {}).get(obj.pk) or queue_position(obj)
            return format_html(
                '<span class="recon-phase recon-phase-queued" title="Waiting for a worker since '
                '{}">Queued · {} in line</span>',
                obj.queued_at.isoformat(timespec="seconds"),
                ordinal(position),
            )
        if obj.current_phase == "completed" and obj.needs_attention:
            return format_html(
                '<span class="recon-phase recon-phase-attention">{}</span>', "Completed"
            )
        return format_html(
            '<span class="recon-phase recon-phase-{}">{}</span>',
            obj.current_phase,
            obj.get_current_phase_display(),
        )

    @admin.display(description="Needs attention", ordering="needs_attention")
    def attention(self, obj: Session) -> SafeString | None:
        if not obj.needs_attention:
            return None
        return format_html(
            '<strong class="recon-attention" title="{}">Needs attention</strong>'
            '<div class="recon-attention-reason">{}</div>',
            obj.attention_reason,
            obj.attention_reason,
        )

    @admin.display(description="Reviewed", ordering="reviewed_at")
    def reviewed(self, obj: Session) -> SafeString | None:
        return display.time_ago(obj.reviewed_at)

    @admin.display(description="Needs attention")
    def attention_state(self, obj: Session) -> SafeString | str:
        return self.attention(obj) or "No"

    @admin.display(description="Review trail")
    def review_trail(self, obj: Session) -> SafeString | str:
        return trail_table(obj) or "No review changes."

    @admin.display(description="Review")
    def review_state(self, obj: Session) -> str:
        if obj.reviewed_at is None:
            return "Not reviewed"
        who = obj.reviewed_by.get_username() if obj.reviewed_by_id else "someone"
        return f"Reviewed by {who}"

    @admin.display(description="Progress", ordering="overall_percentage")
    def progress_bar(self, obj: Session) -> SafeString | None:
        return display.progress_bar(obj.overall_percentage)

    @admin.display(description="Files", ordering="file_count")
    def file_count(self, obj: Session) -> int:
        return obj.file_count

    @admin.display(description="Last update", ordering="progress_updated_at")
    def last_update(self, obj: Session) -> SafeString | None:
        return display.time_ago(obj.progress_updated_at)

    @admin.display(description="Stalled")
    def stalled(self, obj: Session) -> SafeString | None:
        if not obj.is_stalled():
            return None
        return format_html(
            '<strong class="recon-stalled" title="No progress since {}">Stalled</strong>',
            obj.progress_updated_at.isoformat(timespec="seconds"),
        )

    # The change page shows a readonly None as "None", so these say what the absence means.

    @admin.display(description="Stalled")
    def stalled_state(self, obj: Session) -> SafeString | str:
        return self.stalled(obj) or "No"

    @admin.display(description="Status")
    def status_message(self, obj: Session) -> str:
        return (obj.processing_progress or {}).get("status_message") or "—"

    @admin.display(description="Progress snapshot")
    def progress_snapshot(self, obj: Session) -> SafeString | str:
        if obj.processing_progress is None:
            return "Cleared when the run completed." if obj.current_phase else "No progress yet."
        return display.snapshot_block(obj)

    @admin.display(description="Error")
    def error_details(self, obj: Session) -> SafeString | None:
        error = display.stored_error(obj)
        return display.error_details(error) if error else None

    @admin.display(description="Traceback")
    def error_traceback(self, obj: Session) -> SafeString | str:
        return display.traceback_block(display.stored_error(obj)) or "No traceback was stored."
