"""A memory cap for the confined reader on Windows, where ``resource.RLIMIT_AS`` does not exist.

The counters run Windows, so this is where a crafted roster or image would otherwise take the PC's
memory: the reading child puts itself in a Job Object whose per-process committed-memory limit is
what it has committed at start plus its budget (``confined.Budget``). An allocation past it fails
in the child, which dies alone; the app reports it in words as on Linux.

Win32 calls through ``ctypes`` (CreateJobObjectW, SetInformationJobObject with
JobObjectExtendedLimitInformation and JOB_OBJECT_LIMIT_PROCESS_MEMORY, AssignProcessToJobObject,
K32GetProcessMemoryInfo): no library of the stack wraps them. The structures are declared for every
platform, so their layout is tested on Linux too; the calls run only on Windows.
"""

from __future__ import annotations

import ctypes
import sys

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9  # JOBOBJECTINFOCLASS.JobObjectExtendedLimitInformation


class IoCounters(ctypes.Structure):
    """IO_COUNTERS: six ULONGLONG counters."""

    _fields_ = [(name, ctypes.c_ulonglong) for name in (
        "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
        "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]


class BasicLimitInformation(ctypes.Structure):
    """JOBOBJECT_BASIC_LIMIT_INFORMATION (LARGE_INTEGER, DWORD, SIZE_T and ULONG_PTR fields)."""

    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class ExtendedLimitInformation(ctypes.Structure):
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION: the basic limits, I/O counters and the memory limits."""

    _fields_ = [
        ("BasicLimitInformation", BasicLimitInformation),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


class ProcessMemoryCounters(ctypes.Structure):
    """PROCESS_MEMORY_COUNTERS; ``PagefileUsage`` is the process's committed private memory."""

    _fields_ = [
        ("cb", ctypes.c_uint32),
        ("PageFaultCount", ctypes.c_uint32),
        *[(name, ctypes.c_size_t) for name in (
            "PeakWorkingSetSize", "WorkingSetSize", "QuotaPeakPagedPoolUsage", "QuotaPagedPoolUsage",
            "QuotaPeakNonPagedPoolUsage", "QuotaNonPagedPoolUsage", "PagefileUsage", "PeakPagefileUsage")],
    ]


def limits_for(committed_now: int, memory_bytes: int) -> ExtendedLimitInformation:
    """The job's limits: this process may commit ``memory_bytes`` more than it has now."""
    info = ExtendedLimitInformation()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY
    info.ProcessMemoryLimit = committed_now + memory_bytes
    return info


def cap_commit(memory_bytes: int) -> bool:
    """Put this process in a new Job Object limited to ``memory_bytes`` more than it has committed; True once capped.

    Elsewhere than Windows, or when a call fails (an old Windows refusing a nested job), nothing is
    capped and False is returned: the child's time limit and the pre-checks still hold.
    """
    if sys.platform != "win32":
        return False
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p
    kernel32.CreateJobObjectW.restype = ctypes.c_void_p
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, ctypes.c_wchar_p]
    kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
    kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    kernel32.K32GetProcessMemoryInfo.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32]
    process = kernel32.GetCurrentProcess()
    counters = ProcessMemoryCounters()
    counters.cb = ctypes.sizeof(counters)
    if not kernel32.K32GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
        return False
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return False
    info = limits_for(counters.PagefileUsage, memory_bytes)
    if not kernel32.SetInformationJobObject(job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info), ctypes.sizeof(info)):
        return False
    return bool(kernel32.AssignProcessToJobObject(job, process))
