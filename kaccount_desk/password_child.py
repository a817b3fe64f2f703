"""argon2 in a child process, so its 64 MiB of working memory never counts in the app's own.

A password check (services/staff.py) and a key slot's unsealing (store/key_slots.py) each run
argon2id, which allocates and frees 64 MiB: freed, but the app's peak memory (what Windows shows
and what a counter PC with 4 GB has to spare) keeps it for the whole day. Here argon2 runs in a
small child that imports argon2 and nothing else of the app (but ``store/key_slots.py`` and
cryptography to open a login's slot); the login starts it while the person
types (``prepare``), like the store's opening, and it stays for the idle lock's checks.

What crosses the pipe: to the child a password with the stored hash it is checked against, a
password with a slot's salt and cost, a password with the member's sealed slot (the login's), or a
new password to hash; back only the verdict (True/False), the 32 bytes argon2 derives, the data key
the slot held (or None), or the new hash (the app holds the password already, and would open the
slot itself, so none of them tells it anything new). A login's slot is opened here, beside the
argon2 it needs, so that the app's own process need not load cryptography (about 6 MB of its peak)
for a login; the child forgets the key as it answers. The child sees no store and no session: it
never opens a file of the app. The pipe is the process's own,
unnamed on Linux and a randomly named same-user pipe on Windows, as ``multiprocessing`` makes it.
Which staff ID, whether it exists and how many tries it had stay in services/staff.py; only the
computation moved. A child that died is started again once for the next request.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

_lock = threading.Lock()
_child: tuple[BaseProcess, Connection] | None = None


def prepare() -> None:
    """Start the child now (while the person types), so the first check does not wait for it."""
    with _lock:
        _running()


def verify(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches the argon2 ``password_hash`` (False for a hash argon2 cannot read)."""
    return bool(_ask(("verify", password_hash, password)))


def derive_key(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    """argon2id's 32-byte key for ``password`` with this salt and cost (a key slot's)."""
    key = _ask(("derive", password, salt, time_cost, memory_kib, parallelism))
    assert isinstance(key, bytes)
    return key


def open_slot(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int,
              sealed_private: bytes, sealed_key: bytes, name: str) -> bytes | None:
    """A key slot's data key (store/key_slots.py ``open_slot``), or None when the password does not open it."""
    key = _ask(("open_slot", password, salt, time_cost, memory_kib, parallelism, sealed_private, sealed_key, name))
    assert key is None or isinstance(key, bytes)
    return key


def _running() -> Connection:
    global _child
    if _child is not None and _child[0].is_alive():
        return _child[1]
    context = multiprocessing.get_context("spawn")  # nothing of the app's state, store or Qt inherited
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), daemon=True, name="kaccount-argon2")
    process.start()
    theirs.close()
    _child = (process, ours)
    return ours


def hash_password(password: str, time_cost: int, memory_kib: int, parallelism: int) -> str:
    """A new argon2id hash of ``password`` at this cost (the salt is the child's random one); the
    hash records its cost, so a check needs none."""
    hashed = _ask(("hash", password, time_cost, memory_kib, parallelism))
    assert isinstance(hashed, str)
    return hashed


def _ask(request: tuple[object, ...]) -> object:
    with _lock:
        try:
            return _exchange(_running(), request)
        except (EOFError, OSError):  # the child died (ended by someone, or the PC out of memory): start it again
            _forget()
            return _exchange(_running(), request)


def _exchange(connection: Connection, request: tuple[object, ...]) -> object:
    connection.send(request)
    return connection.recv()


def _forget() -> None:
    global _child
    if _child is not None:
        process, connection = _child
        connection.close()
        if process.is_alive():
            process.kill()
        process.join()
    _child = None


def _serve(connection: Connection) -> None:
    """In the child: answer requests until the app closes its end of the pipe."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError
    from argon2.low_level import Type, hash_secret_raw

    from kaccount_desk.store.key_slots import load_for_child, unseal_in_child

    load_for_child()  # a login's slot opened here: its cryptography loaded while the person types, not after Enter
    checker = PasswordHasher()  # verify reads the cost from the hash
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request[0] == "hash":
            password, time_cost, memory_kib, parallelism = request[1:]
            answer: object = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism).hash(password)
        elif request[0] == "verify":
            try:
                answer = checker.verify(request[1], request[2])
            except (VerificationError, InvalidHashError):
                answer = False
        elif request[0] == "open_slot":
            password, salt, time_cost, memory_kib, parallelism, sealed_private, sealed_key, name = request[1:]
            key = hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
                                  parallelism=parallelism, hash_len=32, type=Type.ID)
            answer = unseal_in_child(key, sealed_private, sealed_key, name)
        else:
            password, salt, time_cost, memory_kib, parallelism = request[1:]
            answer = hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost, memory_cost=memory_kib,
                                     parallelism=parallelism, hash_len=32, type=Type.ID)
        connection.send(answer)
