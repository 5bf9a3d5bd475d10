"""The new-session page: the upload phase runs through processing.upload.create_session, and
every refusal is shown naming the file, with nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sessions_app.models import Session
from tests.builders.pdfs import CORPUS, make_pdf
from tests.builders.runs import text

pytestmark = pytest.mark.django_db


def pdf(name: str, data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(["x"]) if data is None else data, "application/pdf")


def corpus(name: str) -> SimpleUploadedFile:
    return pdf(name, (CORPUS / name).read_bytes())


def upload(client, *, name="March 2026", statements=(), receipts=(), **headers):
    return client.post(
        reverse("session_new"),
        {"name": name, "statements": list(statements), "receipts": list(receipts)},
        **headers,
    )


def test_the_form_offers_a_name_two_multi_file_inputs_and_the_limits(client, owner):
    html = client.get(reverse("session_new")).content.decode()

    assert 'name="statements"' in html and 'name="receipts"' in html
    assert html.count(" multiple") == 2
    assert 'enctype="multipart/form-data"' in html and 'hx-encoding="multipart/form-data"' in html
    assert "up to 50 files and 250 MB per session, 50 MB per file" in text(html)
    assert 'id="upload-bar" role="progressbar"' in html


def test_an_upload_creates_a_queued_session_and_opens_its_page(client, owner):
    response = upload(
        client,
        statements=[pdf("amex.pdf", make_pdf(["a"], ["b"])), pdf("visa.pdf")],
        receipts=[pdf("taxi.pdf")],
    )

    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    assert (session.owner, session.name, session.is_queued) == (owner, "March 2026", True)
    assert list(session.files.values_list("original_name", "kind", "page_count")) == [
        ("amex.pdf", "statement", 2),
        ("visa.pdf", "statement", 1),
        ("taxi.pdf", "receipt", 1),
    ]
    assert session.progress.phases["upload"].files_uploaded == 3


def test_an_htmx_upload_is_sent_to_the_session_page_by_hx_redirect(client, owner):
    response = upload(client, statements=[pdf("amex.pdf")], HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response["HX-Redirect"] == Session.objects.get().get_absolute_url()


def test_a_refused_upload_names_every_bad_file_and_stores_nothing(client, owner):
    response = upload(
        client,
        statements=[corpus("pdfplumber__password-example.pdf"), pdf("fine.pdf")],
        receipts=[corpus("qpdf__not_even_a_pdf.pdf"), pdf("empty.pdf", b"")],
    )

    words = text(response.content.decode())
    assert response.status_code == 200
    assert "These files could not be accepted" in words
    assert "“pdfplumber__password-example.pdf” is password-protected" in words
    assert "“qpdf__not_even_a_pdf.pdf” is not a PDF file." in words
    assert "“empty.pdf” is empty (0 bytes)." in words
    assert "fine.pdf" not in words
    assert 'value="March 2026"' in response.content.decode()
    assert not Session.objects.exists()


def test_a_refused_htmx_upload_returns_only_the_errors(client, owner):
    response = upload(
        client, statements=[corpus("pdfplumber__password-example.pdf")], HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<div id="upload-errors">')
    assert "<form" not in html
    assert "password-protected" in html


def test_missing_statements_and_name_are_explained(client, owner):
    response = upload(client, name="  ", receipts=[pdf("taxi.pdf")])

    words = text(response.content.decode())
    assert "Give the session a name" in words
    assert not Session.objects.exists()

    words = text(upload(client, receipts=[pdf("taxi.pdf")]).content.decode())
    assert "Add at least one card statement (PDF)." in words


def test_size_and_count_limits_name_the_file(client, owner, settings):
    settings.RECON_MAX_FILE_BYTES = 1000
    big = pdf("big-statement.pdf", make_pdf(*[["line"] * 40] * 10))

    words = text(upload(client, statements=[big]).content.decode())
    assert "“big-statement.pdf” is" in words and "MB per file" in words

    settings.RECON_MAX_FILE_BYTES = 50 * 1024 * 1024
    settings.RECON_MAX_UPLOAD_BYTES = 100 * 1024
    words = text(
        upload(client, statements=[pdf("huge.pdf", b"%PDF-" + b"0" * 200_000)]).content.decode()
    )
    assert "These files add up to more than 0.1 MB, the limit per session." in words

    settings.RECON_MAX_UPLOAD_BYTES = 250 * 1024 * 1024
    settings.RECON_MAX_FILES_PER_SESSION = 2
    words = text(upload(client, statements=[pdf(f"s{n}.pdf") for n in range(3)]).content.decode())
    assert "3 files is too many: a session takes at most 2 files." in words
    assert not Session.objects.exists()
