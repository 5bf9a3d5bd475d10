"""Extraction patterns in the admin: refused when unusable, tried on sample text unsaved."""

import html
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from processing.models import ExtractionPattern

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)
ADD = reverse("admin:processing_extractionpattern_add")
TRANSACTION = (
    r"^(?P<date>\d{2}/\d{2})\s+(?:(?P<post_date>\d{2}/\d{2})\s+)?"
    r"(?P<description>.+?)\s+(?P<amount>-?[\d,]+\.\d{2})$"
)
SAMPLE = "03/02 03/03 COFFEE HOUSE 4.50\nPage 2 of 7\n03/05 TAXI 18.20\n"


def change_url(pattern: ExtractionPattern) -> str:
    return reverse("admin:processing_extractionpattern_change", args=[pattern.pk])


def form_data(**fields: str) -> dict[str, str]:
    data = {
        "name": "Card transactions",
        "kind": "transaction",
        "regex": TRANSACTION,
        "priority": "100",
        "enabled": "on",
        "description": "",
        "sample_text": "",
    }
    return {**data, **fields}


def saved_pattern() -> ExtractionPattern:
    return ExtractionPattern.objects.create(
        name="Card transactions", kind="transaction", regex=TRANSACTION
    )


def test_a_valid_pattern_is_saved(admin_client):
    response = admin_client.post(ADD, form_data())

    assert response.status_code == 302
    pattern = ExtractionPattern.objects.get(name="Card transactions")
    assert pattern.regex == TRANSACTION and pattern.enabled


def test_saving_an_edit_records_when_the_pattern_changed(admin_client):
    pattern = saved_pattern()
    ExtractionPattern.objects.filter(pk=pattern.pk).update(updated_at=timezone.now() - DAY)

    admin_client.post(change_url(pattern), form_data(priority="5"))

    pattern.refresh_from_db()
    assert pattern.priority == 5
    assert timezone.now() - pattern.updated_at < timedelta(minutes=1)


def test_an_invalid_regex_is_refused_on_save_with_a_clear_error(admin_client):
    response = admin_client.post(ADD, form_data(regex=r"(?P<date>\d+"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["regex"] == [
        "This is not a valid regular expression: missing ) at position 12"
    ]
    assert "Please correct the error below." in response.text
    assert not ExtractionPattern.objects.filter(name="Card transactions").exists()


def test_a_pattern_missing_the_named_groups_its_kind_needs_is_refused(admin_client):
    response = admin_client.post(ADD, form_data(regex=r"(?P<date>\S+) (?P<description>.+)"))

    assert response.context["adminform"].form.errors["regex"] == [
        "A transaction line pattern needs the named groups (?P<amount>…)."
    ]
    assert not ExtractionPattern.objects.filter(name="Card transactions").exists()


def test_an_invalid_edit_keeps_the_pattern_in_force(admin_client):
    pattern = saved_pattern()

    response = admin_client.post(change_url(pattern), form_data(regex="[unclosed"))

    assert "This is not a valid regular expression" in html.unescape(response.text)
    pattern.refresh_from_db()
    assert pattern.regex == TRANSACTION


def test_test_pattern_shows_each_lines_match_and_groups_without_saving(admin_client):
    pattern = saved_pattern()
    edited = TRANSACTION.replace("(?P<description>", "(?P<description>[A-Z]")

    response = admin_client.post(
        change_url(pattern), form_data(regex=edited, sample_text=SAMPLE, _test_pattern="1")
    )

    assert response.status_code == 200
    trial = response.context["trial"]
    assert [(line.number, line.matched) for line in trial] == [(1, True), (2, False), (3, True)]
    assert trial[0].groups == {
        "date": "03/02",
        "post_date": "03/03",
        "description": "COFFEE HOUSE",
        "amount": "4.50",
    }
    assert trial[2].groups["post_date"] is None
    page = html.unescape(response.text)
    assert "2 of 3 lines matched (not saved)" in page
    assert "<code>description</code> = <code>COFFEE HOUSE</code>" in page
    assert "<code>post_date</code> = <em>(not captured)</em>" in page
    assert "Please correct" not in page
    # The edited regex is still in the form, so the operator can save it next.
    assert response.context["adminform"].form["regex"].value() == edited
    pattern.refresh_from_db()
    assert pattern.regex == TRANSACTION
    assert not LogEntry.objects.exists()


def test_testing_on_the_add_page_creates_nothing(admin_client):
    response = admin_client.post(ADD, form_data(sample_text=SAMPLE, _test_pattern="1"))

    assert response.status_code == 200
    assert [line.matched for line in response.context["trial"]] == [True, False, True]
    assert not ExtractionPattern.objects.filter(name="Card transactions").exists()


def test_testing_an_invalid_pattern_shows_the_error_and_no_results(admin_client):
    response = admin_client.post(
        ADD, form_data(regex="(?P<date>[", sample_text=SAMPLE, _test_pattern="1")
    )

    assert "This is not a valid regular expression" in html.unescape(response.text)
    assert response.context["trial"] is None
    assert "lines matched" not in response.text


HUNG_A_WORKER = (
    r"^(?P<date>[A-Za-z0-9/]+) (?P<description>(?:\S+ ?)+) (?P<amount>\(?\d+\.\d{2}\)?)$"
)


def test_a_pattern_with_a_repetition_inside_a_repetition_is_refused(admin_client):
    response = admin_client.post(ADD, form_data(regex=HUNG_A_WORKER, sample_text=SAMPLE))

    [error] = response.context["adminform"].form.errors["regex"]
    assert "“(?:\\S+ ?)+” can take exponential time" in error
    assert "\\S+(?: \\S+)*" in error  # how to write it instead
    assert not ExtractionPattern.objects.filter(name="Card transactions").exists()


def test_the_rewritten_pattern_is_accepted(admin_client):
    rewritten = HUNG_A_WORKER.replace(r"(?:\S+ ?)+", r"\S+(?: \S+)*")

    response = admin_client.post(ADD, form_data(regex=rewritten))

    assert response.status_code == 302
    assert ExtractionPattern.objects.get(name="Card transactions").regex == rewritten


def test_a_pattern_slow_on_ordinary_lines_is_refused(admin_client):
    slow = r"^(?P<date>\d\d/\d\d) (?P<description>(\w|\w\w)+) (?P<amount>\d+\.\d\d)$"

    response = admin_client.post(ADD, form_data(regex=slow))

    [error] = response.context["adminform"].form.errors["regex"]
    assert error.startswith("This pattern takes too long on ordinary lines.")


def test_trying_a_pattern_stops_at_a_line_it_runs_out_of_time_on(settings):
    import regex

    from sessions_app.admin.pattern_form import try_pattern

    settings.RECON_PATTERN_TIMEOUT_SECONDS = 0.05
    compiled = regex.compile(r"^(\w|\w\w)+\d$")

    trial = try_pattern(compiled=compiled, sample="ab1\n" + "a" * 40 + "!\nab2\n")

    assert [(line.number, line.matched, line.timed_out) for line in trial] == [
        (1, True, False),
        (2, False, True),
    ]
