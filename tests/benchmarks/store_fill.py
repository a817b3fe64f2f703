"""A store holding the sample campaign and ``count`` complete applications, for the benchmark.

Rows are inserted in bulk: a thousand intakes through the form's service would take longer than
the printing being measured, and the printing only reads what a real intake leaves behind.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select
from stdnum.cn.ric import calc_check_digit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))

from doc_samples import card_image  # noqa: E402

from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.store.crypto import copy_aad  # noqa: E402
from kaccount_desk.store.models import Application, ApplicationAddon, Department, IdCopy, RatedItemRow  # noqa: E402

SAMPLE_CAMPAIGN = Path(__file__).resolve().parents[2] / "resources" / "campaigns" / "botou-2012.toml"
CST = timezone(timedelta(hours=8))
NAMES = "伟芳娜敏静丽强磊军洋"


def _valid_id(first17: str) -> str:
    return first17 + calc_check_digit(first17 + "0")


def _id_number(i: int) -> str:
    """A distinct valid ID per applicant (birth day and month move every thousand), for any count."""
    return _valid_id(f"1309811978{1 + i // 28000:02d}{1 + i // 1000 % 28:02d}{i % 1000:03d}")


def _number(i: int) -> str:
    """Reserved-block numbers for the first 1,200, then numbers of their own: a live number is unique."""
    return f"1883275{8800 + i:04d}" if i < 1200 else f"1884{i:07d}"


@contextmanager
def filled_store(path: Path, count: int) -> Iterator[tuple[Context, str]]:
    now = datetime(2012, 2, 25, 9, 30, tzinfo=CST)
    store = Store(f"sqlite:///{path}", clock=lambda: now, key_file=path.with_suffix(".key"))
    try:
        ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
        code = campaigns.load_campaign_file(ctx, SAMPLE_CAMPAIGN).code
        with store.transaction() as session:
            departments = list(session.scalars(select(Department).order_by(Department.position)))
            plans = list(session.scalars(select(RatedItemRow).where(RatedItemRow.kind == "plan")))
            addon = session.scalar(select(RatedItemRow).where(RatedItemRow.kind == "addon"))
            assert addon is not None, "the sample campaign offers add-ons"
            for i in range(count):
                app = Application(
                    campaign_id=departments[0].campaign_id, department_id=departments[i % len(departments)].id,
                    name=f"张{NAMES[i % 10]}{i}", id_type="resident_id", id_number=_id_number(i),
                    id_valid=True, number_source="pool", msisdn=_number(i), carrier="china-mobile",
                    plan_id=plans[i % len(plans)].id, status="draft", confirmed_warnings=[], created_by=ctx.actor.id,
                    created_at=now, updated_at=now,
                )
                app.addons = [ApplicationAddon(rated_item_id=addon.id)] if i % 2 else []
                session.add(app)
                session.flush()  # the copies' ciphertext is bound to the application's id
                app.copies = [
                    IdCopy(side=side, sha256=f"{i}{side}", mime="image/jpeg", width=856, height=540,
                           data=store.keys.encrypt(card_image(f"{side} {i}"), copy_aad(app.id, side)),
                           added_by=ctx.actor.id, added_at=now)
                    for side in ("front", "back")
                ]
        yield ctx, code
    finally:
        store.close()
