"""Amounts as printed around the world, and the words that only look like amounts."""

from decimal import Decimal

import pytest

from processing.statement_reader import read_statement
from processing.statement_reader.tokens import parse_amount

from .pages import header, page, row, words_of


@pytest.mark.parametrize(
    ("printed", "cents", "how"),
    [
        ("1,234.56", 123456, ""),
        ("1,03,041.15", 10304115, ""),
        ("40500.00", 4050000, ""),
        ("2.000,00", 200000, ""),
        ("12,50", 1250, ""),
        ("260,000.00Cr", 26000000, "CR"),
        ("45.00DR", 4500, "DR"),
        ("(412.16)", 41216, "("),
        ("-$10.41", 1041, "-"),
        ("412.16-", 41216, "-"),
        ("€12,50", 1250, ""),
        ("S$22,058.11", 2205811, ""),
        ("Rs.1,234.00", 123400, ""),
        ("46.80/RMB", 4680, ""),
        ("S/ 1,800.00", 180000, ""),
        ("46.80/RMB(支出)", 4680, "DR"),
        ("8,452.30/RMB(存入)", 845230, "CR"),
    ],
)
def test_amount_formats(printed, cents, how):
    assert parse_amount(printed)[:2] == (cents, how)


@pytest.mark.parametrize(
    "printed",
    ["74541833206000151518099", "1,234", "19.99%", "01-07-2023", "5488-2926-6730-9473", "1,2,3.45"],
)
def test_words_that_are_not_amounts(printed):
    assert parse_amount(printed) is None


def read_rows(*amounts: str):
    lines = [header()] + [
        row(220 + 15 * i, "13/07/2023", f"SHOP {i}", a) for i, a in enumerate(amounts)
    ]
    return read_statement([page(1, *lines)])


def test_space_grouped_and_separate_currency_words():
    result = read_statement(
        [
            page(
                1,
                header(),
                words_of(220, (40, "13/07/2023"), (110, "RENT"), (540, "2 795,35", "right")),
                words_of(
                    235, (40, "14/07/2023"), (110, "SHOES"), (540, "INR 1,03,041.15", "right")
                ),
                words_of(250, (40, "15/07/2023"), (110, "BOOKS"), (540, "12.50 €", "right")),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [
        Decimal("2795.35"),
        Decimal("103041.15"),
        Decimal("12.50"),
    ]


def test_credit_markers_make_credits_negative_on_a_card():
    result = read_rows("100.00", "25.00 CR", "(10.00)", "200.00", "300.00")

    assert [r.amount for r in result.rows] == [
        Decimal("100.00"),
        Decimal("-25.00"),
        Decimal("-10.00"),
        Decimal("200.00"),
        Decimal("300.00"),
    ]
    assert "CR" in result.rows[1].evidence.sign


def test_a_statement_printing_most_rows_negative_prints_money_out_negative():
    result = read_rows("-100.00", "-25.00", "1,000.00", "-10.00")

    assert [r.amount for r in result.rows] == [
        Decimal("100.00"),
        Decimal("25.00"),
        Decimal("-1000.00"),
        Decimal("10.00"),
    ]
    assert "money out" in result.rows[0].evidence.sign


def test_a_cr_printed_on_the_line_below_the_amount():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "PAYMENT THANK YOU", "500.00"),
                words_of(229, (545, "CR")),
                row(245, "14/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    assert [r.amount for r in result.rows] == [Decimal("-500.00"), Decimal("4.50")]
    assert [r.description for r in result.rows] == ["PAYMENT THANK YOU", "COFFEE"]


def test_a_foreign_amount_line_below_the_row():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "13/07/2023", "HOTEL PARIS", "130.45"),
                words_of(230, (110, "(120.00 EUR)")),
                row(245, "14/07/2023", "COFFEE", "4.50"),
            )
        ]
    )

    hotel = result.rows[0]
    assert (hotel.description, hotel.amount) == ("HOTEL PARIS", Decimal("130.45"))
    assert (hotel.original_amount, hotel.original_currency) == (Decimal("120.00"), "EUR")


def test_a_foreign_amount_line_with_its_label_and_rate():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "01/03/2024", "AMAZON.COM AMZN.COM/BILL WA", "61.30"),
                words_of(230, (118, "FOREIGN CURRENCY"), (190, "45.00 USD"), (240, "@ 1.362222")),
                row(245, "02/03/2024", "COFFEE", "4.50"),
            )
        ]
    )

    first = result.rows[0]
    assert first.description == "AMAZON.COM AMZN.COM/BILL WA"
    assert (first.original_amount, first.original_currency) == (Decimal("45.00"), "USD")


