"""Who may see what: login everywhere, a session only for its owner and staff (404 for anyone
else, never 403), CSRF on every form and htmx request."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from sessions_app.models import ReportFile, Session
from tests.builders.records import make_user
from tests.builders.runs import HTMX, failed_session, file_2_of_3_at_page_5, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(clock):
    session = file_2_of_3_at_page_5(clock)
    report = ReportFile(session=session, kind="csv", size_bytes=5)
    report.file.save("r.csv", ContentFile(b"a,b\n"))
    return session


def session_urls(session):
    return {
        "page": ("get", reverse("session_detail", args=[session.pk]), {}),
        "fragment": ("get", reverse("session_detail", args=[session.pk]), HTMX),
        "api": ("get", f"/api/sessions/{session.pk}/progress", {}),
        "report": ("get", reverse("report_download", args=[session.pk, "csv"]), {}),
        "retry": ("post", reverse("session_retry", args=[session.pk]), {}),
    }


def test_every_page_sends_anonymous_visitors_to_the_login_form(client, session):
    urls = {
        **session_urls(session),
        "list": ("get", reverse("session_list"), {}),
        "new": ("get", reverse("session_new"), {}),
        "upload": ("post", reverse("session_new"), {}),
    }
    for name, (method, url, headers) in urls.items():
        if headers or name == "api":
            continue
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/?next="), name


def test_the_api_answers_anonymous_callers_in_json(client, session):
    response = client.get(f"/api/sessions/{session.pk}/progress")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "not_authenticated"


def test_a_poll_after_logging_out_reloads_the_page_into_the_login_form(client, session):
    url = reverse("session_detail", args=[session.pk])

    response = client.get(url, HTTP_HX_CURRENT_URL=f"http://testserver{url}", **HTMX)

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/accounts/login/?next={url}"
    assert response.content == b""


@pytest.mark.parametrize("name", ["page", "fragment", "api", "report", "retry"])
def test_another_users_session_does_not_exist_for_them(client, session, name):
    client.force_login(make_user())
    method, url, headers = session_urls(session)[name]

    response = getattr(client, method)(url, **headers)

    assert response.status_code == 404
    assert session.name not in response.content.decode()


@pytest.mark.parametrize("name", ["page", "fragment", "api", "report"])
def test_staff_see_every_session(client, session, name):
    if name == "report":  # reports are served once the run has completed
        Session.objects.filter(pk=session.pk).update(current_phase="completed")
    client.force_login(make_user(staff=True))
    method, url, headers = session_urls(session)[name]

    assert getattr(client, method)(url, **headers).status_code == 200


def test_a_report_is_only_served_once_its_run_has_completed(client, session):
    client.force_login(session.owner)
    url = session_urls(session)["report"][1]

    assert client.get(url).status_code == 404  # still processing: a stale file is no report
    Session.objects.filter(pk=session.pk).update(current_phase="completed")
    assert client.get(url).status_code == 200


def test_there_is_no_password_reset_without_a_mail_service(client):
    assert client.get("/accounts/password_reset/").status_code == 404


def test_the_list_shows_only_the_users_own_sessions_and_staff_see_all(client, clock):
    mine = file_2_of_3_at_page_5(clock, name="Mine, March")
    file_2_of_3_at_page_5(clock, name="Someone else's, March")

    client.force_login(mine.owner)
    words = text(client.get(reverse("session_list")).content.decode())
    assert "Mine, March" in words and "Someone else" not in words

    client.force_login(make_user(staff=True))
    words = text(client.get(reverse("session_list")).content.decode())
    assert "Mine, March" in words and "Someone else's, March" in words
    assert mine.owner.username in words


def test_forms_and_htmx_requests_need_the_csrf_token(clock):
    session = failed_session(clock)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(session.owner)
    url = reverse("session_retry", args=[session.pk])

    assert browser.post(url).status_code == 403
    page = browser.get(session.get_absolute_url()).content.decode()
    token = page.split('hx-headers=\'{"X-CSRFToken": "', 1)[1].split('"', 1)[0]

    assert browser.post(url, HTTP_X_CSRFTOKEN=token).status_code == 302
    assert 'name="csrfmiddlewaretoken"' in page  # the retry form works without htmx too


def test_the_health_check_needs_no_login(client):
    response = client.get("/healthz")

    assert (response.status_code, response.content) == (200, b"ok")


def test_logging_in_and_out_through_the_forms(client):
    user = make_user()

    response = client.post(
        reverse("login"), {"username": user.username, "password": "pw-recon-123"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("session_list")
    assert "Log out" in text(response.content.decode())

    wrong = client.post(reverse("login"), {"username": user.username, "password": "nope"})
    assert "do not match" in text(wrong.content.decode())

    client.post(reverse("logout"))
    assert client.get(reverse("session_list")).status_code == 302
