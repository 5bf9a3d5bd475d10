r"""Keeping extraction patterns from hanging a worker.

A pattern with a repetition inside a repetition, such as `(?:\S+ ?)+`, can try every way of
splitting a line before it gives up: on a line of 40 words that does not match, Python's own
engine never finishes. Patterns run on the `regex` engine, which takes a time limit; on save,
nested repetition is refused outright and the pattern is tried, with the limit, on lines built
to expose the other slow shapes.
"""

import re._parser as sre_parse  # the standard library's parser of pattern syntax
from re import _constants as sre

import regex
from django.conf import settings

SLOW_PATTERN_HELP = (
    "Write each repeated part so that it can match a line in only one way, e.g. "
    "“\\S+(?: \\S+)*” rather than “(?:\\S+ ?)+”."
)
# Lines that make slow patterns show themselves: long runs of words, letters and dates with
# nothing a pattern would expect at the end.
_PROBES = (
    "01/02 " + "WORD " * 40 + "END",
    "12/31 " + "A" * 60 + " " + "B " * 30 + "C",
    " ".join(["12/12"] * 40) + " x",
    "x" * 300 + "!",
    "1,234.56 " * 30 + "Z",
)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_UNBOUNDED = sre.MAXREPEAT


def nested_repetition(pattern: str) -> str | None:
    """The first unbounded repetition (`+`, `*`, `{n,}`) that holds another one, as written
    in `pattern`; None if there is none (or if Python's parser cannot read the syntax)."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # syntax only the regex engine knows: the timed probes still apply
        return None
    return _nested(parsed, pattern)


def too_slow(compiled: regex.Pattern[str]) -> bool:
    """True if `compiled` runs out of time on one of the probe lines."""
    for probe in _PROBES:
        try:
            compiled.search(probe, timeout=settings.RECON_PATTERN_TIMEOUT_SECONDS)
        except TimeoutError:
            return True
    return False


def _nested(items, pattern: str) -> str | None:
    for op, value in items:
        children = []
        if op in _REPEATS:
            body = value[2]
            if value[1] == _UNBOUNDED and _splits(body):
                return _source(pattern)
            children = [body]
        elif op == sre.SUBPATTERN:
            children = [value[-1]]
        elif op == sre.BRANCH:
            children = value[1]
        for child in children:
            if found := _nested(child, pattern):
                return found
    return None


def _splits(body) -> bool:
    """True if one pass of `body` repeats something without bound and needs nothing else, so
    that a run of text can be cut into passes in exponentially many ways: `\\S+ ?` can,
    ` \\S+` cannot (each pass must start with a space its repetition never takes)."""
    items = list(body)
    while len(items) == 1 and items[0][0] == sre.SUBPATTERN:
        items = list(items[0][1][-1])
    unbounded = [item for item in items if item[0] in _REPEATS and item[1][1] == _UNBOUNDED]
    required = [item for item in items if not (item[0] in _REPEATS and item[1][0] == 0)]
    return bool(unbounded) and all(item in unbounded for item in required)


def _source(pattern: str) -> str:
    # The parser keeps no positions: name the innermost group that repeats, as written.
    match = regex.search(r"\((?:\?:)?[^()]*[+*][^()]*\)[+*]", pattern)
    return match.group(0) if match else pattern[:60]
