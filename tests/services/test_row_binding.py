"""Each ID number's ciphertext is bound to its row: swapped onto another row (with its digest), it is refused in words.

The stores here are real SQLite files and a real PostgreSQL database; the swap is the raw SQL an
attacker with the store file (or a database login) would write.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text
from support import CST, PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import campaigns, enrollment, staff, vault_rotate
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.store.crypto import UNBOUND_ID_NUMBER_AAD, id_number_aad
from kaccount_desk.store.id_binding import BOUND_SETTING
from kaccount_desk.store.models import Application

IDS = (valid_id("13098119780101123"), valid_id("13098119850612224"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def two(url: str) -> Iterator[tuple[Context, list[int]]]:
    """A store with two applications taken at the counter (the ORM's single-row path)."""
    store = Store(url, resources=REPO / "resources", clock=Clock(datetime(2012, 2, 25, 9, 30, tzinfo=CST)))
    ctx = Context(store, staff.set_up(store, "A001", "管理员", PASSWORD).actor)
    code = campaigns.load_campaign_file(ctx, SAMPLE_CAMPAIGN).code
    made = [enrollment.save_application(ctx, ApplicationInput(code, IntakeFields(
        department="铸造事业部", name=name, id_number=number, number_source="existing", msisdn=msisdn))).id
        for name, number, msisdn in (("张三", IDS[0], "13803170001"), ("李四", IDS[1], "13803170002"))]
    yield ctx, made
    store.close()


def _refused_as_altered(ctx: Context, application_id: int) -> None:
    with pytest.raises(StoreUnavailable) as refused:
        enrollment.get_application(ctx, application_id)
    reason = refused.value.reasons[0]
    assert reason.code == "store.key.id_altered" and "改动" in reason.zh and "altered" in reason.en
    assert all(number not in reason.zh + reason.en for number in IDS)


def test_ciphertexts_and_digests_swapped_between_rows_are_refused_in_words(two: tuple[Context, list[int]]) -> None:
    ctx, (first, second) = two
    assert [enrollment.get_application(ctx, i).id_number for i in (first, second)] == list(IDS)
    with ctx.store.transaction() as session:
        rows = {i: session.execute(text("SELECT id_number, id_digest FROM applications WHERE id = :i"), {"i": i}).one()
                for i in (first, second)}
        for here, there in ((first, second), (second, first)):
            session.execute(text("UPDATE applications SET id_number = :n, id_digest = :d WHERE id = :i"),
                            {"n": rows[there][0], "d": rows[there][1], "i": here})
    _refused_as_altered(ctx, first)
    _refused_as_altered(ctx, second)


def test_rows_under_the_old_constant_binding_are_bound_once_at_the_next_login(two: tuple[Context, list[int]], url: str) -> None:
    ctx, made = two
    keys = ctx.store.keys
    with ctx.store.transaction() as session:  # as a store written before the binding left them
        for i, number in zip(made, IDS, strict=True):
            session.execute(text("UPDATE applications SET id_number = :n WHERE id = :i"),
                            {"n": keys.encrypt_text(number, UNBOUND_ID_NUMBER_AAD), "i": i})
        session.execute(text("DELETE FROM store_settings WHERE name = :n"), {"n": BOUND_SETTING})
    ctx.store.close()
    desk = Store(url, resources=REPO / "resources")
    try:
        staff.authenticate(desk, "A001", PASSWORD)
        with desk.read() as session:
            assert list(session.scalars(select(Application.id_number).order_by(Application.id))) == list(IDS)
            stored = session.execute(text("SELECT id, id_number FROM applications ORDER BY id")).all()
            assert session.execute(text("SELECT count(*) FROM store_settings WHERE name = :n"), {"n": BOUND_SETTING}).scalar() == 1
        assert [keys.decrypt_text(value, id_number_aad(row_id)) for row_id, value in stored] == list(IDS)
    finally:
        desk.close()


def test_rotation_binds_rows_left_under_the_old_binding(two: tuple[Context, list[int]]) -> None:
    ctx, made = two
    keys = ctx.store.keys
    with ctx.store.transaction() as session:
        session.execute(text("UPDATE applications SET id_number = :n WHERE id = :i"),
                        {"n": keys.encrypt_text(IDS[0], UNBOUND_ID_NUMBER_AAD), "i": made[0]})
        session.execute(text("DELETE FROM store_settings WHERE name = :n"), {"n": BOUND_SETTING})
    assert vault_rotate.rotate(ctx).id_numbers == 2
    assert [enrollment.get_application(ctx, i).id_number for i in made] == list(IDS)
