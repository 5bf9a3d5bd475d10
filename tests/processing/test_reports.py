"""The expense report as the accountant opens it: the XLSX's three sheets and the CSV."""

import csv
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from processing import reports, work_queue
from processing.pipeline import run_session
from sessions_app.models import Session
from tests.builders.samples import queued_sample_session, sample_set, truth
from tests.sessions_app.matches import reviewable_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed():
    directory = sample_set(seed=2, statements=2, pages=4, receipts=30)
    session = queued_sample_session(directory)
    work_queue.claim(session_id=session.pk, worker="w")
    run_session(session=Session.objects.get(pk=session.pk), worker="w")
    return Session.objects.get(pk=session.pk), truth(directory)


def test_workbook_has_a_summary_per_employee_every_transaction_and_unmatched_receipts(completed):
    session, answer = completed
    with session.reports.get(kind="xlsx").file.open("rb") as stored:
        workbook = load_workbook(io.BytesIO(stored.read()), read_only=True)

    assert workbook.sheetnames == ["Summary", "Transactions", "Unmatched receipts", "Statements"]
    # The last row of each sheet is its totals row.
    summary = list(workbook["Summary"].iter_rows(values_only=True))[:-1]
    rows = list(workbook["Transactions"].iter_rows(values_only=True))[:-1]
    unmatched = list(workbook["Unmatched receipts"].iter_rows(values_only=True))[:-1]
    assert summary[0] == tuple(reports.SUMMARY_COLUMNS)
    assert {(r[0], r[1]) for r in summary[1:]} == {
        (e["name"], e["card_last4"]) for e in answer["employees"]
    }
    assert sum(r[2] for r in summary[1:]) == len(answer["transactions"])
    assert sum(r[5] for r in summary[1:]) == len(answer["matches"])
    assert len(rows) - 1 == len(answer["transactions"])
    statuses = [r[6] for r in rows[1:]]
    assert statuses.count("Matched") == len(answer["matches"])
    assert statuses.count("Credit") == sum(Decimal(t["amount"]) < 0 for t in answer["transactions"])
    assert len(unmatched) - 1 == len(answer["receipts"]) - len(answer["matches"])
    charges = sum(Decimal(t["amount"]) for t in answer["transactions"] if Decimal(t["amount"]) > 0)
    assert sum(Decimal(str(r[3])) for r in summary[1:]) == charges


def test_csv_lists_every_transaction_with_its_status(completed):
    session, answer = completed
    with session.reports.get(kind="csv").file.open("rb") as stored:
        rows = list(csv.DictReader(io.StringIO(stored.read().decode("utf-8-sig"))))

    assert [(r["Description"], r["Amount"]) for r in rows] == [
        (t["description"], t["amount"]) for t in answer["transactions"]
    ]


def test_workbook_opens_with_widths_frozen_headings_filters_formats_and_totals(completed):
    session, answer = completed
    with session.reports.get(kind="xlsx").file.open("rb") as stored:
        workbook = load_workbook(io.BytesIO(stored.read()))

    sheet = workbook["Transactions"]
    count = len(answer["transactions"])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{count + 1}"
    assert sheet.column_dimensions["E"].width == 44  # the description
    assert all(sheet.column_dimensions[c].width >= 7 for c in "ABCDEFGHIJKLM")
    assert sheet.cell(row=2, column=1).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=2, column=6).number_format == "#,##0.00"
    total = sheet.cell(row=count + 2, column=6)
    assert sheet.cell(row=count + 2, column=1).value == "Total"
    assert total.value == f"=SUBTOTAL(9,F2:F{count + 1})" and total.number_format == "#,##0.00"
    summary = workbook["Summary"]
    cardholders = len(answer["employees"])
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref == f"A1:H{cardholders + 1}"
    assert summary.cell(row=cardholders + 2, column=3).value == (
        f"=SUBTOTAL(9,C2:C{cardholders + 1})"
    )
    assert summary.cell(row=cardholders + 2, column=3).number_format == "0"
    receipts = workbook["Unmatched receipts"]
    assert receipts.freeze_panes == "A2" and receipts.auto_filter.ref.startswith("A1:E")


def test_statements_sheet_gives_each_totals_verdict_and_who_reviewed(completed):
    session, _ = completed
    first, second = session.files.filter(kind="statement").order_by("position")
    first.check_verdict, first.check_message = "agrees", "Charges and credits match the totals"
    first.save()
    second.check_verdict, second.check_message = "disagrees", "3,200.00 of charges not found"
    second.save()

    report = reports.write_xlsx(session, progress=lambda n: None)

    with report.file.open("rb") as stored:
        rows = list(load_workbook(io.BytesIO(stored.read()))["Statements"].values)
    assert rows[0] == tuple(reports.STATEMENT_COLUMNS)
    assert rows[1] == (
        first.original_name,
        "Agrees with the statement's totals",
        "Charges and credits match the totals",
    )
    assert rows[2] == (
        second.original_name,
        "Does not agree with the statement's totals",
        "3,200.00 of charges not found",
    )
    assert ("Reviewed by", "Not reviewed: matches as Recon proposed them") in [
        row[:2] for row in rows
    ]


def test_quickbooks_csv_is_the_three_column_bank_upload(clock):
    session = reviewable_session(clock)
    out = io.StringIO()

    assert reports.write_quickbooks_csv(session, out) == 5

    lines = out.getvalue().splitlines()
    assert lines[0] == "Date,Description,Amount"
    # MM/DD/YYYY; money out (a card charge) negative, a refund positive; no thousands separator.
    assert lines[1] == "03/10/2026,DELTA AIR 0062345678901 ATLANTA GA (Ann Lee card 1234),-412.30"
    assert lines[5] == "03/16/2026,DELTA AIR REFUND (Ann Lee card 1234),25.00"
    for row in csv.reader(lines[1:]):
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", row[0]) and re.fullmatch(r"-?\d+\.\d\d", row[2])


def test_xero_csv_is_the_statement_import_template(clock):
    session = reviewable_session(clock)
    out = io.StringIO()

    reports.write_xero_csv(session, out)

    rows = list(csv.reader(out.getvalue().splitlines()))
    assert rows[0] == ["*Date", "*Amount", "Payee", "Description", "Reference"]
    # DD/MM/YYYY, money spent negative, the receipt's merchant as the payee when matched.
    assert rows[1] == [
        "10/03/2026",
        "-412.30",
        "Delta Air Lines",
        "DELTA AIR 0062345678901 ATLANTA GA",
        "Ann Lee card 1234",
    ]
    assert rows[4][:3] == ["15/03/2026", "-61.00", "SHELL OIL 57442323"]
    assert rows[5][:2] == ["16/03/2026", "25.00"]


def test_statement_text_never_becomes_a_formula_in_the_exports_either(clock):
    session = reviewable_session(clock)
    session.transactions.filter(description__startswith="SHELL").update(
        description="=cmd|' /C calc'!A0"
    )
    out = io.StringIO()

    reports.write_quickbooks_csv(session, out)

    assert "'=cmd" in out.getvalue()


def test_statement_text_never_becomes_a_spreadsheet_formula(completed):
    session, _ = completed
    session.transactions.filter(pk=session.transactions.first().pk).update(
        description='=HYPERLINK("http://attacker.example","Refund")'
    )

    report = reports.write_xlsx(session, progress=lambda n: None)

    with report.file.open("rb") as stored:
        sheet = load_workbook(io.BytesIO(stored.read()))["Transactions"]
    cell = sheet.cell(row=2, column=5)
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")
