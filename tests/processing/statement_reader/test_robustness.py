"""Odd input never raises: empty pages, garbage words, a little fuzzing; layouts pickle."""

import pickle
import random

from processing.statement_reader import (
    PageWords,
    StatementReader,
    Verdict,
    read_page,
    read_statement,
)

from .pages import header, page, row


def test_pages_without_words():
    result = read_statement([PageWords(1, 595, 842, []), PageWords(2, 0, 0, ())])

    assert result.rows == []
    assert result.check.verdict == Verdict.UNCHECKED


def test_garbage_words():
    garbage = [
        (float("nan"), 1, 2, 3, "x"),
        (1, 2, 3),
        ("a", "b", "c", "d", "e"),
        (10, 20, 5, 10, "backwards"),
        (10, 10, 20, 20, None),
        (10, 10, 20, 20, ""),
        (float("inf"), 0, float("inf"), 10, "far"),
        None,
        (10, 10, 20, 20, "  "),
        (10, 10, 20, 20, "two words"),
    ]

    layout = read_page(PageWords(1, 595, 842, garbage))
    result = read_statement([PageWords(1, 595, 842, garbage)])

    assert layout.number == 1
    assert result.rows == []


def test_fuzzed_pages_never_raise():
    rng = random.Random(1)
    alphabet = [
        "13/07/2023",
        "4.50",
        "(1.00)",
        "CR",
        "Date",
        "Amount",
        "Description",
        "Total",
        "X",
        "1,234.56",
        "Previous",
        "balance",
        "-",
        "$",
        "2018",
        "May",
        "3",
        "DR",
        "Payments",
        "XXXX-1234",
    ]
    pages = []
    for number in range(1, 30):
        words = []
        for _ in range(rng.randint(0, 120)):
            x, y = rng.uniform(-50, 650), rng.uniform(-50, 900)
            w, h = rng.uniform(-5, 80), rng.uniform(-2, 30)
            words.append((x, y, x + w, y + h, rng.choice(alphabet), 0, 0, 0))
        pages.append(PageWords(number, 595, 842, words))

    result = read_statement(pages)

    assert result.check.verdict in set(Verdict)


def test_a_page_layout_pickles_and_reading_is_per_page():
    first = page(1, header(), row(220, "13/07/2023", "COFFEE", "4.50"))
    layout = read_page(first)

    copy = pickle.loads(pickle.dumps(layout))
    reader = StatementReader()
    reader.add(copy)
    result = reader.finish()

    assert copy == layout
    assert read_page(first) == layout
    assert [r.description for r in result.rows] == ["COFFEE"]
