"""The few pages of rows a lazy table model keeps, so no list ever loads every row.

The cache never reads the store itself: the model asks it which page a row needs (``wanted``),
fetches that page in the background, and hands it back (``put``). A page already asked for is not
asked for again while its answer is on the way, however often the view paints its rows. After a
refresh the old pages stay on show, marked stale, until their fresh copy arrives, so a list
re-read every minute does not flicker to placeholders. The oldest pages are dropped, whatever the
list holds: applications, tickets or audit entries.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

PAGE_SIZE = 100
KEPT_PAGES = 4


class PageCache(Generic[T]):
    def __init__(self, page_size: int = PAGE_SIZE, kept: int = KEPT_PAGES) -> None:
        self.page_size = page_size
        self._kept = kept
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self._stale: set[int] = set()
        self._in_flight: set[int] = set()
        self.fetches = 0

    def __len__(self) -> int:
        return len(self._pages)

    def clear(self) -> None:
        """A new query: nothing kept, and answers on the way are not wanted any more."""
        self._pages.clear()
        self._stale.clear()
        self._in_flight.clear()

    def mark_stale(self) -> None:
        """A refresh of the same rows: keep showing them, but fetch each page again when it is next shown."""
        self._stale = set(self._pages)
        self._in_flight.clear()

    def row(self, index: int) -> T | None:
        """The row at ``index`` when its page is at hand (fresh or stale), else None."""
        number, offset = divmod(index, self.page_size)
        page = self._pages.get(number)
        if page is None:
            return None
        self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def wanted(self, index: int) -> int | None:
        """The page number to fetch for ``index`` (missing or stale, not yet asked for), marked as asked; else None."""
        number = index // self.page_size
        if number in self._in_flight or (number in self._pages and number not in self._stale):
            return None
        self._in_flight.add(number)
        self.fetches += 1
        return number

    def put(self, number: int, rows: list[T]) -> None:
        """A page's answer: kept as the newest, the oldest dropped beyond the few kept."""
        self._in_flight.discard(number)
        self._stale.discard(number)
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > self._kept:
            dropped, _ = self._pages.popitem(last=False)
            self._stale.discard(dropped)

    def fresh(self) -> dict[int, list[T]]:
        """The pages at hand and not stale, by number (a copy: dropping the oldest later does not change it)."""
        return {number: page for number, page in self._pages.items() if number not in self._stale}

    def loading(self) -> bool:
        return bool(self._in_flight)

    def cached(self) -> Iterator[tuple[int, T]]:
        """Rows already at hand with their index, for finding one without a fetch."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                yield number * self.page_size + offset, item
