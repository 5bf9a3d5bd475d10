"""`read_page`: one page's words to its typed lines, headers, labels and clues.

This is the expensive, per-page half of reading; it depends on nothing but the page, so it
runs in the page reader processes and its result is pickled back. Everything that needs the
whole document (columns carried from earlier pages, date order, years, signs, checks) is left
to `StatementReader`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter

from .contract import PageWords
from .geometry import visual_lines
from .headers import (
    Column,
    cell_count,
    cell_spans,
    merge_stacked,
    parse_header,
    title_count,
)
from .labels import find_labels, find_periods
from .tokens import AMOUNT, CURRENCY_CODES, DATE, MONTHS, TEXT, YEAR, ZERO_DECIMAL, tokenize
from .vocabulary import (
    BALANCE_LABEL_RE,
    CJK_RE,
    CREDIT_SECTION_RE,
    DEBIT_SECTION_RE,
    HEADING_RE,
    HONORIFICS,
    LABEL_WORDS,
    NAME_NOISE,
    NAME_WORDS,
    NOT_SECTION_RE,
    NOTE_RE,
    OTHER_TABLE_WORDS,
    PENDING_RE,
    POST,
    PRODUCT_WORDS,
    SECTION_WORDS,
    SPENT_PAYMENTS_RE,
    card_number,
    fold,
)
from .vocabulary import DATE as DATE_ROLE

# Line tags: what a line is besides (possibly) a transaction.
PLAIN, HEADER, LABEL, SECTION, HOLDER, OTHER_TABLE, NOTE = "", "H", "L", "S", "C", "X", "N"


@dataclass(slots=True)
class PageLayout:
    """One page, read: lines `(y0, y1, height, tokens, tag, info)` top to bottom (tokens as in
    `tokens`, neighbouring words of text joined into runs), labelled figures `(line, role,
    strong, values, phrase)`, and clues for document-level decisions."""

    number: int
    width: float = 0.0
    lines: list[tuple] = field(default_factory=list)
    labels: list[tuple] = field(default_factory=list)
    # Date-order clues: a date with a first field above 12, one with a second field above 12,
    # an undecided one (as printed), and counts of worded day-month / month-day dates and of
    # numeric dates.
    first_high: str = ""
    second_high: str = ""
    ambiguous: str = ""
    worded: dict[str, int] = field(default_factory=dict)
    numeric: int = 0
    currencies: dict[str, int] = field(default_factory=dict)
    decimals: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Dates printed with their year outside the rows ("Erstellt am 01.10.2024", "Neuer
    # Kontostand vom 30.09.2024"): `(value, text)`, where no statement date is labelled.
    full_dates: list[tuple] = field(default_factory=list)
    # The page read again with whole numbers as amounts, where it has more grouped whole
    # numbers ("12,800") than amounts with decimals; the document decides which reading
    # counts. On that reading: the currency without minor units the page names, if any.
    whole: PageLayout | None = None
    whole_currency: str = ""
    # The account's currency, where a label names it ("Währung CHF").
    account_currency: str = ""


def read_page(page: PageWords) -> PageLayout:
    """Read one page; never raises (a page that cannot be read says so in its warnings)."""
    try:
        return _read(page)
    except Exception as error:  # odd input must not stop a whole statement
        number = getattr(page, "number", 0)
        layout = PageLayout(number=number if isinstance(number, int) else 0)
        layout.warnings.append(f"page {layout.number}: could not be read ({type(error).__name__})")
        return layout


def _read(page: PageWords, raw: list | None = None, whole: bool = False) -> PageLayout:
    layout = PageLayout(number=page.number, width=float(page.width or 0))
    raw = raw if raw is not None else visual_lines(page.words or ())
    lines = layout.lines
    # How many dates and amounts each line holds: a cheap filter before any pattern runs.
    figures: list[int] = []
    typed: list[tuple] = []
    wholes: list[str] = []
    for y0, y1, height, words in raw:
        tokens, count = tokenize(words, height, typed, True, whole, wholes)
        lines.append((y0, y1, height, tokens, PLAIN, None))
        figures.append(count)
    _clues(layout, typed)
    _headers(layout, raw, figures)
    _sidebar(lines)
    labelled = _stacked_labels(raw, lines, figures)

    def word_tokens(i: int) -> list[tuple]:
        """Labels are found word by word: the line again, without runs."""
        return tokenize(labelled[i][3], labelled[i][2], [], whole=whole)[0]

    weak: dict[int, bool] = {}
    for i, role, strong, values, phrase, value_line in find_labels(
        lines, labelled, word_tokens, whole
    ):
        layout.labels.append((i, role, bool(strong), values, phrase))
        if strong:
            weak[i] = weak.get(i, True) and strong == "weak"
        if value_line is not None:
            weak[value_line] = False
    for i, only_weak in weak.items():
        _tag(lines, i, LABEL, "weak" if only_weak else None)
    known = {label[0] for label in layout.labels}
    for i, role, strong, values, phrase, _ in find_periods(lines, figures):
        if i not in known:
            layout.labels.append((i, role, strong, values, phrase))
            _tag(lines, i, LABEL)
    for i, (_, _, _, tokens, tag, _) in enumerate(lines):
        # Headings never print an amount: most lines are rows (amount last), settled here.
        if tag == PLAIN and tokens[-1][2] != AMOUNT and AMOUNT not in map(_KIND, tokens):
            _classify(lines, i)
        elif tag in (PLAIN, LABEL) and figures[i] == 1:
            if tokens[-1][2] == AMOUNT:
                _holder_total(lines, i)
                if lines[i][4] in (PLAIN, LABEL):
                    _counted_heading(lines, i)
            elif DATE not in map(_KIND, tokens):
                # (Words after the total: "… (CARD 4417) $328.18- INCLUDING PAYMENTS RECEIVED".)
                _holder_total(lines, i)
    _full_dates(layout, figures)
    _named_currency(layout, raw, figures)
    if whole:
        layout.whole_currency = _zero_decimal(raw)
    elif len(wholes) > sum(layout.decimals.values()):
        layout.whole = _read(page, raw, whole=True)
        marked = [w for w in wholes if w.lstrip("-(")[:1] == "$"]
        # (Grouped by dots, "1.845.320", a number has no cents to leave out: counted on a
        # page of the table, under its titles.)
        dotted = [w for w in wholes if "." in w and "," not in w]
        table = len(dotted) >= 5 and any(line[4] == HEADER for line in layout.whole.lines)
        if not layout.decimals and (len(marked) >= 5 or table) and not layout.whole.whole_currency:
            # Not one amount with cents among many whole ones printed with their currency
            # ("$23.480" in pesos) or grouped by dots: a currency without minor units the
            # page does not name.
            layout.whole.whole_currency = "$"
    return layout


def _sidebar(lines: list[tuple]) -> None:
    """Words of a sidebar printed right of a table whose descriptions are its last column
    ("Bank on the go." beside "ATM WITHDRAWAL 5/3 BANK"): where three lines or more start
    words at the same place, far right of the descriptions' start and set apart from the
    words before them, those words are the sidebar's, not the rows'."""
    for i, line in enumerate(lines):
        if line[4] != HEADER or line[5][-1][2] != "desc":
            continue
        start = line[5][-1][0] + _SIDEBAR_FROM
        end = next((k for k in range(i + 1, len(lines)) if lines[k][4] == HEADER), len(lines))
        found: dict[int, list[int]] = {}
        for k in range(i + 1, end):
            tokens, height = lines[k][3], lines[k][2]
            for j in range(1, len(tokens)):
                token = tokens[j]
                if (
                    token[2] == TEXT
                    and token[0] > start
                    and token[0] - tokens[j - 1][1] >= 2 * height
                    and all(t[2] == TEXT for t in tokens[j:])
                ):
                    found.setdefault(round(token[0]), []).append(k)
                    break
        for x, at in found.items():
            if len(at) < 3:
                continue
            for k in at:
                y0, y1, height, tokens, tag, info = lines[k]
                lines[k] = (y0, y1, height, [t for t in tokens if t[0] < x - 1], tag, info)


# How far right of where the descriptions start a sidebar may begin, in points (about a dozen
# characters: a description's own words run on past it).
_SIDEBAR_FROM = 60


def _named_currency(layout: PageLayout, raw: list, figures: list[int]) -> None:
    """The account's currency named by a label ("Währung CHF", "Currency: EUR"): a figure in
    it is no foreign amount."""
    for i, (_, _, _, words) in enumerate(raw):
        if figures[i] or len(words) > 8:
            continue
        for k in range(len(words) - 1):
            if words[k][2].lower().rstrip(":") in _CURRENCY_LABELS:
                code = words[k + 1][2].strip(":")
                if code in CURRENCY_CODES:
                    layout.account_currency = code
                    return


_CURRENCY_LABELS = frozenset(
    {"währung", "kontowährung", "currency", "devise", "moneda", "valuta", "divisa", "měna"}
)


def _zero_decimal(raw: list) -> str:
    """The first currency without minor units the page names ("JPY", "¥12,800", "800円")."""
    for line in raw:
        for word in line[3]:
            text = word[2]
            if text.strip("():,") in ZERO_DECIMAL:
                return text.strip("():,")
            if text[:1] in "¥₩₫" or text[-1:] in "円원":
                return text[:1] if text[:1] in "¥₩₫" else text[-1]
    return ""


def _full_dates(layout: PageLayout, figures: list[int]) -> None:
    """Keep the dates printed with a year on lines that are not rows: labels, and lines
    without an amount."""
    found = layout.full_dates
    for i, count in enumerate(figures):
        if not count:
            _month_year(layout.lines[i][3], found)
            continue
        tokens, tag = layout.lines[i][3:5]
        if tag != LABEL and AMOUNT in map(_KIND, tokens):
            continue
        for k, token in enumerate(tokens):
            if token[2] != DATE or len(found) >= 20:
                continue
            if token[4][3] is not None:
                found.append((token[4], token[3]))
            elif k + 1 < len(tokens) and (year := _YEAR_DASH.match(tokens[k + 1][3])):
                # "Mar 01 2024-Mar 31 2024": the year run into the period's dash.
                form, first, second, _ = token[4]
                found.append(((form, first, second, int(year[1])), token[3]))


_DIGIT = re.compile(r"\d")
_SIGN_WORDS_RE = re.compile(f"{CREDIT_SECTION_RE.pattern}|{DEBIT_SECTION_RE.pattern}")
_KIND = itemgetter(2)


def _tag(lines: list[tuple], i: int, tag: str, info: object = None) -> None:
    y0, y1, height, tokens, old, _ = lines[i]
    if old != HEADER:
        lines[i] = (y0, y1, height, tokens, tag, info)


def _headers(layout: PageLayout, raw: list, figures: list[int]) -> None:
    lines = layout.lines
    counts = [
        title_count(words) if len(words) < 30 and not figures[i] else 0
        for i, (_, _, _, words) in enumerate(raw)
    ]
    done = -1
    for i, count in enumerate(counts):
        if i <= done or (count < 1 and not _broken_titles(raw[i][3])):
            continue
        columns = _single(raw[i], count)
        start, stacked = i, _stacked_header(raw, counts, i, columns)
        if stacked is None and columns is not None:
            start, stacked = i - 1, _centred_header(raw, i, columns)
        if stacked is None and columns is None and i - 1 > done:
            start, stacked = i - 1, _title_over(raw, i)
        if stacked is not None:
            columns, used = stacked
            if used == 2 and start > 0 and counts[start - 1] and start - 1 > done:
                # A title's first word on a line of its own over the two ("Accrued" over
                # "Bank Charges").
                higher = _title_above(raw, start, columns)
                if higher is not None:
                    start, columns, used = start - 1, higher, 3
            for k in range(start, start + used):
                _set_header(lines, k, columns)
            done = start + used - 1
        elif columns is not None:
            if _balance_list(columns):
                _tag(lines, i, OTHER_TABLE)
            else:
                _set_header(lines, i, columns)
        elif count >= 3 and _figures_table(raw[i]):
            holder = _holder_over_figures(raw[i][3])
            _tag(lines, i, HOLDER if holder else OTHER_TABLE, holder)
    for i, (_, _, _, words) in enumerate(raw):
        # (Titles start with one: a row's line, starting with its date, is passed over.)
        if (
            figures[i]
            and len(words) < 30
            and lines[i][4] == PLAIN
            and title_count(words[:1])
            and title_count(words) >= 3
        ):
            beside = _header_beside(raw, i)
            if beside is not None:
                start, columns = beside
                for k in range(start, i + 1):
                    _set_header(lines, k, columns)


def _header_beside(raw: list, i: int) -> tuple[int, list[Column]] | None:
    """Column titles sharing their line with a sidebar's figure ("DATE  DATE  ACTIVITY
    DESCRIPTION  AMOUNT($)    Minimum Payment  $39.54"), maybe under their first words on a
    line of their own ("TRANSACTION  POSTING"): `(first line, columns)`."""
    _, _, height, words = raw[i]
    tight = bool(i) and raw[i][0] - raw[i - 1][1] < 0.8 * height
    # (Kept per line and the line above: every page repeats its titles and summary.)
    key = (tuple(words), height, tuple(raw[i - 1][3]) if tight else None)
    found = _BESIDE.get(key, False)
    if found is False:
        if len(_BESIDE) > 256:
            _BESIDE.clear()
        found = _BESIDE[key] = _find_header_beside(raw, i, tight)
    return found


_BESIDE: dict[tuple, tuple | None] = {}


def _find_header_beside(raw: list, i: int, tight: bool) -> tuple[int, list[Column]] | None:
    _, _, height, words = raw[i]
    gaps = [k for k in range(1, len(words)) if words[k][0] - words[k - 1][1] > 2 * height]
    for k in reversed(gaps):
        head, rest = words[:k], words[k:]
        if any(ch.isdigit() for w in head for ch in w[2]) or not any(
            ch.isdigit() for w in rest for ch in w[2]
        ):
            continue
        if tight:
            upper = [w for w in raw[i - 1][3] if w[1] < head[-1][1] + height]
            if upper and _titles_only(upper, title_count(upper)):
                columns = parse_header(merge_stacked(upper, head, height), height, stacked=True)
                if columns is not None:
                    return i - 1, columns
        columns = parse_header(head, height)
        if columns is not None:
            return i, columns
    return None


def _title_over(raw: list, i: int) -> tuple[list[Column], int] | None:
    """Line i, no header by itself, under a title's first words on a line of their own ("Date
    of" over "Transaction  Merchant Name or Transaction Description  $ Amount"): the two lines
    read as one header."""
    if i < 1:
        return None
    _, y1, height, words = raw[i - 1]
    if raw[i][0] - y1 > 0.8 * height or cell_count(words, height) != 1:
        return None
    if not _titles_only(words, title_count(words)):
        return None
    columns = parse_header(merge_stacked(words, raw[i][3], height), height, stacked=True)
    if columns is None or _overlapping(columns):
        return None
    return columns, 2


def _title_above(raw: list, start: int, columns: list[Column]) -> list[Column] | None:
    """The columns of a two-line header with the titles-only line just above it merged in,
    where that lengthens a title and leaves as many columns."""
    _, y1, height, words = raw[start - 1]
    if raw[start][0] - y1 > 0.8 * height or not _titles_only(words, 1):
        return None
    merged = merge_stacked(words, raw[start][3], height)
    merged = merge_stacked(merged, raw[start + 1][3], height)
    three = parse_header(merged, height, stacked=True)
    if three is None or len(three) != len(columns) or three == columns or _overlapping(three):
        return None
    return three


def _stacked_header(
    raw: list, counts: list[int], i: int, alone: list[Column] | None
) -> tuple[list[Column], int] | None:
    """The columns of titles printed over two or three lines from line i ("Transaction" over
    "Date"), and how many lines they take, where they read better than a line alone."""
    _, y1, height, words = raw[i]
    # Half of a header over the other half has titles over two columns or more: one title
    # alone ("Transactions", "TRANSACTION DETAILS (CONTINUED)") heads the table.
    if not (
        _title_count(words, counts[i]) >= 2
        and i + 1 < len(raw)
        and cell_count(words, height) >= 2
        and raw[i + 1][0] - y1 < 0.8 * height
        and _titles_only(raw[i + 1][3], counts[i + 1])
        and _titles_only(words, counts[i])
    ):
        return None
    merged = merge_stacked(words, raw[i + 1][3], height)
    two = parse_header(merged, height, stacked=True)
    # A third line where it titles more (a value date's "Αξίας" under "Ημ/νία"), or ends a
    # title broken mid-phrase ("Importe en" over "divisa").
    if (
        i + 2 < len(raw)
        and raw[i + 2][0] - raw[i + 1][1] < 0.8 * height
        and _titles_only(raw[i + 2][3], counts[i + 2])
    ):
        # "Transaction" and "Posting" over "Date  Date", the other titles centred between.
        cells = merge_stacked(merged, raw[i + 2][3], height, joined=True)
        three = parse_header(cells, height, stacked=True)
        # (Titles in two languages stacked over each other are one header, not more columns.)
        # ("Transaction" over "Posting" over "Date  Date": a third line of the same titles'
        # last words, as many columns.)
        if (
            three is not None
            and (
                two is None
                or len(three) > len(two)
                or _repeats(three) < _repeats(two)
                or (len(three) == len(two) and _repeats(three) == _repeats(two))
            )
            and not _overlapping(three)
        ):
            return three, 3
    if two is None:
        return None
    # (Titles over their translation are one header: a line of it reads it.)
    if 2 * _overlapping(two) >= len(two):
        return None
    lower = _single(raw[i + 1], counts[i + 1]) or []
    # As many columns, but "Posting / Date" over "Transaction / Date" tells the two dates apart
    # where the lower line alone says "Date  Date".
    if (
        len(two) > max(len(alone or ()), len(lower))
        or (len(two) == len(lower) and _repeats(two) < _repeats(lower))
        # ("MERCHANT" over "CATEGORY" beside "TRANSACTION DETAILS": a column of its own, not
        # a second description.)
        or (alone and len(two) == len(alone) and _repeats(two) < _repeats(alone))
        # ("Transaction  Date" over "date  posted": two dates' titles, where the line alone
        # names one.)
        or (alone and len(two) == len(alone) and _dates_titled(two) > _dates_titled(alone))
        # ("Check" over "Number": the same columns as the lower line's, their titles whole.)
        or (len(two) == len(lower) and list(map(_ROLE, two)) == list(map(_ROLE, lower)))
        # ("Trans  Post  Reference Number …" over "Date  Date": as many columns as the upper
        # line's, none over another, two titles or more of it completed.)
        or (
            alone
            and len(two) == len(alone)
            and cell_count(raw[i + 1][3], height) >= 2
            and not _overlapping(two)
        )
    ):
        return two, 2
    return None


_ROLE = itemgetter(2)


def _dates_titled(columns: list[Column]) -> int:
    return len([c for c in columns if c[2] in (DATE_ROLE, POST)])


def _centred_header(raw: list, i: int, alone: list[Column]) -> tuple[list[Column], int] | None:
    """Line i, a header by itself, with a title broken over the lines just above and below it
    where it has none ("Data" over "registrazione" beside "Data operazione"): the three lines
    read as one header, from the line above."""
    if i < 1 or i + 1 >= len(raw):
        return None
    (_, above, _, upper), (y0, y1, height, middle), (below, _, _, lower) = raw[i - 1 : i + 2]
    if y0 - above > 0.8 * height or below - y1 > 0.8 * height:
        return None
    if not upper or not lower or len(upper) + len(lower) > 12:
        return None
    if any(ch.isdigit() for w in upper + lower for ch in w[2]):
        return None
    broken = merge_stacked(upper, lower, height)
    cells = cell_spans(middle, height)
    # The broken titles sit where the middle line has none.
    if any(x0 < c1 and x1 > c0 for x0, x1, _ in broken for c0, c1, _ in cells):
        return None
    columns = parse_header(sorted([*broken, *cells]), height, stacked=True)
    if columns is None or len(columns) <= len(alone):
        return None
    return columns, 3


def _month_year(tokens: list, found: list) -> None:
    """A month and year printed alone ("PERIOD : NOVEMBER 2023"), or with its days between
    ("March 1-31, 2024"): its last days, as a date."""
    for k in range(1, len(tokens)):
        if tokens[k][2] == YEAR and tokens[k - 1][2] == TEXT and len(found) < 20:
            words = tokens[k - 1][3].split()
            month = MONTHS.get(words[-1].lower().strip(".,:"))
            if not month and k >= 2 and _DAYS.fullmatch(words[-1]) and tokens[k - 2][2] == TEXT:
                words = tokens[k - 2][3].split()
                month = MONTHS.get(words[-1].lower().strip(".,:"))
            if month:
                text = f"{words[-1]} {tokens[k][3]}"
                found.append((("V", month, 28, tokens[k][4]), text))
            elif k >= 2 and tokens[k - 2][2] == TEXT:
                # "15 02 2024": a day, a month and a year printed as three numbers.
                day, mon = tokens[k - 2][3].split()[-1], tokens[k - 1][3]
                if day.isdigit() and mon.isdigit() and 1 <= int(day) <= 31 and 1 <= int(mon) <= 12:
                    found.append((("N", int(day), int(mon), tokens[k][4]), f"{day} {mon}"))


_DAYS = re.compile(r"\d{1,2}\s?[-–]\s?\d{1,2},?")
_YEAR_DASH = re.compile(r"((?:19|20)\d\d)[-–]")


def _stacked_labels(raw: list, lines: list[tuple], figures: list[int]) -> list:
    """The lines as labels are looked for in: a band of labels printed on two lines over their
    figures ("Balance from" over "last statement", "New" over "Balance", the amounts below)
    read as one line of labels."""
    merged = raw
    for i in range(len(raw) - 2):
        upper, lower, values = raw[i], raw[i + 1], lines[i + 2]
        if figures[i] or figures[i + 1] or figures[i + 2] < 2 or not upper[3] or not lower[3]:
            continue
        height = upper[2]
        if lower[0] - upper[1] > 0.8 * height or values[0] - lower[1] > 2.5 * height:
            continue
        if any(t[2] == TEXT and any(ch.isalpha() for ch in t[3]) for t in values[3]):
            continue  # words beside the figures: rows or prose, not a band of figures
        if not any(ch.isalpha() for w in lower[3] for ch in w[2]):
            continue
        cells = merge_stacked(upper[3], lower[3], height)
        # Each label of the band starts on the upper line, and a figure sits under each.
        if len(cells) < 2 or len(cells) != cell_count(upper[3], height):
            continue
        if abs(figures[i + 2] - len(cells)) > 1:
            continue
        words = []
        for x0, x1, text in cells:
            parts = text.split()
            step = (x1 - x0) / len(parts)
            words += [(x0 + k * step, x0 + (k + 1) * step, part) for k, part in enumerate(parts)]
        if merged is raw:
            merged = list(raw)
        merged[i] = (*upper[:3], words)
        merged[i + 1] = (*lower[:3], [])
    return merged


def _overlapping(columns: list[Column]) -> int:
    """How many columns lie over the one before them."""
    return len([b for a, b in pairwise(sorted(columns)) if b[0] < a[1] - 1])


def _repeats(columns: list[Column]) -> int:
    """How many columns share a role with another."""
    return len(columns) - len({c[2] for c in columns})


def _figures_table(line: tuple) -> bool:
    """The titles of a table of figures with neither dates nor descriptions ("Service  Number
    Rate £  Charge £", a summary of charges): it ends the transactions above."""
    _, _, height, words = line
    columns = parse_header(words, height, dateless=True)
    return (
        columns is not None
        and not {c[2] for c in columns} & {"date", "post", "desc"}
        # (A heading's words only, "Withdrawals / Debits", head a section of rows.)
        and not all(w[2].lower() in SECTION_WORDS or w[2] in _JOINS for w in words)
    )


_JOINS = frozenset({"/", "-", "&"})


def _holder_over_figures(words: list) -> tuple | None:
    """A cardholder's heading printed on the line of the amount's title ("JOHN A WHITAKER Card
    Ending 1-23456  Amount"): `(name, last four digits, None)`, the name before the number."""
    text = " ".join(w[2] for w in words)
    card = card_number(text)
    if card is None:
        return None
    name = _holder_name(text[: card[0]], "")
    if (
        name is None
        or not 2 <= len(name.split()) <= 5
        or not name.replace(".", "").replace(" ", "").isalpha()
    ):
        return None
    return (name, card[2], None)


def _balance_list(columns: list[Column]) -> bool:
    """Date and figure titles repeated across the page without a description ("Date  Amount
    Date  Amount"): a list of daily balances printed in several columns, not a transaction
    table."""
    roles = [c[2] for c in columns]
    dates = roles.count("date") + roles.count("post")
    figures = roles.count("amount") + roles.count("balance")
    # (A list of the checks paid, "Check number  Amount  Date paid" twice, is of rows.)
    return (
        "desc" not in roles
        and "ref" not in roles
        and dates >= 2
        and figures >= 2
        and len(set(roles)) < len(roles)
    )


def _single(line: tuple, count: int) -> list[Column] | None:
    """The columns one line names by itself (kept per line: every page repeats the header)."""
    if count < 2:
        return None
    _, _, height, words = line
    key = (tuple(words), height)
    columns = _HEADERS.get(key, False)
    if columns is False:
        if len(_HEADERS) > 256:
            _HEADERS.clear()
        columns = _HEADERS[key] = parse_header(words, height)
    return None if columns is None else list(columns)


_HEADERS: dict[tuple, list[Column] | None] = {}


def _titles_only(words: list, count: int) -> bool:
    """A line that could be half of a two-line header: titles, no figures (a number in
    parentheses qualifies a title: "(Last 4)")."""
    return 2 * _title_count(words, count) >= len(words) and not any(
        ch.isdigit() for w in words if not w[2].endswith(")") for ch in w[2]
    )


def _broken_titles(words: list) -> bool:
    """Titles broken over two lines and nothing else ("Reskontra-  Transaktions-" over "datum
    datum"): the upper half of a header."""
    return 2 <= len(words) <= 6 and all(map(_broken, words))


def _title_count(words: list, count: int) -> int:
    """The line's titles: its title words, and a title broken over the two lines ("Kirjaus-"
    over "päivä") as one; so is a title's qualifier in parentheses ("(DR)" under
    "WITHDRAWAL")."""
    return count + len([w for w in words if _broken(w) or _QUALIFIER.fullmatch(w[2])])


def _broken(word: tuple) -> bool:
    """A title's first part, broken off by a hyphen at the line's end ("Kirjaus-")."""
    return word[2].endswith("-") and word[2][:-1].isalpha()


_QUALIFIER = re.compile(r"\([^\W\d_]{1,5}\)")


def _set_header(lines: list[tuple], i: int, columns: list[Column]) -> None:
    y0, y1, height, tokens, _, _ = lines[i]
    lines[i] = (y0, y1, height, tokens, HEADER, columns)


def _classify(lines: list[tuple], i: int) -> None:
    """Tag section headings, cardholder headings and the titles of other tables (line i has no
    amount)."""
    tokens = lines[i][3]
    text = " ".join([t[3] for t in tokens])
    if _DIGIT.search(text):
        holder = _HOLDERS.get(text, False)
        if holder is False:
            if len(_HOLDERS) > 256:
                _HOLDERS.clear()
            holder = _HOLDERS[text] = _holder(text)
        if holder is not None and tokens[0][2] == DATE:
            # "02.03.2024  NR XXXX 4821 KOELN DE": a row's second line, its value date and
            # its card's number, no cardholder's heading.
            holder = None
        if (
            holder is not None
            and holder[0] is None
            and holder[1]
            and i > 0
            and not _under_row(lines, i - 1)
        ):
            # "JEAN TREMBLAY" over "Card number: XXXX XXXX XXXX 4821": the card's holder (not
            # a row's wrapped text over the card number printed as its last line).
            name = _name_above(lines, i)
            if name:
                holder = (name, *holder[1:])
                _tag(lines, i - 1, NOTE)
        if holder is not None and holder[0]:
            holder = _name_apart(tokens, lines[i][2], holder)
        if holder is not None and holder[1] and i + 1 < len(lines) and not _under_row(lines, i):
            # "DBS LIVE FRESH CARD  CARD NO.: 4119 1100 1234 5678" over "TAN WEI MING": the
            # name on the line under the card's heading is its holder's.
            name = _name_below(lines, i)
            if name:
                holder = (name, *holder[1:])
                _tag(lines, i + 1, NOTE)
        if holder is not None:
            _tag(lines, i, HOLDER, holder)
        elif NOTE_RE.search(text.lower()) or _balance_label(text.lower()):
            _tag(lines, i, NOTE)  # "Continued on page 3"
        else:
            _heading_beside_note(lines, i)
        return
    lower = text.lower()
    named = _HOLDER_LABEL_RE.match(lower)
    if named:
        # "Cardmember: JONATHAN R ABERNATHY": the cardholder of the rows that follow (the
        # label's cell only: "Cardholder: DANIEL FLETCHER   Account summary").
        height, cells = lines[i][2], [[tokens[0]]]
        for token in tokens[1:]:
            if token[0] - cells[-1][-1][1] > 1.5 * height:
                cells.append([])
            cells[-1].append(token)
        name = " ".join([t[3] for t in cells[0]])[named.end() :].strip()
        if not name and len(cells) > 1:
            name = " ".join([t[3] for t in cells[1]])  # the label's value set apart from it
        if 2 <= len(name.split()) <= 5 and all(
            w.replace(".", "").replace("-", "").replace("'", "").isalpha() for w in name.split()
        ):
            _tag(lines, i, HOLDER, (name, None, None))
            return
    if _END_RE.search(lower):
        _tag(lines, i, OTHER_TABLE)  # "**** End of Statement ****": no rows follow
        return
    if NOTE_RE.search(lower) or _footnote(tokens) or _balance_label(lower):
        _tag(lines, i, NOTE)
        return
    words = lower.replace("/", " ").split()  # ("ATM/Purchases": two words)
    if len(words) <= 5 and PENDING_RE.search(lower) and not lower.endswith("."):
        _tag(lines, i, SECTION, (None, text))  # transactions not yet processed follow
        return
    others = len([w for w in words if w.strip(".:") in OTHER_TABLE_WORDS])
    if others and len(tokens) >= 4:
        # Titles of a table of instalments ("Purchase date  Description  Term  Instalment
        # Outstanding"), not a heading: a heading is one phrase.
        _tag(lines, i, OTHER_TABLE)
        return
    section = _section_sign(tokens, lower, words)
    if section is not None:
        if _prose_under(lines, i):
            # "Allocation of payments" over a paragraph of the terms: no rows follow it.
            _tag(lines, i, NOTE)
        else:
            _tag(lines, i, SECTION, (section, text))
        return
    _heading_beside_note(lines, i)
    # The titles of another table: words only, two of them naming loans or reward points, or a
    # heading of balances ("Daily ending balance").
    # ("Previous balance" alone, its figure on the line below, is the balance itself.)
    balance_heading = "balance" in words and not BALANCE_LABEL_RE.match(fold(text))
    # (Not a sentence running on in a sidebar: "your balance in full, interest will be …".)
    sentence = text[:1].islower() or len(words) > 8
    if not sentence and (others >= 2 or (len(tokens) <= 5 and balance_heading)):
        _tag(lines, i, OTHER_TABLE)


_END_RE = re.compile(
    r"^[*\s-]*end of (?:the )?(?:statement|transactions?|transaction details)[*\s.-]*$"
)


def _footnote(tokens: list) -> bool:
    """A footnote: its mark set apart, then a sentence ("#  Intl. amount is the transaction
    amount in the original currency")."""
    if len(tokens) < 2 or tokens[0][3] not in _FOOTNOTE_MARKS:
        return False
    words = " ".join(t[3] for t in tokens[1:]).split()
    return len(words) >= 4 and any(ch.islower() for w in words for ch in w)


_FOOTNOTE_MARKS = frozenset({"#", "##", "*", "**", "†", "‡"})

_HOLDER_LABEL_RE = re.compile(
    r"(?:card ?member|card ?holder|karteninhaber(?:in)?|titulaire(?: de la carte)?"
    r"|titular(?: de la tarjeta)?|kortinnehavare|kortholder|kaarthouder|titolare)\s*:\s*"
)


def _holder_total(lines: list[tuple], i: int) -> None:
    """Tag a cardholder's heading that prints what their card spent ("MICHAEL A TORRES
    TRANSACTIONS THIS CYCLE (CARD 4417) $6,487.14"): the rows that follow are theirs."""
    tokens = lines[i][3]
    # (Up to its figure: "… (CARD 4417) -$2,858.61 INCLUDING PAYMENTS RECEIVED" says what the
    # figure counts, not whose rows follow nor what they are.)
    text = " ".join([t[3] for t in tokens[: list(map(_KIND, tokens)).index(AMOUNT)]])
    # (Not a total named after the card: "JOHN A MARSH #1234: Total Transactions".)
    if not HEADING_RE.search(text.lower()) or "total" in text.lower():
        return
    holder = _holder(text)
    if holder is not None and holder[1] and not holder[0] and i > 0:
        # The name on the line just above ("JANE M HOLLOWAY" over "TRANSACTIONS THIS CYCLE
        # (CARD 4821) $3,145.77"): the heading's, not the last row's text.
        name = _name_above(lines, i)
        if name:
            holder = (name, *holder[1:])
            _tag(lines, i - 1, NOTE)
    if holder is not None and holder[0] and holder[1]:
        # (Their rows whatever they are: the heading ends any section of credits above it.)
        _tag(lines, i, HOLDER, (*holder[:2], 0 if holder[2] is None else holder[2]))


def _name_apart(tokens: list, height: float, holder: tuple) -> tuple:
    """The name in the heading's first cell, where the card's number is printed apart from it
    with more words ("Anna Schmidt  …  Marketing · Mastercard •••• 4821")."""
    first = _first_cell(tokens, height, 3.0)
    if first is None:
        return holder
    text = " ".join([t[3] for t in first])
    if card_number(text) is not None:
        return holder
    name = _holder_name(text, "")
    # (Only a name the heading's words ran on from: "UOB ONE CARD  4265-…-4417  TAN WEI MING"
    # names the card in its first cell, its holder in the last.)
    # (Nor a column's title printed after the number, "CHRISTINE LOWE  Card Ending 7-41003
    # Amount", nor a field of the card's, "Department: Sales".)
    if not name:
        return holder
    after = len(name.split()) >= 2 and (
        len(holder[0].split()) == 1 or not NAME_WORDS.isdisjoint(holder[0].lower().split())
    )
    return (name, *holder[1:]) if holder[0].startswith(name + " ") or after else holder


def _under_row(lines: list[tuple], i: int) -> bool:
    """Whether line i is printed tight under a row's line (a date and an amount), maybe under
    more of its wrapped lines ("SHOPEE SINGAPORE" over "SINGAPORE SG")."""
    for k in range(i, max(i - 6, 0), -1):
        above = lines[k - 1]
        if lines[k][0] - above[1] >= above[2] or above[4]:
            return False
        kinds = {t[2] for t in above[3]}
        if DATE in kinds and AMOUNT in kinds:
            return True
    return False


def _name_above(lines: list[tuple], i: int) -> str | None:
    """A person's name in capitals on the line just above line i, alone or after a card's
    heading ("KAD UTAMA / PRINCIPAL CARD AHMAD FAIZAL BIN ISMAIL"), else None."""
    above = lines[i - 1]
    if lines[i][0] - above[1] >= above[2]:
        return None
    name = _lone_name(above)
    if name is None and above[4] == PLAIN:
        text = " ".join([t[3] for t in above[3]])
        kind = CARD_KIND.search(text.lower())
        if kind and text.isupper():
            # (The name after the card's kind: "KAD UTAMA / PRINCIPAL CARD AHMAD FAIZAL".)
            named = _holder_name(text[kind.end() :], "")
            name = named if named and 2 <= len(named.split()) <= 5 else None
    return name


def _name_below(lines: list[tuple], i: int) -> str | None:
    """A person's name in capitals alone on the line just under line i (none of a heading's
    or a label's words), else None."""
    below = lines[i + 1]
    name = _lone_name(below) if below[0] - lines[i][1] < lines[i][2] else None
    return name if name and NAME_WORDS.isdisjoint(name.lower().split()) else None


def _lone_name(line: tuple) -> str | None:
    """The line's text, where it is two to four words of capitals and nothing else."""
    name = " ".join([t[3] for t in line[3]])
    words = name.split()
    if (
        not line[4]
        and 2 <= len(words) <= 4
        and name.isupper()
        and all(w.rstrip(".").replace("-", "").replace("'", "").isalpha() for w in words)
    ):
        return name
    return None


def _balance_label(lower: str) -> bool:
    """A balance's label without its figure ("Overført fra forrige side", "Übertrag auf Seite
    2"): no row's text."""
    return not LABEL_WORDS.isdisjoint(lower.split()) and bool(
        BALANCE_LABEL_RE.fullmatch(_PAGE_REF.sub("", fold(lower)))
    )


# The page a carried balance goes to or comes from, after its label ("… auf Seite 2").
_PAGE_REF = re.compile(r" (?:seite|page|side|sida|blatt|blad|pagina|página|sivu|strana) \d+$")


def _prose_under(lines: list[tuple], i: int) -> bool:
    """Right under line i, a sentence: a dozen words or more and no figures or dates."""
    if i + 1 >= len(lines) or lines[i + 1][0] - lines[i][1] > 1.5 * lines[i][2]:
        return False
    tokens = lines[i + 1][3]
    return all(t[2] == TEXT for t in tokens) and sum(len(t[3].split()) for t in tokens) >= 12


def _heading_beside_note(lines: list[tuple], i: int) -> None:
    """A heading with a note beside it ("Checks Paid   No. Checks: 2   *Indicates break in
    serial sequence …"): the section its rows are listed in."""
    first = _first_cell(lines[i][3], lines[i][2])
    if first is None:
        return
    head = " ".join([t[3] for t in first])
    low = head.lower()
    section = _section_sign(first, low, low.replace("/", " ").split())
    # (Not a label and its date: "Payment date  09 April 2024" on a payment slip.)
    if section and lines[i][3][len(first)][2] != DATE:
        _tag(lines, i, SECTION, (section, head))


def _first_cell(tokens: list, height: float, apart: float = 2.0) -> list | None:
    """The line's words before a gap wider than `apart` line heights, else None."""
    for k in range(1, len(tokens)):
        if tokens[k][0] - tokens[k - 1][1] > apart * height:
            return tokens[:k]
    return None


def _counted_heading(lines: list[tuple], i: int) -> None:
    """A heading that counts and totals its rows ("Deposits / Credits  7 items totaling
    $6,104.06"): the section its rows are listed in."""
    tokens = lines[i][3]
    text = " ".join([t[3] for t in tokens[:-1]])
    m = _COUNTED.fullmatch(text.lower())
    if m is None:
        return
    sign = _words_sign(m[1])
    if sign:
        _tag(lines, i, SECTION, (sign, text[: len(m[1])]))


# ("Deposits and Other Additions  There were 6 Deposits and Other Additions totaling $6,049.75.")
_COUNTED = re.compile(
    r"(.+?)\s+(?:there (?:were|was|is|are)\s+)?\d+\s+(?:[a-z/]+\s+){1,5}?total(?:l?ing)?:?"
)


def _holder(text: str) -> tuple | None:
    """`(name, last four digits, section sign)` for a cardholder's heading, else None."""
    card = card_number(text)
    if card is None or _PAGE_NUMBER.search(text) or _SLIP.search(text.lower()):
        # (Nor a page's footer, "Ramp Business Corporation · Account •••• 7735  Page 1 of 3",
        # nor a payment slip to tear off, "aqua PAYMENT SLIP  Account number ending 3107".)
        return None
    start, end, last4 = card
    lower = text.lower()
    sign = _words_sign(lower)
    if sign is None and HEADING_RE.search(lower[end:]):
        sign = 0  # "MARCUS T BELLAMY #6610: Transactions": the card's rows, whatever they are
    return (_holder_name(text[:start], text[end:]), last4, sign)


_SLIP = re.compile(r"\b(?:payment|remittance|giro|bank giro) (?:slip|coupon|counterfoil|stub)\b")
_PAGE_NUMBER = re.compile(
    r"\b(?:page|seite|side|sida|sivu|pagina|página|strona|strana)\s*\d+\s*(?:of|von|af|av|/|di|de|z|ze)"
    r"\s*\d+\b",
    re.IGNORECASE,
)
# Cardholder headings by text: an account's heading repeats at the top of every page.
_HOLDERS: dict[str, tuple | None] = {}


def _holder_name(before: str, after: str) -> str | None:
    """The cardholder's name beside a card number: the side that is not the card's product.
    The name as printed, with its title ("MRS CLAIRE WILSON")."""
    sides = []
    for side, rest in ((before, before.rstrip(_NUMBER_LEFT)), (after, after.lstrip(_NUMBER_LEFT))):
        if _POSTCODE.search(rest):
            # An address ("San Francisco, CA 94105  Account ending in ••8830"), not what is
            # left of the card's number ("No de carte: 4540 XX XX XX12 3456").
            continue
        # (Without a heading's Chinese or Japanese words: "主卡PRINCIPAL CARD : CHAN TAI MAN".)
        words = [CJK_RE.sub("", w).strip(":,()") for w in side.split()]
        # (Not what is left of a masked number: "No de carte: XXXX XXXX XXXX 3456".)
        words = [w for w in words if any(map(str.isalpha, w)) and w.strip(_MASK + "-.")]
        if not words:
            continue
        products = len([w for w in words if w.lower() in PRODUCT_WORDS])
        name = [
            w
            for w in words
            if w.lower() in HONORIFICS
            or (w.lower() not in NAME_NOISE and w.lower() not in PRODUCT_WORDS)
        ]
        if not all(map(str.isupper, name)):
            # A name in capitals among a label's words ("Carte principale - MME CLAIRE DUPONT",
            # "No de carte"): the longest run of capitals, the last of equal ones.
            run = max(_capital_runs(name), key=len, default=[])
            if len([w for w in run if len(w.strip(".")) > 1]) >= 2:
                name = run
        if name:
            # (The side in capitals, where neither is a product: "JOHN A SMITH #4821:
            # Payments, Credits and Adjustments".)
            sides.append((products, -len([w for w in name if w.isupper()]), " ".join(name)))
    return min(sides)[2] if sides else None


def _capital_runs(words: list[str]) -> list[list[str]]:
    """The runs of words in capitals, last first."""
    runs: list[list[str]] = [[]]
    for word in words:
        if word.isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return runs[::-1]


_MASK = "xX*•"
_NUMBER_LEFT = "0123456789 -xX*•"
_POSTCODE = re.compile(r"(?<![\w#])\d{3,}(?![\w#])")


def _section_sign(tokens: list, lower: str, words: list[str]) -> int | None:
    """+1 for a heading of spending, -1 of credits, 0 of other rows; None if not a heading
    (the line has no digits)."""
    # A heading is a few words; a sentence ("Please detach this portion and return with your
    # cheque payment") is not one.
    if len(tokens) > 8 or len(lower) > 70 or len(words) > 7 or SECTION_WORDS.isdisjoint(words):
        return None
    text = tokens[0][3]
    if text[:1].islower() or tokens[-1][3].endswith("."):
        return None  # the end of a sentence ("on or around the payment due date.")
    if any(t[2] == DATE for t in tokens):
        return None
    if NOT_SECTION_RE.search(lower):
        # ("Banking/Debit Card Withdrawals and Purchases": a product's name, "debit card",
        # in a heading of spending.)
        rest = _CARD_PRODUCT.sub(" ", lower)
        if rest == lower or NOT_SECTION_RE.search(rest) or _words_sign(rest) is None:
            return None
        lower = rest
    sign = _words_sign(lower)
    if sign is not None:
        return sign
    # ("PRINCIPAL CARD / KAD UTAMA" over the card's own heading: a heading of no sign.)
    return 0 if HEADING_RE.search(lower) or CARD_KIND.match(lower) else None


CARD_KIND = re.compile(r"(?:principal|primary|main|supplementary|additional) card\b")


_CARD_PRODUCT = re.compile(r"\b(?:credit|debit) cards?\b")


def _words_sign(lower: str) -> int | None:
    """+1 if the words name spending, -1 credits, 0 both, None neither."""
    # Card or bill payments name "payments", a credit word: without any, neither matches.
    if _SIGN_WORDS_RE.search(lower) is None:
        return None
    spent = SPENT_PAYMENTS_RE.sub(" purchases ", lower)
    debit = DEBIT_SECTION_RE.search(spent) is not None
    credit = CREDIT_SECTION_RE.search(spent) is not None
    if debit != credit:
        return 1 if debit else -1
    return 0 if debit else None


def _clues(layout: PageLayout, typed: list) -> None:
    """Count what decides date order, decimal style and currency across the document."""
    numeric, first_high, second_high, ambiguous = (
        layout.numeric,
        layout.first_high,
        layout.second_high,
        layout.ambiguous,
    )
    worded, currencies, decimals = layout.worded, layout.currencies, layout.decimals
    for _, _, kind, text, value in typed:
        if kind == DATE:
            form, first, second, _ = value
            if form == "N":
                numeric += 1
                if first > 12:
                    first_high = first_high or text
                elif second > 12:
                    second_high = second_high or text
                elif first != second:
                    ambiguous = ambiguous or text
            elif form in ("W", "V"):
                worded[form] = worded.get(form, 0) + 1
        elif kind == AMOUNT:
            currency = value[2]
            if currency:
                currencies[currency] = currencies.get(currency, 0) + 1
            # Most amounts end with their digits: the separator is three characters back.
            style = _STYLES.get(text[-3:-2], "") if text[-1].isdigit() else _decimal_of(text)
            if style:
                decimals[style] = decimals.get(style, 0) + 1
    layout.numeric, layout.first_high, layout.second_high, layout.ambiguous = (
        numeric,
        first_high,
        second_high,
        ambiguous,
    )


_STYLES = {".": "point", ",": "comma"}


def _decimal_of(text: str) -> str:
    """The separator before an amount's last two digits."""
    end = len(text)
    while end and not text[end - 1].isdigit():
        end -= 1
    mark = text[end - 3 : end - 2] if end >= 3 else ""
    return "point" if mark == "." else "comma" if mark == "," else ""
