"""The reader's rows are ordinary frozen StatementRows, however they are built."""

import dataclasses
import datetime as dt
import inspect
import pickle
from decimal import Decimal

import pytest

from processing.statement_reader.contract import Evidence, StatementRow, statement_row

VALUES = {
    "date": dt.date(2024, 1, 5),
    "posting_date": dt.date(2024, 1, 6),
    "description": "KOPITIAM @ VIVOCITY",
    "amount": Decimal("-12.30"),
    "original_amount": Decimal("9.10"),
    "original_currency": "USD",
    "cardholder": "JANE DOE",
    "card_last4": "1234",
    "page": 3,
    "evidence": Evidence("“CR” after the amount", "Amount", "day first", "printed on the row"),
}


def test_the_quick_builder_takes_every_field_of_the_row():
    fields = [field.name for field in dataclasses.fields(StatementRow)]
    assert list(inspect.signature(statement_row).parameters) == fields == list(VALUES)


def test_a_row_built_quickly_is_the_same_row_as_one_built_the_usual_way():
    quick, usual = statement_row(**VALUES), StatementRow(**VALUES)

    assert type(quick) is StatementRow
    assert quick == usual and hash(quick) == hash(usual)
    assert dataclasses.asdict(quick) == dataclasses.asdict(usual)
    assert pickle.loads(pickle.dumps(quick)) == usual
    assert dataclasses.replace(quick, page=4) == dataclasses.replace(usual, page=4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.amount = Decimal("1.00")
