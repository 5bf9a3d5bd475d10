"""The verdict against the statement's own totals, in words."""

from decimal import Decimal

from processing.statement_reader import Verdict, read_statement

from .pages import header, page, row, words_of


def statement(*extra, rows=(("13/07/2023", "COFFEE", "4.50"), ("14/07/2023", "BOOKS", "20.00"))):
    lines = [header()] + [row(220 + 15 * i, *r) for i, r in enumerate(rows)]
    return read_statement([page(1, *lines, *extra)])


def test_balances_that_agree():
    result = statement(
        words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
        words_of(112, (40, "New balance"), (300, "124.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES
    assert result.check.message == "agrees with the statement's totals"
    assert any("previous balance" in phrase for phrase in result.check.checked)


def test_balances_that_do_not_agree_say_by_how_much():
    result = statement(
        words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
        words_of(112, (40, "New balance"), (300, "3,324.50", "right")),
    )

    assert result.check.verdict == Verdict.DISAGREES
    assert result.check.message.startswith("does not agree")
    assert "3,200.00 of charges not found" in result.check.message


def test_a_purchases_total_is_compared_with_the_charges_read():
    result = statement(
        words_of(100, (40, "Total purchases"), (300, "24.50", "right")),
        rows=(
            ("13/07/2023", "COFFEE", "4.50"),
            ("14/07/2023", "BOOKS", "20.00"),
        ),
    )

    assert result.check.verdict == Verdict.AGREES
    assert "“Total purchases” 24.50 equals the charges read" in result.check.checked


def test_a_purchases_total_does_not_vouch_for_a_refund():
    result = statement(
        words_of(100, (40, "Total purchases"), (300, "24.50", "right")),
        rows=(
            ("13/07/2023", "COFFEE", "4.50"),
            ("14/07/2023", "BOOKS", "20.00"),
            ("15/07/2023", "REFUND", "5.00 CR"),
        ),
    )

    assert result.check.verdict == Verdict.PARTLY
    assert result.check.message.startswith("partly checked: the statement's totals agree with 2")


def test_no_printed_figure_leaves_the_statement_unchecked_and_says_so():
    result = statement()

    assert result.check.verdict == Verdict.UNCHECKED
    assert "not checked" in result.check.message


def test_no_rows_at_all():
    result = read_statement([page(1, words_of(100, (40, "Nothing to see here")))])

    assert result.rows == []
    assert result.check.verdict == Verdict.UNCHECKED
    assert "no transactions" in result.check.message


def test_two_accounts_each_checked_against_its_own_balances():
    def account(y, name, opening, rows, closing):
        lines = [words_of(y, (40, name)), header(y + 12)]
        lines.append(words_of(y + 24, (110, "Beginning Balance"), (540, opening, "right")))
        for k, r in enumerate(rows):
            lines.append(row(y + 36 + 12 * k, *r))
        lines.append(
            words_of(y + 36 + 12 * len(rows), (110, "Ending Balance"), (540, closing, "right"))
        )
        return lines

    savings = account(
        100, "SHARE SAVINGS 0001", "1,000.00", [("03/05/2024", "DIVIDEND", "2.50")], "1,002.50"
    )
    checking = account(
        200,
        "CHECKING 0009",
        "500.00",
        [("03/06/2024", "GROCERIES", "40.00"), ("03/07/2024", "FUEL", "60.00")],
        "600.00",
    )
    result = read_statement([page(1, *savings, *checking)])

    assert result.check.verdict == Verdict.AGREES
    assert len([c for c in result.check.checked if "beginning balance" in c]) == 2


def test_labels_printed_on_two_lines_over_their_figures():
    result = statement(
        words_of(90, (40, "Balance from"), (150, "New"), (260, "New")),
        words_of(98, (40, "last statement"), (150, "Purchases"), (260, "Balance")),
        words_of(110, (40, "100.00"), (150, "24.50"), (260, "124.50")),
    )

    assert result.check.verdict == Verdict.AGREES
    assert any("balance from last statement" in c for c in result.check.checked)


def test_a_total_line_naming_what_it_totals_is_not_added_to_the_summarys_figure():
    # "Purchases & other charges" in the summary and "Total purchases & charges" under the
    # rows print the same charges twice; added up they would be twice what was read.
    result = statement(
        words_of(100, (40, "Purchases & other charges"), (300, "24.50", "right")),
        words_of(260, (110, "Total purchases & charges"), (540, "24.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "“Purchases & other charges” 24.50 equals the charges read" in result.check.checked


def test_each_cards_total_takes_its_own_previous_balance_and_a_grand_total_all_of_them():
    def card(y, name, previous, rows, subtotal):
        lines = [words_of(y, (110, name)), words_of(y + 12, (110, "PREVIOUS BALANCE"))]
        lines[-1] += words_of(y + 12, (540, previous, "right"))
        for k, r in enumerate(rows):
            lines.append(row(y + 24 + 12 * k, *r))
        lines.append(
            words_of(y + 24 + 12 * len(rows), (380, "SUB-TOTAL:"), (540, subtotal, "right"))
        )
        return lines

    first = card(
        220,
        "GOLD CARD 4119 XXXX XXXX 1234",
        "300.00",
        [("13/07/2023", "PAYMENT", "300.00 CR"), ("14/07/2023", "BOOKS", "20.00")],
        "20.00",
    )
    second = card(
        300,
        "SILVER CARD 4628 XXXX XXXX 2231",
        "50.00",
        [("15/07/2023", "COFFEE", "4.50")],
        "54.50",
    )
    grand = words_of(380, (250, "GRAND TOTAL FOR ALL CARD ACCOUNTS:"), (540, "74.50", "right"))
    result = read_statement([page(1, header(), *first, *second, grand)])

    assert result.check.verdict == Verdict.AGREES, result.check.message
    checked = result.check.checked
    assert "“SUB-TOTAL” 54.50 (page 1) equals the previous balance and the rows above it" in checked
    assert (
        "“GRAND TOTAL FOR ALL CARD ACCOUNTS” 74.50 (page 1) equals the previous balances and "
        "all rows" in checked
    )


def test_balances_carried_across_a_page_with_the_totals_beside_them():
    # "A TRANSPORTAR  debits  credits  balance" at a page's foot and "TRANSPORTE" atop the
    # next: the same balance twice, inside the account, read from the balance's column.
    titles = words_of(
        80,
        (40, "Data Mov."),
        (110, "Data Valor"),
        (170, "Descrição"),
        (420, "Débito", "right"),
        (480, "Crédito", "right"),
        (550, "Saldo", "right"),
    )

    def line(y, when, text, debit="", credit="", balance=""):
        cells = [(40, when), (110, when), (170, text)] if when else [(170, text)]
        cells += [(420, debit, "right")] if debit else []
        cells += [(480, credit, "right")] if credit else []
        cells += [(550, balance, "right")] if balance else []
        return words_of(y, *cells)

    first = page(
        1,
        titles,
        line(95, "", "SALDO INICIAL", balance="3.126,48"),
        line(110, "2024-03-01", "COMPRA PINGO DOCE", debit="47,83", balance="3.078,65"),
        line(125, "2024-03-02", "TRF MB WAY DE RICARDO", credit="25,00", balance="3.103,65"),
        line(140, "", "A TRANSPORTAR", "47,83", "25,00", "3.103,65"),
    )
    second = page(
        2,
        titles,
        line(95, "", "TRANSPORTE", "47,83", "25,00", "3.103,65"),
        line(110, "2024-03-04", "COMPRA CONTINENTE", debit="32,17", balance="3.071,48"),
        line(125, "", "SALDO FINAL", balance="3.071,48"),
    )
    result = read_statement([first, second])

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "saldo inicial 3,126.48 and saldo final 3,071.48 against 3 rows" in " ".join(
        result.check.checked
    )


def test_a_balance_brought_and_carried_forward_for_each_currency_section():
    def section(y, currency, opening, rows, closing):
        lines = [words_of(y, (40, f"{currency} Savings")), header(y + 12)]
        lines.append(words_of(y + 24, (110, "B/F BALANCE"), (540, opening, "right")))
        for k, r in enumerate(rows):
            lines.append(row(y + 36 + 12 * k, *r))
        lines.append(
            words_of(y + 36 + 12 * len(rows), (110, "C/F BALANCE"), (540, closing, "right"))
        )
        return lines

    hkd = section(100, "HKD", "1,000.00", [("15/03/2024", "FEE", "250.00")], "1,250.00")
    usd = section(200, "USD", "500.00", [("16/03/2024", "FEE", "20.00")], "520.00")
    result = read_statement([page(1, *hkd, *usd)])

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert len([c for c in result.check.checked if c.startswith("b/f balance")]) == 2


def test_dated_lines_left_without_an_amount_among_the_rows_leave_the_check_partial():
    # The totals agree with the rows read; lines that look like rows and were not read are
    # not vouched for.
    result = statement(
        words_of(100, (40, "Total purchases"), (300, "24.50", "right")),
        words_of(250, (40, "15/07/2023"), (110, "REFUND FROM SHOP")),
        row(265, "16/07/2023", "TEA", "0.00"),
        rows=(("13/07/2023", "COFFEE", "4.50"), ("14/07/2023", "BOOKS", "20.00")),
    )

    assert result.check.verdict == Verdict.PARTLY, result.check.message
    assert "1 dated line without an amount (page 1) was not read" in result.check.message


def test_a_closing_balance_is_the_money_columns_figure_not_the_points_beside_it():
    titles = words_of(
        200, (40, "Date"), (110, "Description"), (420, "Bonus", "right"), (540, "Amount", "right")
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
                titles,
                words_of(215, (40, "19/02/2024"), (110, "MIGROS"), (420, "6,42", "right")),
                words_of(215, (540, "24,50", "right")),
                words_of(
                    235, (110, "New balance"), (420, "6,42", "right"), (540, "124,50", "right")
                ),
            )
        ]
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_a_closing_balance_printed_with_the_debit_and_credit_totals_beside_it():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Narration"),
        (400, "Debit", "right"),
        (470, "Credit", "right"),
        (550, "Balance", "right"),
    )
    lines = [
        words_of(215, (110, "Opening Balance"), (550, "1,000.00", "right")),
        words_of(
            230,
            (40, "11-Mar-24"),
            (110, "DSTV"),
            (400, "250.00", "right"),
            (550, "750.00", "right"),
        ),
        words_of(
            245,
            (40, "12-Mar-24"),
            (110, "SALARY"),
            (470, "500.00", "right"),
            (550, "1,250.00", "right"),
        ),
        words_of(
            260,
            (110, "Closing Balance"),
            (400, "250.00", "right"),
            (470, "500.00", "right"),
            (550, "1,250.00", "right"),
        ),
    ]
    result = read_statement([page(1, titles, *lines)])

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "closing balance 1,250.00" in " ".join(result.check.checked)


def test_a_cards_total_printed_after_its_holders_name_and_number():
    result = statement(
        words_of(265, (110, "JOHN A MARSH #1234: Total Transactions"), (540, "24.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]


def test_a_currency_between_a_balances_label_and_its_figure():
    result = statement(
        words_of(
            100, (40, "Balance from previous statement"), (210, "CHF"), (300, "100.00", "right")
        ),
        words_of(112, (40, "New balance in our favour"), (210, "CHF"), (300, "124.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_running_balances_of_a_statement_listing_its_newest_rows_first():
    titles = words_of(
        200, (40, "Date"), (110, "Description"), (460, "Amount", "right"), (550, "Balance", "right")
    )
    rows = [
        ("31.03.2024", "Interest", "+186,42", "34 433,85"),
        ("29.03.2024", "YANDEX EDA", "-1 146,00", "34 247,43"),
        ("28.03.2024", "Card fee", "-99,00", "35 393,43"),
        ("27.03.2024", "SBERMARKET", "-3 411,67", "35 492,43"),
        ("25.03.2024", "Transfer", "-20 000,00", "38 904,10"),
    ]
    lines = [
        words_of(100, (40, "Входящий остаток"), (300, "58 904,10", "right")),
        words_of(112, (40, "Исходящий остаток"), (300, "34 433,85", "right")),
        titles,
    ]
    for k, (when, text, amount, balance) in enumerate(rows):
        lines.append(
            words_of(
                215 + 15 * k,
                (40, when),
                (110, text),
                (460, amount, "right"),
                (550, balance, "right"),
            )
        )
    result = read_statement([page(1, *lines)])

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "5 running balances" in result.check.checked


def test_totals_named_in_other_words_and_languages():
    for label in ("Card Total", "Razem karta 2291", "Итого", "合計", "ΣΥΝΟΛΑ ΠΕΡΙΟΔΟΥ"):
        result = statement(words_of(265, (110, label), (540, "24.50", "right")))

        assert result.check.verdict == Verdict.AGREES, (label, result.check.message)
        assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"], label


def test_a_total_still_checked_after_a_row_whose_date_does_not_exist_is_left_out():
    result = statement(
        words_of(265, (110, "Total"), (540, "24.50", "right")),
        rows=(
            ("31/02/2023", "NO SUCH DAY", "1.00"),
            ("13/07/2023", "COFFEE", "4.50"),
            ("14/07/2023", "BOOKS", "20.00"),
        ),
    )

    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]
    assert any("does not exist" in w for w in result.warnings)
    assert "“Total” 24.50 (page 1) equals the rows above it" in result.check.checked


def test_summary_figures_with_a_plus_and_a_start_balance_printed_as_a_row():
    result = statement(
        words_of(100, (40, "Previous Balance"), (300, "100.00", "right")),
        words_of(112, (40, "Transactions"), (240, "+"), (300, "24.50", "right")),
        words_of(124, (40, "New Balance"), (240, "="), (300, "124.50", "right")),
        words_of(212, (40, "12/07/2023"), (110, "Start balance"), (540, "100.00", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "“Transactions” 24.50 equals the charges read" in result.check.checked
    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]


def test_finnish_and_romanian_balances_and_totals():
    result = statement(
        words_of(100, (40, "Alkusaldo"), (300, "100.00", "right")),
        words_of(112, (40, "Saldo 31.07.2023"), (300, "124.50", "right")),
        words_of(265, (110, "Otot yhteensä"), (540, "24.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]
    romanian = statement(
        words_of(100, (40, "Sold inițial"), (300, "100.00", "right")),
        words_of(112, (40, "Sold final"), (300, "124.50", "right")),
        words_of(265, (110, "RULAJ ZI"), (540, "24.50", "right")),
    )
    assert romanian.check.verdict == Verdict.AGREES, romanian.check.message
    assert [r.description for r in romanian.rows] == ["COFFEE", "BOOKS"]


def test_a_balance_naming_its_currency_and_an_annex_of_fees_after_the_closing_balance():
    # "Kontostand in EUR am …" opens and closes the statement; the fees listed after the
    # closing balance are what one row charged, not rows of their own.
    result = statement(
        words_of(100, (40, "Kontostand in EUR am 12.07.2023"), (540, "100,00", "right")),
        words_of(265, (110, "Kontostand in EUR am 31.07.2023"), (540, "75,50", "right")),
        words_of(285, (118, "Anlage: Entgeltaufstellung")),
        words_of(297, (118, "Kontoführungsentgelt"), (540, "4,95", "right")),
        words_of(309, (118, "Girocard anteilig"), (540, "1,00", "right")),
        rows=(("13.07.2023", "KAFFEE", "-4,50"), ("14.07.2023", "BÜCHER", "-20,00")),
    )

    assert [r.description for r in result.rows] == ["KAFFEE", "BÜCHER"]
    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "kontostand in eur am 100.00" in " ".join(result.check.checked).lower()
    assert any("“Girocard anteilig” has an amount but no date" in w for w in result.warnings)


def test_an_overdrawn_balance_marked_od_and_the_closing_balance_after_the_totals():
    # "79.16 OD" is overdrawn; "Totals / Closing balance" prints the money columns' totals
    # and, under Balance, the closing balance; the summary's period opens the line of its
    # opening balance; the arranged overdraft limit is no balance.
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Details"),
        (400, "Paid out", "right"),
        (470, "Paid in", "right"),
        (540, "Balance", "right"),
    )
    lines = [
        words_of(
            100,
            (40, "16 February 2024 to 15 March 2024"),
            (300, "Balance on 16 February 2024"),
            (540, "20.00", "right"),
        ),
        words_of(112, (300, "Arranged overdraft limit"), (540, "500.00", "right")),
        words_of(
            215,
            (40, "16 Feb 24"),
            (110, "BOOKING.COM"),
            (400, "99.16", "right"),
            (540, "79.16", "right"),
            (546, "OD"),
        ),
        words_of(
            230,
            (40, "28 Feb 24"),
            (110, "SALARY"),
            (470, "500.00", "right"),
            (540, "420.84", "right"),
        ),
        words_of(
            245,
            (40, "Totals"),
            (76, "/"),
            (84, "Closing balance"),
            (400, "99.16", "right"),
            (470, "500.00", "right"),
            (540, "420.84", "right"),
        ),
    ]
    result = read_statement([page(1, *lines[:2], titles, *lines[2:])])

    assert [r.amount for r in result.rows] == [Decimal("99.16"), Decimal("-500.00")]
    assert result.check.verdict == Verdict.AGREES, result.check.message
    checked = " ".join(result.check.checked)
    assert "balance on 20.00 and closing balance 420.84" in checked
    assert "2 running balances" in checked


def test_an_overdraft_limit_atop_a_later_page_is_not_a_row():
    first = page(1, header(), row(220, "13/07/2023", "COFFEE", "4.50"))
    second = page(
        2,
        words_of(100, (336, "IBAN IE64 AIBK 9310")),
        words_of(110, (336, "Authorised Limit"), (540, "500.00", "right")),
        words_of(120, (336, "Arranged overdraft limit"), (540, "500.00", "right")),
        header(),
        row(220, "14/07/2023", "BOOKS", "20.00"),
    )

    result = read_statement([first, second])

    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]


def test_a_days_rows_go_on_after_a_balance_carried_to_the_next_page():
    titles = words_of(
        200, (40, "Date"), (110, "Details"), (470, "Paid out", "right"), (550, "Balance", "right")
    )
    first = page(
        1,
        words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
        titles,
        words_of(215, (40, "13/07/2023"), (110, "COFFEE"), (470, "4.50", "right")),
        words_of(230, (110, "Balance carried forward"), (550, "95.50", "right")),
    )
    second = page(
        2,
        titles,
        words_of(215, (110, "BOOKS"), (470, "20.00", "right"), (550, "75.50", "right")),
        words_of(230, (110, "Closing balance"), (550, "75.50", "right")),
    )

    result = read_statement([first, second])

    assert [(r.description, str(r.date)) for r in result.rows] == [
        ("COFFEE", "2023-07-13"),
        ("BOOKS", "2023-07-13"),
    ]
    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_a_days_rows_go_on_under_the_new_balance_printed_atop_each_page():
    titles = words_of(
        200, (40, "Date"), (110, "Details"), (470, "Paid out", "right"), (550, "Balance", "right")
    )
    first = page(
        1,
        words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
        words_of(112, (40, "New balance"), (300, "75.50", "right")),
        titles,
        words_of(215, (40, "13/07/2023"), (110, "COFFEE"), (470, "4.50", "right")),
    )
    second = page(
        2,
        words_of(100, (40, "New balance"), (300, "75.50", "right")),
        titles,
        words_of(215, (110, "BOOKS"), (470, "20.00", "right"), (550, "75.50", "right")),
    )

    result = read_statement([first, second])

    assert [(r.description, str(r.date)) for r in result.rows] == [
        ("COFFEE", "2023-07-13"),
        ("BOOKS", "2023-07-13"),
    ]


def test_a_days_closing_balance_between_days_printed_once_over_their_rows():
    # The next day's first row carries its date; the rows under it are that day's.
    result = statement(
        words_of(100, (40, "Previous balance"), (300, "100.00", "right")),
        words_of(232, (110, "Closing balance"), (540, "95.50", "right")),
        words_of(262, (110, "PENS"), (540, "1.00", "right")),
        words_of(280, (110, "NET AMOUNT OF MONTHLY ACTIVITY"), (540, "25.50", "right")),
        rows=(("13/07/2023", "COFFEE", "4.50"), ("", "", ""), ("14/07/2023", "BOOKS", "20.00")),
    )

    assert [(r.description, str(r.date)) for r in result.rows] == [
        ("COFFEE", "2023-07-13"),
        ("BOOKS", "2023-07-14"),
        ("PENS", "2023-07-14"),
    ]
    assert "“NET AMOUNT OF MONTHLY ACTIVITY” 25.50 (page 1) equals the rows above it" in (
        result.check.checked
    )


def test_a_summary_after_a_dated_closing_balance_is_no_row_of_that_day():
    # "2024-03-31  Utgående saldo" closes the rows; the granted credit under it is no row,
    # nor is a figure the reader has no word for.
    result = statement(
        words_of(100, (40, "Ingående saldo"), (300, "100,00", "right")),
        words_of(262, (40, "2023-07-31"), (110, "Utgående saldo"), (540, "75,50", "right")),
        words_of(280, (110, "Räntesats 0,00 %. Beviljad kredit"), (540, "5 000,00", "right")),
        words_of(292, (110, "Sammanställning"), (540, "12,00", "right")),
        rows=(("2023-07-13", "KAFFE", "-4,50"), ("2023-07-14", "BÖCKER", "-20,00")),
    )

    assert [r.description for r in result.rows] == ["KAFFE", "BÖCKER"]
    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert result.warnings == ["page 1: “Sammanställning” has an amount but no date; not read"]


def test_debit_and_credit_mutations_are_the_totals_of_money_out_and_in():
    result = statement(
        words_of(100, (40, "DEBIT MUTATION"), (140, ":"), (300, "24.50", "right")),
        words_of(112, (40, "CREDIT MUTATION"), (140, ":"), (300, "100.00", "right")),
        rows=(
            ("13/07/2023", "COFFEE", "4.50"),
            ("14/07/2023", "BOOKS", "20.00"),
            ("15/07/2023", "SALARY", "100.00 CR"),
        ),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "“DEBIT MUTATION” 24.50 equals the charges read" in result.check.checked
    assert "“CREDIT MUTATION” 100.00 equals the credits read" in result.check.checked


def test_totals_named_after_what_they_total_and_hungarian_balances():
    result = statement(
        words_of(100, (40, "Előző kivonat egyenlege"), (300, "100.00", "right")),
        words_of(112, (40, "Új egyenleg"), (300, "124.50", "right")),
        words_of(265, (110, "Főkártya összesen"), (540, "24.50", "right")),
    )

    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]
    assert "“Főkártya összesen” 24.50 (page 1) equals the rows above it" in result.check.checked
    assert "előző kivonat egyenlege 100.00 and új egyenleg 124.50" in " ".join(result.check.checked)
    czech = statement(words_of(265, (110, "Karta 2291 celkem"), (540, "24.50", "right")))
    assert [r.description for r in czech.rows] == ["COFFEE", "BOOKS"]
    assert czech.check.verdict == Verdict.AGREES, czech.check.message


def test_a_band_of_balances_over_figures_in_kroner_and_a_table_of_figures_by_person():
    result = statement(
        words_of(
            100,
            (40, "Opening balance"),
            (150, "Top-ups"),
            (250, "Card spend"),
            (360, "Closing balance"),
        ),
        words_of(
            112,
            (40, "100,00"),
            (82, "kr."),
            (150, "0,00"),
            (190, "kr."),
            (250, "24,50"),
            (290, "kr."),
            (360, "124,50"),
            (400, "kr."),
        ),
        words_of(280, (40, "Subtotals per team member")),
        words_of(
            300,
            (40, "Team member"),
            (200, "Transactions"),
            (310, "Spend"),
            (400, "Refunds"),
            (520, "Subtotal"),
        ),
        words_of(315, (40, "Freja Lindqvist"), (245, "1"), (330, "20,00"), (520, "20,00")),
        words_of(330, (40, "Mette Holm"), (245, "1"), (330, "4,50"), (520, "4,50")),
        words_of(345, (40, "Company (fees)"), (245, "1"), (330, "99,00"), (520, "99,00")),
        words_of(360, (40, "Total"), (245, "3"), (330, "123,50"), (520, "123,50")),
        rows=(("13/07/2023", "COFFEE", "4,50"), ("14/07/2023", "BOOKS", "20,00")),
    )

    assert [r.description for r in result.rows] == ["COFFEE", "BOOKS"]
    assert result.check.verdict == Verdict.AGREES, result.check.message
    assert "opening balance 100.00 and closing balance 124.50" in " ".join(result.check.checked)


def test_slovak_and_ukrainian_balances_and_totals():
    slovak = statement(
        words_of(100, (40, "Počiatočný zostatok k 12.07.2023"), (300, "100,00", "right")),
        words_of(112, (40, "Konečný zostatok k 31.07.2023"), (300, "75,50", "right")),
        rows=(("13.07.2023", "KAVA", "-4,50"), ("14.07.2023", "KNIHY", "-20,00")),
    )
    assert slovak.check.verdict == Verdict.AGREES, slovak.check.message
    ukrainian = statement(
        words_of(100, (40, "Залишок на початок періоду"), (300, "100,00", "right")),
        words_of(112, (40, "Залишок на кінець періоду"), (300, "75,50", "right")),
        words_of(265, (110, "Разом витрат:"), (540, "24,50", "right")),
        rows=(("13.07.2023", "КАВА", "-4,50"), ("14.07.2023", "КНИГИ", "-20,00")),
    )
    assert [r.description for r in ukrainian.rows] == ["КАВА", "КНИГИ"]
    assert ukrainian.check.verdict == Verdict.AGREES, ukrainian.check.message
    assert any(c.startswith("“Разом витрат” 24.50") for c in ukrainian.check.checked)
    assert "залишок на початок періоду 100.00" in " ".join(ukrainian.check.checked)


def test_signs_set_apart_after_the_amounts_and_totals_named_for_money_out_and_in():
    # KBC: "67,34 -", "24,50 +"; "Totaal debet" is the money out.
    titles = words_of(200, (74, "Datum"), (140, "Omschrijving"), (560, "Bedrag in EUR", "right"))
    lines = [
        words_of(165, (48, "Vorig saldo op 29-02-2024"), (530, "100,00", "right"), (548, "+")),
        titles,
        words_of(
            215, (74, "01-03-2024"), (140, "BETALING COLRUYT"), (545, "67,34", "right"), (549, "-")
        ),
        words_of(
            230,
            (74, "06-03-2024"),
            (140, "OVERSCHRIJVING VAN"),
            (530, "24,50", "right"),
            (549, "+"),
        ),
        words_of(250, (140, "Totaal debet"), (530, "67,34", "right")),
        words_of(262, (140, "Totaal credit"), (530, "24,50", "right")),
        words_of(274, (48, "Nieuw saldo op 31-03-2024"), (530, "57,16", "right"), (548, "+")),
    ]
    result = read_statement([page(1, *lines)])

    assert [r.amount for r in result.rows] == [Decimal("67.34"), Decimal("-24.50")]
    assert result.check.verdict == Verdict.AGREES, result.check.message


def test_a_total_of_money_out_equal_to_the_money_in_read_means_the_signs_are_reversed():
    result = statement(
        words_of(265, (110, "Total debits"), (540, "4.50", "right")),
        rows=(("13/07/2023", "REFUND", "4.50 CR"), ("14/07/2023", "BOOKS", "20.00")),
    )

    assert result.check.verdict == Verdict.DISAGREES
    assert "the signs read are the wrong way round" in result.check.message


def test_an_italian_carried_total_atop_a_page_is_no_row():
    first = page(
        1,
        header(),
        row(220, "13/07/2023", "CAFFE", "4,50"),
        words_of(240, (110, "SEGUE >>>")),
    )
    second = page(
        2,
        header(),
        words_of(215, (110, "RIPORTO"), (400, "4,50", "right"), (540, "0,00", "right")),
        row(230, "14/07/2023", "LIBRI", "20,00"),
    )

    result = read_statement([first, second])

    assert [r.description for r in result.rows] == ["CAFFE", "LIBRI"]


def test_money_in_and_out_totals_the_wrong_way_round_are_never_agreed():
    # Balances agree whichever way round a single signed column is read; the totals of money
    # in and out printed beside them do not. Rows read either way must not pass unremarked.
    summary = [
        words_of(73, (480, "Nyitó egyenleg"), (790, "27.480,35", "right")),
        words_of(87, (480, "Jóváírások"), (790, "2.599,99", "right")),
        words_of(99, (480, "Terhelések"), (790, "1.374,33", "right")),
        words_of(115, (480, "Záró egyenleg"), (790, "28.706,01", "right")),
    ]
    titles = words_of(158, (34, "Tarih"), (96, "Açıklama"), (597, "Tutar"), (684, "Bakiye"))
    lines = [
        words_of(
            174,
            (34, "16.04.2024"),
            (96, "İADE - LC WAIKIKI"),
            (630, "599,99", "right"),
            (715, "28.706,01", "right"),
        ),
        words_of(
            189,
            (34, "11.04.2024"),
            (96, "STEAMGAMES.COM"),
            (630, "-647,58", "right"),
            (715, "28.106,02", "right"),
        ),
        words_of(
            207,
            (34, "08.04.2024"),
            (96, "HAVALE GELEN"),
            (630, "2.000,00", "right"),
            (715, "28.753,60", "right"),
        ),
        words_of(
            222,
            (34, "01.04.2024"),
            (96, "MİGROS MODA"),
            (630, "-726,75", "right"),
            (715, "26.753,60", "right"),
        ),
    ]
    result = read_statement([page(1, *summary, titles, *lines, width=842, height=595)])

    right = [Decimal("-599.99"), Decimal("647.58"), Decimal("-2000.00"), Decimal("726.75")]
    if [r.amount for r in result.rows] == right:
        assert result.check.verdict == Verdict.AGREES, result.check
    else:
        assert result.check.verdict == Verdict.DISAGREES, result.check
        assert "wrong way round" in result.check.message


def test_a_balance_carried_to_the_next_page_and_brought_forward_atop_it_is_no_closing_balance():
    def titles(y):
        return words_of(
            y,
            (40, "Date"),
            (110, "Description"),
            (380, "Withdrawals", "right"),
            (460, "Deposits", "right"),
            (540, "Balance", "right"),
        )

    first = page(
        1,
        words_of(60, (40, "Statement period 01 Mar 2024 to 31 Mar 2024")),
        titles(100),
        words_of(115, (110, "BALANCE B/F"), (540, "1,000.00", "right")),
        words_of(
            130,
            (40, "05 Mar"),
            (110, "NETS PAYMENT"),
            (380, "100.00", "right"),
            (540, "900.00", "right"),
        ),
        words_of(150, (110, "BALANCE C/F"), (540, "900.00", "right")),
    )
    second = page(
        2,
        titles(100),
        words_of(115, (110, "BALANCE B/F"), (540, "900.00", "right")),
        words_of(
            130,
            (40, "25 Mar"),
            (110, "SALARY"),
            (460, "2,000.00", "right"),
            (540, "2,900.00", "right"),
        ),
        words_of(
            150,
            (40, "28 Mar"),
            (110, "GIRO SP SERVICES"),
            (380, "150.00", "right"),
            (540, "2,750.00", "right"),
        ),
        words_of(
            170,
            (110, "Total"),
            (380, "250.00", "right"),
            (460, "2,000.00", "right"),
            (540, "2,750.00", "right"),
        ),
    )
    result = read_statement([first, second])

    assert [r.amount for r in result.rows] == [
        Decimal("100.00"),
        Decimal("-2000.00"),
        Decimal("150.00"),
    ]
    assert result.check.verdict == Verdict.AGREES
