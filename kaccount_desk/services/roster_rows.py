"""A roster's rows checked and the accepted ones written, a chunk at a time, in one transaction.

An import once held every row's state until its end (the values to insert, a history note, the
matched applications as ORM objects, the sheet as an object per row): some 2 KB a person, +225 MB
above the app's own for a roster of 100,000 (+318 MB to import the same file again). Now each
chunk of the sheet is checked, its new applications inserted and its changes flushed before the
next chunk is unpacked; what lasts from chunk to chunk is what the checks need to see the whole
file (each person's key, who holds which number, numbers per ID) and the report, some 650 bytes
a person: +97 MB for that roster, +47 MB again (tests/benchmarks/bench_roster_memory.py). The
transaction still spans the whole file, so a failed or cancelled import, or a dry run, writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kaccount_desk.domain.eligibility import split_packages
from kaccount_desk.domain.history_notes import import_note
from kaccount_desk.domain.id_documents import IdDocumentType
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.mobile import normalize_mobile
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import check_department
from kaccount_desk.domain.workflow import LIVE_STATUSES, Status, check_editable
from kaccount_desk.services import audit
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import apply_assessment, assessment_values
from kaccount_desk.services.intake_rules import ApplicationInput, Assessment, IntakeRules
from kaccount_desk.sheets.roster_reader import Column, RosterRow, RosterSheet
from kaccount_desk.store.bulk import insert_lists, insert_lists_with_ids
from kaccount_desk.store.models import Application, ApplicationAddon, ApplicationEvent, id_tail, table_of

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 200
Key = tuple[str, str]


class Cancelled(Exception):
    """The person stopped the import; nothing was written."""


# What happened to one roster row, as the import report names it.
ROW_RESULT_LABELS = Labels({
    "accepted": ("新增", "New"),
    "updated": ("更新", "Updated"),
    "unchanged": ("未变", "Unchanged"),
    "rejected": ("拒收", "Refused"),
})


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    status: str
    name: str
    reasons: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()
    application_id: int | None = None


@dataclass
class ImportReport:
    file: str
    campaign: str
    dry_run: bool
    rows: list[RowResult] = field(default_factory=list)
    notices: tuple[Reason, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def totals(self) -> dict[str, int]:
        return {s: self.count(s) for s in ("accepted", "updated", "unchanged", "rejected")}


ALREADY_THERE = Reason(
    "roster.already_there",
    "此人刚由同时进行的另一次名单导入加入,已在名单中",
    "Already there: another import running at the same moment added this person",
)


_RESIDENT_ID = IdDocumentType.RESIDENT_ID.value


def _input(code: str, row: RosterRow, department: str) -> ApplicationInput:
    """``department`` is the importer's choice, for a sheet without the column or a row left blank."""
    v = row.values
    new_number = v.get(Column.NEW_NUMBER, "").strip()
    addons = v.get(Column.ADDONS, "")
    fields = IntakeFields(
        department=v.get(Column.DEPARTMENT, "").strip() or department,
        name=v.get(Column.NAME, ""),
        id_number=v.get(Column.ID_NUMBER, ""),
        id_type=_RESIDENT_ID,
        number_source="pool" if new_number else "existing",
        msisdn=new_number or v.get(Column.MOBILE, ""),
        current_packages=v.get(Column.CURRENT_PACKAGES, ""),
    )
    return ApplicationInput(
        code,
        fields,
        plan=v.get(Column.PLAN, ""),
        addons=tuple(split_packages(addons)) if addons else (),
        note=v.get(Column.NOTE, ""),
    )


def _key(rules: IntakeRules, id_number: str, msisdn: str) -> Key:
    """A person's number in a campaign: the ID number's keyed digest (the stored one is ciphertext)."""
    return rules.keys.digest(id_number), normalize_mobile(msisdn)  # the digest normalises the ID number itself


