"""The admin's view of what the accountant sees: queued sessions with their place in line and a
filter, completed sessions that need attention (a column and a filter), and the review trail,
read-only."""

import pytest
from django.urls import reverse

from processing import review
from processing.upload import create_session
from sessions_app.models import ReviewEvent, Session
from tests.builders.pdfs import incoming, make_pdf
from tests.builders.records import make_user
from tests.builders.runs import completed_session, text
from tests.sessions_app.matches import reviewable_session

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:sessions_app_session_changelist")


def queued(name, clock):
    clock.advance(1)
    return create_session(
        owner=make_user(),
        name=name,
        statements=[incoming("s1.pdf", make_pdf(["a"]))],
        clock=clock,
    )


def names(response) -> list[str]:
    return sorted(session.name for session in response.context["cl"].result_list)


def test_queued_sessions_say_so_with_their_place_and_have_a_filter(admin_client, clock):
    queued("First", clock)
    queued("Second", clock)
    completed_session(clock, name="Done")

    response = admin_client.get(CHANGELIST)

    words = text(response.content.decode())
    assert "Queued · 1st in line" in words and "Queued · 2nd in line" in words
    assert names(admin_client.get(CHANGELIST, {"queue": "queued"})) == ["First", "Second"]
    assert names(admin_client.get(CHANGELIST, {"queue": "held"})) == []


def test_sessions_needing_attention_have_a_column_and_a_filter(admin_client, clock):
    flagged = completed_session(clock, name="Amex February")
    Session.objects.filter(pk=flagged.pk).update(
        needs_attention=True, attention_reason="Totals disagree on statement_001.pdf"
    )
    completed_session(clock, name="Visa February")

    response = admin_client.get(CHANGELIST)

    words = text(response.content.decode())
    assert "Needs attention Totals disagree on statement_001.pdf" in words
    assert names(admin_client.get(CHANGELIST, {"attention": "yes"})) == ["Amex February"]
    assert names(admin_client.get(CHANGELIST, {"attention": "no"})) == ["Visa February"]


def test_the_review_trail_is_shown_read_only(admin_client, clock):
    session = reviewable_session(clock)
    accountant = make_user("ann.accountant")
    review.confirm(
        session=session,
        transaction_id=session.transactions.get(description__startswith="UBER").pk,
        user=accountant,
    )

    page = admin_client.get(reverse("admin:sessions_app_session_change", args=[session.pk]))
    words = text(page.content.decode())
    assert "ann.accountant Confirmed a match" in words
    assert "Not reviewed" in words

    event = ReviewEvent.objects.get()
    trail = reverse("admin:sessions_app_reviewevent_changelist")
    assert "ann.accountant" in admin_client.get(trail).content.decode()
    assert admin_client.get(reverse("admin:sessions_app_reviewevent_add")).status_code == 403
    change = reverse("admin:sessions_app_reviewevent_change", args=[event.pk])
    assert admin_client.post(change, {"actor_name": "someone else"}).status_code == 403
    delete = reverse("admin:sessions_app_reviewevent_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert ReviewEvent.objects.get().actor_name == "ann.accountant"