@pytest.mark.parametrize("rate", ["1.083700", "1.083737864"])
def test_the_currency_and_the_original_amount_on_two_lines_of_their_own(rate):
    # "03/01 EURO" over "412.00 X 1.083700 (EXCHG RATE)"; rates run to nine places.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "03/01/2024", "HOTEL LES DOCKS PARIS", "446.48"),
                words_of(230, (110, "03/01"), (140, "EURO")),
                words_of(240, (110, f"412.00 X {rate} (EXCHG RATE)")),
                row(255, "03/02/2024", "COFFEE", "4.50"),
            )
        ]
    )

    hotel = result.rows[0]
    assert hotel.description == "HOTEL LES DOCKS PARIS"
    assert (hotel.original_amount, hotel.original_currency) == (Decimal("412.00"), "EUR")


def test_a_rows_last_words_before_its_original_amount_and_rate_stay_its_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "22/02/2024", "SPOTIFY", "204.45"),
                words_of(230, (110, "STOCKHOLM SE"), (276, "USD 11.99"), (312, "TC 17.0517")),
                row(245, "23/02/2024", "SANBORNS CAFE", "587.00"),
                row(260, "04/03/2024", "AMAZON EU SARL", "1,506.82"),
                words_of(270, (110, "LUXEMBOURG LU"), (200, "42.90 EUR"), (260, "Kur: 35.1240")),
            )
        ]
    )

    spotify, _, amazon = result.rows
    assert spotify.description == "SPOTIFY STOCKHOLM SE"
    assert (spotify.original_amount, spotify.original_currency) == (Decimal("11.99"), "USD")
    assert amazon.description == "AMAZON EU SARL LUXEMBOURG LU"
    assert (amazon.original_amount, amazon.original_currency) == (Decimal("42.90"), "EUR")


def test_a_minus_set_apart_from_a_currency_and_its_number():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "12/28/2023", "CAPITAL ONE MOBILE PYMT", "- $1,842.17"),
                row(235, "01/03/2024", "AMAZON.COM", "$45.99"),
                row(250, "01/04/2024", "PAGAMENTO RECEBIDO", "- R$ 3.218,47"),
                row(265, "01/05/2024", "COFFEE", "$4.50"),
                row(280, "01/06/2024", "BOOKS", "$20.00"),
            )
        ]
    )

    # (Most rows are spending: the minus marks the payments.)
    assert [r.amount for r in result.rows] == [
        Decimal("-1842.17"),
        Decimal("45.99"),
        Decimal("-3218.47"),
        Decimal("4.50"),
        Decimal("20.00"),
    ]


def test_original_amounts_in_a_column_titled_with_their_currency_or_beside_a_rate_line():
    titles = words_of(
        200,
        (32, "DATA"),
        (64, "ESTABELECIMENTO"),
        (220, "VALOR EM US$", "right"),
        (290, "VALOR EM R$", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (32, "08/03"), (64, "AMAZON WEB SERVICES"), (220, "23,41", "right")),
                words_of(215, (290, "R$ 117,49", "right")),
                words_of(230, (32, "09/03"), (64, "PADARIA"), (290, "R$ 12,50", "right")),
                words_of(260, (32, "Fatura de 2024")),
            )
        ]
    )

    amazon, bakery = result.rows
    assert amazon.description == "AMAZON WEB SERVICES"
    assert (amazon.original_amount, amazon.original_currency) == (Decimal("23.41"), "USD")
    assert bakery.original_amount is None
    rate = read_statement(
        [
            page(
                1,
                header(),
                row(220, "12/27/2023", "TST* LE PETIT CAFE MONTREAL QC", "43.45"),
                words_of(
                    230, (110, "58.40"), (150, "CANADIAN DOLLAR"), (250, "0.7440171 Exchange Rate")
                ),
            )
        ]
    ).rows[0]
    assert rate.description == "TST* LE PETIT CAFE MONTREAL QC"
    assert (rate.original_amount, rate.original_currency) == (Decimal("58.40"), "CAD")


def test_the_same_amount_in_the_original_amount_column_is_not_foreign():
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
                words_of(215, (40, "2024-02-21"), (110, "Luckin Coffee"), (400, "19.90", "right")),
                words_of(215, (450, "CNY"), (560, "19.90", "right")),
                words_of(230, (40, "2024-02-28"), (110, "APPLE.COM/BILL"), (400, "9.99", "right")),
                words_of(230, (450, "USD"), (560, "72.08", "right")),
            )
        ]
    )

    coffee, apple = result.rows
    assert coffee.original_amount is None
    assert (apple.original_amount, apple.original_currency) == (Decimal("9.99"), "USD")
    # One currency of the rows' own: the totals are checked as one account's.
    assert "several currencies" not in " ".join(result.check.checked)


