"""Currencies without minor units: a statement in yen or won prints "12,800", not "12,800.00"."""

from decimal import Decimal

from processing.statement_reader import DecimalStyle, Profile, Verdict, read_statement

from .pages import header, page, row, words_of


def yen_page(*rows, currency="Amount (JPY)", summary=True):
    top = [words_of(60, (40, "Card statement"), (360, "Statement date: 2024/03/25"))]
    if summary:
        top += [
            words_of(90, (40, "Previous balance"), (250, "¥48,210", "right")),
            words_of(103, (40, "Payments and credits"), (250, "¥51,410", "right")),
            words_of(116, (40, "New charges"), (250, "¥19,610", "right")),
            words_of(129, (40, "New balance"), (250, "¥16,410", "right")),
        ]
    return page(1, *top, header(200, amount=currency), *rows)


YEN_ROWS = [
    row(215, "03/02", "SEVEN-ELEVEN SHIBUYA", "1,320"),
    row(230, "03/05", "AMAZON.CO.JP", "12,800"),
    row(245, "03/08", "STARBUCKS SHINJUKU 2-CHOME", "650"),
    row(260, "03/10", "PAYMENT THANK YOU", "-48,210"),
    row(275, "03/12", "NETFLIX.COM", "1,490"),
    row(290, "03/18", "HOTEL GRACERY KYOTO", "3,350"),
    row(305, "03/20", "REFUND AMAZON.CO.JP", "-3,200"),
]


def test_a_yen_statement_reads_its_whole_numbers_as_amounts_and_checks_them():
    result = read_statement([yen_page(*YEN_ROWS)])

    assert [r.amount for r in result.rows] == [
        Decimal(n) for n in ("1320", "12800", "650", "-48210", "1490", "3350", "-3200")
    ]
    # A number inside a description stays text; yen dates without a year are month first.
    assert result.rows[2].description == "STARBUCKS SHINJUKU 2-CHOME"
    assert [r.date.isoformat() for r in result.rows[:2]] == ["2024-03-02", "2024-03-05"]
    assert result.decimal_style is DecimalStyle.WHOLE
    assert result.check.verdict is Verdict.AGREES


def test_whole_numbers_are_not_amounts_without_a_currency_that_has_no_minor_units():
    # The same page in a currency with cents: "12,800" is a count or a reference, not money.
    result = read_statement([yen_page(*YEN_ROWS, currency="Amount", summary=False)])

    assert result.rows == []
    assert result.decimal_style is DecimalStyle.POINT


def test_amounts_with_decimals_in_a_yen_statement_stay_as_printed():
    # A foreign amount beside the yen one keeps its cents.
    rows = [
        words_of(
            215, (40, "03/15"), (110, "APPLE.COM/BILL"), (380, "5.99 USD"), (540, "900", "right")
        ),
        row(230, "03/18", "LAWSON NAKAMEGURO", "486"),
        row(245, "03/22", "TOKYO ELECTRIC POWER", "9,876"),
        row(260, "03/23", "UNIQLO GINZA", "7,990"),
    ]
    result = read_statement([yen_page(*rows, summary=False)])

    assert [(r.amount, r.original_amount) for r in result.rows] == [
        (Decimal("900"), Decimal("5.99")),
        (Decimal("486"), None),
        (Decimal("9876"), None),
        (Decimal("7990"), None),
    ]


def test_a_profile_says_amounts_are_whole_where_no_currency_is_named():
    rows = [row(215, "03/02", "SHOP ONE", "1,320"), row(230, "03/05", "SHOP TWO", "12,800")]
    page_ = yen_page(*rows, currency="Amount", summary=False)

    assert read_statement([page_]).rows == []
    read = read_statement([page_], profile=Profile(decimal_style=DecimalStyle.WHOLE))
    assert [r.amount for r in read.rows] == [Decimal("1320"), Decimal("12800")]


def test_a_foreign_amount_in_yen_under_a_row_with_cents():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "05/03/2024", "DON QUIJOTE SHIBUYA TOKYO JP", "116.41"),
                words_of(230, (110, "JPY 12,800")),
                row(245, "06/03/2024", "NETFLIX.COM", "19.98"),
            )
        ]
    )

    first = result.rows[0]
    assert first.description == "DON QUIJOTE SHIBUYA TOKYO JP"
    assert (first.original_amount, first.original_currency) == (Decimal("12800"), "JPY")


def test_an_original_amount_in_yen_beside_its_currency_in_a_column_of_its_own():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Description"),
        (400, "Trans Amount", "right"),
        (440, "Trans Currency"),
        (560, "Settlement Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215, (40, "2024-03-05"), (110, "NARITA LIMOUSINE"), (400, "3,600", "right")
                ),
                words_of(215, (450, "JPY"), (560, "172.93", "right")),
            )
        ]
    )

    assert (result.rows[0].original_amount, result.rows[0].original_currency) == (
        Decimal("3600"),
        "JPY",
    )


