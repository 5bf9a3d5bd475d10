"""The sessions table as data-model.md defines it, checked in the database itself (not in
Django's migration state), and the QuerySets operators and workers rely on."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from sessions_app.models import Employee, Receipt, Session, Transaction, UploadedFile
from tests.builders.records import make_session, make_user

pytestmark = pytest.mark.django_db


def index_definition(name: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type='index' AND name=%s", [name])
        row = cursor.fetchone()
    assert row, f"index {name} does not exist in the database"
    return " ".join(row[0].split()).lower()


def column_types() -> dict[str, str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT column_name, data_type, character_maximum_length, numeric_precision, "
                "numeric_scale FROM information_schema.columns WHERE table_name = 'sessions'"
            )
            return {
                name: f"{kind}({length or precision},{scale})"
                for name, kind, length, precision, scale in cursor.fetchall()
            }
        cursor.execute("PRAGMA table_info(sessions)")
        return {row[1]: row[2].lower() for row in cursor.fetchall()}


def test_partial_index_on_current_phase_exists_where_not_null():
    definition = index_definition("idx_sessions_current_phase")

    assert "on" in definition and "sessions" in definition
    assert "(current_phase" in definition.replace('"', "")
    assert "where" in definition and "current_phase" in definition.split("where")[1]
    assert "is not null" in definition.split("where")[1]


def test_progress_columns_have_the_data_model_types():
    types = column_types()

    if connection.vendor == "postgresql":
        assert types["processing_progress"].startswith("jsonb")
        assert types["current_phase"].startswith("character varying(50")
        assert types["overall_percentage"] == "numeric(5,2)"
    else:
        assert types["current_phase"] == "varchar(50)"
        assert types["overall_percentage"] == "decimal"


@pytest.mark.parametrize("value", [Decimal("-0.01"), Decimal("100.01")])
def test_database_refuses_overall_percentage_outside_0_100(value):
    session = make_session()

    # A raw UPDATE, so only the database's CHECK constraint stands in the way.
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE sessions SET overall_percentage = %s WHERE id = %s",
            [value, session.pk.hex if connection.vendor == "sqlite" else session.pk],
        )


def test_database_refuses_an_unknown_phase():
    session = make_session()

    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(current_phase="parsing")


def test_new_session_has_no_phase_and_zero_percent():
    session = make_session()
    session.refresh_from_db()

    assert session.current_phase is None
    assert session.overall_percentage == Decimal("0.00")
    assert session.progress is None


def test_session_ids_are_uuids_not_sequential():
    first, second = make_session(), make_session()

    assert first.pk.version == 4 and second.pk.version == 4
    assert first.pk.int - second.pk.int not in (-1, 1)


def test_visible_to_limits_accountants_to_their_own_sessions():
    alice, bob, staff = make_user("alice"), make_user("bob"), make_user("ops", staff=True)
    mine, theirs = make_session(alice), make_session(bob)

    assert list(Session.objects.visible_to(alice)) == [mine]
    assert set(Session.objects.visible_to(staff)) == {mine, theirs}


def test_stalled_means_active_held_and_silent_past_the_threshold(clock):
    now = clock()
    old = now - timedelta(seconds=301)
    held_silent = make_session(current_phase="processing", claimed_by="w1", progress_updated_at=old)
    make_session(current_phase="processing", claimed_by="w2", progress_updated_at=now)
    make_session(current_phase="upload", queued_at=old, progress_updated_at=old)  # waiting
    make_session(current_phase="failed", progress_updated_at=old)
    interrupted_upload = make_session(current_phase="upload", progress_updated_at=old)

    assert set(Session.objects.stalled(now)) == {held_silent, interrupted_upload}
    assert held_silent.is_stalled(now) and not Session.objects.get(claimed_by="w2").is_stalled(now)


def test_claimable_means_queued_or_held_by_a_silent_worker(clock):
    now = clock()
    old = now - timedelta(seconds=301)
    queued = make_session(current_phase="upload", queued_at=now, progress_updated_at=now)
    abandoned = make_session(current_phase="matching", claimed_by="dead", progress_updated_at=old)
    make_session(current_phase="processing", claimed_by="alive", progress_updated_at=now)
    make_session(current_phase="upload", progress_updated_at=old)  # upload never finished
    make_session(current_phase="completed", progress_updated_at=old)

    assert set(Session.objects.claimable(now)) == {queued, abandoned}


def test_expired_sessions_are_past_the_retention_period(clock, settings):
    settings.RECON_RETENTION_DAYS = 90
    now = clock()
    old = make_session(created_at=now - timedelta(days=90, seconds=1))
    make_session(created_at=now - timedelta(days=89))

    assert list(Session.objects.expired(now)) == [old]


def add_rows(session) -> UploadedFile:
    """A statement with one cardholder's transaction, and a receipt file with a receipt."""
    statement = UploadedFile.objects.create(
        session=session,
        kind="statement",
        original_name="s.pdf",
        file="s.pdf",
        position=0,
        size_bytes=1,
    )
    receipts = UploadedFile.objects.create(
        session=session,
        kind="receipt",
        original_name="r.pdf",
        file="r.pdf",
        position=1,
        size_bytes=1,
    )
    ann = Employee.objects.create(session=session, name="Ann Lee", card_last4="1234")
    Transaction.objects.create(
        session=session,
        employee=ann,
        source_file=statement,
        page=1,
        transaction_date="2026-03-01",
        description="Shop",
        amount=Decimal("4.00"),
    )
    Receipt.objects.create(session=session, source_file=receipts, page=1, total=Decimal("4.00"))
    return statement


def test_database_refuses_to_lose_the_file_a_transaction_came_from():
    session = make_session()
    statement = add_rows(session)

    # Raw SQL, so only the database's own key check stands in the way: rows are kept honest
    # through their file, which belongs to the session.
    table = UploadedFile._meta.db_table
    key = statement.pk.hex if connection.vendor == "sqlite" else statement.pk
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [key])
        connection.check_constraints()  # the checks are deferred to the commit: now


def test_deleting_a_session_leaves_none_of_its_rows_behind():
    session = make_session()
    add_rows(session)

    session.delete()

    assert not Transaction.objects.exists() and not Receipt.objects.exists()
    assert not Employee.objects.exists()
