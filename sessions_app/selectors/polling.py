"""The one read a progress poll makes: the session row, in a single plain SQL query.

Polls are the hottest path of the application (every open progress page asks every 2 s, a
script may ask more often), and the ORM's query building costs a millisecond or more a query
where the query itself costs tens of microseconds. So the poll reads the row with one
precompiled statement and converts the values with the database backend's own converters (the
same the ORM applies), and hands back the values, the snapshot's JSON text exactly as stored
(for the API to serve without parsing or validating it again) and, when asked for, an ordinary
(unsaved) Session instance, whose rules (`is_queued`, `is_stalled`, …) then apply unchanged.
"""

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from uuid import UUID

from sessions_app.models import Session
from sessions_app.selectors.rows import OneRow

# Every column the progress page and the API decide from (not the row's large fields).
_FIELDS = (
    "id",
    "owner_id",
    "name",
    "created_at",
    "updated_at",
    "current_phase",
    "overall_percentage",
    "progress_updated_at",
    "progress_version",
    "queued_at",
    "claimed_by",
    "claimed_at",
    "finished_at",
    "cancel_requested_by",
    "cancel_requested_at",
    "needs_attention",
    "attention_reason",
    "reviewed_by_id",
    "reviewed_at",
    "processing_progress",
)


_ROW = OneRow(Session, _FIELDS, "{id} = %s AND ({owner} = %s OR %s)", raw=("processing_progress",))


@dataclass(frozen=True)
class PolledSession:
    """One poll's read: the row's values by field name and the snapshot's JSON text as stored
    (None once cleared). The Session instance (with the snapshot parsed) is built only when
    asked for: a poll answered 304, or by the API, never needs it."""

    values: dict[str, Any]
    stored: str | None

    @cached_property
    def session(self) -> Session:
        snapshot = json.loads(self.stored) if self.stored is not None else None
        return Session(**self.values, processing_progress=snapshot)


def polled_session(session_id: UUID, user) -> PolledSession | None:
    """The session `user` may see (their own; any, for staff), or None if there is no such
    session for them."""
    values = _ROW.fetch([_ROW.prepare("id", session_id), user.pk, bool(user.is_staff)])
    if values is None:
        return None
    stored = values.pop("processing_progress")
    if stored is not None and not isinstance(stored, str):
        stored = json.dumps(stored)  # a driver that parses JSON itself
    return PolledSession(values, stored)
