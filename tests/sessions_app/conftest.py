import pytest
from django.utils import timezone

from tests.builders.records import make_user


@pytest.fixture
def frozen_now(clock, monkeypatch):
    """The views read the same FakeClock the tracker writes with."""
    monkeypatch.setattr(timezone, "now", clock)


@pytest.fixture
def owner(client):
    """An accountant, logged in."""
    user = make_user()
    client.force_login(user)
    return user
