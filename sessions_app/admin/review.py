"""The accountants' review trail in the admin: read-only, like the append-only trail it is."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from sessions_app.models import ReviewEvent

FIELDS = ["at", "actor_name", "action", "transaction", "before", "after"]


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


def trail_table(session) -> SafeString | None:
    """A session's review trail as a read-only table on its admin page (not an inline: there is
    nothing to edit, so no formset)."""
    events = list(session.review_events.order_by("at", "pk"))
    if not events:
        return None
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                date_format(timezone.localtime(event.at), "DATETIME_FORMAT"),
                event.actor_name,
                event.get_action_display(),
                _match_words(event.before),
                _match_words(event.after),
            )
            for event in events
        ),
    )
    return format_html(
        '<table class="recon-trail"><thead><tr><th>When</th><th>Who</th><th>What</th>'
        "<th>Before</th><th>After</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )


def _match_words(match: dict | None) -> str:
    if not match:
        return "no receipt"
    return f"{match.get('transaction')} ↔ {match.get('receipt')} ({match.get('status')})"


@admin.register(ReviewEvent)
class ReviewEventAdmin(_ReadOnly, admin.ModelAdmin):
    """Every step of every review: who, when, the match before and after. Nobody edits it."""

    list_display = ["at", "session", "actor_name", "action"]
    list_filter = ["action", "at"]
    list_select_related = ["session"]
    search_fields = ["session__name", "actor_name"]
    readonly_fields = ["session", *FIELDS]
    fields = ["session", *FIELDS]
    date_hierarchy = "at"

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_staff
