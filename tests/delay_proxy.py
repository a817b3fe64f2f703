"""A TCP forwarder in front of a server: a branch office's VPN on one machine, and a round-trip counter.

Every chunk is held for half the round-trip time in each direction, as a network would hold it;
order is kept. The same proxy counts round trips on the wire, which is the honest count: BEGIN,
COMMIT, a pool's pre-ping and a new connection's handshake are all there, whatever the driver or
SQLAlchemy say they send. A round trip is a turn of the conversation: the client sends (one or
more chunks) and the server answers; each time the client speaks after the server (or first on a
connection), that is one more.

Used by tests/services/test_round_trips.py (the count) and tests/benchmarks/bench_network.py (the delay).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DelayProxy:
    """Listens on 127.0.0.1 (``port``) and forwards to ``target``; ``rtt_ms`` may change while it runs."""

    def __init__(self, host: str, port: int, rtt_ms: float = 0.0) -> None:
        self.target = (host, port)
        self.rtt_ms = rtt_ms
        self._turns = 0
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()
        self._serving: set[asyncio.Task[None]] = set()
        self._thread = threading.Thread(target=self._run, name="delay-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        assert self._server is not None, "the delay proxy did not start"
        self.port: int = self._server.sockets[0].getsockname()[1]

    @property
    def round_trips(self) -> int:
        with self._lock:
            return self._turns

    @contextmanager
    def counting(self) -> Iterator[list[int]]:
        """``with proxy.counting() as trips:`` leaves the round trips of the block in ``trips[0]``."""
        box = [0]
        start = self.round_trips
        yield box
        box[0] = self.round_trips - start

    def url(self, url: str) -> str:
        """``url`` (a postgresql URL naming the target) pointed at this proxy instead."""
        host, port = self.target
        return url.replace(f"@{host}:{port}/", f"@127.0.0.1:{self.port}/")

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shut(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    # ----- the event loop's side -----

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self._ready.set()
        self._loop.run_forever()

    async def _shut(self) -> None:
        assert self._server is not None
        self._server.close()
        for stream in self._streams:
            stream.close()  # each pipe reads its end and finishes
        await asyncio.wait(self._serving, timeout=5) if self._serving else None

    async def _serve(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._serving.add(task)
        try:
            server_in, server_out = await asyncio.open_connection(*self.target)
        except OSError:
            client_out.close()
            self._serving.discard(task)
            return
        self._streams |= {client_out, server_out}
        last = ["server"]  # who spoke last on this connection: the client speaking first is a turn too
        await asyncio.gather(
            self._pipe(client_in, server_out, "client", last),
            self._pipe(server_in, client_out, "server", last),
            return_exceptions=True,
        )
        self._streams -= {client_out, server_out}
        self._serving.discard(task)

    async def _pipe(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, side: str, last: list[str]) -> None:
        held: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        sender = asyncio.ensure_future(self._deliver(held, sink))
        try:
            while chunk := await _read(source):
                if side == "client" and last[0] != "client":
                    with self._lock:
                        self._turns += 1
                last[0] = side
                await held.put((time.monotonic() + self.rtt_ms / 2000, chunk))
        finally:
            await held.put((0.0, b""))
            await sender

    @staticmethod
    async def _deliver(held: asyncio.Queue[tuple[float, bytes]], sink: asyncio.StreamWriter) -> None:
        while True:
            due, chunk = await held.get()
            if not chunk:
                sink.close()
                return
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                sink.write(chunk)
                await sink.drain()
            except (ConnectionError, RuntimeError):  # the other end went away: what is left is dropped
                continue


async def _read(source: asyncio.StreamReader) -> bytes:
    """The next chunk, or b"" at the end (a connection reset is an end too)."""
    try:
        return await source.read(65536)
    except ConnectionError:
        return b""
