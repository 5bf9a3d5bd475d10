"""Template helpers of the accountant's pages: times in their zone, durations, words."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

from sessions_app.progress.words import format_duration

register = template.Library()


@register.simple_tag
def when(moment: datetime | None, seconds: bool = False) -> str:
    """A moment in the accountant's time zone, saying which zone:
    <time datetime="2026-03-02T09:00:00+00:00">2 Mar 2026, 10:00 CET</time>."""
    if moment is None:
        return "–"
    local = timezone.localtime(moment)
    shown = date_format(local, "j M Y, H:i:s T" if seconds else "j M Y, H:i T")
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), shown)


@register.filter
def duration(seconds: float | int | None) -> str:
    """42 s, 3 min 05 s, 2 h 07 min."""
    return format_duration(seconds or 0)


@register.simple_tag
def concat(*parts: object) -> str:
    """The parts as one string (for aria-valuetext built from numbers and words)."""
    return "".join(str(part) for part in parts)
