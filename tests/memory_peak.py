"""The peak resident memory a piece of work adds to this process, for the memory benchmark and its guard.

Linux keeps a high-water mark of resident memory (VmHWM) that writing "5" to /proc/self/clear_refs
resets to the current size, so a peak is measured from "now" rather than from the process's start.
Run it in a fresh process: what an earlier test or step left in the allocator changes the figure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
KiB = 1024


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def peak_above_now(work: Callable[[], T]) -> tuple[T, int, int]:
    """``work()``'s result, the peak resident bytes it added above the resident size before it, and that size."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = _status_kib("VmRSS")
    result = work()
    return result, (_status_kib("VmHWM") - before) * KiB, before * KiB