@dataclass(eq=False, slots=True)
class NewApplication:
    """An application the import adds: plain values until its chunk's INSERT, then only its id.

    Building ten thousand ORM objects cost more than checking the rows; the intake rules only
    need the few attributes below to treat it like a stored application (the holder of a number).
    To them its ``id`` stays None: it is "another application" of this import, whichever chunk
    it was written in, as a dry run never gives it an id to name.
    """

    carrier: object
    pending: Pending | None
    written_id: int | None = None
    status: ClassVar[str] = Status.DRAFT.value
    id: ClassVar[None] = None

    def written(self, new_id: int) -> None:
        """In the store now: its values go, so that a big roster's rows do not pile up until the end."""
        self.written_id, self.pending = new_id, None


@dataclass(slots=True)
class Pending:
    """A new application's values until its chunk's INSERT."""

    values: dict[str, object]
    addon_ids: tuple[int, ...]
    event_note: str
    id_digest: str


_COMPARED = ("name", "department_id", "number_source", "current_packages", "plan_id", "note")


@dataclass(eq=False, slots=True)
class Stored:
    """A stored application a chunk's row matched, as plain values: what the rules and the comparison read.

    Loading each as an ORM object with its add-ons cost a re-import more than checking its rows;
    only the applications a row changes are loaded as objects, together, at the chunk's end. An
    update changes these values too, so a later row for the same person compares with them.
    """

    id: int
    status: str
    carrier: str | None
    id_digest: str
    msisdn: str | None
    confirmed_warnings: list[str]
    values: dict[str, object]
    addon_ids: tuple[int, ...]


def _same(found: Stored | NewApplication, values: dict[str, object], addon_ids: tuple[int, ...]) -> bool:
    if isinstance(found, NewApplication):
        assert found.pending is not None, "a written row is compared as the stored application it became"
        have, have_addons = found.pending.values, found.pending.addon_ids
    else:
        have, have_addons = found.values, found.addon_ids
    return all(have[k] == values[k] for k in _COMPARED) and sorted(have_addons) == sorted(addon_ids)


def import_rows(ctx: Context, path: Path, sheet: RosterSheet, campaign_code: str, dry_run: bool, progress: Progress | None,
                seen: set[Key], department: str) -> ImportReport:
    """One attempt in one transaction; ``seen`` keeps the first attempt's people, to tell who arrived since."""
    report = ImportReport(str(path), campaign_code, dry_run, notices=sheet.notices)
    total = len(sheet.rows)
    with ctx.transaction(commit=not dry_run) as session:
        campaign = campaign_row(session, campaign_code)
        rules = IntakeRules(session, campaign, ctx.store.segments, preload=True)
        existing = _live_by_key(session, campaign.id)
        arrived = set(existing) - seen if seen else set()
        seen.update(existing)

        def go_on(done: int) -> bool:
            return progress is None or done % PROGRESS_EVERY != 0 or progress(done, total)

        chunks = _Chunks(ctx, session, rules, existing, arrived, campaign.id, path.name)
        for rows in sheet.rows.chunks():
            chunks.check([(row.row, _input(campaign_code, row, department)) for row in rows], report.rows, go_on)
        if progress is not None and not progress(total, total):
            raise Cancelled()
    return report


def _live_by_key(session: Session, campaign_id: int) -> dict[Key, int | NewApplication]:
    """Each live application's key and id: the application itself is loaded when a row matches it."""
    rows = session.execute(
        select(Application.id_digest, Application.msisdn, Application.id)
        .where(Application.campaign_id == campaign_id, Application.status.in_(LIVE_STATUSES))
    )
    return {(digest, msisdn or ""): app_id for digest, msisdn, app_id in rows}


