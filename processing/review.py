"""The accountant's review of a completed session's matches: what to look at, and the three
things they can do about it (confirm, unmatch, match by hand), each recorded in the
append-only trail; finishing the review rebuilds the report from the reviewed matches.

Every action checks the session is completed and the rows are still as the accountant saw
them, inside one transaction, so two tabs (or two accountants) cannot pair one receipt twice.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from processing import matching, reports
from processing.errors import ActionRefused
from sessions_app.models import (
    Match,
    MatchMethod,
    MatchStatus,
    Receipt,
    ReviewAction,
    ReviewEvent,
    Session,
    Transaction,
)
from sessions_app.progress.phases import Phase

Clock = Callable[[], datetime]

# A match is "confident" when the merchant is this alike, the receipt this close in days and no
# other receipt nearly as good: otherwise it is worth a look.
STRONG_LIKENESS = 0.9
CLOSE_DAYS = 2
# A second candidate this close to the chosen receipt's likeness is a real alternative.
CLOSE_SECOND = 0.1
# How far around an unmatched charge's date its candidates are looked for, and how many shown.
CANDIDATE_DAYS = 31
CANDIDATES_SHOWN = 5
WIDE_SEARCH_RECEIPTS = 2000
# The review page lists this many charges of each group (the rest are counted, and in the
# report): a month of a large card programme has thousands.
ROWS_SHOWN = 200


# --- what the review page shows -------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    receipt: Receipt
    likeness: float
    days_apart: int | None
    same_amount: bool
    # Already paired with another charge (matching it here means unmatching that one first).
    taken: bool = False

    @property
    def likeness_percent(self) -> int:
        return round(self.likeness * 100)


@dataclass
class ChargeReview:
    transaction: Transaction
    match: Match | None
    reasons: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def group(self) -> str:
        if self.match is None:
            return "unmatched"
        return "look" if self.reasons else "confident"

    @property
    def likeness_percent(self) -> int | None:
        return round(self.match.score * 100) if self.match else None

    @property
    def amount_difference(self) -> Decimal | None:
        """How much the receipt's total exceeds the charge (negative if less); 0 when equal."""
        return self.match.receipt.total - self.transaction.amount if self.match else None


@dataclass
class Board:
    confident: list[ChargeReview]
    look: list[ChargeReview]
    # The largest unmatched charges (ROWS_SHOWN of them); `unmatched_count` counts them all.
    unmatched: list[ChargeReview]
    unmatched_count: int
    # Receipts no charge claims, for matching by hand.
    free_receipts: list[Receipt]

    @property
    def total(self) -> int:
        return len(self.confident) + len(self.look) + self.unmatched_count


def board(session: Session, *, candidates_for: int = ROWS_SHOWN) -> Board:
    """Every matched charge of the session, grouped: confident (by date) and needs a look (why,
    in words; largest amount first); the largest unmatched charges, the first `candidates_for`
    of them with their best candidate receipts, and how many are unmatched in all. Unmatched
    charges can be thousands (a statement with no receipts): only those shown are loaded."""
    receipts = list(
        Receipt.objects.filter(session=session)
        .select_related("source_file")
        .order_by("receipt_date", "pk")
    )
    matched_receipts = set(
        Match.objects.filter(session=session).values_list("receipt_id", flat=True)
    )
    by_total: dict[Decimal, list[Receipt]] = defaultdict(list)
    for receipt in receipts:
        by_total[receipt.total].append(receipt)
    charges = Transaction.objects.filter(session=session, amount__gt=0)
    matched = (
        charges.filter(match__isnull=False)
        .select_related("employee", "source_file", "match__receipt")
        .order_by("transaction_date", "pk")
    )
    grouped: dict[str, list[ChargeReview]] = {"confident": [], "look": []}
    for charge in matched:
        row = review_row(charge, by_total=by_total, receipts=receipts, taken=matched_receipts)
        grouped[row.group].append(row)
    grouped["look"].sort(key=lambda row: (-row.transaction.amount, row.transaction.pk))
    unmatched_charges = charges.filter(match__isnull=True)
    unmatched = [
        ChargeReview(transaction=charge, match=None)
        for charge in unmatched_charges.select_related("employee", "source_file").order_by(
            "-amount", "pk"
        )[:ROWS_SHOWN]
    ]
    for row in unmatched[:candidates_for]:
        row.candidates = _candidates_of(row.transaction, by_total, receipts, matched_receipts)
    return Board(
        confident=grouped["confident"],
        look=grouped["look"],
        unmatched=unmatched,
        unmatched_count=unmatched_charges.count(),
        free_receipts=[r for r in receipts if r.pk not in matched_receipts],
    )


