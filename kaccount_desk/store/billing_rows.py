"""A month's bills written in one statement, straight from the checked extract.

Apart from ``bulk.insert_rows`` because a month is a hundred thousand rows of four plain columns
(text and whole fen, which SQLite's driver takes as they are): building a dict per row for the
general helper, then a tuple from each dict, cost more than SQLite's own insert. PostgreSQL takes
the ordinary Core executemany.
"""

from __future__ import annotations

from itertools import repeat

from sqlalchemy.orm import Session

from kaccount_desk.store.archive_models import BillingMonthRow
from kaccount_desk.store.bulk import insert_rows
from kaccount_desk.store.models import table_of


def insert_month(session: Session, month: str, numbers: list[str], amounts: list[int], arrears: list[int]) -> None:
    """INSERT ``month``'s rows: each number with its amount and arrears (fen), the three lists side by side."""
    if not numbers:
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO billing_months (number, month, amount_fen, arrears_fen) VALUES (?, ?, ?, ?)",
                                   list(zip(numbers, repeat(month), amounts, arrears)))
        return
    insert_rows(session, table_of(BillingMonthRow), [{"number": number, "amount_fen": amount, "arrears_fen": owed}
                                                     for number, amount, owed in zip(numbers, amounts, arrears, strict=True)],
                {"month": month})
