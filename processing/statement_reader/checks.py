"""The rows read compared with what the statement prints about them.

Checks, each in words: previous balance plus the rows equals the new balance; each printed
total (a subtotal, a cardholder's total, "Total purchases", "Payments and credits") equals the
rows it covers; each printed running balance equals the one before it moved by the row. Any
disagreement makes the verdict DISAGREES and says by how much; no printed figure at all
leaves the statement UNCHECKED, saying so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, pairwise

from .contract import TotalsCheck, Verdict
from .vocabulary import CARRIED_RE, TOTAL_SIDES, fold

_MAX_BALANCE_MESSAGES = 3


def money(cents: int) -> str:
    """Cents as the statement would print them: 1,234.56."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}"


def figure_value(cents: int, how: str, bank: bool) -> int:
    """A printed balance as a signed number (amount owed on a card, funds in an account)."""
    if how in ("-", "("):
        return -cents
    if how == "CR":
        return cents if bank else -cents
    if how == "DR":
        return -cents if bank else cents
    return cents


def balance_as_read(balance: tuple, bank: bool, expected: int | None) -> int:
    """A row's printed balance as a signed number, where the rows read make it `expected`:
    an overdrawn balance printed without its sign or mark ("70.43" where the rows give
    -70.43) agrees, the account below nothing."""
    printed = figure_value(balance[0], balance[1], bank)
    if expected is not None and expected < 0 < printed == -expected and not balance[1]:
        return expected
    return printed


def opening_closing(figures: list[tuple]) -> tuple[tuple | None, tuple | None]:
    """The previous (opening) and new (closing) balance figures; "balance at <date>" lines
    count as opening when first and closing when last."""
    # A balance carried over a page break ("Report", "Balance carried forward") stands for the
    # opening or closing balance only where the statement labels no other.
    # (A balance brought forward before the first page's first row is the opening: no page
    # break comes before it.)
    first = min((f[4] for f in figures), default=0)
    prev = next(
        (f for f in figures if f[0] == "prev" and (not _carried(f) or (f[4], f[5]) == (first, 0))),
        None,
    )
    new = next((f for f in reversed(figures) if f[0] == "new" and not _carried(f)), None)
    # (In the statement's order: a balance line is kept as the rows around it are flushed.)
    dated = sorted((f for f in figures if f[0] == "bal_at"), key=lambda f: (f[4], f[5]))
    if prev is None and dated:
        prev, dated = dated[0], dated[1:]
    if new is None and dated:
        new = dated[-1]
    if prev is None:
        # (Only before the first row: a balance brought forward after rows is no opening.)
        prev = next((f for f in figures if f[0] == "prev" and not f[5]), None)
    if new is None:
        # (Only after the last balance brought forward: one carried to the next page, brought
        # forward atop it, is no closing balance.)
        last_prev = max((k for k, f in enumerate(figures) if f[0] == "prev"), default=-1)
        new = next(
            (f for k, f in reversed(list(enumerate(figures))) if f[0] == "new" and k > last_prev),
            None,
        )
    if prev is not None and new is not None and (new[5], new[4]) < (prev[5], prev[4]):
        # "À reporter" at a page's foot, then "Report" atop the next: carried balances, not
        # the statement's opening and closing.
        return None, None
    return prev, new


def _carried(figure: tuple) -> bool:
    return CARRIED_RE.search(fold(figure[3])) is not None


