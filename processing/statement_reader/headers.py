"""Column titles: which lines are a transaction table's header, and where each column is.

A header line splits into cells at wide gaps; each cell must read as one or more known titles
("Trans Date", "Description", "Amount (SGD)"), with a little decoration allowed (a currency
in parentheses, "in Rs."). Titles stacked on two lines ("Trans" over "Date") are merged by
horizontal overlap. A line of labels such as "Statement date  Payment due date  Credit limit"
is not a header: its cells are not titles.
"""

from __future__ import annotations

import re
from operator import itemgetter
from unicodedata import category

from .geometry import Box
from .tokens import CURRENCY_CODES, SYMBOL_CODES
from .vocabulary import (
    DATE,
    LONGEST_TITLE,
    POST,
    PRINTED_TITLE_WORDS,
    TITLE_WORDS,
    TITLES,
    cases,
    title_word,
    words,
)

Column = tuple[float, float, str, str]  # x0, x1, role, title as printed
_TEXT = itemgetter(2)
_FIRST_WORDS = frozenset(phrase[0] for phrase in TITLES)
# Title words as printed: lower, upper or capitalised, with or without their accents, bare or
# with a trailing colon or dot.
_TITLE_ANY_CASE = frozenset(
    f"{variant}{end}"
    for word in TITLE_WORDS | PRINTED_TITLE_WORDS
    for variant in cases(word)
    for end in ("", ":", ".")
)
_DECORATION = frozenset(
    {"in", "en", "em", "rs", "inr", "$", "€", "£", "₹", "-", "+", "(-)", "(+)", "amt", "euros"}
    | {"euro"}
)
# A one-word title that, printed just before another title in the same cell, only qualifies
# it: "Transaction Ref" is a reference column, not a description and a reference.
_DATE_QUALIFIERS = words("transaction trans txn tapahtuma")
_TIMES = words("time hora heure uhrzeit")
_QUALIFIERS = words(
    "transaction trans txn tran posting post value foreign original reference ref billing "
    "merchant reward running card"
)


def title_count(words: list[Box]) -> int:
    """How many of the line's words are column-title words: a cheap first filter."""
    return sum(map(_TITLE_ANY_CASE.__contains__, map(_TEXT, words)))


def cell_count(words: list[Box], height: float) -> int:
    """How many cells (runs of words split at wide gaps) a line has."""
    return len(_cells(words, height))


def cell_spans(words: list[Box], height: float) -> list[Box]:
    """The line's cells, each as one word `(x0, x1, text)`."""
    return [(c[0][0], c[-1][1], " ".join([w[2] for w in c])) for c in _cells(words, height)]


def parse_header(
    words: list[Box],
    height: float,
    extra: dict | None = None,
    stacked: bool = False,
    dateless: bool = False,
) -> list[Column] | None:
    """The columns a header line names, or None when the line is not a transaction header
    (`dateless`: nor the header of a table of figures without dates). Kept per line: pages
    repeat their titles."""
    if extra:
        return _parse(words, height, extra, stacked, dateless)
    # Read once as if dates were not needed; a transaction header is one with a date column.
    key = (tuple(words), height, stacked)
    found = _PARSED.get(key, False)
    if found is False:
        if len(_PARSED) > 512:
            _PARSED.clear()
        found = _PARSED[key] = _parse(words, height, None, stacked, True)
    if found is None or not (dateless or any(c[2] in (DATE, POST) for c in found)):
        # ("Description  Incoming  Outgoing  Amount": each row's date is printed under it.)
        roles = [c[2] for c in found or ()]
        if not ({"desc", "debit", "credit", "balance"} <= set(roles) and roles[0] == "desc"):
            return None
    return list(found)


_PARSED: dict[tuple, list[Column] | None] = {}


