"""The review page and its htmx actions: a row swapped in place, the trail and the counts out
of band, the finish button rebuilding the report; only for the owner, only once completed."""

import pytest
from django.urls import reverse

from sessions_app.models import Match, ReviewEvent, Session
from tests.builders.records import make_user
from tests.builders.runs import HTMX, file_2_of_3_at_page_5, text
from tests.sessions_app.matches import reviewable_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


@pytest.fixture
def session(clock, owner):
    return reviewable_session(clock, owner=owner)


def act(client, session, description, action, **data):
    charge = session.transactions.get(description__startswith=description)
    url = reverse("review_action", args=[session.pk, charge.pk, action])
    return client.post(url, data, **HTMX)


def test_the_page_groups_the_charges_and_says_why_each_matched(client, session):
    html = client.get(reverse("session_review", args=[session.pk])).content.decode()

    words = text(html)
    assert "Needs a look" in words and "Charges without a receipt" in words
    assert "Why: same amount · receipt 4 days before the charge · merchant 100 % alike" in words
    assert "Worth a look: receipt 4 days apart from the charge." in words
    assert "Why: same amount · same day · merchant 100 % alike" in words
    assert "Most likely receipts: Starbucks · 14 Mar 2026 · 7.45 same amount · same day" in words
    assert 'id="count-look">1<' in html and 'id="count-review-unmatched">2<' in html
    assert "No changes yet." in words


def test_confirm_swaps_the_row_and_adds_to_the_trail_out_of_band(client, session, owner):
    response = act(client, session, "UBER", "confirm")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<li class="charge group-confident"')
    assert "Confirmed" in html and ">Confirm<" not in html
    assert 'hx-swap-oob="afterbegin:#trail-list"' in html
    assert f"<strong>{owner.username}</strong> confirmed a match" in html
    assert 'id="count-look">0<' in html and 'hx-swap-oob="true"' in html
    assert 'hx-swap-oob="innerHTML:#review-announcer">Match confirmed.<' in html
    assert ReviewEvent.objects.get().action == "confirm"


def test_unmatch_then_match_by_hand(client, session):
    act(client, session, "UBER", "unmatch")
    receipt = session.receipts.get(merchant="Uber")

    html = act(client, session, "SHELL", "match", receipt_id=receipt.pk).content.decode()

    assert "Matched by hand" in html
    shell = Match.objects.get(transaction__description__startswith="SHELL")
    assert shell.receipt == receipt
    assert list(ReviewEvent.objects.values_list("action", flat=True)) == ["unmatch", "match"]


def test_a_refused_action_is_shown_on_the_row(client, session):
    taken = session.receipts.get(merchant="Delta Air Lines")

    html = act(client, session, "SHELL", "match", receipt_id=taken.pk).content.decode()

    assert "That receipt already belongs to another charge: unmatch that one first." in html
    assert not ReviewEvent.objects.exists()


def test_finish_rebuilds_the_report_and_the_page_says_who_reviewed(client, session, owner):
    response = client.post(reverse("review_finish", args=[session.pk]), follow=True)

    words = text(response.content.decode())
    assert "Review finished: the report was rebuilt from your matches." in words
    assert f"Reviewed by {owner.username}" in words
    assert Session.objects.get().reviewed_by == owner
    assert session.reports.get(kind="xlsx").file.open("rb").read(2) == b"PK"


def test_only_the_owner_reviews_and_only_a_completed_session(client, clock, session):
    client.force_login(make_user())
    assert client.get(reverse("session_review", args=[session.pk])).status_code == 404
    assert act(client, session, "UBER", "confirm").status_code == 404

    running = file_2_of_3_at_page_5(clock, owner=session.owner)
    client.force_login(session.owner)
    assert client.get(reverse("session_review", args=[running.pk])).status_code == 404
    assert not ReviewEvent.objects.exists()