def test_a_currency_column_before_the_amount_and_another_before_the_original_amount():
    titles = words_of(
        200,
        (40, "Date"),
        (110, "Description"),
        (370, "Curr."),
        (450, "Orig. amount", "right"),
        (470, "Curr."),
        (560, "Amount", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                words_of(100, (40, "Previous balance"), (200, "CHF"), (300, "100.00", "right")),
                words_of(112, (40, "New balance"), (200, "CHF"), (300, "126.86", "right")),
                titles,
                words_of(215, (40, "12.03.2024"), (110, "Uber London"), (370, "GBP")),
                words_of(215, (450, "23.60", "right"), (470, "CHF"), (560, "26.40", "right")),
                words_of(230, (40, "13.03.2024"), (110, "Processing fee"), (470, "CHF")),
                words_of(230, (560, "0.46", "right")),
            )
        ]
    )

    uber, fee = result.rows
    assert (uber.original_amount, uber.original_currency) == (Decimal("23.60"), "GBP")
    assert fee.original_amount is None
    assert result.check.verdict.value == "agrees", result.check.message


def test_an_original_amount_under_a_row_where_a_date_column_follows_the_description():
    titles = words_of(
        200,
        (44, "Dato"),
        (88, "Forklaring"),
        (360, "Rentedato"),
        (467, "Ut av konto", "right"),
        (553, "Inn på konto", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(215, (44, "06.12"), (88, "Visa 100047 Spotify Stockholm"), (368, "04.12")),
                words_of(215, (467, "138,40", "right")),
                words_of(225, (88, "USD 12,99"), (129, "Kurs 10,6543")),
                words_of(240, (44, "07.12"), (88, "Vipps*Ruter AS"), (467, "40,00", "right")),
            )
        ]
    )

    spotify = result.rows[0]
    assert spotify.description == "Visa 100047 Spotify Stockholm"
    assert (spotify.original_amount, spotify.original_currency) == (Decimal("12.99"), "USD")


def test_the_rand_glued_to_its_amount_and_a_note_of_what_an_amount_includes():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "16/02/2024", "WOOLWORTHS SANDTON CITY", "R1 284,56"),
                row(235, "17/02/2024", "ENGEN CONVENIENCE RIVONIA", "R950,00"),
                row(250, "20/02/2024", "AMAZON WEB SERVICES", "R70,78"),
                words_of(260, (110, "Includes conversion commission of R2,06")),
            )
        ]
    )

    assert [(r.description, r.amount) for r in result.rows] == [
        ("WOOLWORTHS SANDTON CITY", Decimal("1284.56")),
        ("ENGEN CONVENIENCE RIVONIA", Decimal("950.00")),
        ("AMAZON WEB SERVICES", Decimal("70.78")),
    ]


def test_original_amount_lines_in_hungarian_and_romanian():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "18/02/2024", "NETFLIX.COM LOS GATOS", "39.31"),
                words_of(230, (110, "EUR 9.99")),
                words_of(240, (110, "árf.: 393,4500")),
                row(245, "04/04/2024", "AMAZON EU SARL", "228.87"),
                words_of(255, (110, "valoare tranzactie: 45,99 EUR curs: 4,9765")),
            )
        ]
    )

    netflix, amazon = result.rows
    assert (netflix.description, netflix.original_amount) == (
        "NETFLIX.COM LOS GATOS",
        Decimal("9.99"),
    )
    assert (amazon.description, amazon.original_amount, amazon.original_currency) == (
        "AMAZON EU SARL",
        Decimal("45.99"),
        "EUR",
    )


def test_a_conversion_line_to_or_from_another_currency():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "18/04/2024", "Converted USD to EUR", "500.00"),
                words_of(230, (110, "To 461.17 EUR"), (180, "1 USD = 0.92234 EUR")),
            )
        ]
    )

    converted = result.rows[0]
    assert converted.description == "Converted USD to EUR"
    assert (converted.original_amount, converted.original_currency) == (Decimal("461.17"), "EUR")


