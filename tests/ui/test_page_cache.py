"""The page cache behind every lazy list: one fetch per page, only a few pages kept, stale pages shown until replaced."""

from __future__ import annotations

from kaccount_desk.ui.page_cache import PageCache


def test_a_page_is_asked_for_once_and_the_oldest_dropped() -> None:
    cache: PageCache[int] = PageCache(page_size=10, kept=2)
    assert cache.row(3) is None and cache.wanted(3) == 0
    assert cache.wanted(7) is None and cache.loading()  # on its way: not asked for again
    cache.put(0, list(range(10)))
    assert cache.row(7) == 7 and cache.wanted(7) is None and not cache.loading()
    for number in (1, 2):
        assert cache.wanted(number * 10) == number
        cache.put(number, list(range(number * 10, number * 10 + 10)))
    assert len(cache) == 2 and cache.row(3) is None  # the oldest went
    assert [index for index, _ in cache.cached()][0] == 10
    assert cache.fetches == 3
    cache.clear()
    assert len(cache) == 0 and cache.wanted(25) == 2


def test_a_stale_page_is_shown_and_asked_for_again_once() -> None:
    cache: PageCache[int] = PageCache(page_size=10, kept=4)
    cache.wanted(0)
    cache.put(0, list(range(10)))
    cache.mark_stale()
    assert cache.row(4) == 4
    assert cache.wanted(4) == 0 and cache.wanted(5) is None
    cache.put(0, [100 + i for i in range(10)])
    assert cache.row(4) == 104 and cache.wanted(4) is None


def test_a_short_last_page_answers_none_past_its_end() -> None:
    cache: PageCache[int] = PageCache(page_size=10)
    cache.wanted(90)
    cache.put(9, list(range(90, 95)))
    assert cache.row(94) == 94 and cache.row(99) is None and cache.wanted(99) is None
