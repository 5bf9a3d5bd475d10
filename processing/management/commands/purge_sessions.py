"""The retention rule of data-model.md: sessions older than 90 days are deleted."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from processing.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Delete sessions older than the retention period (90 days by default), with their "
        "stored PDFs and reports. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--older-than-days",
            type=int,
            default=settings.RECON_RETENTION_DAYS,
            help=f"Age in days (default {settings.RECON_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted, delete nothing."
        )

    def handle(self, *args, **options) -> None:
        days = options["older_than_days"]
        if days < 1:
            raise CommandError("--older-than-days must be at least 1.")
        result = purge_expired(now=timezone.now(), older_than_days=days, dry_run=options["dry_run"])
        verb = "Would delete" if options["dry_run"] else "Deleted"
        self.stdout.write(
            f"{verb} {result.sessions} session(s) older than {days} days "
            f"and {result.files} stored file(s)."
        )
