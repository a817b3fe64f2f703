"""The Windows memory cap's structures, laid out as the Win32 headers lay them out on 64-bit Windows.

The calls themselves run only on Windows (the counters' PCs); what can be checked here is that
the limit handed to SetInformationJobObject sits where Windows reads it, and that elsewhere the
cap does nothing and says so.
"""

from __future__ import annotations

import ctypes
import sys

import pytest

from kaccount_desk.job_object import (
    JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    BasicLimitInformation,
    ExtendedLimitInformation,
    ProcessMemoryCounters,
    cap_commit,
    limits_for,
)

MiB = 1024 * 1024
pytestmark = pytest.mark.skipif(sys.maxsize <= 2**32, reason="the offsets below are those of 64-bit Windows")


def test_the_structures_have_the_sizes_and_offsets_of_the_win32_headers() -> None:
    assert ctypes.sizeof(BasicLimitInformation) == 64
    assert BasicLimitInformation.LimitFlags.offset == 16 and BasicLimitInformation.Affinity.offset == 48
    assert ctypes.sizeof(ExtendedLimitInformation) == 144
    assert ExtendedLimitInformation.ProcessMemoryLimit.offset == 112
    assert ExtendedLimitInformation.JobMemoryLimit.offset == 120
    assert ctypes.sizeof(ProcessMemoryCounters) == 72 and ProcessMemoryCounters.PagefileUsage.offset == 56


def test_the_limit_is_what_is_committed_now_plus_the_budget() -> None:
    info = limits_for(40 * MiB, 512 * MiB)
    assert info.BasicLimitInformation.LimitFlags == JOB_OBJECT_LIMIT_PROCESS_MEMORY
    assert info.ProcessMemoryLimit == 552 * MiB and info.JobMemoryLimit == 0


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the cap is real and would bound the test process")
def test_elsewhere_nothing_is_capped() -> None:
    assert cap_commit(512 * MiB) is False