def test_dong_grouped_by_dots_forints_grouped_by_spaces_and_pesos_the_page_does_not_name():
    dong = read_statement(
        [
            page(
                1,
                words_of(60, (40, "Loại tiền/Currency: VND"), (360, "Statement date 31/03/2024")),
                header(),
                row(220, "01/03/2024", "THANH TOAN QR CIRCLE K", "58.000"),
                row(235, "02/03/2024", "THANH TOAN HOA DON DIEN", "1.184.350"),
            )
        ]
    )
    forints = read_statement(
        [
            page(
                1,
                words_of(60, (40, "Hitelkártya kivonat (HUF)")),
                words_of(80, (40, "Előző egyenleg"), (280, "-184 350 Ft", "right")),
                header(),
                row(220, "2024.02.15.", "SPAR BUDAPEST", "-12 800"),
                row(235, "2024.02.16.", "MOL BUDAPEST", "-24 615"),
                row(250, "2024.02.17.", "BKK AUTOMATA", "-8 950"),
            )
        ]
    )
    pesos = read_statement(
        [
            page(
                1,
                header(),
                *[
                    row(220 + 15 * k, "15-02-2024", f"COMERCIO {k}", f"${n}")
                    for k, n in enumerate(("23.480", "45.000", "7.840", "87.615", "12.900"))
                ],
            )
        ]
    )

    assert [r.amount for r in dong.rows] == [Decimal("58000"), Decimal("1184350")]
    assert [r.date.isoformat() for r in forints.rows] == ["2024-02-15", "2024-02-16", "2024-02-17"]
    assert [abs(r.amount) for r in forints.rows] == [
        Decimal("12800"),
        Decimal("24615"),
        Decimal("8950"),
    ]
    assert [r.amount for r in pesos.rows][:2] == [Decimal("23480"), Decimal("45000")]


def test_a_vietnamese_account_with_bilingual_titles_and_an_invoice_number_in_the_text():
    # "Mô tả / Description" last; "Số tham chiếu / Reference No."; "ma HD SGD123456" is an
    # invoice's number, not 123,456 dollars of Singapore.
    lines = [
        words_of(100, (40, "Loại tiền / Currency:"), (140, "VND")),
        words_of(
            200,
            (30, "Ngày giao dịch"),
            (90, "Số tham chiếu"),
            (161, "Số tiền ghi nợ"),
            (224, "Số tiền ghi có"),
            (319, "Số dư"),
            (348, "Mô tả"),
        ),
        words_of(
            215,
            (30, "27/03/2024"),
            (90, "5161-20877"),
            (208, "399.000", "right"),
            (338, "58.957.830", "right"),
            (348, "Thanh toan FPT ma HD SGD123456"),
        ),
        words_of(
            230,
            (30, "28/03/2024"),
            (90, "5078-43310"),
            (208, "500.000", "right"),
            (338, "58.457.830", "right"),
            (348, "NAP TIEN VI MOMO"),
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount) for r in result.rows]
    assert read == [
        ("Thanh toan FPT ma HD SGD123456", Decimal("399000"), None),
        ("NAP TIEN VI MOMO", Decimal("500000"), None),
    ]


def test_a_japanese_card_with_its_users_column_and_a_local_currency_line():
    titles = words_of(
        200,
        (30, "ご利用日"),
        (80, "ご利用者"),
        (118, "ご利用店名（ご利用場所）"),
        (350, "ご利用金額", "right"),
        (360, "支払区分"),
        (520, "今回お支払金額", "right"),
    )
    lines = [
        words_of(100, (30, "お支払金額合計"), (300, "66,048円", "right")),
        titles,
        words_of(
            215,
            (30, "2024/02/16"),
            (80, "本人"),
            (118, "セブン－イレブン 渋谷店"),
            (350, "648", "right"),
            (360, "1回払い"),
            (520, "648", "right"),
        ),
        words_of(
            230,
            (30, "2024/03/05"),
            (80, "家族"),
            (118, "HOTEL NIKKO GUAM"),
            (350, "62,472", "right"),
            (360, "1回払い"),
            (520, "62,472", "right"),
        ),
        words_of(
            240, (118, "現地通貨額 412.00 USD"), (230, "換算レート 151.630"), (300, "換算日 03/07")
        ),
    ]
    result = read_statement([page(1, *lines)])

    read = [(r.description, r.amount, r.original_amount, r.cardholder) for r in result.rows]
    assert read == [
        ("セブン－イレブン 渋谷店", Decimal("648"), None, "本人"),
        ("HOTEL NIKKO GUAM", Decimal("62472"), Decimal("412.00"), "家族"),
    ]


def test_korean_dates_with_the_year_first_near_the_statements_period():
    titles = words_of(
        200,
        (30, "이용일자"),
        (112, "이용가맹점"),
        (330, "이용금액", "right"),
        (460, "결제금액", "right"),
    )
    lines = [
        words_of(100, (30, "이용기간"), (64, "2024.02.29"), (110, "~"), (120, "2024.03.28")),
        words_of(112, (30, "합계"), (300, "11,100원", "right")),
        titles,
        words_of(
            215,
            (30, "24.02.29"),
            (112, "GS25 역삼홍인점"),
            (330, "4,800", "right"),
            (460, "4,800", "right"),
        ),
        words_of(
            230,
            (30, "24.03.01"),
            (112, "스타벅스코리아"),
            (330, "6,300", "right"),
            (460, "6,300", "right"),
        ),
        words_of(250, (112, "소계"), (330, "11,100", "right")),
    ]
    result = read_statement([page(1, *lines)])

    assert [(str(r.date), r.amount) for r in result.rows] == [
        ("2024-02-29", Decimal("4800")),
        ("2024-03-01", Decimal("6300")),
    ]
