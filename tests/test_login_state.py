"""The signed-in state read with precompiled queries behaves exactly as Django's own: signing in
and out, expiry, deactivation and a changed password all end or keep a login as before."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session as LoginSession
from django.test import Client
from django.utils import timezone

from tests.builders.records import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase 2026"


def signed_in(user) -> Client:
    client = Client()
    answer = client.post(
        "/accounts/login/", {"username": user.username, "password": PASSWORD}, follow=False
    )
    assert answer.status_code == 302, "the login form should accept the right password"
    return client


def sees_own_list(client: Client) -> bool:
    answer = client.get("/sessions/")
    return answer.status_code == 200


def make_accountant():
    return make_user(password=PASSWORD)


def test_a_signed_in_accountant_stays_signed_in_and_signing_out_ends_it():
    client = signed_in(make_accountant())
    assert sees_own_list(client)
    assert sees_own_list(client)  # read back from the stored session, not the login response
    client.post("/accounts/logout/")
    assert not sees_own_list(client)
    assert client.get("/sessions/")["Location"].startswith("/accounts/login/")


def test_an_expired_login_session_is_not_honoured():
    client = signed_in(make_accountant())
    LoginSession.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert not sees_own_list(client)


def test_an_unknown_session_cookie_is_treated_as_signed_out():
    client = Client()
    client.cookies["sessionid"] = "x" * 32
    assert not sees_own_list(client)


def test_deactivating_an_accountant_ends_their_login_at_the_next_request():
    user = make_accountant()
    client = signed_in(user)
    user.is_active = False
    user.save()
    assert not sees_own_list(client)


def test_changing_the_password_elsewhere_ends_other_logins():
    user = make_accountant()
    client = signed_in(user)
    user.set_password("another passphrase entirely 2026")
    user.save()
    assert not sees_own_list(client)


def test_a_deleted_accountant_is_signed_out():
    user = make_accountant()
    client = signed_in(user)
    user.delete()
    assert not sees_own_list(client)


def test_the_user_read_back_is_the_whole_user(django_assert_num_queries):
    user = make_accountant()
    user.first_name, user.is_staff = "Ana", True
    user.save()
    client = signed_in(user)
    answer = client.get("/healthz")
    with django_assert_num_queries(2):  # the login session and the user, nothing else
        request_user = answer.wsgi_request.user
        assert request_user.is_authenticated
    assert request_user == user
    assert (request_user.first_name, request_user.is_staff, request_user.is_active) == (
        "Ana",
        True,
        True,
    )
    assert request_user.last_login is not None and request_user.date_joined == user.date_joined
