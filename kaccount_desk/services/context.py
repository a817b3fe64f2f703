"""The open store and the person acting on it, handed to every use case.

``app.py`` builds one :class:`Store` for the whole process; a use case gets a :class:`Context`
that adds who is logged in, so permission checks never depend on which face (GUI or CLI) asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from kaccount_desk import config
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.mobile import SegmentTable, load_default_segments
from kaccount_desk.domain.reasons import Lang, Reason
from kaccount_desk.domain.roles import ROLE_LABELS, Permission, allows
from kaccount_desk.services import audit, handover_pending
from kaccount_desk.services.errors import Forbidden, StoreUnavailable
from kaccount_desk.store.crypto import KeyProblem, StoreKeys, keys_of
from kaccount_desk.store.engine import open_store, ping, writer
from kaccount_desk.store.failures import failure_reason, shown_url
from kaccount_desk.store.failures import without_password as without_password  # for faces, which may not import store
from kaccount_desk.store.pipelined import PIPELINED

# Marks a session opened by Store.transaction: an audit entry may join it (a read session cannot).
WRITES = "kaccount_writes"


def utc_now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def store_guard(url: str) -> Iterator[None]:
    """Turn a store condition (down, locked, full, newer, not a store) into :class:`StoreUnavailable`.

    ``from None`` drops the driver's exception, whose text can hold the statement's parameters
    (names, ID numbers); anything not recognised as a condition propagates unchanged as a bug.
    """
    try:
        yield
    except KeyProblem as exc:
        raise StoreUnavailable(exc.reason) from None
    except Exception as exc:
        reason = failure_reason(exc, url)
        if reason is None:
            raise
        raise StoreUnavailable(reason) from None


class Store:
    """One store, opened once: migrations run here, before anyone can read or write.

    ``create=False`` opens only a SQLite file that exists (every CLI command but ``init``).
    """

    def __init__(
        self,
        url: str,
        resources: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        create: bool = True,
        key_file: Path | None = None,
    ) -> None:
        self.url = url
        with store_guard(url):
            self.engine, self._sessions = open_store(url, create, key_file)
        self._writers = sessionmaker(writer(self.engine), expire_on_commit=False)
        self.resources = resources or config.resources_dir()
        self.segments: SegmentTable = load_default_segments(self.resources)
        self.clock = clock
        audit.install(self, self._writers)  # every write goes through these sessions
        # A hand-over file a killed program left between its commit and its rename, put in place
        # (or removed, if its moves never committed) before anyone works; the faces tell what was done.
        self.settled: tuple[handover_pending.Settlement, ...] = handover_pending.settle_left_over(self)

    @contextmanager
    def transaction(self, commit: bool = True, pipelined: bool = False) -> Iterator[Session]:
        """One use case's unit of work: committed when the block ends, rolled back on any error.

        ``commit=False`` runs the same work and throws it away, which is what a dry run is.
        ``pipelined``: on a PostgreSQL server, BEGIN, the INSERTs and COMMIT ride with the reads
        (store/pipelined.py), for a click that must answer in few round trips (saving an application).
        """
        with store_guard(self.url):
            if commit:
                with self._writers.begin() as session:
                    session.info[WRITES] = True
                    if pipelined:
                        session.connection(execution_options={PIPELINED: True})
                    yield session
            else:
                with self._writers() as session:
                    session.info[WRITES] = True
                    yield session
                    session.rollback()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with store_guard(self.url), self._sessions() as session:
            yield session

    @property
    def keys(self) -> StoreKeys:
        """The data key a login unsealed (or an older store's key file); refused in words before a login."""
        with store_guard(self.url):
            return keys_of(self.engine)

    @property
    def shown_url(self) -> str:
        """The URL with any password replaced by ``***``: the only form of it that is printed or shown."""
        return shown_url(self.url)

    def ping(self) -> None:
        """Raise :class:`StoreUnavailable` unless the store answers now (the GUI's banner retries with this)."""
        with store_guard(self.url):
            ping(self.engine)

    def close(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True)
class Actor:
    id: int
    staff_no: str
    name: str
    role: str
    department: str | None

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)


@dataclass(frozen=True)
class Context:
    store: Store
    actor: Actor
    lang: Lang = "zh"

    def require(self, permission: Permission) -> None:
        if not self.actor.may(permission):
            zh, en = ROLE_LABELS.zh(self.actor.role), ROLE_LABELS.en(self.actor.role)
            raise Forbidden(
                Reason(
                    "forbidden",
                    f"{zh}({self.actor.staff_no})无权执行此操作:{PERMISSION_LABELS.zh(permission)}",
                    f"{en} ({self.actor.staff_no}) may not do this: {PERMISSION_LABELS.en(permission)}",
                )
            )

    def now(self) -> datetime:
        return self.store.clock()

    @contextmanager
    def transaction(self, commit: bool = True, pipelined: bool = False) -> Iterator[Session]:
        """The store's transaction, with this person named as the actor of every change it records."""
        with self.store.transaction(commit, pipelined) as session:
            session.info["actor"] = self.actor.staff_no
            yield session


PERMISSION_LABELS = Labels({
    Permission.MANAGE_STAFF: ("管理员工账号", "manage staff accounts"),
    Permission.MANAGE_CAMPAIGNS: ("建立或修改办理活动", "create or edit campaigns"),
    Permission.TAKE_APPLICATIONS: ("受理申请", "take applications"),
    Permission.COLLECT: ("事业部收齐申请", "collect applications for a department"),
    Permission.ALL_DEPARTMENTS: ("办理其他部门的申请", "handle other departments' applications"),
    Permission.SUBMIT: ("办公室审核提交", "submit applications as the office"),
    Permission.HAND_OVER: ("交移动公司", "hand applications over to the carrier"),
    Permission.RECORD_CARRIER_RESULT: ("登记移动公司办理结果", "record the carrier's result"),
    Permission.ACCEPT_LATE: ("接收逾期申请", "accept late applications"),
    Permission.EXPORT_ROSTER: ("导出名单", "export rosters"),
    Permission.VIEW_FULL_ID: ("查看完整证件号码", "see full ID numbers"),
    Permission.HANDLE_TICKETS: ("处理首问工单", "handle tickets"),
    Permission.REASSIGN_TICKETS: ("调整工单负责人", "reassign tickets"),
    Permission.CONFIGURE_TICKETS: ("设置工单时限和转派部门", "set ticket time limits and departments"),
    Permission.VIEW_AUDIT: ("查看审计记录", "see the audit log"),
    Permission.PLAN_OUTAGES: ("登记计划停机", "register planned work"),
    Permission.APPROVE_OUTAGES: ("登记计划停机的批准", "record approvals of planned work"),
    Permission.VIEW_CUSTOMERS: ("查看客户档案", "see customer records"),
    Permission.MANAGE_KEY_ACCOUNTS: ("管理集团客户和大客户档案", "manage companies and key-account records"),
    Permission.KEEP_PORTFOLIO: ("作为客户经理维护所管客户和任务", "keep a portfolio and tasks as an account manager"),
})
