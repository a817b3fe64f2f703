"""A hand-over file and the transaction it stands for: both, or neither, even across a kill.

The office's hand-over to the operator moves applications to "sent"; a seat's package is recorded
as sent, awaiting the office's receipt. Each file is written to a temporary beside its target
while that transaction is open, and renamed only after it commits. A kill between the commit and
the rename used to leave the moves without the file, and the next start's sweep then deleted the
temporary: applications marked sent that nobody could hand over.

So, before that transaction, a row naming the target and the temporary is committed
(``handover_pending_files``); the transaction marks it done with the file's SHA-256, and holds
the temporary's promise (safe_files) just before it commits. Every opening of the store
(:func:`settle_left_over`, run by ``Store``) settles the rows of this computer's dead processes:
done, the temporary is put in place; not done, it is removed and nothing moved. Each outcome gets
an audit entry, a log line, and a sentence the faces show the next person who opens the app.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from kaccount_desk import safe_files
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services import audit
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.handover_models import PendingHandoverFile

if TYPE_CHECKING:
    from kaccount_desk.services.context import Context, Store

log = logging.getLogger("kaccount_desk.handover")

OPERATOR, SEAT = "operator", "seat"


@dataclass
class Pending:
    """The temporary being written and the row that promises it; :func:`done` is called last in the transaction."""

    promise: safe_files.Promise
    record: int

    @property
    def temp(self) -> Path:
        return self.promise.temp


@dataclass(frozen=True)
class Settlement:
    """A hand-over file a killed program left, and what opening the store did with it."""

    kind: str
    target: Path
    outcome: safe_files.Settled

    @property
    def reason(self) -> Reason:
        return settlement_reason(self.kind, self.outcome, self.target)

    @property
    def lost(self) -> bool:
        """The moves committed but the file cannot be found: a warning, where the other outcomes are news."""
        return self.outcome is safe_files.Settled.MISSING


@contextmanager
def promised(ctx: Context, target: Path, kind: str, campaign: str | None, department: str | None) -> Iterator[Pending]:
    """Yield the temporary for ``target`` with its committed row; the file is in place when the block has ended.

    The caller's transaction, inside the block, ends with :func:`done`. A failure before that
    removes the temporary and the row; after it (the commit's failure, the rename's), the store
    says whether the commit happened: if not, the same; if so, the file waits for the next start.
    """
    record: int | None = None
    promise: safe_files.Promise | None = None
    try:
        with safe_files.promising(target) as promise:
            record = _begin(ctx, promise, kind, campaign, department)
            yield Pending(promise, record)
    except BaseException as failure:
        if record is not None and promise is not None:
            _after_failure(ctx.store, promise, record, kind, failure)
        raise
    _drop(ctx.store, record)


def done(session: Session, pending: Pending, sha256: str) -> None:
    """In the transaction that commits to the file, last: the row says done, the temporary is held."""
    session.execute(update(PendingHandoverFile).where(PendingHandoverFile.id == pending.record).values(done=True, sha256=sha256))
    pending.promise.hold(f"handover_pending_files {pending.record}")


def settle_left_over(store: Store) -> tuple[Settlement, ...]:
    """Settle the hand-over files this computer's killed programs left; nothing to do costs one read."""
    with store.read() as session:
        rows = [r for r in session.scalars(select(PendingHandoverFile).where(PendingHandoverFile.host == _host()))
                if r.pid != os.getpid() and not safe_files.process_alive(r.pid)]
    settled: list[Settlement] = []
    for row in rows:
        try:
            with store.transaction() as session:
                # The row goes first: a second program opening the store at the same moment waits
                # on it, then finds it gone and settles nothing twice. A failure to place keeps it.
                gone = delete(PendingHandoverFile).where(PendingHandoverFile.id == row.id).returning(PendingHandoverFile.id)
                if session.scalar(gone) is None:
                    continue
                outcome = safe_files.settle(Path(row.temp), Path(row.target), row.done, row.sha256)
                audit.record(session, actor=audit.SYSTEM, action=Action.CHANGE, at=store.clock(),
                             subject=f"handover_pending_files {row.id}",
                             detail={"what": f"{row.kind}_handover_file", "outcome": outcome.value, "file": Path(row.target).name,
                                     "campaign": row.campaign, "department": row.department, "started_by": row.started_by})
        except (OSError, safe_files.UnsafeTarget) as exc:
            log.warning("hand-over file %s not yet put in place: %s", Path(row.target).name, exc)
            continue
        log.warning("interrupted %s hand-over %s: %s", row.kind, Path(row.target).name, outcome.value)
        settled.append(Settlement(row.kind, Path(row.target), outcome))
    return tuple(settled)


