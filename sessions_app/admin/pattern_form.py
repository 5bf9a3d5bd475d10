"""The extraction-pattern admin form, with a "Try it" sample tested without saving."""

from dataclasses import dataclass

import regex
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from processing.models import ExtractionPattern, validate_pattern

# The name of the "Test pattern" submit button; a submission carrying it is never saved.
TEST_BUTTON = "_test_pattern"
# A sample is pasted by hand; these bounds keep one request from running away.
MAX_SAMPLE_LINES = 200
MAX_LINE_CHARS = 1000


@dataclass(frozen=True)
class TrialLine:
    """One line of the sample: its number, text and named groups (None if it did not match)."""

    number: int
    text: str
    groups: dict[str, str | None] | None
    # The pattern ran out of time on this line (and the trial stopped there).
    timed_out: bool = False

    @property
    def matched(self) -> bool:
        return self.groups is not None


def try_pattern(*, compiled: regex.Pattern[str], sample: str) -> list[TrialLine]:
    """Each non-blank line of `sample`, searched as extraction does, with the same time limit;
    the trial stops at a line the pattern runs out of time on."""
    trial = []
    for number, text in enumerate(sample.splitlines()[:MAX_SAMPLE_LINES], start=1):
        if not text.strip():
            continue
        try:
            match = compiled.search(
                text[:MAX_LINE_CHARS], timeout=settings.RECON_PATTERN_TIMEOUT_SECONDS
            )
        except TimeoutError:
            trial.append(TrialLine(number, text, None, timed_out=True))
            break
        trial.append(TrialLine(number, text, match.groupdict() if match else None))
    return trial


class ExtractionPatternForm(forms.ModelForm):
    sample_text = forms.CharField(
        label="Try it on",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            "Paste lines as they appear on a statement or receipt page. “Test pattern” shows "
            "which lines match and what each named group captures, without saving."
        ),
    )

    class Meta:
        model = ExtractionPattern
        fields = ["name", "kind", "regex", "priority", "enabled", "description"]

    @property
    def testing(self) -> bool:
        """True when the operator pressed "Test pattern" rather than a save button."""
        return self.is_bound and TEST_BUTTON in self.data

    def is_valid(self) -> bool:
        """Valid for saving: a test submission never is, so the admin re-shows it unsaved."""
        return super().is_valid() and not self.testing

    def trial(self) -> list[TrialLine] | None:
        """The sample tried against the submitted pattern; None if either is missing or invalid."""
        if not self.is_bound or self.errors.get("regex") or self.errors.get("kind"):
            return None
        sample = self.cleaned_data.get("sample_text")
        if not sample or not sample.strip():
            return None
        try:
            compiled = validate_pattern(
                kind=self.cleaned_data["kind"], regex=self.cleaned_data["regex"]
            )
        except (KeyError, ValidationError):
            return None
        return try_pattern(compiled=compiled, sample=sample)
