"""Another accountant cannot reach a session, not even by its URL: page, fragment and API all
answer 404."""

from playwright.sync_api import expect

from tests.builders.records import make_user
from tests.builders.runs import uploaded_session


def test_another_user_gets_404_on_the_page_the_fragment_and_the_api(
    live_server, page, log_in, clock
):
    session = uploaded_session(clock, owner=make_user("alice"), name="Alice's March")
    log_in(make_user("bob"))
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_text("No sessions yet")).to_be_visible()

    page_response = page.goto(f"{live_server.url}/sessions/{session.pk}/")
    fragment = page.request.get(
        f"{live_server.url}/sessions/{session.pk}/", headers={"HX-Request": "true"}
    )
    api = page.request.get(f"{live_server.url}/api/sessions/{session.pk}/progress")

    assert [page_response.status, fragment.status, api.status] == [404, 404, 404]
    for body in (page.content(), fragment.text(), api.text()):
        assert "Alice" not in body
