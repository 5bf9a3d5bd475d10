"""Visual lines rebuilt from word positions: what makes a statement row readable at all."""

import pymupdf

from processing.lines import group_words, page_lines


def page_with(fields: list[tuple[float, float, str, float]]) -> pymupdf.Page:
    """A page with each (x, baseline, text, fontsize) drawn separately, as statements are."""
    document = pymupdf.open()
    page = document.new_page()
    for x, y, text, size in fields:
        page.insert_text((x, y), text, fontname="helv", fontsize=size)
    return page


def test_columns_drawn_separately_come_back_as_one_line_in_x_order():
    page = page_with(
        [
            (500, 100, "1,234.56", 9),
            (40, 100, "03/14", 9),
            (146, 100, "DELTA AIR 0062345678901", 9),
            (40, 112, "03/15", 9),
            (500, 112, "-45.00", 9),
        ]
    )

    lines = page_lines(page)

    assert [line.text for line in lines] == [
        "03/14 DELTA AIR 0062345678901 1,234.56",
        "03/15 -45.00",
    ]
    # PyMuPDF's reading order keeps each field on a line of its own: no row for a pattern.
    assert not any("03/14" in row and "1,234.56" in row for row in page.get_text().splitlines())


def test_a_bold_name_and_a_smaller_label_on_one_baseline_are_one_line():
    page = page_with([(40, 200, "ISABEL N BAKER", 11), (260, 200, "Card ending in 5680", 9)])

    assert [line.text for line in page_lines(page)] == ["ISABEL N BAKER Card ending in 5680"]


def test_where_a_word_sits_is_known_for_wrapped_descriptions():
    line = page_lines(page_with([(40, 100, "03/14", 9), (146, 100, "HYATT REGENCY", 9)]))[0]

    assert line.x_at(line.text.index("HYATT")) == 146
    assert line.x_at(line.text.index("REGENCY")) > 146
    assert line.x_at(0) == 40


def test_a_page_without_words_has_no_lines():
    assert group_words([]) == []
