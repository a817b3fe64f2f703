"""The few pages of rows a lazy table model keeps, so no list ever loads every row.

A model asks for a row; the cache fetches that row's page the first time, keeps the pages
used most recently, and drops the oldest, whatever the list holds: applications or tickets.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

PAGE_SIZE = 100
KEPT_PAGES = 4


class PageCache(Generic[T]):
    def __init__(self, fetch: Callable[[int, int], list[T]], page_size: int = PAGE_SIZE, kept: int = KEPT_PAGES) -> None:
        """``fetch(offset, limit)`` reads one page from a service; it is called only on a miss."""
        self._fetch = fetch
        self.page_size = page_size
        self._kept = kept
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self.fetches = 0

    def __len__(self) -> int:
        return len(self._pages)

    def clear(self) -> None:
        self._pages.clear()

    def row(self, index: int) -> T | None:
        number, offset = divmod(index, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * self.page_size, self.page_size)
            self.fetches += 1
            self._pages[number] = page
            while len(self._pages) > self._kept:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def cached(self) -> Iterator[tuple[int, T]]:
        """Rows already at hand with their index, for finding one without a fetch."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                yield number * self.page_size + offset, item
