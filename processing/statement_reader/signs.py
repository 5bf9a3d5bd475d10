"""The statement's sign convention, and each row's final signed amount.

Rows carry a sign code (see `rowbuild`). Credit/debit columns, "CR"/"DR" and credit sections
are certain. A printed minus is not: a card statement prints credits negative, a bank account
prints money out negative. The convention is chosen by what the statement itself confirms:
its running balance, else previous balance + rows = new balance, else the majority (most rows
of a statement are spending, so if most are printed negative, negative means money out).
Where a running balance is printed, it also decides the sign of each row printed without one.
"""

from __future__ import annotations

import re
from operator import attrgetter

from .checks import balance_as_read, figure_value, opening_closing, total_side
from .rowbuild import RawRow
from .vocabulary import fold

# (bank account, minus means money out): a card, a bank printing money out negative, a bank
# with debit/credit columns, a card printing charges negative.
_CONVENTIONS = ((False, False), (True, True), (True, False), (False, True))


def signed(rows: list[RawRow], flip: bool) -> list[int]:
    """Each row's amount in cents, spending positive."""
    # The sign codes of spending: a debit for certain, and by the convention either a printed
    # minus or no sign (or a plus).
    if flip:
        spending: tuple[str, ...] = ("D", "N")
    elif _plus_marks(rows):
        # Some rows printed with a plus among rows printed without a sign, none with a minus
        # ("1.348,72 +" among "54,31"): the plus marks the other kind of row.
        spending = ("D", "U")
    else:
        spending = ("D", "P", "U")
    return [row.cents if row.code in spending else -row.cents for row in rows]


def _plus_marks(rows: list[RawRow]) -> bool:
    codes = set(map(_CODE, rows))
    return "P" in codes and "U" in codes and "N" not in codes


