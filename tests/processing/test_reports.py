"""The expense report as the accountant opens it: the XLSX's three sheets and the CSV."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from processing import reports, work_queue
from processing.pipeline import run_session
from sessions_app.models import Session
from tests.builders.samples import queued_sample_session, sample_set, truth

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

    assert workbook.sheetnames == ["Summary", "Transactions", "Unmatched receipts"]
    summary = list(workbook["Summary"].iter_rows(values_only=True))
    rows = list(workbook["Transactions"].iter_rows(values_only=True))
    unmatched = list(workbook["Unmatched receipts"].iter_rows(values_only=True))
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
