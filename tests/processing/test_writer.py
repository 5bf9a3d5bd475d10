"""RecordWriter: rows arrive in the database exactly as extracted, on both databases, whether
written inline (inside a transaction) or by the worker's writer thread."""

import json
import threading
from datetime import date
from decimal import Decimal

import pytest

from processing.errors import ClaimLost
from processing.rows import TransactionRow
from processing.writer import RecordWriter
from sessions_app.models import FileKind, Transaction, UploadedFile
from tests.builders.records import make_session

TRICKY = "CAFÉ \\ BAR\tTAB\nLINE \\N 100% 'quoted' \"twice\""


def statement(session, kind=FileKind.STATEMENT):
    return UploadedFile.objects.create(
        session=session, kind=kind, position=0, original_name="s.pdf", size_bytes=1, sha256="x"
    )


def rows():
    return [
        TransactionRow(
            ("JANE Q DOE", "1234"),
            1,
            0,
            date(2026, 1, 2),
            date(2026, 1, 3),
            TRICKY,
            Decimal("1234.56"),
            Decimal("1100.00"),
            "EUR",
            json.dumps({"sign": f"“CR” after the amount {TRICKY}", "year": "printed"}),
        ),
        TransactionRow(
            ("JANE Q DOE", "1234"), 1, 1, date(2026, 1, 4), None, "REFUND", Decimal("-5.00")
        ),
        TransactionRow(None, 2, 0, date(2026, 1, 5), None, "NO CARDHOLDER", Decimal("0.01")),
    ]


def stored(session):
    return [
        TransactionRow(
            (t.employee.name, t.employee.card_last4) if t.employee else None,
            t.page, t.line, t.transaction_date, t.posting_date, t.description, t.amount,
            t.original_amount, t.original_currency,
            json.dumps(t.evidence) if t.evidence is not None else None,
        )
        for t in Transaction.objects.filter(session=session).select_related("employee")
        .order_by("page", "line")
    ]  # fmt: skip


@pytest.mark.django_db
def test_rows_written_inline_come_back_exactly():
    session = make_session()
    with RecordWriter(session=session, source_file=statement(session), employees={}) as writer:
        writer.add(rows())

    assert stored(session) == rows()
    assert session.employees.count() == 1


@pytest.mark.django_db(transaction=True)
def test_rows_written_by_the_writer_thread_come_back_exactly_in_small_batches():
    session = make_session()
    with RecordWriter(
        session=session, source_file=statement(session), employees={}, batch_size=1
    ) as writer:
        assert writer._thread is not None
        for row in rows():
            writer.add([row])

    assert stored(session) == rows()


@pytest.mark.django_db(transaction=True)
def test_a_failed_write_is_raised_in_the_reading_thread(monkeypatch):
    session = make_session()
    writer = RecordWriter(session=session, source_file=statement(session), employees={})

    def fail(rows):
        raise OSError("disk full")

    monkeypatch.setattr(writer, "_write", fail)
    writer.add(rows())
    with pytest.raises(OSError, match="disk full"):
        writer.close()
    assert not Transaction.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_batch_surfaces_and_the_writer_thread_always_ends(monkeypatch):
    session = make_session()

    def fail(rows):
        raise OSError("disk full")

    with (
        pytest.raises(OSError, match="disk full"),
        RecordWriter(
            session=session, source_file=statement(session), employees={}, batch_size=1
        ) as writer,
    ):
        monkeypatch.setattr(writer, "_write", fail)
        for row in rows():
            writer.add([row])  # a batch each: the first fails on the thread

    assert not writer._thread._thread.is_alive()


@pytest.mark.django_db(transaction=True)
def test_rows_still_queued_when_the_file_fails_are_dropped(monkeypatch):
    session = make_session()
    release = threading.Event()
    written = []

    def slow_write(rows):
        release.wait(5)
        written.append(rows)

    with (
        pytest.raises(RuntimeError),
        RecordWriter(
            session=session, source_file=statement(session), employees={}, batch_size=1
        ) as writer,
    ):
        monkeypatch.setattr(writer, "_write", slow_write)
        for row in rows():
            writer.add([row])  # the first batch waits on the thread; the others queue
        release.set()
        raise RuntimeError("page 3 cannot be read")

    assert len(written) <= 1  # at most the batch being written when the file failed
    assert not writer._thread._thread.is_alive()


@pytest.mark.django_db(transaction=True)
def test_a_worker_that_lost_the_session_writes_nothing():
    session = make_session(claimed_by="new-worker")

    writer = RecordWriter(
        session=session, source_file=statement(session), employees={}, worker="old-worker"
    )
    writer.add(rows())
    with pytest.raises(ClaimLost):
        writer.close()
    assert not Transaction.objects.exists()
