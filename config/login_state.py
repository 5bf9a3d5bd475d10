"""The signed-in state every request reads, each part in one precompiled query.

Every request of a signed-in accountant (every progress poll, every 2 s per open page) reads
the session cookie's row and the user it names before the view runs. Django's database session
store and model backend read them through the ORM, whose query building costs more than the
queries; these read the same rows with `OneRow` and behave otherwise exactly as Django's
(`SESSION_ENGINE = "config.login_state"`, the backend in AUTHENTICATION_BACKENDS). Writes
(logging in, out, rotating the key) go through Django's code unchanged.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session as LoginSession
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone

from sessions_app.selectors.rows import OneRow

_SESSION_ROW = OneRow(LoginSession, ("session_data",), "{session_key} = %s AND {expire_date} > %s")


class SessionStore(DatabaseSessionStore):
    """Django's database session store, reading a session with one precompiled query."""

    def _get_session_from_db(self) -> LoginSession | None:
        try:
            row = _SESSION_ROW.fetch(
                [self.session_key, _SESSION_ROW.prepare("expire_date", timezone.now())]
            )
        except SuspiciousOperation as error:  # as Django's store: logged, then no session
            logging.getLogger(f"django.security.{type(error).__name__}").warning(str(error))
            row = None
        if row is None:
            self._session_key = None
            return None
        return LoginSession(session_key=self.session_key, session_data=row["session_data"])


class UserBackend(ModelBackend):
    """Django's model backend, reading the signed-in user with one precompiled query."""

    def get_user(self, user_id):
        user_model = get_user_model()
        query = _user_row(user_model)
        row = query.fetch([query.prepare(user_model._meta.pk.attname, user_id)])
        if row is None:
            return None
        user = user_model.from_db("default", list(row), list(row.values()))
        return user if self.user_can_authenticate(user) else None


_USER_ROWS: dict[type, OneRow] = {}


def _user_row(user_model) -> OneRow:
    found = _USER_ROWS.get(user_model)
    if found is None:
        fields = tuple(field.attname for field in user_model._meta.concrete_fields)
        where = f"{{{user_model._meta.pk.attname}}} = %s"
        found = _USER_ROWS[user_model] = OneRow(user_model, fields, where)
    return found
