from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest

from sessions_app.models import SessionQuerySet


class StalledFilter(admin.SimpleListFilter):
    """Sessions whose worker went silent, as `Session.objects.stalled()` defines them."""

    title = "stalled"
    parameter_name = "stalled"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        minutes = settings.PROGRESS_STALE_AFTER_SECONDS // 60
        return [("yes", f"Stalled (no progress for over {minutes} min)")]

    def queryset(self, request: HttpRequest, queryset: SessionQuerySet) -> SessionQuerySet:
        if self.value() == "yes":
            return queryset.stalled()
        return queryset


class QueueFilter(admin.SimpleListFilter):
    """Sessions waiting in the queue for a worker, and those a worker holds now."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("queued", "Queued: waiting for a worker"), ("held", "Held by a worker")]

    def queryset(self, request: HttpRequest, queryset: SessionQuerySet) -> SessionQuerySet:
        if self.value() == "queued":
            return queryset.queued()
        if self.value() == "held":
            return queryset.filter(claimed_by__isnull=False)
        return queryset


class AttentionFilter(admin.SimpleListFilter):
    """Completed sessions whose figures need a look (no rows, or totals that disagree)."""

    title = "needs attention"
    parameter_name = "attention"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "Needs attention"), ("no", "Figures check out")]

    def queryset(self, request: HttpRequest, queryset: SessionQuerySet) -> SessionQuerySet:
        if self.value() == "yes":
            return queryset.filter(needs_attention=True)
        if self.value() == "no":
            return queryset.filter(needs_attention=False)
        return queryset
