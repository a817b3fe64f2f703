"""A desk handing over to the operator that stops half-way through the ID sheets, to be killed there.

Run as ``python handover_child.py STORE FOLDER READY_FILE``: it logs in as A001, starts the hand-over,
and after the fifth ID sheet (the applications already moved to "sent" inside the open transaction,
the temporary beside the target made) writes READY_FILE and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from support import PASSWORD, REPO

from kaccount_desk.services import operator_handover, staff
from kaccount_desk.services.context import Context, Store


def main(store_file: str, folder: str, ready: str) -> None:
    store = Store(f"sqlite:///{store_file}", resources=REPO / "resources", create=False)
    actor = staff.authenticate(store, "A001", PASSWORD)

    def progress(done: int, total: int) -> bool:
        if done == 5:
            Path(ready).write_text(f"{done}/{total}", encoding="utf-8")
            time.sleep(120)
        return True

    operator_handover.hand_over(Context(store, actor), "BT2012-KA", Path(folder), progress=progress)


if __name__ == "__main__":
    main(*sys.argv[1:4])
