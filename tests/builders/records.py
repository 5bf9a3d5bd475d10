"""Small `make_*` helpers for test data."""

import itertools

from django.contrib.auth import get_user_model
from django.utils import timezone

from sessions_app.models import Session

_counter = itertools.count(1)


def make_user(username: str | None = None, *, staff: bool = False, password: str = "pw-recon-123"):
    username = username or f"user{next(_counter)}"
    return get_user_model().objects.create_user(
        username=username, password=password, is_staff=staff, is_superuser=staff
    )


def make_session(owner=None, *, name: str = "March 2026", **fields) -> Session:
    fields.setdefault("created_at", timezone.now())
    return Session.objects.create(owner=owner or make_user(), name=name, **fields)