def choose(rows: list[RawRow], figures: list[tuple], with_balance: int) -> tuple[bool, bool, str]:
    """`(bank, flip, why)`: the convention the statement's own figures confirm (`with_balance`
    rows print a running balance).

    Balances cannot tell "a card printing credits negative" from "an account printing money
    out negative" (both read the same arithmetic), so among the conventions the figures allow,
    the majority decides: most rows of a statement are spending."""
    codes = list(map(_CODE, rows))
    # (Rows printed without a sign under a heading of spending that lists rows printed with a
    # minus too are counted as the unsigned rows they are: the minus marks the credits among
    # them. A heading whose rows all print a minus says nothing of the kind.)
    mixed = {row.why.split(_SPENT_UNDER, 1)[1] for row in rows if _SPENT_UNDER in row.why}
    listed = sum(
        row.code == "D" and row.why.startswith(_UNDER) and row.why[len(_UNDER) :] in mixed
        for row in rows
    )
    unsigned = codes.count("U") + codes.count("P") + listed
    flip = codes.count("N") > unsigned
    if codes.count("N") == unsigned and _account_balances(figures):
        # As many rows printed with a minus as without: an account's balances ("Alter
        # Kontostand", "Account balance") say the minus is money out, as accounts print it.
        flip = True
    allowed, why = list(_CONVENTIONS), "as most rows are printed that way"
    if with_balance >= max(2, len(rows) // 2):
        scores = {c: _balance_score(rows, *c) for c in _CONVENTIONS}
        best = max(scores.values())
        if best > 0:
            allowed = [c for c in _CONVENTIONS if scores[c] == best]
            why = "as the running balance confirms"
    else:
        prev, new = opening_closing(figures)
        if prev and new:
            # The rows' total under each reading of a printed sign, from the sums per sign code.
            cents = dict.fromkeys(("C", "D", "N", "P", "U"), 0)  # the sign codes, see rowbuild
            for row in rows:
                cents[row.code] += row.cents
            certain = cents["D"] - cents["C"]
            printed = cents["U"] + cents["P"] - cents["N"]
            totals = {False: certain + printed, True: certain - printed}
            agreeing = [c for c in _CONVENTIONS if _balances_agree(totals[c[1]], prev, new, c[0])]
            if agreeing:
                allowed, why = agreeing, "as the statement's balances confirm"
    named = _named_sign(rows, figures)
    if named is not None and any(c[1] == named for c in allowed):
        # A total named for money out (or in) that is what the rows printed with a minus add
        # up to: the statement says which sign is which.
        flip = named
        if why.startswith("as most"):
            why = "as the statement's named totals confirm"
    preferred = [c for c in allowed if c[1] == flip] or allowed
    if with_balance:
        # A running balance is an account's habit far more than a card's: where the balance
        # allows an account's reading, it is taken before the printed signs' majority.
        preferred = sorted(allowed, key=lambda c: (not c[0], c[1] != flip))
    bank, chosen = preferred[0]
    if chosen != flip or why.startswith("as most"):
        return bank or with_balance > 0, chosen, why
    return bank, chosen, why


_CODE = attrgetter("code")


def _account_balances(figures: list[tuple]) -> bool:
    """Whether the opening or closing balance is named as an account's."""
    return any(f[0] in ("prev", "new") and _ACCOUNT.search(fold(f[3])) for f in figures)


_ACCOUNT = re.compile(r"konto|account|compte|cuenta|conto|rekening")


def _named_sign(rows: list[RawRow], figures: list[tuple]) -> bool | None:
    """Whether a minus means money out, by a total named for money out or in that equals the
    rows printed with a minus, or those printed without; None when no such total tells."""
    minus = sum(row.cents for row in rows if row.code == "N")
    plain = sum(row.cents for row in rows if row.code in ("U", "P"))
    if not minus or not plain or minus == plain:
        return None
    for figure in figures:
        side = total_side(figure[3])
        if side and figure[1] in (minus, plain):
            # Money out named and it is the minus rows; or money in and it is the others.
            return (figure[1] == minus) == (side > 0)
    return None


def _balances_agree(total: int, prev: tuple, new: tuple, bank: bool) -> bool:
    opening = figure_value(prev[1], prev[2], bank)
    closing = figure_value(new[1], new[2], bank)
    return total == (opening - closing if bank else closing - opening)


def unsigned_under_signed_credits(rows: list[RawRow]) -> None:
    """Rows printed without a sign under a heading of credits whose other rows print theirs
    ("-$25.00", "-$1,842.17", then "$6.75"): the heading's section has ended at a heading the
    reader did not know ("Restaurants"); their sign is the statement's convention's to decide,
    not the heading's."""
    signed = {row.why.split(", listed under ", 1)[1] for row in rows if _MINUS_UNDER in row.why}
    if not signed:
        return
    for row in rows:
        if row.code == "C" and row.why.startswith(_UNDER) and row.why[len(_UNDER) :] in signed:
            row.code, row.why = "U", "no credit marker"


_MINUS_UNDER = ", listed under "
_UNDER = "listed under "
_SPENT_UNDER = ", under "


def order_untitled(rows: list[RawRow]) -> None:
    """Two money columns without titles are taken for debits then credits, a guess: where the
    running balance follows the rows read the other way round as an account's, and not as
    they are, the columns are the other way round (a running balance is an account's habit;
    read as a card's, either order would follow it)."""
    guessed = [row for row in rows if row.code in ("C", "D") and _UNTITLED in row.column]
    if not guessed:
        return
    now = max(_balance_score(rows, True, flip) for flip in (False, True))
    _swap(guessed)
    if max(_balance_score(rows, True, flip) for flip in (False, True)) <= now:
        _swap(guessed)


_UNTITLED = "(no title)"
_OTHER_SIDE = {"debit (no title)": "credit (no title)", "credit (no title)": "debit (no title)"}


def _swap(rows: list[RawRow]) -> None:
    for row in rows:
        row.code = "D" if row.code == "C" else "C"
        other = _OTHER_SIDE.get(row.column, row.column)
        row.why = row.why.replace(row.column, other)
        row.column = other


def _balance_score(rows: list[RawRow], bank: bool, flip: bool) -> int:
    score, current = 0, None
    for row, amount in zip(rows, signed(rows, flip), strict=True):
        if current is not None:
            current = current - amount if bank else current + amount
        if row.balance is None:
            continue
        printed = balance_as_read(row.balance, bank, current)
        score += current == printed
        current = printed
    return score


def settle_by_balance(
    rows: list[RawRow], amounts: list[int], bank: bool, opening: int | None
) -> None:
    """Rows printed without a sign take it from the running balance where that shows it."""
    current = opening
    for i, row in enumerate(rows):
        if current is not None and row.balance is not None and row.code in ("U", "P", "N"):
            printed = figure_value(row.balance[0], row.balance[1], bank)
            moved = current - printed if bank else printed - current
            if moved == -amounts[i] and moved:
                amounts[i] = moved
                row.why = "the running balance shows " + (
                    ("money out" if moved > 0 else "money in")
                    if bank
                    else ("a charge" if moved > 0 else "a credit")
                )
        if current is not None:
            current = current - amounts[i] if bank else current + amounts[i]
        if row.balance is not None:
            current = figure_value(row.balance[0], row.balance[1], bank)
