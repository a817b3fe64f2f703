"""A desk writing a hand-over file that stops at one moment, to be killed there with SIGKILL.

Run as ``python handover_kill_child.py URL KIND MOMENT TARGET STAFF_NO``: KIND is ``operator`` (the
office's hand-over of BT2012-KA) or ``seat`` (a seat's package); MOMENT is ``after_commit`` (the
transaction committed, the temporary not yet renamed onto TARGET: found by waiting in ``os.replace``
when it is asked to make TARGET) or ``before_commit`` (the file whole and its promise held, the
transaction not yet committed). It prints "ready" at that moment and waits to be killed. MOMENT
``blocked`` (operator only) makes a folder at TARGET while the last ID sheet is drawn, so the rename
after the commit fails as a file held open elsewhere would; it prints the refusal's code and ends.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from support import PASSWORD, REPO

from kaccount_desk import safe_files
from kaccount_desk.services import handover_seat, operator_handover, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused


def _ready() -> None:
    print("ready", flush=True)
    time.sleep(120)


def main(url: str, kind: str, moment: str, target: str, staff_no: str) -> None:
    store = Store(url, resources=REPO / "resources", create=False)
    ctx = Context(store, staff.authenticate(store, staff_no, PASSWORD))
    if moment == "after_commit":
        real_replace = os.replace

        def wait_then_replace(src: Any, dst: Any, **kwargs: Any) -> None:
            if Path(dst).name == Path(target).name or Path(dst).suffix == ".zip":
                _ready()
            real_replace(src, dst, **kwargs)

        os.replace = wait_then_replace
    elif moment == "blocked":
        def block_the_target(done: int, total: int) -> bool:
            if done == total:
                Path(target).mkdir()
            return True

        try:
            operator_handover.hand_over(ctx, "BT2012-KA", Path(target), progress=block_the_target)
        except Refused as refused:
            print(refused.reasons[0].code, flush=True)
        return
    else:
        real_hold = safe_files.Promise.hold

        def hold_then_wait(self: safe_files.Promise, token: str) -> None:
            real_hold(self, token)
            _ready()

        safe_files.Promise.hold = hold_then_wait  # type: ignore[method-assign]
    if kind == "operator":
        operator_handover.hand_over(ctx, "BT2012-KA", Path(target))
    else:
        handover_seat.send(ctx, Path(target))


if __name__ == "__main__":
    main(*sys.argv[1:6])
