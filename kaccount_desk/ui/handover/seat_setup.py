"""The first-run wizard's "a department's seat" choice: a new store set up from the office's campaign pack."""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.services.context import Actor, Store
from kaccount_desk.services.handover_pack import read_pack
from kaccount_desk.services.handover_seat import receive_pack
from kaccount_desk.ui.operations import worker_job


@worker_job
def create_seat(url: str, pack_path: Path, staff_no: str, name: str, password: str) -> tuple[Store, Actor, str]:
    """The seat's store, its collector (the wizard's account) and the recovery key; the pack is read first,
    so a damaged one creates no store."""
    pack = read_pack(pack_path)
    store = Store(url, create=True)
    try:
        made = receive_pack(store, pack, staff_no, name, password)
    except BaseException:
        store.close()
        raise
    return store, made.actor, made.recovery_key