def running(
    amounts: list[int],
    balances: list,
    opening: int | None,
    bank: bool,
    rows: list,
    covered: bytearray | None = None,
    figures: list[tuple] = (),
) -> tuple[int, list[str]]:
    """How many printed running balances agree, and a message for each that does not (the rows
    up to the last balance that agrees are `covered`). Each account of the statement (its own
    opening balance, in `figures`) starts its running balance afresh."""
    agreed, problems = 0, []
    last = -1
    wallets = {row.ccy for row in rows}
    # A multi-currency account prints each currency's balance on its own rows: one running
    # balance per currency, each from its first printed balance.
    currents: dict[str, int | None] = {} if len(wallets) > 1 else {rows[0].ccy: opening}
    starts = {block[2]: block[0] for block in _accounts(figures, len(amounts))[1:]}
    for i, (amount, balance) in enumerate(zip(amounts, balances, strict=True)):
        wallet = rows[i].ccy
        if i in starts:
            first = starts[i]
            currents[wallet] = figure_value(first[1], first[2], bank)
        current = currents.get(wallet)
        if current is not None:
            current = current - amount if bank else current + amount
        if balance is None:
            currents[wallet] = current
            continue
        printed = balance_as_read(balance, bank, current)
        if current is not None and printed != current:
            row = rows[i]
            problems.append(
                f"the balance after “{row.desc}” (page {row.page}) is printed as {money(printed)} "
                f"but the rows read give {money(current)}"
            )
        elif current is not None:
            agreed += 1
            last = i
        currents[wallet] = printed
    if covered is not None and last >= 0:
        covered[: last + 1] = b"\x01" * (last + 1)
    return agreed, problems


def verdict(
    agreements: list[str],
    problems: list[str],
    notes: list[str],
    rows: int,
    uncovered: list[int] = (),
    unread: list[int] = (),
) -> TotalsCheck:
    """Put the individual comparisons together into one verdict (`uncovered`: the page of each
    row that no figure that agrees covers; `unread`: of each dated line left out for want of an
    amount)."""
    if problems:
        shown = problems[: _MAX_BALANCE_MESSAGES + 2]
        more = len(problems) - len(shown)
        message = "does not agree: " + "; ".join(shown) + (f"; and {more} more" if more else "")
        return TotalsCheck(Verdict.DISAGREES, message, tuple(agreements + problems + notes))
    if agreements and unread:
        # The figures agree with the rows read, but lines that look like rows were not read:
        # the statement does not vouch for what is missing.
        count = len(unread)
        message = (
            f"partly checked: the statement's totals agree with the {rows} rows read, but "
            f"{count} dated line{'s' if count != 1 else ''} without an amount "
            f"({_pages(unread)}) {'were' if count != 1 else 'was'} not read"
        )
        return TotalsCheck(Verdict.PARTLY, message, tuple(agreements + notes))
    if agreements and uncovered:
        # Rows that no total reaches (read from a table after the last total, say) may be
        # rows that are not transactions: the statement does not vouch for them.
        count = len(uncovered)
        message = (
            f"partly checked: the statement's totals agree with {rows - count} of {rows} rows; "
            f"{count} row{'s' if count != 1 else ''} ({_pages(uncovered)}) "
            f"{'are' if count != 1 else 'is'} under no printed total"
        )
        return TotalsCheck(Verdict.PARTLY, message, tuple(agreements + notes))
    if agreements:
        return TotalsCheck(
            Verdict.AGREES, "agrees with the statement's totals", tuple(agreements + notes)
        )
    if not rows:
        return TotalsCheck(
            Verdict.UNCHECKED, "no transactions were read: nothing to check", tuple(notes)
        )
    return TotalsCheck(
        Verdict.UNCHECKED, "no totals or running balance printed: not checked", tuple(notes)
    )


def _pages(found: list[int]) -> str:
    """“page 2” or “pages 2, 3 and more”."""
    pages = sorted(set(found))
    where = ", ".join(map(str, pages[:5])) + (" and more" if len(pages) > 5 else "")
    return f"page{'s' if len(pages) != 1 else ''} {where}"


def shortfall(read: int, printed: int, what: str) -> str:
    """“3,200.00 of charges not found” or “3,200.00 more charges read than printed”."""
    difference = printed - read
    if difference > 0:
        return f"{money(difference)} of {what} not found"
    return f"{money(-difference)} more {what} read than printed"


