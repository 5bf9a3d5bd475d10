"""System checks for the progress settings, so a bad configuration fails at start-up."""

from decimal import Decimal

from django.conf import settings
from django.core import checks

from sessions_app.progress.phases import WORK_PHASES


@checks.register()
def check_progress_settings(app_configs, **kwargs) -> list[checks.CheckMessage]:
    errors: list[checks.CheckMessage] = []
    weights = settings.PROGRESS_PHASE_WEIGHTS
    if set(weights) != set(WORK_PHASES):
        errors.append(
            checks.Error(
                "PROGRESS_PHASE_WEIGHTS must give a weight for exactly these phases: "
                + ", ".join(WORK_PHASES),
                id="recon.E001",
            )
        )
    elif any(Decimal(w) < 0 for w in weights.values()) or sum(
        Decimal(w) for w in weights.values()
    ) != Decimal(1):
        errors.append(
            checks.Error(
                "PROGRESS_PHASE_WEIGHTS must be non-negative and add up to 1 "
                f"(they add up to {sum(Decimal(w) for w in weights.values())}).",
                id="recon.E002",
            )
        )
    interval = settings.PROGRESS_WRITE_INTERVAL_SECONDS
    stale = settings.PROGRESS_STALE_AFTER_SECONDS
    if not 0 < interval < stale:
        errors.append(
            checks.Error(
                "PROGRESS_WRITE_INTERVAL_SECONDS must be positive and shorter than "
                f"PROGRESS_STALE_AFTER_SECONDS ({interval} s vs {stale} s), or live sessions "
                "would look stalled.",
                id="recon.E003",
            )
        )
    if not 0 < settings.RECON_PAGE_TIMEOUT_SECONDS < stale:
        errors.append(
            checks.Error(
                "RECON_PAGE_TIMEOUT_SECONDS must be positive and shorter than "
                f"PROGRESS_STALE_AFTER_SECONDS ({settings.RECON_PAGE_TIMEOUT_SECONDS} s vs "
                f"{stale} s): a worker waiting on a slow page writes no progress meanwhile.",
                id="recon.E004",
            )
        )
    return errors
