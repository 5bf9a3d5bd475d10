"""The extraction patterns in force for a run, compiled once and applied line by line."""

import re
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError

from processing.errors import RegexExtractionError
from processing.lines import Line
from processing.models import ExtractionPattern, PatternKind, validate_pattern


@dataclass(frozen=True)
class Pattern:
    name: str
    kind: str
    regex: re.Pattern[str] | None
    problem: str | None = None


class Hit(NamedTuple):
    """A pattern that matched a line, with its named groups."""

    pattern: str
    groups: dict[str, str | None]
    match: re.Match[str]
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


def first_hit(patterns: list[Pattern], line: Line) -> Hit | None:
    """The first pattern (in priority order) that matches `line`, or None."""
    for pattern in patterns:
        match = pattern.regex.search(line.text)
        if match:
            return Hit(pattern.name, match.groupdict(), match, line)
    return None
