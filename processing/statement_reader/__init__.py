"""Recon's statement reader: any bank's card or account statement in, checked rows out.

No configuration: columns, date order, decimal style, years and signs are found from the
statement's own layout and figures; a `Profile` can fix what detection cannot decide.

    layout = read_page(page)                  # per page, pure, picklable
    reader = StatementReader(profile)
    reader.add(layout)                        # pages in order
    result = reader.finish()                  # StatementResult, checked against its totals

or, in one process, `read_statement(pages)`.
"""

from .contract import (
    DateOrder,
    DecimalStyle,
    Evidence,
    PageWords,
    Profile,
    StatementResult,
    StatementRow,
    TotalsCheck,
    Verdict,
)
from .page import PageLayout, read_page
from .reader import StatementReader, read_statement

__all__ = [
    "DateOrder",
    "DecimalStyle",
    "Evidence",
    "PageLayout",
    "PageWords",
    "Profile",
    "StatementReader",
    "StatementResult",
    "StatementRow",
    "TotalsCheck",
    "Verdict",
    "read_page",
    "read_statement",
]
