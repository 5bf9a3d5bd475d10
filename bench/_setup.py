"""Shared set-up for the benchmarks: a throwaway Recon database and media root, migrated."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_in_scratch(database_url: str | None = None) -> Path:
    """Point Recon at a scratch directory (SQLite unless `database_url`), set Django up and
    migrate; returns the scratch directory."""
    scratch = Path(tempfile.mkdtemp(prefix="recon-bench-"))
    os.environ["RECON_VAR_DIR"] = str(scratch)
    os.environ["MEDIA_ROOT"] = str(scratch / "media")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return scratch
