"""The upload phase: every file checked before anything is stored; a refused upload leaves
nothing behind; an accepted one is stored through the storage API and queued."""

import pytest
from django.core.files.storage import default_storage

from processing.errors import UploadRefused
from processing.upload import create_session
from sessions_app.models import Session, UploadedFile
from tests.builders.pdfs import corpus_file, incoming, make_pdf
from tests.builders.records import make_user

pytestmark = pytest.mark.django_db


def statement(name="statement_01.pdf", pages=2):
    return incoming(name, make_pdf(*[[f"page {n}"] for n in range(pages)]))


def test_accepted_upload_is_stored_and_queued_with_upload_progress(clock):
    owner = make_user()

    session = create_session(
        owner=owner,
        name="March 2026",
        statements=[statement(pages=3), statement("statement_02.pdf")],
        receipts=[incoming("receipts.pdf", make_pdf(["TOTAL 12.00"]))],
        clock=clock,
    )

    assert session.owner == owner
    assert session.current_phase == "upload"
    assert session.is_queued
    upload = session.progress.phases["upload"]
    files = list(session.files.all())
    assert (upload.status, upload.files_uploaded) == ("completed", 3)
    assert upload.bytes_uploaded == sum(f.size_bytes for f in files)
    assert [(f.kind, f.original_name, f.page_count) for f in files] == [
        ("statement", "statement_01.pdf", 3),
        ("statement", "statement_02.pdf", 2),
        ("receipt", "receipts.pdf", 1),
    ]
    assert all(default_storage.exists(f.file.name) for f in files)
    assert all("statement_0" not in f.file.name for f in files)  # never the uploader's name


def test_storage_is_used_only_through_its_api(settings, clock):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }

    session = create_session(
        owner=make_user(), name="In memory", statements=[statement()], clock=clock
    )

    stored = session.files.get()
    assert stored.file.open("rb").read(5) == b"%PDF-"


def test_every_problem_is_listed_by_file_and_nothing_is_stored(clock):
    files = [
        statement(),
        corpus_file("pdfplumber__password-example.pdf"),
        corpus_file("qpdf__not_even_a_pdf.pdf"),
    ]

    with pytest.raises(UploadRefused) as raised:
        create_session(owner=make_user(), name="Bad", statements=files, clock=clock)

    assert [e.split("”")[0].lstrip("“") for e in raised.value.errors] == [
        "pdfplumber__password-example.pdf",
        "qpdf__not_even_a_pdf.pdf",
    ]
    assert not Session.objects.exists() and not UploadedFile.objects.exists()


def test_size_and_count_limits(settings, clock):
    settings.RECON_MAX_FILE_BYTES = 500
    settings.RECON_MAX_FILES_PER_SESSION = 2

    with pytest.raises(UploadRefused, match="too many"):
        create_session(owner=make_user(), name="x", statements=[statement()] * 3, clock=clock)
    with pytest.raises(UploadRefused, match=r"“big.pdf” is .* the limit is 0 MB"):
        create_session(owner=make_user(), name="x", statements=[statement("big.pdf")])


def test_a_statement_and_a_name_are_required(clock):
    receipt = incoming("r.pdf", make_pdf(["TOTAL 1.00"]))

    with pytest.raises(UploadRefused, match="at least one card statement"):
        create_session(owner=make_user(), name="x", statements=[], receipts=[receipt])
    with pytest.raises(UploadRefused, match="name"):
        create_session(owner=make_user(), name="  ", statements=[statement()])


def test_a_failure_while_storing_removes_the_session_and_its_files(
    monkeypatch, clock, media_root, django_capture_on_commit_callbacks
):
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    real = UploadedFile.save
    monkeypatch.setattr(UploadedFile, "save", fail_on_second)

    with (
        pytest.raises(OSError, match="disk full"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        create_session(
            owner=make_user(), name="x", statements=[statement(), statement("b.pdf")], clock=clock
        )

    assert not Session.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]
