"""The upload phase: every file checked before anything is stored; a refused upload leaves
nothing behind; an accepted one is stored through the storage API and queued."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from processing.errors import UploadRefused
from processing.upload import create_session
from sessions_app.models import Session, UploadedFile
from tests.builders.pdfs import corpus_file, incoming, make_pdf
from tests.builders.records import make_user
from tests.builders.runs import text

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


# -- refusals while the upload arrives (sessions_app/uploads.py) -------------------------------


@pytest.fixture
def logged_in(client):
    client.force_login(make_user())
    return client


def test_one_file_too_many_or_many_more_get_the_same_clear_message(logged_in):
    for count in (51, 52, 80):
        response = logged_in.post(
            reverse("session_new"),
            {
                "name": "Many",
                "statements": [
                    SimpleUploadedFile(f"s{n}.pdf", make_pdf(["x"]), "application/pdf")
                    for n in range(count)
                ],
            },
        )

        assert response.status_code == 200
        assert f"{count} files is too many: a session takes at most 50 files." in text(
            response.content.decode()
        )
    assert not Session.objects.exists()


def test_an_upload_declared_over_the_session_limit_is_answered_without_reading_it(logged_in):
    class Unread(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    declared = 300 * 1024 * 1024
    response = logged_in.generic(
        "POST",
        reverse("session_new"),
        data=b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(declared),
        **{"wsgi.input": Unread()},
    )

    assert response.status_code == 413
    assert "These files add up to more than 250 MB, the limit per session." in text(
        response.content.decode()
    )


def test_an_oversized_htmx_upload_gets_the_message_where_the_errors_go(logged_in):
    response = logged_in.generic(
        "POST",
        reverse("session_new"),
        data=b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(300 * 1024 * 1024),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="upload-errors">')
    assert "the limit per session" in html
