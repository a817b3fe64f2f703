"""The organisation's name is the store's: one for every PC, changed by administrators only, recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from support import make_staff

from kaccount_desk.services import organisation
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.audit_models import AuditEntry


def test_an_admin_sets_it_for_the_whole_store_and_the_change_is_recorded(admin: Context) -> None:
    assert organisation.organisation_name(admin) == ""
    assert organisation.set_organisation_name(admin, " 泊头铸造有限公司 ") == "泊头铸造有限公司"
    with admin.store.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.actor == "A001" and "store_settings" in last.subject
    assert "organisation_name" in last.detail
    clerk = make_staff(admin, "C001", "clerk")
    assert organisation.organisation_name(clerk) == "泊头铸造有限公司"  # every desk reads the same name
    assert organisation.set_organisation_name(admin, "") == ""


def test_others_may_not_change_it_and_a_bad_name_changes_nothing(admin: Context) -> None:
    organisation.set_organisation_name(admin, "泊头铸造有限公司")
    for role in ("clerk", "office", "supervisor"):
        with pytest.raises(Forbidden):
            organisation.set_organisation_name(make_staff(admin, f"X{role[:3].upper()}", role), "别的公司")
    with pytest.raises(Refused) as refused:
        organisation.set_organisation_name(admin, "一行\n两行")
    assert refused.value.reasons[0].code == "organisation.one_line"
    assert organisation.organisation_name(admin) == "泊头铸造有限公司"
