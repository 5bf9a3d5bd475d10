"""A saved profile overrides what detection cannot decide."""

from decimal import Decimal

from processing.statement_reader import Profile, read_statement

from .pages import header, page, row, words_of


def test_profile_names_the_amount_column_by_its_title():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Description"),
        (460, "Betrag EUR", "right"),
        (540, "Punkte", "right"),
    )
    pages = [
        page(
            1,
            titles,
            words_of(
                220,
                (40, "13/07/2023"),
                (110, "KAFFEE"),
                (460, "4,50", "right"),
                (540, "12,00", "right"),
            ),
        )
    ]

    result = read_statement(pages, profile=Profile(amount_column="Betrag EUR"))

    assert [r.amount for r in result.rows] == [Decimal("4.50")]


def test_profile_credit_markers_and_skipped_lines():
    pages = [
        page(
            1,
            header(),
            row(220, "13/07/2023", "COFFEE", "4.50"),
            row(235, "14/07/2023", "REFUND GUTSCHRIFT", "20.00"),
            row(250, "15/07/2023", "INTERNAL MEMO", "99.00"),
        )
    ]

    result = read_statement(
        pages, profile=Profile(credit_markers=("GUTSCHRIFT",), skip_lines=("MEMO",))
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("COFFEE", Decimal("4.50")),
        ("REFUND GUTSCHRIFT", Decimal("-20.00")),
    ]