def review_row(
    charge: Transaction,
    *,
    by_total: dict[Decimal, list[Receipt]] | None = None,
    receipts: list[Receipt] | None = None,
    taken: set[int] | None = None,
    with_candidates: bool = True,
) -> ChargeReview:
    """One charge as the review page shows it (the other arguments save queries when the
    whole board is built)."""
    if receipts is None:
        receipts = list(
            Receipt.objects.filter(session_id=charge.session_id).select_related("source_file")
        )
        taken = set(
            Match.objects.filter(session_id=charge.session_id).values_list("receipt_id", flat=True)
        )
        by_total = defaultdict(list)
        for receipt in receipts:
            by_total[receipt.total].append(receipt)
    match = getattr(charge, "match", None) if _has_match(charge) else None
    row = ChargeReview(transaction=charge, match=match)
    if match is not None:
        row.reasons = _doubts(charge, match, by_total.get(charge.amount, []))
    elif with_candidates:
        row.candidates = _candidates_of(charge, by_total, receipts, taken or set())
    return row


def _candidates_of(charge, by_total, receipts, taken) -> list[Candidate]:
    # Every receipt is weighed for a session of ordinary size; in a huge one, its amount's.
    pool = receipts if len(receipts) <= WIDE_SEARCH_RECEIPTS else by_total.get(charge.amount, [])
    return _candidates(charge, pool, taken)


def _has_match(charge: Transaction) -> bool:
    try:
        return charge.match is not None
    except Match.DoesNotExist:
        return False


def _doubts(charge: Transaction, match: Match, same_amount: list[Receipt]) -> list[str]:
    """Why a match is worth a look, in words; none when it is confident or confirmed."""
    if match.status == MatchStatus.CONFIRMED:
        return []
    reasons = []
    if match.score < STRONG_LIKENESS:
        reasons.append(f"merchant names only {round(match.score * 100)} % alike")
    if abs(match.days_apart) > CLOSE_DAYS:
        reasons.append(f"receipt {abs(match.days_apart)} days apart from the charge")
    as_charge = _as_charge(charge)
    seconds = [
        (slip, likeness, days)
        for slip, likeness, days in matching.candidates(as_charge, map(_as_slip, same_amount))
        if slip.id != match.receipt_id
    ]
    if any(likeness >= match.score - CLOSE_SECOND for _, likeness, _ in seconds):
        reasons.append("another receipt is nearly as good")
    return reasons


def _candidates(charge: Transaction, receipts: list[Receipt], taken: set[int]) -> list[Candidate]:
    """The receipts most likely to be this charge's: same amount first, then merchant
    likeness, then nearness in days."""
    found = []
    for receipt in receipts:
        days = (
            (charge.transaction_date - receipt.receipt_date).days if receipt.receipt_date else None
        )
        if days is not None and abs(days) > CANDIDATE_DAYS:
            continue
        same = receipt.total == charge.amount
        likeness = matching.similarity(charge.description, receipt.merchant)
        if not same and likeness < matching.MIN_SIMILARITY:
            continue
        found.append(
            Candidate(
                receipt=receipt,
                likeness=likeness,
                days_apart=days,
                same_amount=same,
                taken=receipt.pk in taken,
            )
        )
    found.sort(
        key=lambda c: (
            c.taken,
            not c.same_amount,
            -c.likeness,
            abs(c.days_apart) if c.days_apart is not None else 999,
        )
    )
    return found[:CANDIDATES_SHOWN]


def _as_charge(charge: Transaction) -> matching.Charge:
    return matching.Charge(charge.pk, charge.transaction_date, charge.amount, charge.description)


def _as_slip(receipt: Receipt) -> matching.Slip:
    return matching.Slip(receipt.pk, receipt.receipt_date, receipt.total, receipt.merchant)


# --- what the accountant does ---------------------------------------------------------------


def confirm(
    *, session: Session, transaction_id: int, user, clock: Clock = timezone.now
) -> ReviewEvent:
    """Mark the charge's match as confirmed by `user`."""
    with transaction.atomic():
        match = _match_of(session, transaction_id)
        before = _words(match)
        if match.status == MatchStatus.CONFIRMED:
            raise ActionRefused("This match is already confirmed.")
        match.status = MatchStatus.CONFIRMED
        match.save(update_fields=["status"])
        return _record(
            session, user, clock, ReviewAction.CONFIRM, match.transaction, before, _words(match)
        )


