"""Group customers (集团客户): their classes A/B/C and the rules that suggest one.

The seed: "集团客户根据其影响力和重要程度又分为ABC三类,A类一般是党政机构、当地经济支柱性企业;
B类一般是中型企业、各事业单位;C类就是小型企业和普通群体". Influence is a judgement, so the class is
set by a person; the rules a supervisor keeps (members and monthly spend) suggest one, and the
card shows both, so a company that grew is noticed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kaccount_desk.domain.key_accounts import yuan
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason

NAME_CHARS = 200


class CompanyClass(StrEnum):
    A = "A"
    B = "B"
    C = "C"


CLASS_LABELS = Labels({
    CompanyClass.A: ("A类(党政机构、当地经济支柱企业)", "Class A (government bodies, pillar enterprises)"),
    CompanyClass.B: ("B类(中型企业、事业单位)", "Class B (medium enterprises, public institutions)"),
    CompanyClass.C: ("C类(小型企业、普通群体)", "Class C (small enterprises, ordinary groups)"),
})


@dataclass(frozen=True)
class ClassRule:
    """A class is suggested when the company has at least ``min_members`` members AND its members spend
    at least ``min_monthly_fen`` a month together; a supervisor sets either to zero to judge by the other."""

    company_class: CompanyClass
    min_members: int
    min_monthly_fen: int


DEFAULT_CLASS_RULES: tuple[ClassRule, ...] = (
    # The seed names the classes by kind of organisation, not by size; these are a start to change.
    ClassRule(CompanyClass.A, 200, 2_000_000),
    ClassRule(CompanyClass.B, 50, 500_000),
    ClassRule(CompanyClass.C, 0, 0),
)


def suggested_class(members: int, monthly_fen: int, rules: Sequence[ClassRule]) -> CompanyClass:
    """The highest class whose rule the company meets; C when none does."""
    for rule in sorted(rules, key=lambda r: r.company_class.value):
        if members >= rule.min_members and monthly_fen >= rule.min_monthly_fen:
            return rule.company_class
    return CompanyClass.C


def check_class_rules(rules: Sequence[ClassRule]) -> tuple[Reason, ...]:
    """Why these rules cannot be kept: a negative figure, or a higher class asking less than a lower one."""
    if any(rule.min_members < 0 or rule.min_monthly_fen < 0 for rule in rules):
        return (Reason("class_rule.negative", "人数和月消费不能为负数", "Members and monthly spend cannot be negative"),)
    ordered = sorted(rules, key=lambda r: r.company_class.value)
    for higher, lower in zip(ordered, ordered[1:], strict=False):
        if higher.min_members < lower.min_members or higher.min_monthly_fen < lower.min_monthly_fen:
            return (Reason(
                "class_rule.order",
                f"{higher.company_class.value}类的标准不能低于{lower.company_class.value}类"
                f"(人数 {lower.min_members},月消费 {yuan(lower.min_monthly_fen)} 元)",
                f"Class {higher.company_class.value} cannot ask less than class {lower.company_class.value} "
                f"({lower.min_members} members, {yuan(lower.min_monthly_fen)} yuan a month)"),)
    return ()


def check_company_name(name: str) -> tuple[Reason, ...]:
    text = name.strip()
    if not text:
        return (Reason("company.name_empty", "请填写集团客户名称", "Enter the company's name"),)
    if len(text) > NAME_CHARS:
        return (Reason("company.name_long", f"名称不能超过 {NAME_CHARS} 个字", f"The name cannot exceed {NAME_CHARS} characters"),)
    return ()
