"""An administrator diagnoses a bank's statements in the admin preview: uploads one, reads the
rows and the evidence page by page, forces a profile setting, sees the rows change, and saves
the profile."""

from pathlib import Path

import pytest

from processing.models import StatementProfile
from tests.builders.records import make_user

pytestmark = pytest.mark.django_db(transaction=True)

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "statements" / "monopoly_example.pdf"


def test_admin_previews_a_statement_adjusts_and_saves_a_profile(live_server, page, artifacts):
    admin = make_user("admin-preview", staff=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/processing/statementprofile/")
    page.fill("input[name=username]", admin.username)
    page.fill("input[name=password]", "pw-recon-123")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Preview a statement").click()

    page.set_input_files("input[name=pdf]", str(REAL))
    page.get_by_role("button", name="Preview").click()

    verdict = page.locator("#preview-verdict")
    assert "agrees with the statement's totals" in verdict.inner_text()
    assert "52 rows" in page.locator("#summary-title").inner_text()
    first_page = page.locator("#preview-page-1")
    assert "PAYMENT BY INTERNET" in first_page.inner_text()
    assert "in parentheses" in first_page.inner_text()  # the evidence for a credit
    page.screenshot(path=artifacts / "admin-statement-preview.png", full_page=True)

    # Forcing month-first dates breaks a day-first statement, and the preview shows it.
    page.select_option("select[name=date_order]", "MDY")
    page.get_by_role("button", name="Preview").click()
    assert "52 rows" not in page.locator("#summary-title").inner_text()

    page.select_option("select[name=date_order]", "DMY")
    page.fill("input[name=name]", "Example bank")
    page.fill("input[name=match_words]", "Statement of Account")
    page.get_by_role("button", name="Save profile").click()

    assert "Profile “Example bank” saved." in page.locator(".messagelist").inner_text()
    assert StatementProfile.objects.get(name="Example bank").date_order == "DMY"
