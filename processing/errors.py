"""Failures that end a run, each saying in plain words what happened and where."""


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


class Interrupted(Exception):
    """The worker was asked to stop; the run stops at a page boundary."""
