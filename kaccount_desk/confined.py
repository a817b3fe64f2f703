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

Starting the child (a process, an interpreter, the reader's imports) is a fixed cost of each read,
some 70 ms here and more on Windows. :func:`start_ahead` pays it while the person is still choosing
the file: the child waits for its one job, takes its memory cap when the job comes, and is used once.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
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


def run_confined(func: Callable[..., T], *args: Any, budget: Budget = Budget(), meanwhile: Callable[[], object] | None = None) -> T:
    """``func(*args)`` in a child; its result, or the exception it raised (if picklable) raised here.

    ``func`` must be importable by name (a module-level function), as the child starts afresh.
    ``meanwhile`` is the caller's own work that does not need the result, run here while the child
    works rather than before or after it: the app would otherwise only wait on the pipe, and the
    machine has a second core (an import's garbage collection, 0.07 s and more, costs no time then).
    """
    waiting = _take_waiting(func, budget.memory_bytes, args)
    if waiting is not None:
        child, receive = waiting.process, waiting.answers
    else:
        context = multiprocessing.get_context("spawn")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child_main, args=(send, budget.memory_bytes, func, args), daemon=True)
        child.start()
        send.close()
    try:
        if meanwhile is not None:
            meanwhile()
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


@dataclass(frozen=True)
class _Waiting:
    """A child started ahead for one function: it reads its job from ``jobs`` and answers on ``answers``."""

    process: BaseProcess
    jobs: Connection
    answers: Connection


_waiting: dict[Callable[..., Any], _Waiting] = {}
_waiting_lock = threading.Lock()


def start_ahead(func: Callable[..., object]) -> None:
    """Start the child for the next ``run_confined(func, ...)`` now, unless one is already waiting.

    It waits, idle, until that run gives it its job (or the app ends: it is a daemon, and it leaves
    when its pipe closes); each run takes the waiting child or starts its own, so a child is never
    used twice.
    """
    with _waiting_lock:
        waiting = _waiting.get(func)
        if waiting is not None and waiting.process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        job_receive, job_send = context.Pipe(duplex=False)
        answer_receive, answer_send = context.Pipe(duplex=False)
        process = context.Process(target=_waiting_child_main, args=(job_receive, answer_send, func), daemon=True)
        process.start()
        job_receive.close()
        answer_send.close()
        _waiting[func] = _Waiting(process, job_send, answer_receive)


def _take_waiting(func: Callable[..., object], memory_bytes: int, args: tuple[object, ...]) -> _Waiting | None:
    """The child waiting for ``func``, given its job; None when there is none or it cannot take one (it died)."""
    with _waiting_lock:
        waiting = _waiting.pop(func, None)
    if waiting is None:
        return None
    try:
        waiting.jobs.send((memory_bytes, args))
    except OSError:
        waiting.answers.close()
        waiting.process.kill()
        waiting.process.join()
        return None
    finally:
        waiting.jobs.close()
    return waiting


def _waiting_child_main(jobs: Connection, send: Connection, func: Callable[..., object]) -> None:
    """In a child started ahead: wait for the job, then run it as a freshly started child would."""
    try:
        job = jobs.recv()
    except (EOFError, OSError):  # the app ended, or let it go, without a job for it
        send.close()
        return
    finally:
        jobs.close()
    memory_bytes, args = job
    _child_main(send, memory_bytes, func, args)


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
