"""Every exception the worker raises or hands to its callers, in one place.

Those an accountant reads (`RunError` and its kinds, `PdfError`, `UploadRefused`,
`ActionRefused`) carry a message in plain words; the others are control flow between the
worker's parts (`Interrupted`, `ClaimLost`, `ConcurrentProgressWrite`). The domain's one
exception, `InvalidTransition`, lives with the state machine it guards.
"""


class RunError(Exception):
    """A failure the accountant is told about; `file` and `page` say where, when known."""

    def __init__(self, message: str, *, file: str | None = None, page: int | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.page = page


class ExtractionError(RunError):
    """A file or page that cannot be read."""


class RegexExtractionError(ExtractionError):
    """A pattern could not be used: invalid, or it matched text that is not what it claims."""


class PdfError(Exception):
    """A PDF Recon cannot use; `str()` is the message for the accountant."""

    def __init__(self, message: str, *, file: str, page: int | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.page = page


class ValueNotUnderstood(ValueError):
    """Matched text that is not a date or amount Recon can read."""


class UploadRefused(Exception):
    """The upload cannot be accepted; `errors` has one message per problem, naming the file."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(" ".join(errors))
        self.errors = errors


class ActionRefused(Exception):
    """An operator or accountant asked for something that does not apply to this session."""


class Interrupted(Exception):
    """The worker was asked to stop; the run stops at a page boundary."""


class Cancelled(Interrupted):
    """The accountant asked to stop the run (`by` names them); it ends failed at a page."""

    def __init__(self, by: str) -> None:
        super().__init__(f"Cancelled by {by}")
        self.by = by


class ClaimLost(Exception):
    """The session is no longer held by the worker that tried to write (it was taken over)."""


class ConcurrentProgressWrite(Exception):
    """The session changed under every attempt to write; nothing was written."""
