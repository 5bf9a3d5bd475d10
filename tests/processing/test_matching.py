"""Matching: amount, date window and merchant likeness; one-to-one; no false matches."""

from datetime import date, timedelta
from decimal import Decimal

from processing.matching import Charge, Slip, match, similarity

DAY = date(2026, 3, 10)


def charge(id, description, amount="100.00", when=DAY):
    return Charge(id, when, Decimal(amount), description)


def slip(id, merchant, total="100.00", when=DAY):
    return Slip(id, when, Decimal(total), merchant)


def pairs(charges, slips):
    return {(p.transaction_id, p.receipt_id) for p in match(charges, slips)}


def test_mangled_descriptors_resemble_their_merchants():
    assert similarity("AMZN MKTP US*2K3LL AMZN.COM/BILL WA", "Amazon.com") >= 0.5
    assert similarity("DELTA AIR 0062345678901 ATLANTA GA", "Delta Air Lines") == 1
    assert similarity("AMERICAN AIR0012288741720 FORT WORTH TX", "American Airlines") == 1
    assert similarity("TST* THE CAPITAL GRILLE 97602", "The Capital Grille") == 1
    assert similarity("SHELL OIL 57442323 HOUSTON TX", "Starbucks") == 0


def test_receipt_dated_up_to_days_before_the_charge_matches():
    found = match(
        [charge(1, "HILTON HOUSTON TX")], [slip(7, "Hilton", when=DAY - timedelta(days=3))]
    )

    assert [(p.transaction_id, p.receipt_id, p.days_apart) for p in found] == [(1, 7, 3)]


def test_no_match_on_another_amount_a_far_date_or_another_merchant():
    charges = [charge(1, "STARBUCKS STORE 123", "7.53")]
    slips = [
        slip(1, "Starbucks", "7.54"),
        slip(2, "Starbucks", "7.53", when=DAY - timedelta(days=30)),
        slip(3, "Target", "7.53"),
    ]

    assert pairs(charges, slips) == set()


def test_each_side_is_used_once_and_the_closest_receipt_wins():
    charges = [
        charge(1, "ZOOM.US 888-799-9666", "15.00", DAY),
        charge(2, "ZOOM.US 888", "15.00", DAY + timedelta(days=7)),
    ]
    slips = [slip(10, "Zoom", "15.00", DAY + timedelta(days=7)), slip(11, "Zoom", "15.00", DAY)]

    assert pairs(charges, slips) == {(1, 11), (2, 10)}


def test_same_amount_same_day_goes_to_the_similar_merchant():
    charges = [charge(1, "UBER *TRIP HELP.UBER.COM"), charge(2, "LYFT *RIDE SUN 10PM")]
    slips = [slip(5, "Lyft"), slip(6, "Uber")]

    assert pairs(charges, slips) == {(1, 6), (2, 5)}


def test_progress_counts_charges_settled_and_matches_exactly():
    seen = []
    charges = [charge(i, "SHELL OIL", "50.00", DAY + timedelta(days=i)) for i in range(4)]
    charges.append(charge(9, "FEDEX", "8.00"))
    match(charges, [slip(1, "Shell", "50.00")], progress=lambda d, m: seen.append((d, m)))

    assert seen == [(4, 1), (5, 1)]


def test_two_equally_good_receipts_are_left_for_the_accountant():
    charges = [charge(1, "STARBUCKS STORE 123", "7.50"), charge(2, "SHELL OIL", "40.00")]
    slips = [slip(5, "Starbucks", "7.50"), slip(6, "Starbucks", "7.50"), slip(7, "Shell", "40.00")]

    assert pairs(charges, slips) == {(2, 7)}


def test_one_receipt_equally_good_for_two_charges_is_left_for_the_accountant():
    charges = [charge(1, "UBER *TRIP"), charge(2, "UBER *TRIP")]

    assert pairs(charges, [slip(5, "Uber")]) == set()


def test_a_better_receipt_still_wins_over_a_weaker_one():
    charges = [charge(1, "UBER *TRIP")]
    slips = [slip(5, "Uber", when=DAY - timedelta(days=2)), slip(6, "Uber")]

    assert pairs(charges, slips) == {(1, 6)}