def settlement_reason(kind: str, outcome: safe_files.Settled, target: Path) -> Reason:
    """What the person is told, in the counter's words, the next time the app opens the store."""
    code = f"handover.interrupted.{kind}.{outcome.value}"
    if kind == OPERATOR:
        what_zh, what_en = "上次交移动公司的移交", "The last hand-over to the operator"
        moved_zh, moved_en = "申请已标为“已交移动公司”", "its applications are marked sent"
    else:
        what_zh, what_en = "上次发给办公室的交接包", "The last package sent to the office"
        moved_zh, moved_en = "已记为已发送", "it is recorded as sent"
    if outcome is safe_files.Settled.REMOVED:
        return Reason(code, f"{what_zh}在保存前中断:什么都没有改变,临时文件已删除。请重新办理。",
                      f"{what_en} was interrupted before it was saved: nothing changed and its temporary file was removed. Do it again.")
    if outcome is safe_files.Settled.MISSING:
        return Reason(code, f"{what_zh}被中断,{moved_zh},但文件“{target.name}”已找不到。请告知管理员。",
                      f"{what_en} was interrupted; {moved_en}, but the file “{target.name}” cannot be found. Tell the administrator.")
    return Reason(code, f"{what_zh}在保存后被中断:{moved_zh},文件已放到 {target}。",
                  f"{what_en} was interrupted after it was saved: {moved_en}, and the file is now at {target}.")


def _host() -> str:
    return socket.gethostname()[:255]


def _begin(ctx: Context, promise: safe_files.Promise, kind: str, campaign: str | None, department: str | None) -> int:
    with ctx.transaction() as session:
        row = PendingHandoverFile(kind=kind, target=str(promise.target), temp=str(promise.temp), campaign=campaign,
                                  department=department, started_by=ctx.actor.staff_no, started_at=ctx.now(),
                                  host=_host(), pid=os.getpid(), done=False, sha256=None)
        session.add(row)
        session.flush()
        return row.id


def _drop(store: Store, record: int | None) -> None:
    with store.transaction() as session:
        session.execute(delete(PendingHandoverFile).where(PendingHandoverFile.id == record))


def _after_failure(store: Store, promise: safe_files.Promise, record: int, kind: str, failure: BaseException) -> None:
    """Not held: nothing was promised, the row goes. Held: the store says whether the commit happened.

    Not committed, the temporary goes too and the failure is told as it was. Committed (the
    rename failed, or the commit's answer was lost), the moves have happened: the person is told
    so, and the file waits for the next start, which places it.
    """
    if not promise.held:
        _drop(store, record)
        return
    with store.read() as session:
        committed = bool(session.scalar(select(PendingHandoverFile.done).where(PendingHandoverFile.id == record)))
    if committed:
        why = failure.strerror if isinstance(failure, OSError) and failure.strerror else type(failure).__name__
        raise Refused(_kept(kind, promise, why)) from failure
    safe_files.settle(promise.temp, promise.target, False, None)
    _drop(store, record)


def _kept(kind: str, promise: safe_files.Promise, why: str) -> Reason:
    """Committed, but the file could not be put in place: said so, since the moves have happened."""
    moved_zh, moved_en = (("申请已标为“已交移动公司”", "the applications are marked sent") if kind == OPERATOR
                          else ("交接包已记为已发送", "the package is recorded as sent"))
    return Reason(
        "handover.kept_for_later",
        f"{moved_zh},但文件不能放到 {promise.target}:{why}。文件暂存为 {promise.temp.name},下次打开本程序时会放到该位置。",
        f"{moved_en}, but the file cannot be put at {promise.target}: {why}. It is kept as {promise.temp.name} "
        "and will be put there the next time the program opens.",
    )