def test_an_original_amount_after_its_currencys_name_in_the_middle_of_a_rows_line():
    # "SINGAPORE SG  U. S. DOLLAR 45.99"; a currency without cents prints whole numbers
    # ("JAPANESE YEN 12,800"); "25.99 GBP@ 0.85114" has the rate's "@" glued on.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "19/12/2023", "AMAZON MKTPLACE PMTS", "62.11"),
                words_of(230, (110, "AMZN.COM/BILLWA US"), (300, "U. S. DOLLAR"), (362, "45.99")),
                row(245, "30/12/2023", "LAWSON SHINJUKU", "116.23"),
                words_of(255, (110, "TOKYO JP"), (300, "JAPANESE YEN"), (362, "12,800")),
                row(270, "04/01/2024", "VDP-AMAZON UK", "30.54"),
                words_of(280, (118, "25.99 GBP@"), (170, "0.85114")),
                row(295, "05/01/2024", "COFFEE", "4.50"),
            )
        ]
    )

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("AMAZON MKTPLACE PMTS AMZN.COM/BILLWA US", Decimal("45.99"), "USD"),
        ("LAWSON SHINJUKU TOKYO JP", Decimal("12800"), "JPY"),
        ("VDP-AMAZON UK", Decimal("25.99"), "GBP"),
        ("COFFEE", None, None),
    ]


def test_an_original_amount_named_by_its_label_before_its_currencys_name():
    # "Foreign Spend Amount: 25.00 British Pounds  Commission Amount: $0.00".
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "27/02/2024", "HEATHROW EXPRESS LONDON", "32.73"),
                words_of(
                    230,
                    (110, "Foreign Spend Amount:"),
                    (220, "25.00"),
                    (250, "British Pounds"),
                    (330, "Commission Amount:"),
                    (420, "$0.00"),
                ),
                row(245, "28/02/2024", "JR EAST SHINKANSEN TOKYO", "95.19"),
                words_of(
                    255,
                    (110, "Foreign Spend Amount:"),
                    (220, "14,170"),
                    (250, "Japanese Yen"),
                    (330, "Commission Amount:"),
                    (420, "$0.00"),
                ),
                row(270, "29/02/2024", "NOMA COPENHAGEN", "284.73"),
                words_of(280, (160, "2,480.00"), (189, "Danish Krone"), (236, "Rate 8.7120")),
            )
        ]
    )

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("HEATHROW EXPRESS LONDON", Decimal("25.00"), "GBP"),
        ("JR EAST SHINKANSEN TOKYO", Decimal("14170"), "JPY"),
        ("NOMA COPENHAGEN", Decimal("2480.00"), "DKK"),
    ]


def test_a_rows_lines_before_and_after_its_foreign_amounts_line_are_its_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "04/04/2024", "Plata la POS cu card VISA", "228,87"),
                words_of(229, (110, "AMAZON EU SARL LUXEMBOURG LU")),
                words_of(
                    238, (110, "valoare tranzactie:"), (200, "45,99 EUR"), (260, "curs: 4,9765")
                ),
                words_of(247, (110, "card nr. XXXX XXXX XXXX 4821")),
                row(262, "05/04/2024", "Plata la POS cu card VISA", "63,18"),
                words_of(271, (110, "MEGA IMAGE CLUJ NAPOCA RO")),
                words_of(280, (110, "card nr. XXXX XXXX XXXX 4821")),
            )
        ]
    )

    read = [(r.description, r.original_amount) for r in result.rows]
    assert read == [
        (
            "Plata la POS cu card VISA AMAZON EU SARL LUXEMBOURG LU card nr. XXXX XXXX XXXX 4821",
            Decimal("45.99"),
        ),
        ("Plata la POS cu card VISA MEGA IMAGE CLUJ NAPOCA RO card nr. XXXX XXXX XXXX 4821", None),
    ]


def test_a_rate_under_the_original_amounts_is_not_one():
    # "AMSTERDAM NL  árf.: 392,87": the row's last words and the rate it was converted at.
    titles = words_of(
        200,
        (40, "Dátum"),
        (110, "Közlemény"),
        (412, "Eredeti összeg"),
        (560, "Összeg", "right"),
    )
    result = read_statement(
        [
            page(
                1,
                titles,
                words_of(
                    215,
                    (40, "2024.02.23."),
                    (110, "BOOKING.COM HOTEL RESERVATION"),
                    (470, "-212,40 EUR", "right"),
                    (560, "-83.446,00", "right"),
                ),
                words_of(225, (110, "AMSTERDAM NL"), (436, "árf.:"), (450, "392,87")),
                words_of(
                    240,
                    (40, "2024.02.24."),
                    (110, "CINEMA CITY BUDAPEST"),
                    (560, "-7.480,00", "right"),
                ),
            )
        ]
    )

    read = [(r.description, r.original_amount) for r in result.rows]
    assert read == [
        ("BOOKING.COM HOTEL RESERVATION AMSTERDAM NL", Decimal("212.40")),
        ("CINEMA CITY BUDAPEST", None),
    ]