def _parse(
    words: list[Box], height: float, extra: dict | None, stacked: bool, dateless: bool
) -> list[Column] | None:
    titles = {**TITLES, **extra} if extra else TITLES
    firsts = {phrase[0] for phrase in titles} if extra else _FIRST_WORDS
    columns: list[Column] = []
    unknown: list[Column] = []
    shared_cells: list[list[Column]] = []
    for cell in [[w] for w in words] if stacked else _cells(words, height):
        found = _segment(cell, titles, firsts)
        if (
            found
            and len(found) == 2
            and [c[2] for c in found] == ["amount", "foreign"]
            and _CURRENCY_WORD.search(found[1][3].lower())
        ):
            # "Betrag" over "Fremdwährung": the amount in the foreign currency, one column
            # ("Valor original" may be a price in the account's own currency).
            found = [(found[0][0], found[-1][1], "foreign", " ".join(c[3] for c in found))]
        if found is None and _points_named(cell, titles):
            # A reward scheme's points named after it ("Virgin" over "Points").
            found = [(cell[0][0], cell[-1][1], "points", " ".join(w[2] for w in cell))]
        if found is None:
            unknown.append((cell[0][0], cell[-1][1], "", " ".join([w[2] for w in cell])))
            continue
        slashed = len(found) > 1 and any(w[2] in _SLASHES or " / " in w[2] for w in cell)
        if slashed and len({c[2] for c in found}) == 1 and found[0][2] != "desc":
            # "CARGOS / DEBE": one column titled twice, in two words for the same figures.
            found = [(found[0][0], found[-1][1], found[0][2], " / ".join(c[3] for c in found))]
        elif slashed and any(c[2] == "desc" for c in found):
            # "Buchung / Verwendungszweck": the booking's text and its purpose, one cell of
            # the descriptions, not a date's title over them (where the dates have their own).
            shared = [c for c in found if c[2] in (DATE, POST)]
            if shared and len(shared) < len(found):
                shared_cells.append(shared)
            rest = [c for c in found if c[2] not in (DATE, POST)]
            if len({c[2] for c in rest}) > 1:
                # ("Označení platby / Protiúčet / Název protiúčtu / Zpráva": the rest of the
                # cell's titles, of several kinds, one column of descriptions holding them.)
                joined = " / ".join(c[3] for c in rest)
                found = [*shared, (rest[0][0], rest[-1][1], "desc", joined)]
        columns.extend(found)
    if shared_cells and len({c[:2] for c in columns if c[2] in (DATE, POST)}) > sum(
        map(len, shared_cells)
    ):
        dropped = {id(c) for cell in shared_cells for c in cell}
        columns = [c for c in columns if id(c) not in dropped]
    # "Transaction" beside "Posting" and a "Description" of its own: the transaction's date
    # (the word "date" printed under both, or nowhere).
    descs = [c for c in columns if c[2] == "desc"]
    if len(descs) > 1 and any(c[2] == POST for c in columns):
        for k, column in enumerate(columns):
            if column[2] == "desc" and title_word(column[3]) in _DATE_QUALIFIERS:
                columns[k] = (column[0], column[1], DATE, column[3])
    elif len(descs) > 1 and any(title_word(c[3]) in _DESCRIPTIONS for c in descs):
        # "Transaction" beside a "Description" of its own: the transaction's code (X1, CW);
        # first of titles that name no date ("transaction  description  debits  credits"),
        # the transaction's date.
        dated = any(c[2] in (DATE, POST) for c in columns)
        for k, column in enumerate(columns):
            if column[2] == "desc" and title_word(column[3]) in _DATE_QUALIFIERS:
                role = "category" if dated or k else DATE
                columns[k] = (column[0], column[1], role, column[3])
    roles = {c[2] for c in columns}
    # An unnamed title between the dates and the amounts ("Payment type and details") is the
    # description.
    if "desc" not in roles and unknown and roles & {DATE, POST}:
        first_date = min(c[0] for c in columns if c[2] in (DATE, POST))
        money = [c[0] for c in columns if c[2] in ("amount", "debit", "credit", "balance")]
        first_money = min(money, default=float("inf"))
        # (Between a value date and the amounts, an unnamed title may be the booking date's.)
        later = [u for u in unknown if first_date < u[0] < first_money] if DATE in roles else []
        # (Or first of all, the dates printed after it: "Angaben zu den Umsätzen  Valuta
        # Betrag in EUR".)
        later = (
            later
            or [
                u
                for u in unknown
                if u[1] < min(c[0] for c in columns) and not title_count(_split(u))
            ][:1]
        )
        if later:
            unknown.remove(later[0])
            columns.append((later[0][0], later[0][1], "desc", later[0][3]))
            columns.sort()
    roles = {c[2] for c in columns}
    amounts = [k for k, c in enumerate(columns) if c[2] == "amount"]
    if {"debit", "credit"} <= roles and len(amounts) == 1 and amounts[0] == len(columns) - 1:
        # "Incoming  Outgoing  Amount": right of the money in and out, what the account holds.
        column = columns[amounts[0]]
        columns[amounts[0]] = (column[0], column[1], "balance", column[3])
        roles = {c[2] for c in columns}
    refs = [k for k, c in enumerate(columns) if c[2] == "ref"]
    if (
        "desc" not in roles
        and len(refs) == 1
        and roles & {DATE, POST}
        and not _NUMBERED_TITLE.search(columns[refs[0]][3].lower())
    ):
        # A reference the only column of words ("Bokföringsdag  Transaktionsdag  Referens
        # Belopp  Saldo"): what each row is, its description.
        column = columns[refs[0]]
        columns[refs[0]] = (column[0], column[1], "desc", column[3])
        roles = {c[2] for c in columns}
    if "desc" in roles and unknown and roles & {DATE, POST} and not stacked:
        # An unnamed title between the dates and the description ("MODE**"): a column of its
        # own (the payment's channel, its type), not the description's first words.
        first_date = min(c[0] for c in columns if c[2] in (DATE, POST))
        first_desc = min(c[0] for c in columns if c[2] == "desc")
        # (On one line only: a title broken over two, "Data" over "registrazione", is read
        # from both.)
        for cell in [u for u in unknown if first_date < u[0] and u[1] < first_desc]:
            unknown.remove(cell)
            columns.append((cell[0], cell[1], "category", cell[3]))
        columns.sort()
    if not roles & {DATE, POST}:
        # Rows printed with their time only, under headings that give the day ("Friday,
        # March 1, 2024"): the time's column is where their dates would be.
        for k, column in enumerate(columns):
            if column[2] == "category" and title_word(column[3].split()[0]) in _TIMES:
                columns[k] = (column[0], column[1], DATE, column[3])
                roles.add(DATE)
                break
    has_date = DATE in roles or POST in roles
    has_money = bool(roles & {"amount", "debit", "credit", "balance"})
    if not (has_date or dateless) or not has_money:
        return None
    if len(unknown) > max(1, len(columns) // 3):
        return None
    return columns


# A reference column titled for a number ("CHECK NO.", "Cheque #"): numbers, no description.
_NUMBERED_TITLE = re.compile(r"che(?:ck|que)|\bchq|\bno\b|number|n[úu]mero|\bnr\b|#")


def _split(cell: Column) -> list[Box]:
    """A cell's words, for counting the titles among them."""
    return [(cell[0], cell[1], word) for word in cell[3].split()]


def merge_stacked(
    upper: list[Box], lower: list[Box], height: float, joined: bool = False
) -> list[Box]:
    """Two header lines as one: words of overlapping cells joined top then bottom (`joined`:
    the upper line is two lines merged already, each of its words a cell)."""
    cells = [[word] for word in upper] if joined else _cells(upper, height)
    lowers = _cells(lower, height)
    cells, lowers = _split_under(cells, lowers), _split_under(lowers, cells)
    merged: list[Box] = []
    used = set()
    # A title over two titles under it, centred between them ("FECHA" over "OPER  LIQ",
    # "SALDO" over "OPERACIÓN  LIQUIDACIÓN"), heads each of them.
    groups = {i for i, c in enumerate(cells) if _over_two(c, lowers)}
    # A title and the lower cell that starts where it starts belong together, however close
    # the lower cell before it comes.
    starts = {
        i: k
        for i, c in enumerate(cells)
        for k, low in enumerate(lowers)
        if abs(low[0][0] - c[0][0]) < 1
    }
    for k, cell in enumerate(lowers):
        x0, x1 = cell[0][0], cell[-1][1]
        above = [
            i
            for i, c in enumerate(cells)
            if c[0][0] < x1 + 2
            and c[-1][1] > x0 - 2
            and (i in groups or (i not in used and starts.get(i, k) == k))
        ]
        words = [w for i in above for w in cells[i]]
        used.update(above)
        if words:
            left, right = min(x0, words[0][0]), max(x1, words[-1][1])
            text = " ".join(w[2] for w in words + cell)
            # A word broken over the two lines ("Kirjaus-" over "päivä") is one word.
            # (An abbreviation's dot kept: "Buch.-" over "Tag" is "Buch.-Tag".)
            text = _HYPHENATED.sub(r"\1", _ABBREVIATED.sub(r"\1.-", text))
            merged.append((left, right, text))
        else:
            merged.append((x0, x1, " ".join(w[2] for w in cell)))
    for i, c in enumerate(cells):
        if i not in used:
            merged.append((c[0][0], c[-1][1], " ".join(w[2] for w in c)))
    merged.sort()
    return merged


_HYPHENATED = re.compile(r"(\w)- (?=\w)")
_ABBREVIATED = re.compile(r"(\w)\.- (?=\w)")


def _split_under(cells: list[list[Box]], others: list[list[Box]]) -> list[list[Box]]:
    """One line's cells split where a word starts just where a cell of the other line starts:
    two titles run together ("Data  Data" over "înregistrării tranzacției", 2 points apart;
    "Transaction Posting" over "Date  Date")."""
    starts = [c[0][0] for c in others]
    split: list[list[Box]] = []
    for cell in cells:
        split.append([cell[0]])
        for word in cell[1:]:
            if any(abs(word[0] - x) < 1 for x in starts):
                split.append([word])
            else:
                split[-1].append(word)
    return split


def _over_two(cell: list[Box], lowers: list[list[Box]]) -> bool:
    """The cell spans two cells or more of the line under it, its middle over neither."""
    x0, x1 = cell[0][0], cell[-1][1]
    under = [c for c in lowers if c[0][0] < x1 + 2 and c[-1][1] > x0 - 2]
    middle = (x0 + x1) / 2
    return len(under) >= 2 and not any(c[0][0] <= middle <= c[-1][1] for c in under)


def _cells(words: list[Box], height: float) -> list[list[Box]]:
    cells: list[list[Box]] = []
    gap = 0.7 * height
    right = 0.0
    for word in words:
        if cells and word[0] - right < gap:
            cells[-1].append(word)
        else:
            cells.append([word])
        right = word[1]
    return cells


def _segment(cell: list[Box], titles: dict, firsts: frozenset | set) -> list[Column] | None:
    """Cover the cell's words with titles, longest first; None if a word is left over.
    `firsts` holds the first words of the titles: no title starts with any other word."""
    first = _split_words(cell[0][2])
    if first:
        # Most cells of other lines fail at their first word.
        key = _KEYS.get(first[0]) or _key(first[0])
        if key not in firsts and not _decoration(key):
            return None
    # (A slash between two titles' words, "Naam / Omschrijving", is no word of either.)
    parts = [(w[0], w[1], t) for w in cell for t in _split_words(w[2]) if t not in _SLASHES]
    keys = [_KEYS.get(p[2]) or _key(p[2]) for p in parts]
    out: list[Column] = []
    i = 0
    lead = None  # where a currency printed before the next title starts
    while i < len(parts):
        sizes = range(min(LONGEST_TITLE, len(parts) - i), 0, -1) if keys[i] in firsts else ()
        for size in sizes:
            role = titles.get(tuple(keys[i : i + size]))
            if role == "credit" and keys[i : i + size] == ["in"] and _currency_next(keys, i + 1):
                # "in EUR" under "Betrag": the amount in that currency, not money in.
                role = "amount"
            if role:
                j = _past_decoration(keys, i + size)
                label = " ".join(p[2] for p in parts[i:j])
                if out and size >= 1 and title_word(out[-1][3]) in _QUALIFIERS:
                    out[-1] = (out[-1][0], parts[j - 1][1], role, f"{out[-1][3]} {label}")
                else:
                    # ("(GBP) Amount" over amounts printed from the currency's left edge: the
                    # column starts where its title's first word does.)
                    x0 = parts[i][0] if lead is None else lead
                    out.append((x0, parts[j - 1][1], role, label))
                i, lead = j, None
                break
        else:
            if not _decoration(keys[i]):
                return None
            lead = parts[i][0]
            i = _past_decoration(keys, i)  # "$ Amount", "(₹) Amount": a currency before it
    return out


_CURRENCY_WORD = re.compile(r"währung|currency|devise|valuta|moneda|moeda")


def _points_named(cell: list[Box], titles: dict) -> bool:
    words = _split_words(" ".join(w[2] for w in cell))
    return bool(words) and titles.get((_key(words[-1]),)) == "points"


def _currency_next(keys: list[str], j: int) -> bool:
    return j < len(keys) and keys[j].strip("().").upper() in CURRENCY_CODES


def _past_decoration(keys: list[str], j: int) -> int:
    """Where the words from j that only adorn a title end: currencies, stray marks, and an
    aside in parentheses of any length ("Payment Amount (this month)")."""
    while j < len(keys) and _decoration(keys[j]):
        if keys[j].startswith("(") and not keys[j].endswith(")"):
            close = next((k for k in range(j + 1, len(keys)) if keys[k].endswith(")")), None)
            if close is not None and close - j <= 3:
                j = close
        j += 1
    return j


_SLASHES = frozenset({"/", "|"})
_DESCRIPTIONS = frozenset({"description", "details", "particulars", "narration", "narrative"})


def _split_words(text: str) -> tuple[str, ...]:
    """The title words of one word of text (kept per text: a statement repeats its headers)."""
    found = _SPLIT.get(text)
    if found is None:
        if len(_SPLIT) > 20_000:
            _SPLIT.clear()
        found = _SPLIT[text] = tuple(_split_text(text))
    return found


_SPLIT: dict[str, tuple[str, ...]] = {}


def _key(part: str) -> str:
    """`title_word`, kept per text like `_split_words`."""
    if len(_KEYS) > 20_000:
        _KEYS.clear()
    key = _KEYS[part] = title_word(part)
    return key


_KEYS: dict[str, str] = {}


def _split_text(text: str) -> list[str]:
    words = text.split() if " " in text else [text]
    out = []
    for word in words:
        if "/" in word.strip("/") and title_word(word) not in TITLE_WORDS:
            out.extend(_split_words(word.replace("/", " ")))
            continue
        # A currency glued to its title: "AMOUNT($)", "Betrag(EUR)".
        bracket = word.find("(", 1)
        if bracket > 0 and title_word(word[:bracket]) in TITLE_WORDS:
            out.extend((word[:bracket], word[bracket:]))
            continue
        # Two titles drawn touching come out as one word: "AmtReward".
        cut = next(
            (i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()), 0
        )
        if cut and title_word(word) not in TITLE_WORDS:
            out.extend((word[:cut], word[cut:]))
        else:
            out.append(word)
    return out


def _decoration(key: str) -> bool:
    bare = key.strip("().:")
    if not bare:
        return True  # a stray parenthesis or colon
    return (
        key.startswith("(")
        # A currency's symbol ("·": a "€" its font lacks).
        or (len(bare) == 1 and (category(bare) == "Sc" or bare == "·"))
        or bare in _DECORATION
        or bare.upper() in CURRENCY_CODES
        or bare.upper() in SYMBOL_CODES
    )
