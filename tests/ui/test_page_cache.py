"""The page cache behind both lazy lists: one fetch per page, and only a few pages kept."""

from __future__ import annotations

from kaccount_desk.ui.page_cache import PageCache


def test_a_page_is_fetched_once_and_the_oldest_dropped() -> None:
    asked: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[int]:
        asked.append((offset, limit))
        return list(range(offset, min(offset + limit, 95)))

    cache = PageCache(fetch, page_size=10, kept=2)
    assert cache.row(3) == 3
    assert cache.row(7) == 7
    assert cache.row(12) == 12
    assert cache.row(25) == 25
    assert asked == [(0, 10), (10, 10), (20, 10)]
    assert len(cache) == 2
    assert [index for index, _ in cache.cached()][0] == 10
    assert cache.row(99) is None
    cache.clear()
    assert len(cache) == 0 and cache.fetches == 4
