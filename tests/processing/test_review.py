"""The accountant's review: what needs a look and why, the three actions, the trail, and the
report rebuilt from the reviewed matches."""

import io

import pytest
from openpyxl import load_workbook

from processing import review
from processing.errors import ActionRefused
from sessions_app.models import Match, MatchMethod, MatchStatus, ReviewEvent, Session
from tests.builders.records import make_user
from tests.builders.runs import file_2_of_3_at_page_5
from tests.sessions_app.matches import reviewable_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(clock):
    return reviewable_session(clock)


def charge_id(session, description_start):
    return session.transactions.get(description__startswith=description_start).pk


def test_charges_are_grouped_confident_worth_a_look_and_unmatched_with_reasons(session):
    board = review.board(session)

    assert [row.transaction.description[:5] for row in board.confident] == ["DELTA"]
    assert [row.transaction.description[:4] for row in board.look] == ["UBER"]
    assert board.look[0].reasons == ["receipt 4 days apart from the charge"]
    # Largest amount first: the money that most needs a receipt.
    assert [row.transaction.description[:5] for row in board.unmatched] == ["SHELL", "STARB"]
    starbucks = board.unmatched[1]
    assert starbucks.candidates[0].receipt.merchant == "Starbucks"
    assert starbucks.candidates[0].same_amount and starbucks.candidates[0].days_apart == 0
    assert board.unmatched[0].candidates == []  # no Shell receipt in this session
    # The refund is not a charge: it needs no receipt and is not reviewed.
    assert board.total == 4
    assert {r.merchant for r in board.free_receipts} == {"Starbucks", "Hilton"}


def test_a_close_second_receipt_makes_a_match_worth_a_look(session):
    delta = session.transactions.get(description__startswith="DELTA AIR 00")
    source = session.files.get()
    session.receipts.create(
        source_file=source, page=9, merchant="Delta", receipt_date=delta.transaction_date,
        total=delta.amount,
    )  # fmt: skip

    look = review.board(session).look

    assert any("another receipt is nearly as good" in row.reasons for row in look)


def test_confirm_unmatch_and_match_by_hand_are_each_recorded(session, clock):
    accountant = make_user("ann.accountant")
    uber = charge_id(session, "UBER")
    starbucks = charge_id(session, "STARBUCKS")
    starbucks_receipt = session.receipts.get(merchant="Starbucks").pk

    review.confirm(session=session, transaction_id=uber, user=accountant, clock=clock)
    clock.advance(5)
    review.unmatch(
        session=session, transaction_id=charge_id(session, "DELTA AIR 00"), user=accountant,
        clock=clock,
    )  # fmt: skip
    clock.advance(5)
    review.match_by_hand(
        session=session, transaction_id=starbucks, receipt_id=starbucks_receipt,
        user=accountant, clock=clock,
    )  # fmt: skip

    assert Match.objects.get(transaction_id=uber).status == MatchStatus.CONFIRMED
    assert not Match.objects.filter(transaction__description__startswith="DELTA AIR 00").exists()
    manual = Match.objects.get(transaction_id=starbucks)
    assert (manual.method, manual.status, manual.days_apart) == (
        MatchMethod.MANUAL,
        MatchStatus.CONFIRMED,
        0,
    )
    trail = list(ReviewEvent.objects.filter(session=session))
    assert [(e.action, e.actor_name) for e in trail] == [
        ("confirm", "ann.accountant"),
        ("unmatch", "ann.accountant"),
        ("match", "ann.accountant"),
    ]
    assert trail[0].before["status"] == "proposed" and trail[0].after["status"] == "confirmed"
    assert trail[1].before["receipt"] == "2026-03-10 Delta Air Lines 412.30"
    assert trail[1].after is None
    assert trail[2].before is None
    assert trail[2].after["transaction"] == "2026-03-14 STARBUCKS STORE 00123 7.45"
    assert [e.at for e in trail] == sorted(e.at for e in trail)


def test_refusals_say_why_and_change_nothing(session, clock):
    accountant = make_user()
    uber = charge_id(session, "UBER")
    delta_receipt = session.receipts.get(merchant="Delta Air Lines").pk
    shell = charge_id(session, "SHELL")

    with pytest.raises(ActionRefused, match="already belongs to another charge"):
        review.match_by_hand(
            session=session, transaction_id=shell, receipt_id=delta_receipt, user=accountant
        )
    with pytest.raises(ActionRefused, match="already has a receipt"):
        review.match_by_hand(
            session=session, transaction_id=uber, receipt_id=delta_receipt, user=accountant
        )
    with pytest.raises(ActionRefused, match="no receipt any more"):
        review.confirm(session=session, transaction_id=shell, user=accountant)
    refund = charge_id(session, "DELTA AIR REFUND")
    with pytest.raises(ActionRefused, match="not in this session"):
        review.match_by_hand(
            session=session, transaction_id=refund, receipt_id=delta_receipt, user=accountant
        )
    assert not ReviewEvent.objects.exists()


def test_a_session_still_running_cannot_be_reviewed(clock):
    running = file_2_of_3_at_page_5(clock)

    with pytest.raises(ActionRefused, match="Only a completed session"):
        review.finish(session=running, user=make_user())


def test_finishing_rebuilds_the_report_from_the_reviewed_matches_and_names_the_reviewer(
    session, clock
):
    accountant = make_user("ann.accountant")
    review.unmatch(session=session, transaction_id=charge_id(session, "UBER"), user=accountant)
    review.match_by_hand(
        session=session,
        transaction_id=charge_id(session, "STARBUCKS"),
        receipt_id=session.receipts.get(merchant="Starbucks").pk,
        user=accountant,
    )

    review.finish(session=session, user=accountant, clock=clock)

    session = Session.objects.get(pk=session.pk)
    assert (session.reviewed_by, session.reviewed_at) == (accountant, clock())
    with session.reports.get(kind="xlsx").file.open("rb") as stored:
        workbook = load_workbook(io.BytesIO(stored.read()))
    rows = {row[4]: row for row in workbook["Transactions"].iter_rows(values_only=True)}
    assert rows["UBER *TRIP HELP.UBER.COM"][6] == "No receipt"
    assert rows["STARBUCKS STORE 00123"][6] == "Matched"
    assert rows["STARBUCKS STORE 00123"][12] == "Matched by hand"
    assert rows["DELTA AIR 0062345678901 ATLANTA GA"][12] == "Proposed by Recon"
    about = [tuple(row[:2]) for row in workbook["Statements"].iter_rows(values_only=True)]
    assert ("Reviewed by", "ann.accountant on 2026-03-02 09:00 UTC") in about
    # A change after the review reopens it.
    review.confirm(
        session=session, transaction_id=charge_id(session, "DELTA AIR 00"), user=accountant
    )
    assert Session.objects.get(pk=session.pk).reviewed_at is None
