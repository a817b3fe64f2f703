"""Read an untrusted file in a child process, so that whatever the file does to the reader, the app lives.

calamine (Rust) aborts the whole process when an allocation fails, and Pillow or a zip reader can
be made to ask for gigabytes by a file of a few kilobytes. Checks before reading catch the ways we
know of; this is the net under them for the ways nobody here thought of. The reader runs in a
fresh process (``spawn``: nothing of the app's state, open store or Qt is inherited) with a cap on
its address space and a time limit; only plain, picklable values come back over a pipe. A child
that aborts, runs out of memory or out of time is reported as :class:`ChildFailed`, and the caller
turns that into words. The app's own memory never holds more than the plain result.

On Linux the cap is ``RLIMIT_AS``; on Windows, which has no such limit in ``resource``, the child
puts itself in a Job Object with a committed-memory limit (``job_object.py``). macOS does not
enforce ``RLIMIT_AS``; there the child still dies alone (an abort, a failed allocation) and the
time limit still holds, but its memory is bounded only by the checks before reading. A frozen build reaches the child through
``multiprocessing.freeze_support()`` in ``__main__``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
MiB = 1024 * 1024


@dataclass(frozen=True)
class Budget:
    """What one read may cost: address space on top of the child's own at start, and wall time."""

    memory_bytes: int = 512 * MiB
    seconds: float = 60.0


class Failure(StrEnum):
    MEMORY = "memory"
    TIME = "time"
    DIED = "died"


class ChildFailed(Exception):
    """The reader did not finish: it ran out of its memory or time, or the process died."""

    def __init__(self, failure: Failure, exit_code: int | None = None) -> None:
        super().__init__(f"{failure.value} (exit code {exit_code})")
        self.failure = failure
        self.exit_code = exit_code


def run_confined(func: Callable[..., T], *args: Any, budget: Budget = Budget()) -> T:
    """``func(*args)`` in a child; its result, or the exception it raised (if picklable) raised here.

    ``func`` must be importable by name (a module-level function), as the child starts afresh.
    """
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, args=(send, budget.memory_bytes, func, args), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(budget.seconds):
            raise ChildFailed(Failure.TIME)
        try:
            kind, value = receive.recv()
        except (EOFError, OSError):
            child.join(5)
            raise ChildFailed(Failure.DIED, child.exitcode) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "raised":
        raise value
    if kind == "memory":
        raise ChildFailed(Failure.MEMORY)
    return value


def _child_main(send: Connection, memory_bytes: int, func: Callable[..., object], args: tuple[object, ...]) -> None:
    """In the child: cap the address space, run, send back ("ok", result), ("raised", exc) or ("memory", None)."""
    _cap_address_space(memory_bytes)
    try:
        message: tuple[str, object] = ("ok", func(*args))
    except MemoryError:
        message = ("memory", None)
    except Exception as exc:  # anything the reader raised goes back to be raised in the app
        message = ("raised", exc)
    try:
        send.send(message)
    except MemoryError:
        send.send(("memory", None))
    except Exception as exc:  # an unpicklable exception: say what it was, not what it held
        send.send(("raised", RuntimeError(type(exc).__name__)))
    finally:
        send.close()


def _cap_address_space(memory_bytes: int) -> None:
    """The cap counts from what the fresh interpreter already maps, so it measures the read alone."""
    try:
        import resource
    except ImportError:  # Windows: a Job Object instead (see the module's docstring)
        from kaccount_desk.job_object import cap_commit

        cap_commit(memory_bytes)
        return
    mapped = _mapped_bytes()
    if mapped is None:  # macOS and others: the cap cannot be set relative to what is mapped, so none is
        return
    limit = mapped + memory_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _mapped_bytes() -> int | None:
    """The process's virtual size now (Linux: /proc/self/statm); None where it cannot be read."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None
