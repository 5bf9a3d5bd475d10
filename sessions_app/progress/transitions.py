"""The state machine of data-model.md ("State Transitions"); nothing else is allowed.

    null -> upload -> processing -> matching -> report_generation -> completed
                          |            |               |
                        failed       failed          failed

Staying in an active phase is a progress update, not a transition. A retry starts a new run,
which the machine sees as starting again from null.
"""

from sessions_app.progress.phases import TERMINAL_PHASES, Phase

ALLOWED_TRANSITIONS: frozenset[tuple[Phase | None, Phase]] = frozenset(
    {
        (None, Phase.UPLOAD),
        (Phase.UPLOAD, Phase.PROCESSING),
        (Phase.PROCESSING, Phase.MATCHING),
        (Phase.MATCHING, Phase.REPORT_GENERATION),
        (Phase.REPORT_GENERATION, Phase.COMPLETED),
        (Phase.PROCESSING, Phase.FAILED),
        (Phase.MATCHING, Phase.FAILED),
        (Phase.REPORT_GENERATION, Phase.FAILED),
    }
)


class InvalidTransition(ValueError):
    """A phase change the state machine does not allow."""

    def __init__(self, previous: str | None, new: str) -> None:
        self.previous = previous
        self.new = new
        allowed = sorted(str(to) for frm, to in ALLOWED_TRANSITIONS if frm == previous)
        super().__init__(
            f"a session cannot move from {_label(previous)} to {_label(new)}; "
            f"from {_label(previous)} it can move to: {', '.join(allowed) or 'nothing'}"
        )


def check_transition(previous: str | None, new: str) -> None:
    """Return if `previous` -> `new` is allowed (or is a same-phase update); raise otherwise."""
    previous_phase = Phase(previous) if previous is not None else None
    new_phase = Phase(new)
    if previous_phase == new_phase and new_phase not in TERMINAL_PHASES:
        return
    if (previous_phase, new_phase) not in ALLOWED_TRANSITIONS:
        raise InvalidTransition(previous, new)


def check_new_run(previous: str | None) -> None:
    """Return if a new run may start from `previous` (nothing yet, or a failed run)."""
    if previous not in (None, Phase.FAILED):
        raise InvalidTransition(previous, Phase.UPLOAD)


def _label(phase: str | None) -> str:
    return "no phase (null)" if phase is None else f"'{phase}'"