def totals(
    figures: list[tuple],
    amounts: list[int],
    bank: bool,
    covered: bytearray | None = None,
    currencies: int = 1,
) -> tuple[list[str], list[str], list[str]]:
    """Compare every labelled figure with the rows: `(agreements, problems, notes)`; the rows
    a figure that agrees accounts for are marked in `covered`. Rows in several currencies (a
    multi-currency account's wallets) add up to no single figure: only their running balances
    are checked."""
    covered = bytearray(len(amounts)) if covered is None else covered
    if currencies > 1:
        return [], [], ["rows in several currencies: checked by their running balances only"]
    agreements: list[str] = []
    problems: list[str] = []
    notes: list[str] = []
    charges_word = "money out" if bank else "charges"
    prev, new = opening_closing(figures)
    opening = figure_value(prev[1], prev[2], bank) if prev else 0
    total = sum(amounts)
    equation = False
    accounts = _accounts(figures, len(amounts))
    if len(accounts) >= 2:
        # Several accounts, each with its own opening and closing balance around its rows.
        equation = True
        for first, last, start, end in accounts:
            opened = figure_value(first[1], first[2], bank)
            closed = figure_value(last[1], last[2], bank)
            expected = opened - closed if bank else closed - opened
            read = sum(amounts[start:end])
            sentence = (
                f"{first[3].lower()} {money(opened)} and {last[3].lower()} {money(closed)} "
                f"(page {last[4]}) against the {end - start} rows between them totalling "
                f"{money(read)}"
            )
            if expected == read:
                agreements.append(sentence)
                covered[start:end] = b"\x01" * (end - start)
            else:
                equation = False
                problems.append(f"{sentence}: {shortfall(read, expected, charges_word)}")
    elif prev and new:
        closing = figure_value(new[1], new[2], bank)
        expected = opening - closing if bank else closing - opening
        sentence = (
            f"{prev[3].lower()} {money(opening)} and {new[3].lower()} {money(closing)} "
            f"against {len(amounts)} rows totalling {money(total)}"
        )
        if expected == total:
            agreements.append(sentence)
            equation = True
            covered[:] = b"\x01" * len(covered)
        else:
            problems.append(f"{sentence}: {shortfall(total, expected, charges_word)}")
    sums = _Sums(amounts)
    # A total may include the previous balance printed last before it (each card's own, on a
    # statement of several cards), or all of them (a grand total of the cards' balances).
    latest, balances = opening, 0
    agreed: list[tuple[int, int]] = []  # the spans of the totals that agreed, in order
    for figure in figures:
        if figure[0] == "prev":
            latest = figure_value(figure[1], figure[2], bank)
            balances += latest
        elif figure[0] == "total":
            span = _block_total(
                figure,
                sums,
                (latest, balances),
                agreements,
                problems,
                notes,
                charges_word,
                equation,
                _chained(agreed, figure[5]),
            )
            if span is not None:
                covered[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
                agreed.append(span)
    for sign in _categories(figures, sums, equation, agreements, problems, notes, charges_word):
        if 0 in covered:  # (the balances agreeing cover every row already)
            for i, amount in enumerate(amounts):
                if (amount > 0) == (sign > 0) and amount:
                    covered[i] = 1
    return agreements, problems, notes


def _chained(agreed: list[tuple[int, int]], end: int) -> list[int]:
    """Where the totals printed straight before a total start, latest first: the spans that
    agreed, one after the other, up to its line ("Lançamentos no cartão (final 3318)" and
    "(final 7702)" under "Total lançamentos inter.", which is what the two cards spent)."""
    starts = []
    for start, stop in reversed(agreed):
        if stop != end:
            break
        starts.append(start)
        end = start
    return starts


def _accounts(figures: list[tuple], rows: int) -> list[tuple]:
    """`(opening, closing, first row, end row)` of each account block: an opening balance, the
    rows after it, and the closing balance that follows them (blocks without rows, a summary's
    figures, left out)."""
    blocks = []
    opening = None
    # A balance carried to the next page and brought forward atop it, the same figure twice:
    # inside an account, not its closing and the next one's opening.
    carried = set()
    balances = [(k, f) for k, f in enumerate(figures) if f[0] in ("prev", "new")]
    for (k, first), (m, then) in pairwise(balances):
        if first[0] == "new" and then[0] == "prev" and first[1] == then[1] and _carried(first):
            carried.update((k, m))
    for k, figure in enumerate(figures):
        if k in carried:
            continue
        if figure[0] == "prev":
            opening = figure
        elif figure[0] == "new" and opening is not None:
            if figure[5] > opening[5]:
                blocks.append((opening, figure, opening[5], figure[5]))
            opening = None
    if blocks and blocks[-1][3] < rows:
        return []  # rows after the last account's closing balance: not blocks after all
    return blocks


class _Sums:
    """Running sums of the rows' amounts and of their sizes, so any span's sum, charges and
    credits are a subtraction or two however many totals the statement prints."""

    def __init__(self, amounts: list[int]) -> None:
        self.all = list(accumulate(amounts, initial=0))
        self.sizes = list(accumulate(map(abs, amounts), initial=0))

    def of(self, start: int, end: int) -> tuple[int, int, int]:
        """`(total, charges, credits)` of the rows from `start` to `end`."""
        total = self.all[end] - self.all[start]
        size = self.sizes[end] - self.sizes[start]
        # The charges less the credits make the total, together they make the size.
        return total, (size + total) // 2, (size - total) // 2


def _block_total(
    figure: tuple,
    sums: _Sums,
    openings: tuple[int, int],
    agreements: list[str],
    problems: list[str],
    notes: list[str],
    what: str,
    equation: bool = False,
    chained: Sequence[int] = (),
) -> tuple[int, int] | None:
    """Check one printed total; the span of rows it covers when it agrees (`chained`: where
    the totals printed straight before it start). In a statement whose balances agree with
    every row, a total that fits no span is noted, not held against them."""
    _, cents, _, phrase, page, rows, block, holder, _ = figure
    spans = [
        ("the rows above it", block),
        ("the cardholder's rows", holder),
        ("all rows", 0),
        *(("the totals above it", start) for start in chained),
    ]
    if chained:
        # The span of the total straight above it is tried last: "TOTAL" under a "SUB-TOTAL"
        # of the same figure may be the new balance, the previous balance and all rows.
        spans.sort(key=lambda span: span[1] == chained[0])
    opening, balances = openings
    # A total naming money out ("Totaal debet") is never the money in read, nor the other way
    # round: that would be every sign read the wrong way round.
    side = total_side(phrase)
    for name, start in spans:
        total, charges, credits = sums.of(start, rows)
        if (
            side
            and (credits if side > 0 else charges) != 0
            and abs(credits if side > 0 else charges)
            == cents
            != abs(charges if side > 0 else credits)
        ):
            problems.append(
                f"“{phrase}” {money(cents)} (page {page}) equals the "
                f"{'credits' if side > 0 else 'charges'} read, not the "
                f"{'charges' if side > 0 else 'credits'}: the signs read are the wrong way round"
            )
            return None
        candidates = (total, opening + total, charges, credits, balances + total)
        for value, reading in zip(candidates, _READINGS, strict=True):
            if abs(value) == cents:
                found = reading.format(name)
                agreements.append(f"“{phrase}” {money(cents)} (page {page}) equals {found}")
                return start, rows
    read = sums.of(block, rows)[0]
    if equation:
        # The balances account for every row: a total that fits no span of them is a summary's
        # figure (the fees of the year, say).
        notes.append(
            f"“{phrase}” {money(cents)} (page {page}) fits no span of the rows: not checked"
        )
        return None
    problems.append(
        f"“{phrase}” {money(cents)} (page {page}) does not match the rows above it "
        f"({money(read)}): {shortfall(abs(read), cents, what)}"
    )
    return None


def total_side(phrase: str) -> int:
    """+1 for a total named for money out, -1 for money in, 0 for neither or both."""
    lower = fold(phrase)
    out, into = TOTAL_SIDES[0].search(lower), TOTAL_SIDES[1].search(lower)
    return 0 if bool(out) == bool(into) else (1 if out else -1)


# What a total may be of a span of rows, in the order they are tried.
_READINGS = (
    "{}",
    "the previous balance and {}",
    "the charges among {}",
    "the credits among {}",
    "the previous balances and {}",
)


# The words of a figure of all the money out or all the money in, of which any other figure is a
# part.
_ALL_OUT = re.compile(
    r"\b(?:sum|total) of (?:all )?(?:debits|credits)\b|\btotal (?:debits|credits)\b"
    r"|\bmoney (?:out|in)\b|\b(?:summe|total) (?:soll|haben)\b"
)


def _categories(
    figures: list[tuple],
    sums: _Sums,
    equation: bool,
    agreements: list[str],
    problems: list[str],
    notes: list[str],
    what: str,
) -> list[int]:
    """Check the printed totals of charges and of credits; the signs (+1 charges, -1 credits)
    whose rows a total that agrees accounts for."""
    agreed: list[int] = []
    seen = set()
    printed = {"charges": 0, "credits": 0, "other": 0}
    names: dict[str, str] = {}
    whole: list[tuple] = []  # figures naming all the money out or in ("Sum of Debits (27)")
    # A total line naming what it totals ("Total purchases & charges") is checked as the
    # total of the rows above it; its figure is not one more category figure to add up.
    totalled = {(f[1], f[4], f[5]) for f in figures if f[0] == "total"}
    for role, cents, _, phrase, page, row, *_ in figures:
        if (cents, page, row) in totalled:
            continue
        if role in printed and (role, phrase.lower(), cents) not in seen:
            seen.add((role, phrase.lower(), cents))
            printed[role] += cents
            names.setdefault(role, phrase)
            if _ALL_OUT.search(phrase.lower()):
                whole.append((role, cents, phrase))
    _, charges, credits = sums.of(0, len(sums.all) - 1)
    read = {"charges": charges, "credits": credits}
    # Money out printed as the credits read and money in as the charges: the balances agree
    # whichever way round the signs are read, these two totals do not.
    swapped = (printed["charges"], printed["credits"]) == (credits, charges)
    if swapped and charges != credits and {"charges", "credits"} <= names.keys():
        problems.append(
            f"“{names['charges']}” {money(printed['charges'])} and “{names['credits']}”"
            f" {money(printed['credits'])} are the credits and the {what} read the other way"
            " round: the signs read are the wrong way round"
        )
        return agreed
    for role, word in (("charges", what), ("credits", "credits")):
        if role not in names:
            continue
        options = [printed[role], printed[role] + printed["other"]]
        label = f"“{names[role]}” {money(printed[role])}"
        got = read[role]
        all_of = [(cents, phrase) for side, cents, phrase in whole if side == role]
        if got not in options and len(all_of) == 1 and all_of[0][0] == got:
            # (All the money out, beside a box of the fees among it: "Sum of Debits (27)
            # R33 646.55" and "Total Charges R195.31" are not two parts of it.)
            agreements.append(f"“{all_of[0][1]}” {money(got)} equals the {word} read")
            agreed.append(1 if role == "charges" else -1)
        elif got in options:
            agreements.append(f"{label} equals the {word} read")
            agreed.append(1 if role == "charges" else -1)
        elif equation:
            notes.append(f"{label} differs from the {word} read ({money(got)}); the balances agree")
        else:
            missing = shortfall(got, printed[role], word)
            problems.append(f"{label} against {money(got)} read: {missing}")
    return agreed