@dataclass
class _Chunks:
    """What one attempt carries from chunk to chunk: the people seen so far, and where to write."""

    ctx: Context
    session: Session
    rules: IntakeRules
    existing: dict[Key, int | NewApplication]
    arrived: set[Key]
    campaign_id: int
    file_name: str
    updates: list[tuple[int, ApplicationInput, Assessment, datetime]] = field(default_factory=list)

    def check(self, inputs: list[tuple[int, ApplicationInput]], results: list[RowResult], go_on: Callable[[int], bool]) -> None:
        """Check a chunk's rows in order, write its new applications and flush its changes."""
        keys = [_key(self.rules, inp.fields.id_number, inp.fields.msisdn) for _, inp in inputs]
        stored = self._matched(keys)
        touched: list[tuple[int, NewApplication]] = []
        for (row_number, inp), key in zip(inputs, keys, strict=True):
            result, row = self._row(inp, row_number, key, stored)
            if isinstance(row, Stored) and (row.id_digest, row.msisdn or "") in self.arrived:
                result = replace(result, warnings=(ALREADY_THERE, *result.warnings))
            results.append(result)
            if isinstance(row, NewApplication) and row.written_id is None:
                touched.append((len(results) - 1, row))
            if not go_on(len(results)):
                raise Cancelled()
        new_rows = [row for index, row in touched if results[index].status == "accepted"]
        for row, new_id in zip(new_rows, _insert_new(self.ctx, self.session, self.campaign_id, new_rows), strict=True):
            row.written(new_id)
        for index, row in touched:
            r = results[index]  # made whole rather than through dataclasses.replace, a tenth of the chunk's own time
            results[index] = RowResult(r.row, r.status, r.name, r.reasons, r.warnings, row.written_id)
        self._apply_updates()

    def _apply_updates(self) -> None:
        """The chunk's changed applications, loaded in one query, changed in the rows' order and flushed."""
        if not self.updates:
            return
        ids = {app_id for app_id, *_ in self.updates}
        rows = {row.id: row for row in
                self.session.scalars(select(Application).options(selectinload(Application.addons)).where(Application.id.in_(ids)))}
        for app_id, inp, a, now in self.updates:
            apply_assessment(rows[app_id], inp, a)
            rows[app_id].updated_at = now
        self.updates.clear()
        self.session.flush()  # so the changed applications can go with the chunk

    def _matched(self, keys: list[Key]) -> dict[int, Stored]:
        """The stored applications a chunk's rows match, in two queries (they and their add-ons): those of
        the store, and those this import wrote in an earlier chunk."""
        ids = set()
        for key in keys:
            found = self.existing.get(key)
            if isinstance(found, NewApplication):
                found = found.written_id
            if found is not None:
                ids.add(found)
        if not ids:
            return {}
        a = Application
        addons: dict[int, list[int]] = {}
        for app_id, item_id in self.session.execute(
                select(ApplicationAddon.application_id, ApplicationAddon.rated_item_id).where(ApplicationAddon.application_id.in_(ids))):
            addons.setdefault(app_id, []).append(item_id)
        rows = self.session.execute(select(a.id, a.status, a.carrier, a.id_digest, a.msisdn, a.confirmed_warnings,
                                           *(getattr(a, k) for k in _COMPARED)).where(a.id.in_(ids)))
        return {row[0]: Stored(id=row[0], status=row[1], carrier=row[2], id_digest=row[3], msisdn=row[4], confirmed_warnings=row[5],
                               values=dict(zip(_COMPARED, row[6:], strict=True)), addon_ids=tuple(addons.get(row[0], ())))
                for row in rows}

    def _row(self, inp: ApplicationInput, row_number: int, key: Key,
             stored: dict[int, Stored]) -> tuple[RowResult, Stored | NewApplication | None]:
        """One row's verdict, and the application it added or matched (the latter may be unsaved yet)."""
        ctx, rules = self.ctx, self.rules
        name = inp.fields.name.strip()
        not_ours = check_department(ctx.actor.role, ctx.actor.department, inp.fields.department)
        if not_ours:
            return RowResult(row_number, "rejected", name, not_ours), None
        known = self.existing.get(key)
        # The number's holder for the rules: the row this import added, or the stored application.
        own = stored[known] if isinstance(known, int) else known
        # What a row is compared with and changes: the values about to be inserted, or the stored row.
        found = stored[known.written_id] if isinstance(known, NewApplication) and known.written_id is not None else own
        now = ctx.now()
        if isinstance(found, Stored) and isinstance(own, Stored):
            inp = replace(inp, confirmed=frozenset(found.confirmed_warnings or []))
        a = rules.assess(inp, now.date(), now, own=own, is_new=own is None, id_digest=key[0])
        warnings = tuple(a.warnings)
        if a.reasons:
            return RowResult(row_number, "rejected", name, tuple(a.reasons), warnings), None
        values = assessment_values(inp, a)
        if found is not None:
            if _same(found, values, a.addon_ids):
                return RowResult(row_number, "unchanged", name, (), warnings, found.id), found
            locked = check_editable(found.status)
            if locked:
                return RowResult(row_number, "rejected", name, locked, warnings, found.id), None
            if isinstance(found, Stored):
                found.values, found.addon_ids = {k: values[k] for k in _COMPARED}, a.addon_ids
                found.carrier, found.msisdn = a.carrier, a.msisdn
                self.updates.append((found.id, inp, a, now))
            elif found.pending is not None:
                found.pending.values, found.pending.addon_ids = _to_insert(values), a.addon_ids
            return RowResult(row_number, "updated", name, (), warnings, found.id), found
        row = NewApplication(a.carrier, Pending(_to_insert(values), a.addon_ids, import_note(self.file_name, row_number), a.id_digest))
        self.existing[(a.id_digest, a.msisdn or "")] = row
        rules.remember(a.msisdn, a.id_digest, row)
        return RowResult(row_number, "accepted", name, (), warnings), row


