"""HTML fragments the session admin shows: the progress bar, the snapshot and the error."""

import copy
import json
from datetime import datetime
from decimal import Decimal

import pydantic
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from sessions_app.models import Session
from sessions_app.progress.maths import to_whole
from sessions_app.progress.schema import ErrorContext
from sessions_app.progress.words import since


def progress_bar(percentage: Decimal | None) -> SafeString | None:
    """A `<progress>` bar with aria-valuenow of the cached column, and the whole percentage."""
    if percentage is None:
        return None
    return format_html(
        '<span class="recon-progress"><progress max="100" value="{}" aria-valuenow="{}" '
        'aria-valuemin="0" aria-valuemax="100" aria-label="Overall progress"></progress>'
        "<span>{}%</span></span>",
        percentage,
        percentage,
        to_whole(percentage),
    )


def time_ago(moment: datetime | None) -> SafeString | None:
    """How long ago, e.g. "12 minutes ago" or "just now", in a <time> titled with the exact time."""
    if moment is None:
        return None
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        moment.isoformat(timespec="seconds"),
        date_format(timezone.localtime(moment), "DATETIME_FORMAT"),
        since(moment, now=timezone.now()),
    )


def snapshot_block(session: Session) -> SafeString | None:
    """The snapshot as indented JSON in a <pre>, in the schema's order and without the
    traceback; None once cleared. An unreadable snapshot is shown as stored."""
    if session.processing_progress is None:
        return None
    try:
        shown = session.progress.to_json(include_traceback=False)
    except pydantic.ValidationError:
        shown = copy.deepcopy(session.processing_progress)
        if isinstance(shown.get("error"), dict):
            shown["error"].pop("traceback", None)
    text = json.dumps(shown, indent=2, ensure_ascii=False)
    return format_html('<pre class="recon-pre">{}</pre>', text)


def stored_error(session: Session) -> ErrorContext | None:
    """The error of the session's snapshot, or None (no error, or a snapshot that is unreadable;
    the raw snapshot is still shown)."""
    try:
        progress = session.progress
    except pydantic.ValidationError:
        return None
    return progress.error if progress else None


def error_details(error: ErrorContext) -> SafeString:
    """The error with its context (type, message, phase, file, page, time) as a definition list."""
    rows = [
        ("Type", error.type),
        ("Message", error.message),
        ("Phase", error.context.phase),
        ("File", error.context.file or "—"),
        ("Page", error.context.page or "—"),
        ("When", date_format(timezone.localtime(error.timestamp), "DATETIME_FORMAT")),
    ]
    return format_html(
        '<dl class="recon-error">{}</dl>', format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows)
    )


def traceback_block(error: ErrorContext | None) -> SafeString | None:
    """The stored traceback in a <pre>, or None if none was stored."""
    if error is None or not error.traceback:
        return None
    return format_html('<pre class="recon-pre recon-traceback">{}</pre>', error.traceback)
