"""A roster's rows as the reader hands them on: one per person, kept packed until they are used.

Apart from the reader (``roster_reader``) because the packing is about memory, not about finding
a roster in a sheet: the rows cross the pipe from the reading child and wait in the app while an
import works through them a chunk at a time.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:  # the reader imports this module; the columns are only named here
    from kaccount_desk.sheets.roster_reader import Column


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One person's row; ``row`` is the number Excel shows, so a clerk can find it."""

    row: int
    values: dict[Column, str]


CHUNK_ROWS = 1000


class PackedRows(Sequence[RosterRow]):
    """A roster's rows kept packed, a thousand at a time, and unpacked only while they are used.

    As an object and a dict per row, a roster of 100,000 people cost the app some 50 MB for the
    whole of its import; packed by column with ``marshal`` (plain strings and ints only, nothing
    that runs code when read back) it is a few MB, and an import unpacks one chunk at a time.
    """

    def __init__(self, order: tuple[Column, ...], chunks: list[bytes], count: int) -> None:
        self.order = order
        self._chunks = chunks
        self._count = count
        self._unpacked: tuple[int, list[RosterRow]] = (-1, [])

    @classmethod
    def pack(cls, order: tuple[Column, ...], rows: Iterator[RosterRow]) -> PackedRows:
        chunks: list[bytes] = []
        count = 0
        for chunk in iter(lambda: list(islice(rows, CHUNK_ROWS)), []):
            cells = [[row.values[column] for row in chunk] for column in order]
            chunks.append(marshal.dumps(([row.row for row in chunk], cells)))
            count += len(chunk)
        return cls(order, chunks, count)

    def chunks(self) -> Iterator[list[RosterRow]]:
        """The rows a chunk at a time: what an import checks and writes before it unpacks the next."""
        for index in range(len(self._chunks)):
            yield self._chunk(index)

    def _chunk(self, index: int) -> list[RosterRow]:
        if self._unpacked[0] != index:
            numbers, cells = marshal.loads(self._chunks[index])
            rows = [RosterRow(number, dict(zip(self.order, values, strict=True))) for number, *values in zip(numbers, *cells, strict=True)]
            self._unpacked = (index, rows)
        return self._unpacked[1]

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> RosterRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[RosterRow]: ...

    def __getitem__(self, index: int | slice) -> RosterRow | list[RosterRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(self._count)[index]]
        position = range(self._count)[index]  # an IndexError past the end, as a list gives
        return self._chunk(position // CHUNK_ROWS)[position % CHUNK_ROWS]

    def __iter__(self) -> Iterator[RosterRow]:
        for chunk in self.chunks():
            yield from chunk

    def __reduce__(self) -> tuple[type[PackedRows], tuple[tuple[Column, ...], list[bytes], int]]:
        """Crosses the pipe from the reading child as the packed bytes, without the unpacked chunk."""
        return (PackedRows, (self.order, self._chunks, self._count))
