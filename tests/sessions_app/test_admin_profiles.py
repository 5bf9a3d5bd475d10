"""Statement profiles and the preview in the admin: a real statement read page by page with
the evidence for each row, a profile adjusted and saved, and its effect in the worker."""

import html
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from processing.models import StatementProfile
from processing.statements import profile_for, reader_profile

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:processing_statementprofile_preview")
REAL = Path(__file__).resolve().parent.parent / "fixtures" / "statements" / "monopoly_example.pdf"


def upload() -> SimpleUploadedFile:
    return SimpleUploadedFile(REAL.name, REAL.read_bytes(), content_type="application/pdf")


def test_the_preview_shows_each_pages_lines_rows_evidence_and_verdict(admin_client):
    response = admin_client.post(PREVIEW, {"pdf": upload(), "_preview": "Preview"})

    assert response.status_code == 200
    preview = response.context["preview"]
    assert len(preview.result.rows) == 52
    assert preview.result.check.verdict == "agrees"
    page = html.unescape(response.text)
    assert "Totals check:" in page and preview.result.check.message in page
    assert all(compared in page for compared in preview.result.check.checked)
    assert "PAYMENT BY INTERNET" in page and "-412.16" in page
    assert "rebuilt line" in page and "column headings" in page
    first = preview.result.rows[0]
    assert first.evidence.sign in page and first.evidence.year in page


def test_a_profile_changes_the_rows_and_is_saved_from_the_preview(admin_client):
    first = admin_client.post(PREVIEW, {"pdf": upload(), "_preview": "Preview"})
    token = first.context["form"].data["preview_token"]

    # The statement's dates are day first; forcing month first makes days above 12 unreadable.
    forced = admin_client.post(
        PREVIEW, {"preview_token": token, "date_order": "MDY", "_preview": "Preview"}
    )
    assert forced.context["preview"].result.rows != first.context["preview"].result.rows

    saved = admin_client.post(
        PREVIEW,
        {
            "preview_token": token,
            "date_order": "DMY",
            "credit_markers": "CR, Cr",
            "name": "Example bank",
            "match_words": "Statement of Account",
            "_save_profile": "Save profile",
        },
    )

    assert saved.status_code == 302
    profile = StatementProfile.objects.get(name="Example bank")
    assert (profile.date_order, profile.credit_markers) == ("DMY", "CR, Cr")
    assert reader_profile(profile).credit_markers == ("CR", "Cr")


def test_a_profile_applies_to_statements_whose_first_page_has_its_words():
    first = StatementProfile(name="A", match_words="Lion Bank, Card Statement")
    second = StatementProfile(name="B", match_words="Straits")

    assert profile_for("LION BANK ... card statement for March", [first, second]) == first
    assert profile_for("Lion Bank savings", [first, second]) is None
    assert profile_for("The Straits Bank", [first, second]) == second


def test_a_file_that_is_not_a_pdf_is_refused_in_words(admin_client):
    bad = SimpleUploadedFile("notes.pdf", b"hello", content_type="application/pdf")

    response = admin_client.post(PREVIEW, {"pdf": bad, "_preview": "Preview"})

    assert response.context["preview"] is None
    assert "“notes.pdf” is not a PDF file." in response.text


def test_the_preview_needs_staff(client):
    response = client.get(PREVIEW)

    assert response.status_code == 302 and "/login/" in response.url


def yen_statement() -> SimpleUploadedFile:
    """A one-page card statement in yen, amounts printed without decimals."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    lines = [
        (60, [(40, "Card statement (JPY)"), (360, "Statement date: 2024/03/25")]),
        (200, [(40, "Date"), (110, "Description"), (500, "Amount")]),
        (215, [(40, "03/02"), (110, "SEVEN-ELEVEN SHIBUYA"), (500, "1,320")]),
        (230, [(40, "03/05"), (110, "AMAZON.CO.JP"), (500, "12,800")]),
        (245, [(40, "03/10"), (110, "PAYMENT THANK YOU"), (500, "-4,210")]),
        (270, [(110, "New balance"), (500, "9,910")]),
    ]
    for y, cells in lines:
        for x, text in cells:
            page.insert_text((x, y), text, fontsize=9)
    data = document.tobytes()
    return SimpleUploadedFile("yen.pdf", data, content_type="application/pdf")


def test_the_preview_reads_a_yen_statement_and_shows_its_lines(admin_client):
    response = admin_client.post(PREVIEW, {"pdf": yen_statement(), "_preview": "Preview"})

    preview = response.context["preview"]
    assert [str(row.amount) for row in preview.result.rows] == ["1320.00", "12800.00", "-4210.00"]
    assert preview.result.decimal_style == "whole"
    # The page's lines are shown as that reading rebuilt them: "New balance 9,910" is a
    # total, its figure a whole number.
    lines = {line.text: line.role for line in preview.pages[0].lines}
    assert lines["New balance 9,910"] == "total or label"