def _to_insert(values: dict[str, object]) -> dict[str, object]:
    """A new application's values without its confirmed warnings: a roster row confirms none (only a stored
    application's own confirmations are carried, to the rows that match it), so the insert gives every new
    row the same empty list, serialised once for the batch rather than once a row."""
    del values["confirmed_warnings"]
    return values


INSERT_BATCH = 1000


def _insert_new(ctx: Context, session: Session, campaign_id: int, rows: list[NewApplication]) -> list[int]:
    """Write new applications, their add-ons and first events, a thousand at a time, in plain executemany
    batches (store/bulk.py) of lists built for them: the ORM's bulk path adds bookkeeping these plain rows
    don't need, RETURNING the new ids in order cost SQLite a statement per row, a third of an import's time,
    and a dictionary per row and table was most of what was left of ours."""
    if not rows:
        return []
    now = ctx.now()
    common = {"campaign_id": campaign_id, "status": Status.DRAFT.value, "created_by": ctx.actor.id, "created_at": now, "updated_at": now,
              "late_reason": None, "late_accepted_by": None, "reject_reason": None, "confirmed_warnings": []}
    ids: list[int] = []
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start:start + INSERT_BATCH]
        pending = [row.pending for row in batch if row.pending is not None]
        if not pending:
            continue
        own = tuple(pending[0].values)  # every row's values come from assessment_values: the same names
        values_of = itemgetter(*own)
        # Every column given: the lookup columns' per-row defaults would compute the digest the rules already did.
        batch_ids = insert_lists_with_ids(session, table_of(Application), (*own, "id_digest", "id_tail"), [
            [*values_of(row.values), row.id_digest, id_tail(str(row.values["id_number"]))] for row in pending], common)
        insert_lists(session, table_of(ApplicationAddon), ("application_id", "rated_item_id"),
                     [[i, a] for i, row in zip(batch_ids, pending, strict=True) for a in row.addon_ids])
        insert_lists(session, table_of(ApplicationEvent), ("application_id", "note"),
                     [[i, row.event_note] for i, row in zip(batch_ids, pending, strict=True)],
                     {"from_status": None, "to_status": Status.DRAFT.value, "staff_id": ctx.actor.id, "at": now})
        ids.extend(batch_ids)
    audit.note_change(session, "applications", "insert", list(ids))  # Core inserts are not seen by the flush recorder
    return ids