def unmatch(
    *, session: Session, transaction_id: int, user, clock: Clock = timezone.now
) -> ReviewEvent:
    """Take the receipt away from the charge: both are unmatched afterwards."""
    with transaction.atomic():
        match = _match_of(session, transaction_id)
        before = _words(match)
        charge = match.transaction
        match.delete()
        return _record(session, user, clock, ReviewAction.UNMATCH, charge, before, None)


def match_by_hand(
    *,
    session: Session,
    transaction_id: int,
    receipt_id: int,
    user,
    clock: Clock = timezone.now,
) -> ReviewEvent:
    """Pair an unmatched charge with an unmatched receipt of the same session, confirmed."""
    with transaction.atomic():
        _check_reviewable(session)
        charge = (
            Transaction.objects.filter(session=session, pk=transaction_id, amount__gt=0)
            .select_for_update()
            .first()
        )
        if charge is None:
            raise ActionRefused("That charge is not in this session.")
        receipt = Receipt.objects.filter(session=session, pk=receipt_id).first()
        if receipt is None:
            raise ActionRefused("That receipt is not in this session.")
        if Match.objects.filter(transaction=charge).exists():
            raise ActionRefused("This charge already has a receipt: unmatch it first.")
        if Match.objects.filter(receipt=receipt).exists():
            raise ActionRefused(
                "That receipt already belongs to another charge: unmatch that one first."
            )
        days = (charge.transaction_date - receipt.receipt_date).days if receipt.receipt_date else 0
        try:
            with transaction.atomic():
                match = Match.objects.create(
                    session=session,
                    transaction=charge,
                    receipt=receipt,
                    method=MatchMethod.MANUAL,
                    score=matching.similarity(charge.description, receipt.merchant),
                    days_apart=days,
                    status=MatchStatus.CONFIRMED,
                )
        except IntegrityError as exc:  # paired meanwhile, in another tab
            raise ActionRefused("That charge or receipt was matched meanwhile.") from exc
        return _record(session, user, clock, ReviewAction.MATCH, charge, None, _words(match))


def finish(*, session: Session, user, clock: Clock = timezone.now) -> None:
    """Rebuild the report from the reviewed matches and record who reviewed it, and when."""
    _check_reviewable(session)
    now = clock()
    # The report says who reviewed it, so the session says so before the report is written.
    Session.objects.filter(pk=session.pk).update(reviewed_by=user, reviewed_at=now)
    session.reviewed_by, session.reviewed_at = user, now
    reports.write_xlsx(session, progress=lambda records: None)
    reports.write_csv(session, progress=lambda records: None)


def _check_reviewable(session: Session) -> None:
    session.refresh_from_db(fields=["current_phase"])
    if session.current_phase != Phase.COMPLETED:
        raise ActionRefused("Only a completed session's matches can be reviewed.")


def _match_of(session: Session, transaction_id: int) -> Match:
    _check_reviewable(session)
    match = (
        Match.objects.filter(session=session, transaction_id=transaction_id)
        .select_related("transaction", "receipt")
        .select_for_update()
        .first()
    )
    if match is None:
        raise ActionRefused("This charge has no receipt any more (changed in another tab?).")
    return match


def _record(
    session: Session,
    user,
    clock: Clock,
    action: str,
    charge: Transaction,
    before: dict | None,
    after: dict | None,
) -> ReviewEvent:
    # A change after the review was finished reopens it: the report no longer says it all.
    Session.objects.filter(pk=session.pk).update(reviewed_at=None)
    return ReviewEvent.objects.create(
        session=session,
        actor=user,
        actor_name=user.get_username(),
        at=clock(),
        action=action,
        transaction=charge,
        before=before,
        after=after,
    )


def _words(match: Match) -> dict:
    """A match in words, so the trail reads the same after the rows change."""
    charge, receipt = match.transaction, match.receipt
    return {
        "transaction": f"{charge.transaction_date:%Y-%m-%d} {charge.description} {charge.amount}",
        "receipt": (f"{receipt.receipt_date:%Y-%m-%d} " if receipt.receipt_date else "")
        + f"{receipt.merchant or 'receipt'} {receipt.total}",
        "status": match.status,
        "method": match.method,
    }


def recent_trail(session: Session, *, limit: int = 50) -> list[ReviewEvent]:
    """The newest steps of the review first."""
    return list(session.review_events.order_by("-at", "-pk")[:limit])


__all__ = [
    "Board",
    "Candidate",
    "ChargeReview",
    "board",
    "confirm",
    "finish",
    "match_by_hand",
    "recent_trail",
    "review_row",
    "unmatch",
]
