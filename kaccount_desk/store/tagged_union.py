"""Several unrelated reads sent as one statement: a UNION ALL of tagged branches, one round trip instead of one each.

A page that opens with a dozen small grouped reads costs an office across a VPN a dozen round trips
(10–40 ms each). Here the reads stay written as the separate ``select()`` they are, and go to the
server together: each branch's columns are laid side by side into slots shared by type (a
branch's whole numbers in the integer slots, its texts in the text slots, ...), NULL in the slots
a branch does not fill, and a first column says which branch a row is from. :func:`read_together`
hands each branch's rows back as the tuples that branch would have returned alone.

Whole numbers come back as ``int`` on both stores: every integer column is cast to BIGINT, since
PostgreSQL would otherwise give a slot shared by an ``integer`` and a ``sum()`` the type
``numeric`` (a Decimal). A typed column of our own (an aware UTC time) keeps its slots to itself, so
its values are read back through it. A branch may have WHERE and GROUP BY but neither ORDER BY nor
LIMIT (SQLite refuses them inside a compound): order with a ``row_number()`` column instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import BigInteger, Integer, Select, String, cast, literal, null, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator, TypeEngine

_TAG = "read_tag"
Branch = Select[*tuple[Any, ...]]  # a read of any columns


def _kind(type_: TypeEngine[Any]) -> object:
    """Which slots a column may share: a type of our own keeps its own; others go by their generic type."""
    if isinstance(type_, TypeDecorator):
        return type(type_)
    affinity = type_._type_affinity  # noqa: SLF001 - SQLAlchemy's own "what kind of value" (Integer for BigInteger, ...)
    return BigInteger if affinity is not None and issubclass(affinity, Integer) else affinity


class _Slots:
    """The common row: each slot's kind and type, and where each branch's columns sit in it."""

    def __init__(self, branches: Mapping[str, Branch]) -> None:
        self.kinds: list[object] = []
        self.types: list[TypeEngine[Any]] = []
        self.places: dict[str, list[int]] = {tag: self._place(branch) for tag, branch in branches.items()}

    def _place(self, branch: Branch) -> list[int]:
        taken: dict[object, int] = {}
        places = []
        for column in branch.selected_columns:
            kind = _kind(column.type)
            same = [i for i, k in enumerate(self.kinds) if k == kind]
            nth = taken.get(kind, 0)
            taken[kind] = nth + 1
            if nth < len(same):
                places.append(same[nth])
                continue
            self.kinds.append(kind)
            self.types.append(BigInteger() if kind is BigInteger else column.type)
            places.append(len(self.kinds) - 1)
        return places

    def row(self, tag: str, branch: Branch) -> Branch:
        """The branch with its columns moved into their slots, behind its tag."""
        own = dict(zip(self.places[tag], branch.selected_columns, strict=True))
        columns: list[ColumnElement[Any]] = [literal(tag, String).label(_TAG)]
        for slot, type_ in enumerate(self.types):
            column = own.get(slot)
            if column is None:
                value: ColumnElement[Any] = cast(null(), type_)
            elif self.kinds[slot] is BigInteger:
                value = cast(column, BigInteger)
            else:
                value = column
            columns.append(value.label(f"slot_{slot}"))
        return branch.with_only_columns(*columns, maintain_column_froms=True)


def read_together(session: Session, branches: Mapping[str, Branch]) -> dict[str, list[tuple[Any, ...]]]:
    """Each branch's rows (in no particular order), all read in one statement."""
    if not branches:
        return {}
    slots = _Slots(branches)
    found: dict[str, list[tuple[Any, ...]]] = {tag: [] for tag in branches}
    statement = union_all(*(slots.row(tag, branch) for tag, branch in branches.items()))
    for tag, *values in session.execute(statement):
        found[tag].append(tuple(values[slot] for slot in slots.places[tag]))
    return found
