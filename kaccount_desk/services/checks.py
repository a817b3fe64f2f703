"""Stand-alone checks of ID and mobile numbers, for scripts and a clerk's quick question.

They need no login and no store: only the rules and the shipped segment table. The mobile
rules (phonenumbers with its carrier data) load only when a number is checked, so ``check-id``
starts as fast as a bare Python with python-stdnum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kaccount_desk import config
from kaccount_desk.domain.reasons import Lang
from kaccount_desk.domain.resident_id import check_resident_id, normalize_resident_id


@dataclass(frozen=True)
class CheckResult:
    input: str
    valid: bool
    normalized: str
    reasons: list[str]
    warnings: list[str]
    details: dict[str, str]


def check_ids(values: list[str], lang: Lang = "zh", today: date | None = None) -> list[CheckResult]:
    results = []
    for raw in values:
        verdict = check_resident_id(raw, today)
        details = {}
        if verdict.value is not None:
            v = verdict.value
            details = {"birth_date": v.birth_date.isoformat(), "sex": v.sex, "region_code": v.region_code}
        normalized = verdict.value.number if verdict.value else normalize_resident_id(raw)
        results.append(CheckResult(raw, verdict.ok, normalized, verdict.texts(lang), verdict.warning_texts(lang), details))
    return results


def check_numbers(
    values: list[str], required_carrier: str | None = None, lang: Lang = "zh", resources: Path | None = None,
) -> list[CheckResult]:
    from kaccount_desk.domain.mobile import check_mobile, load_default_segments, normalize_mobile

    segments = load_default_segments(resources or config.resources_dir())
    results = []
    for raw in values:
        verdict = check_mobile(raw, segments, required_carrier)
        carrier = verdict.value.carrier.value if verdict.value else ""
        normalized = verdict.value.number if verdict.value else normalize_mobile(raw)
        results.append(CheckResult(raw, verdict.ok, normalized, verdict.texts(lang), verdict.warning_texts(lang), {"carrier": carrier}))
    return results
