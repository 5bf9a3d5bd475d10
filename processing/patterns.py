"""The extraction patterns in force for a run, compiled once and applied line by line."""

from dataclasses import dataclass
from typing import NamedTuple

import regex
from django.conf import settings
from django.core.exceptions import ValidationError

from processing.errors import RegexExtractionError
from processing.lines import Line
from processing.models import ExtractionPattern, PatternKind, validate_pattern


@dataclass(frozen=True)
class Pattern:
    name: str
    kind: str
    regex: regex.Pattern[str] | None
    problem: str | None = None


class Hit(NamedTuple):
    """A pattern that matched a line, with its named groups."""

    pattern: str
    groups: dict[str, str | None]
    match: regex.Match[str]
    line: Line


class PatternSet:
    """The enabled patterns by kind, in priority order; invalid ones fail when first used."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self._by_kind: dict[str, list[Pattern]] = {kind: [] for kind in PatternKind.values}
        for pattern in patterns:
            self._by_kind.setdefault(pattern.kind, []).append(pattern)

    @classmethod
    def load(cls) -> "PatternSet":
        """The enabled patterns from the database, compiled (an invalid one is kept, to fail
        the run with a clear message where it is first needed, not to vanish silently)."""
        patterns = []
        for row in ExtractionPattern.objects.filter(enabled=True).order_by("priority", "name"):
            try:
                compiled = validate_pattern(kind=row.kind, regex=row.regex)
                patterns.append(Pattern(row.name, row.kind, compiled))
            except ValidationError as exc:
                problem = " ".join(exc.message_dict.get("regex", exc.messages))
                patterns.append(Pattern(row.name, row.kind, None, problem))
        return cls(patterns)

    def has(self, kind: str) -> bool:
        """True if any enabled pattern of `kind` is in force (usable or not)."""
        return bool(self._by_kind.get(kind))

    def usable(self, kind: str) -> list[Pattern]:
        """The patterns of `kind`; RegexExtractionError if one of them is invalid."""
        patterns = self._by_kind.get(kind, [])
        for pattern in patterns:
            if pattern.regex is None:
                raise RegexExtractionError(
                    f"Invalid regex pattern in {PatternKind(kind).label.lower()} extraction: "
                    f"the pattern “{pattern.name}” cannot be used ({pattern.problem}). "
                    "An administrator must correct it, then retry this session."
                )
        return patterns


def search(pattern: Pattern, text: str) -> regex.Match[str] | None:
    """`pattern` searched in `text` within the time limit; RegexExtractionError naming the
    pattern and the line when it runs out of time."""
    limit = settings.RECON_PATTERN_TIMEOUT_SECONDS
    try:
        return pattern.regex.search(text, timeout=limit)
    except TimeoutError:
        raise RegexExtractionError(
            f"The extraction pattern “{pattern.name}” took longer than {limit:g} s on the line "
            f"“{text[:80]}” and was stopped. An administrator must simplify it (a repetition "
            "inside a repetition is the usual cause), then retry this session."
        ) from None


def first_hit(patterns: list[Pattern], line: Line) -> Hit | None:
    """The first pattern (in priority order) that matches `line`, or None."""
    for pattern in patterns:
        match = search(pattern, line.text)
        if match:
            return Hit(pattern.name, match.groupdict(), match, line)
    return None
