"""Applications of one demo campaign, in every status, with their history and some ID-card copies.

Written in bulk (ORM inserts with RETURNING, a batch per transaction), but each row is what the
intake would have saved: a valid ID number (encrypted, with its digest and tail from the model's
own defaults), a China Mobile number kept or taken from the campaign's reserved block, a plan and
the history of every move it went through. Every application that moved on carries both sides of
an ID-card copy, as the workflow requires (and one draft in a hundred): a small drawn card marked
SAMPLE, cleaned as an attached photo is, encrypted and bound to its row.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import insert
from sqlalchemy.orm import Session

from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.audit import note_change
from kaccount_desk.services.context import Context
from kaccount_desk.services.demo_values import id_number, mobile_number, person_name
from kaccount_desk.services.id_images import CleanImage, decode_clean
from kaccount_desk.store.bulk import after_explicit_ids, next_id
from kaccount_desk.store.crypto import RowBound, copy_aad
from kaccount_desk.store.models import Base

TABLES = Base.metadata.tables
BATCH = 5_000
COPY_EVERY = 100
# Each status with its weight and the path of moves that led there (what the history shows).
PATHS: dict[Status, tuple[int, tuple[Status, ...]]] = {
    Status.DRAFT: (10, (Status.DRAFT,)),
    Status.COLLECTED: (15, (Status.DRAFT, Status.COLLECTED)),
    Status.SUBMITTED: (20, (Status.DRAFT, Status.COLLECTED, Status.SUBMITTED)),
    Status.SENT: (20, (Status.DRAFT, Status.COLLECTED, Status.SUBMITTED, Status.SENT)),
    Status.ACTIVATED: (30, (Status.DRAFT, Status.COLLECTED, Status.SUBMITTED, Status.SENT, Status.ACTIVATED)),
    Status.REJECTED: (3, (Status.DRAFT, Status.COLLECTED, Status.SUBMITTED, Status.SENT, Status.REJECTED)),
    Status.WITHDRAWN: (2, (Status.DRAFT, Status.WITHDRAWN)),
}
Progress = Callable[[int], bool]


@dataclass(frozen=True)
class ApplicationPlan:
    """The campaign's facts every row needs, read once."""

    campaign_id: int
    departments: tuple[int, ...]
    plans: tuple[tuple[int, bool], ...]  # (rated item id, keeps the current plan)
    addon: int | None
    pool: tuple[str, ...]
    takers: tuple[int, ...]  # who takes applications (collectors and clerks)
    office: tuple[int, ...]  # who submits, hands over and records the carrier's answer
    start: datetime
    now: datetime
    seed: int


def _card(side: str, variant: int) -> CleanImage:
    """A small drawn card (428 x 270, about 7 KB once cleaned): ours, so it is cleaned here, not in a child."""
    image = Image.new("RGB", (428, 270), (236, 240, 232) if side == "front" else (228, 236, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, 420, 262), outline=(120, 130, 140), width=3)
    draw.text((24, 20), f"SAMPLE {side.upper()} {variant}", fill=(90, 90, 90))
    for line in range(6):
        draw.rectangle((24, 60 + 24 * line, 254 - 20 * (line % 3), 70 + 24 * line), fill=(170, 176, 182))
    raw = io.BytesIO()
    image.save(raw, format="PNG")
    return decode_clean(raw.getvalue(), f"demo-{side}-{variant}.png")


def sample_cards() -> dict[str, tuple[CleanImage, ...]]:
    return {side: tuple(_card(side, v) for v in range(4)) for side in ("front", "back")}


def _row(rng: random.Random, plan: ApplicationPlan, index: int, total: int) -> tuple[dict[str, Any], tuple[Status, ...]]:
    status = rng.choices(list(PATHS), weights=[w for w, _ in PATHS.values()])[0]
    created = plan.start + (plan.now - plan.start) * (index + rng.random()) / max(total, 1)
    from_pool = index < len(plan.pool) // 2  # half the reserved block taken, the rest still free
    plan_id, keeps = rng.choice([p for p in plan.plans if not (from_pool and p[1])])
    row = {
        "campaign_id": plan.campaign_id, "department_id": plan.departments[index % len(plan.departments)],
        "name": person_name(rng), "id_type": "resident_id", "id_number": id_number(index), "id_valid": True,
        "number_source": "pool" if from_pool else "existing",
        "msisdn": plan.pool[index * 2] if from_pool else mobile_number(index, plan.seed), "carrier": "china-mobile",
        "current_packages": "神州行畅听卡" if keeps else "", "plan_id": plan_id, "status": status.value,
        "confirmed_warnings": [], "created_by": rng.choice(plan.takers), "created_at": created, "updated_at": created,
    }
    return row, PATHS[status][1]


def _write_batch(session: Session, rng: random.Random, plan: ApplicationPlan, first: int, count: int, total: int,
                 cards: dict[str, tuple[CleanImage, ...]], keys: Any) -> int:
    made = [_row(rng, plan, first + i, total) for i in range(count)]
    first_id = next_id(session, TABLES["applications"])
    ids = list(range(first_id, first_id + count))
    rows = [{"id": app_id, **row, "id_number": RowBound(row["id_number"], app_id)} for app_id, (row, _) in zip(ids, made, strict=True)]
    session.execute(insert(TABLES["applications"]), rows)
    events, addons, copies = [], [], []
    for app_id, (row, path) in zip(ids, made, strict=True):
        at = row["created_at"]
        for before, after in zip((None, *path), path, strict=False):
            by = row["created_by"] if after in (Status.DRAFT, Status.COLLECTED, Status.WITHDRAWN) else rng.choice(plan.office)
            events.append({"application_id": app_id, "from_status": before.value if before else None,
                           "to_status": after.value, "staff_id": by, "at": at, "note": ""})
            at += timedelta(hours=rng.randint(2, 48))
        if plan.addon is not None and rng.random() < 0.3:
            addons.append({"application_id": app_id, "rated_item_id": plan.addon})
        if path[-1] not in (Status.DRAFT, Status.WITHDRAWN) or app_id % COPY_EVERY == 0:  # moving on needs both sides
            for side, variants in cards.items():
                card = variants[app_id % len(variants)]
                copies.append({"application_id": app_id, "side": side, "sha256": card.sha256, "mime": card.mime,
                               "width": card.width, "height": card.height, "added_by": row["created_by"],
                               "added_at": row["created_at"], "data": keys.encrypt(card.data, copy_aad(app_id, side))})
    session.execute(insert(TABLES["application_events"]), events)
    after_explicit_ids(session, TABLES["applications"])
    if addons:
        session.execute(insert(TABLES["application_addons"]), addons)
    if copies:
        session.execute(insert(TABLES["id_copies"]), copies)
    note_change(session, "applications", "insert", ids)
    note_change(session, "id_copies", "insert", [c["application_id"] for c in copies])
    return len(copies)


def insert_applications(ctx: Context, plan: ApplicationPlan, total: int, progress: Progress) -> tuple[int, int]:
    """Write ``total`` applications; returns (applications, ID-copy images) written before any stop."""
    rng = random.Random(f"applications-{plan.seed}")
    cards = sample_cards()
    made = images = 0
    while made < total:
        count = min(BATCH, total - made)
        with ctx.transaction() as session:
            images += _write_batch(session, rng, plan, made, count, total, cards, ctx.store.keys)
        made += count
        if not progress(count):
            break
    return made, images

