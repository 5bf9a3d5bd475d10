"""The one read a progress poll makes: the session row, in a single plain SQL query.

Polls are the hottest path of the application (every open progress page asks every 2 s, a
script may ask more often), and the ORM's query building costs a millisecond or more a query
where the query itself costs tens of microseconds. So the poll reads the row with one
precompiled statement and converts the values with the database backend's own converters (the
same the ORM applies), and hands back an ordinary (unsaved) Session instance, whose rules
(`is_queued`, `is_stalled`, …) then apply unchanged, and the snapshot's JSON text exactly as
stored, for the API to serve without parsing or validating it again.
"""

import json
from functools import cache
from uuid import UUID

from django.db import connection

from sessions_app.models import Session

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


@cache
def _statement() -> str:
    meta = Session._meta
    columns = ", ".join(
        connection.ops.quote_name(meta.get_field(name.removesuffix("_id")).column)
        if name.endswith("_id")
        else connection.ops.quote_name(meta.get_field(name).column)
        for name in _FIELDS
    )
    table = connection.ops.quote_name(meta.db_table)
    pk = connection.ops.quote_name(meta.pk.column)
    owner = connection.ops.quote_name(meta.get_field("owner").column)
    return f"SELECT {columns} FROM {table} WHERE {pk} = %s AND ({owner} = %s OR %s)"


def _converters() -> list:
    meta = Session._meta
    found = []
    for name in _FIELDS[:-1]:
        field = meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name)
        column = field.get_col(meta.db_table)
        found.append(
            (
                column,
                connection.ops.get_db_converters(column) + column.get_db_converters(connection),
            )
        )
    return found


def polled_session(session_id: UUID, user) -> tuple[Session, str | None] | None:
    """The session `user` may see (their own; any, for staff), as an unsaved Session with the
    poll's columns, and its snapshot's JSON text as stored (None if cleared); None if there is
    no such session for them."""
    key = Session._meta.pk.get_db_prep_value(session_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(_statement(), [key, user.pk, bool(user.is_staff)])
        row = cursor.fetchone()
    if row is None:
        return None
    values = {}
    for name, raw, (column, converters) in zip(_FIELDS, row, _converters(), strict=False):
        for converter in converters:
            raw = converter(raw, column, connection)
        values[name] = raw
    stored = row[-1]
    if stored is not None and not isinstance(stored, str):
        stored = json.dumps(stored)  # a driver that parses JSON itself
    snapshot = json.loads(stored) if stored is not None else None
    return Session(**values, processing_progress=snapshot), stored
