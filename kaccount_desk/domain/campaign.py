"""A campaign as the office describes it: who issues it, until when, for which departments,
which numbers were reserved and which tariffs are on offer.

Parsing and checking live here, away from storage, so a TOML file, the GUI editor and the tests
all reach the same verdict with the same words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.tariff import RatedItem

DEPARTMENT_KINDS = Labels({
    "business-unit": ("事业部", "Business unit"),
    "functional": ("职能部室", "Functional department"),
})
CARRIERS_REQUIRABLE = ("china-mobile",)


@dataclass(frozen=True)
class DepartmentSpec:
    name: str
    kind: str


@dataclass(frozen=True)
class PlanSpec:
    """A tariff option: the plan itself plus the add-ons that come with it (the 5-yuan package)."""

    item: RatedItem
    included_addons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CampaignSpec:
    code: str
    title: str
    issuer: str
    carrier_branch: str
    contact: str
    issued_on: date
    deadline: datetime
    required_carrier: str | None = None
    excluded_packages: tuple[str, ...] = ()
    departments: tuple[DepartmentSpec, ...] = ()
    pool_prefixes: tuple[str, ...] = ()
    pool_numbers: tuple[str, ...] = ()
    plans: tuple[PlanSpec, ...] = ()
    addons: tuple[RatedItem, ...] = ()
    notice_template: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def pool(self) -> list[str]:
        """Every reserved number: each 9-digit prefix reserves its hundred numbers."""
        numbers = [f"{p}{i:02d}" for p in self.pool_prefixes for i in range(100)]
        numbers.extend(self.pool_numbers)
        return sorted(set(numbers))


# A monthly fee or a rate in yuan: far above any real one, far below what breaks the estimate's
# arithmetic (a fee of 1e999999 loaded, then every estimate ended in a traceback).
MAX_AMOUNT = Decimal("100000")
MAX_AMOUNT_DIGITS = 12  # an exponent past this cannot be a sum of money, whichever way it points


def _bad(code: str, zh: str, en: str) -> Reason:
    return Reason(f"campaign.{code}", zh, en)


def _decimal(value: Any, where: str, problems: list[Reason]) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        problems.append(_bad("bad_amount", f"{where}:金额“{value}”不是数字", f"{where}: amount {value!r} is not a number"))
        return None
    if not number.is_finite() or abs(number.adjusted()) > MAX_AMOUNT_DIGITS:  # NaN, Infinity, 1e999999
        problems.append(_bad("bad_amount", f"{where}:金额“{value}”不是合理的数目", f"{where}: amount {value!r} is not a sensible figure"))
        return None
    if number < 0:
        problems.append(_bad("bad_amount", f"{where}:金额不能为负数", f"{where}: amount cannot be negative"))
        return None
    if number > MAX_AMOUNT:
        problems.append(_bad("bad_amount", f"{where}:金额不能超过 {MAX_AMOUNT} 元", f"{where}: amount cannot exceed {MAX_AMOUNT} yuan"))
        return None
    return number


def _int(value: Any, where: str, problems: list[Reason]) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append(_bad("bad_count", f"{where}:“{value}”应为非负整数", f"{where}: {value!r} should be a whole number ≥ 0"))
        return 0
    return value


def _rated_item(raw: Any, kind: str, problems: list[Reason]) -> RatedItem | None:
    if not isinstance(raw, dict) or not raw.get("code") or not raw.get("name"):
        problems.append(_bad("bad_item", f"{kind}缺少 code 或 name", f"a {kind} lacks code or name"))
        return None
    where = f"{kind} {raw['code']}"
    fee = _decimal(raw.get("monthly_fee"), where, problems)
    if fee is None and "monthly_fee" not in raw:
        problems.append(_bad("bad_item", f"{where} 缺少 monthly_fee", f"{where} lacks monthly_fee"))
    return RatedItem(
        code=str(raw["code"]),
        name=str(raw["name"]),
        monthly_fee=fee or Decimal("0"),
        free_in_group_minutes=_int(raw.get("free_in_group_minutes"), where, problems),
        in_group_rate=_decimal(raw.get("in_group_rate"), where, problems),
        out_group_rate=_decimal(raw.get("out_group_rate"), where, problems),
        free_sms=_int(raw.get("free_sms"), where, problems),
        sms_rate=_decimal(raw.get("sms_rate"), where, problems),
        free_data_mb=_int(raw.get("free_data_mb"), where, problems),
        data_rate_per_mb=_decimal(raw.get("data_rate_per_mb"), where, problems),
        keep_current=bool(raw.get("keep_current", False)),
    )


def _digits(values: Any, length: int, key: str, problems: list[Reason]) -> tuple[str, ...]:
    if values is None:
        return ()
    if not isinstance(values, list):
        problems.append(_bad("bad_pool", f"{key} 应为列表", f"{key} should be a list"))
        return ()
    good: list[str] = []
    for v in values:
        s = str(v).strip()
        if len(s) != length or not s.isdigit() or not s.startswith("1"):
            problems.append(
                _bad("bad_pool", f"{key}:“{s}”应为以1开头的{length}位数字", f"{key}: {s!r} should be {length} digits starting with 1")
            )
        else:
            good.append(s)
    return tuple(good)


def _required_text(raw: dict[str, Any], key: str, problems: list[Reason]) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(_bad("missing_key", f"缺少“{key}”", f"missing {key!r}"))
        return ""
    return value.strip()


def campaign_from_mapping(raw: dict[str, Any]) -> Verdict[CampaignSpec]:
    """Check a campaign described as plain data (a parsed TOML file or the editor's fields)."""
    problems: list[Reason] = []
    texts = {k: _required_text(raw, k, problems) for k in ("code", "title", "issuer", "carrier_branch", "contact")}
    issued_on = raw.get("issued_on")
    if isinstance(issued_on, datetime) or not isinstance(issued_on, date):
        problems.append(_bad("issued_on", "issued_on 应为日期,如 2012-02-22", "issued_on should be a date such as 2012-02-22"))
    deadline = raw.get("deadline")
    if not isinstance(deadline, datetime) or deadline.tzinfo is None:
        problems.append(
            _bad(
                "deadline",
                "deadline 应为带时区的时间,如 2012-02-27T10:00:00+08:00",
                "deadline should be a datetime with offset such as 2012-02-27T10:00:00+08:00",
            )
        )
    carrier = raw.get("required_carrier")
    if carrier is not None and carrier not in CARRIERS_REQUIRABLE:
        problems.append(_bad("carrier", f"required_carrier 只能是 china-mobile,不是“{carrier}”",
                             f"required_carrier must be china-mobile, not {carrier!r}"))
    departments: list[DepartmentSpec] = []
    for d in raw.get("departments") or []:
        if not isinstance(d, dict) or not str(d.get("name", "")).strip() or d.get("kind") not in DEPARTMENT_KINDS:
            problems.append(
                _bad("department", f"部门定义有误:{d}(需要 name 和 kind = business-unit 或 functional)",
                     f"bad department {d!r}: needs name and kind business-unit|functional")
            )
            continue
        departments.append(DepartmentSpec(str(d["name"]).strip(), str(d["kind"])))
    if len({d.name for d in departments}) != len(departments):
        problems.append(_bad("department_twice", "部门名称重复", "a department is listed twice"))
    addons = [a for a in (_rated_item(r, "addon", problems) for r in raw.get("addons") or []) if a]
    addon_codes = {a.code for a in addons}
    plans: list[PlanSpec] = []
    for r in raw.get("plans") or []:
        item = _rated_item(r, "plan", problems)
        if item is None:
            continue
        included = tuple(str(c) for c in (r.get("included_addons") or []))
        for code in included:
            if code not in addon_codes:
                problems.append(_bad("unknown_addon", f"资费 {item.code} 引用了不存在的附加包 {code}",
                                     f"plan {item.code} names unknown add-on {code}"))
        plans.append(PlanSpec(item, included))
    if len({p.item.code for p in plans}) != len(plans) or len(addon_codes) != len(addons):
        problems.append(_bad("code_twice", "资费或附加包代码重复", "a plan or add-on code is used twice"))
    excluded = raw.get("excluded_packages") or []
    if not isinstance(excluded, list):
        problems.append(_bad("excluded", "excluded_packages 应为列表", "excluded_packages should be a list"))
        excluded = []
    if problems:
        return Verdict(reasons=tuple(problems))
    assert isinstance(deadline, datetime) and isinstance(issued_on, date)
    known = {"code", "title", "issuer", "carrier_branch", "contact", "issued_on", "deadline", "required_carrier",
             "excluded_packages", "departments", "pool_prefixes", "pool_numbers", "plans", "addons", "notice_template"}
    spec = CampaignSpec(
        issued_on=issued_on,
        deadline=deadline,
        required_carrier=carrier,
        excluded_packages=tuple(str(e).strip() for e in excluded if str(e).strip()),
        departments=tuple(departments),
        pool_prefixes=_digits(raw.get("pool_prefixes"), 9, "pool_prefixes", problems),
        pool_numbers=_digits(raw.get("pool_numbers"), 11, "pool_numbers", problems),
        plans=tuple(plans),
        addons=tuple(addons),
        notice_template=raw.get("notice_template"),
        extra={k: v for k, v in raw.items() if k not in known},
        **texts,
    )
    return Verdict(reasons=tuple(problems)) if problems else Verdict(value=spec)


def parse_campaign_toml(text: str) -> Verdict[CampaignSpec]:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Verdict(reasons=(_bad("toml", f"文件格式有误(TOML):{exc}", f"not valid TOML: {exc}"),))
    return campaign_from_mapping(raw)
