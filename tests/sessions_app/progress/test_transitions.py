"""data-model.md's state machine: each allowed pair passes, every other pair is refused."""

import itertools

import pytest

from sessions_app.progress.phases import Phase
from sessions_app.progress.transitions import (
    ALLOWED_TRANSITIONS,
    InvalidTransition,
    check_transition,
)

ALLOWED = [
    (None, "upload"),
    ("upload", "processing"),
    ("processing", "matching"),
    ("matching", "report_generation"),
    ("report_generation", "completed"),
    ("processing", "failed"),
    ("matching", "failed"),
    ("report_generation", "failed"),
]
SAME_PHASE_UPDATES = [(p, p) for p in ("upload", "processing", "matching", "report_generation")]
EVERY_PAIR = list(itertools.product([None, *Phase.values], Phase.values))
FORBIDDEN = [pair for pair in EVERY_PAIR if pair not in ALLOWED and pair not in SAME_PHASE_UPDATES]


def test_the_table_is_exactly_the_data_model_diagram():
    assert {(a, str(b)) for a, b in ALLOWED_TRANSITIONS} == set(ALLOWED)


@pytest.mark.parametrize(("previous", "new"), ALLOWED)
def test_allowed_transition(previous, new):
    check_transition(previous, new)


@pytest.mark.parametrize(("previous", "new"), SAME_PHASE_UPDATES)
def test_staying_in_an_active_phase_is_an_update(previous, new):
    check_transition(previous, new)


@pytest.mark.parametrize(("previous", "new"), FORBIDDEN)
def test_forbidden_transition_raises_a_clear_error(previous, new):
    with pytest.raises(InvalidTransition) as raised:
        check_transition(previous, new)

    message = str(raised.value)
    assert f"'{new}'" in message
    assert "cannot move from" in message


def test_forbidden_list_covers_the_terminal_and_skipping_cases():
    assert ("completed", "processing") in FORBIDDEN
    assert ("failed", "processing") in FORBIDDEN
    assert ("upload", "matching") in FORBIDDEN
    assert ("upload", "failed") in FORBIDDEN
    assert (None, "processing") in FORBIDDEN
    assert ("completed", "completed") in FORBIDDEN
    assert len(FORBIDDEN) == len(EVERY_PAIR) - len(ALLOWED) - len(SAME_PHASE_UPDATES)


def test_error_says_where_the_session_could_go():
    with pytest.raises(InvalidTransition) as raised:
        check_transition("processing", "completed")

    assert "it can move to: failed, matching" in str(raised.value)
