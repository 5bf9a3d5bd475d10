"""The create_session and purge_sessions commands, as operators and scripts call them."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sessions_app.models import Session
from tests.builders.pdfs import CORPUS
from tests.builders.records import make_user
from tests.builders.samples import queued_sample_session, sample_set

pytestmark = pytest.mark.django_db


def command(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_create_session_uploads_files_from_disk_and_prints_the_queued_session_id():
    make_user("ana")
    directory = sample_set()

    printed = command(
        "create_session",
        "--owner", "ana",
        "--name", "March 2026",
        "--statements", str(directory / "statement_01.pdf"), str(directory / "statement_02.pdf"),
        "--receipts", str(directory / "receipts_01.pdf"),
    )  # fmt: skip

    session = Session.objects.get(pk=printed.strip())
    assert session.owner.username == "ana" and session.name == "March 2026"
    assert session.is_queued
    assert list(session.files.values_list("original_name", "kind")) == [
        ("statement_01.pdf", "statement"),
        ("statement_02.pdf", "statement"),
        ("receipts_01.pdf", "receipt"),
    ]


def test_create_session_refuses_bad_files_by_name_and_creates_nothing():
    make_user("ana")
    locked = CORPUS / "pdfplumber__password-example.pdf"

    with pytest.raises(
        CommandError, match=r"pdfplumber__password-example\.pdf” is password-protected"
    ):
        command("create_session", "--owner", "ana", "--name", "x", "--statements", str(locked))
    with pytest.raises(CommandError, match="There is no user called “bob”"):
        command("create_session", "--owner", "bob", "--name", "x", "--statements", str(locked))
    with pytest.raises(CommandError, match="Not a file"):
        command("create_session", "--owner", "ana", "--name", "x", "--statements", "/nope.pdf")
    assert not Session.objects.exists()


def test_purge_deletes_sessions_past_retention_with_their_stored_files(
    media_root, django_capture_on_commit_callbacks
):
    old = queued_sample_session(sample_set(), name="old")
    young = queued_sample_session(sample_set(), name="young")
    Session.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=91))
    old_files = [media_root / f.file.name for f in old.files.all()]
    young_files = [media_root / f.file.name for f in young.files.all()]

    assert "Would delete 1 session(s)" in command("purge_sessions", "--dry-run")
    assert all(path.exists() for path in old_files)
    with django_capture_on_commit_callbacks(execute=True):
        printed = command("purge_sessions")

    assert f"Deleted 1 session(s) older than 90 days and {len(old_files)} stored file(s)" in printed
    assert list(Session.objects.all()) == [young]
    assert not any(path.exists() for path in old_files)
    assert all(path.exists() for path in young_files)


def test_purge_age_is_configurable():
    session = queued_sample_session(sample_set())
    Session.objects.filter(pk=session.pk).update(created_at=timezone.now() - timedelta(days=8))

    command("purge_sessions", "--older-than-days", "10")
    assert Session.objects.exists()
    command("purge_sessions", "--older-than-days", "7")
    assert not Session.objects.exists()