def test_a_foreign_amount_named_by_its_label_with_a_colon_set_apart():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "02/02/2024", "AMAZON WEB SERVICES AWS.AMAZON.CO", "110,54"),
                words_of(
                    230,
                    (154, "Montant en devise"),
                    (235, ":"),
                    (242, "120,00 USD"),
                    (300, "Taux"),
                    (322, ":"),
                    (328, "1,0856"),
                ),
                row(245, "03/02/2024", "SNCF INTERNET PARIS", "148,00"),
            )
        ]
    )

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("AMAZON WEB SERVICES AWS.AMAZON.CO", Decimal("120.00"), "USD"),
        ("SNCF INTERNET PARIS", None, None),
    ]


def test_a_slovak_original_amount_line_with_its_rate():
    # "Pôvodná suma: 1 250,00 CZK, kurz 25,0520" under the row.
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "09.03.2024", "Platba kartou ALBERT BRNO CZ", "49,90"),
                words_of(
                    230, (112, "Pôvodná suma:"), (170, "1 250,00"), (215, "CZK, kurz 25,0520")
                ),
                row(245, "11.03.2024", "Prijatá platba", "45,00"),
            )
        ]
    )

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("Platba kartou ALBERT BRNO CZ", Decimal("1250.00"), "CZK"),
        ("Prijatá platba", None, None),
    ]


def test_a_rows_reference_number_line_and_a_foreign_amount_written_with_hyphens():
    # "73457343319213022072374" under each purchase; "Foreign Currency-USD 45.00 Exchange
    # rate-1.366667".
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "14/12/2024", "STM-METRO MONT-ROYAL MONTREAL QC", "97.00"),
                words_of(230, (110, "73457343319213022072374")),
                row(245, "16/12/2024", "AMAZON.COM AMZN.COM/BILL WA", "61.50"),
                words_of(
                    255,
                    (110, "Foreign Currency-USD"),
                    (210, "45.00"),
                    (240, "Exchange rate-1.366667"),
                ),
                words_of(265, (110, "52392233015643042195504")),
                row(280, "17/12/2024", "DB OTOMATIS BPJS KESEHATAN", "150.00"),
                words_of(290, (110, "8888801234567890")),
            )
        ]
    )

    read = [(r.description, r.original_amount, r.original_currency) for r in result.rows]
    assert read == [
        ("STM-METRO MONT-ROYAL MONTREAL QC", None, None),
        ("AMAZON.COM AMZN.COM/BILL WA", Decimal("45.00"), "USD"),
        ("DB OTOMATIS BPJS KESEHATAN 8888801234567890", None, None),
    ]


def test_the_rate_after_a_foreign_amount_on_a_rows_second_line_is_not_its_text():
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "03/11/2024", "Debit Purchase AMAZON.CO.UK*2H7Y", "31.84"),
                words_of(230, (110, "LONDON GBR"), (250, "25.00 GBP @ 1.27360")),
                row(245, "03/12/2024", "COFFEE", "4.50"),
            )
        ]
    )

    amazon = result.rows[0]
    assert amazon.description == "Debit Purchase AMAZON.CO.UK*2H7Y LONDON GBR"
    assert (amazon.original_amount, amazon.original_currency) == (Decimal("25.00"), "GBP")


@pytest.mark.parametrize(
    ("named", "currency"),
    [
        ("Dólares Estadounidenses", "USD"),
        ("Dólares Canadienses", "CAD"),
        ("dollars canadiens", "CAD"),
        ("Euros", "EUR"),
    ],
)
def test_a_currency_named_with_its_country_after_it(named, currency):
    result = read_statement(
        [
            page(
                1,
                header(),
                row(220, "21/12/2023", "UBER *TRIP SAN FRANCISCO CA", "766.46"),
                words_of(230, (112, f"45.00 {named} TC 17.0325")),
                row(245, "22/12/2023", "PALACIO DE HIERRO SANTA FE", "12,999.00"),
            )
        ]
    )

    uber = result.rows[0]
    assert uber.description == "UBER *TRIP SAN FRANCISCO CA"
    assert (uber.original_amount, uber.original_currency) == (Decimal("45.00"), currency)
