"""Mobile numbers and the carrier their segment (号段) was issued to.

phonenumbers knows most segments and tells mobile from fixed-line numbers; a small data file
(``resources/carrier_segments.toml``) corrects what it lacks, so a new segment is a data change,
not a release. Since number portability (携号转网, 2019-12-01) a segment no longer proves the
current carrier, so a foreign segment is a question for the clerk, never a rejection.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.text import cell_text, to_half_width

SEGMENTS_FILE_NAME = "carrier_segments.toml"
MOBILE_LENGTH = 11
SEGMENT_DIGITS = 7
IOT_LENGTH = 13
# 13-digit machine-to-machine numbers: they cannot make the calls a calling group is for.
IOT_PREFIXES: tuple[str, ...] = ("1440", "1410", "148", "146")


class Carrier(StrEnum):
    """The basic operators; the value is what files and settings store."""

    CHINA_MOBILE = "china-mobile"
    CHINA_UNICOM = "china-unicom"
    CHINA_TELECOM = "china-telecom"
    CHINA_BROADNET = "china-broadnet"
    UNKNOWN = "unknown"

    @property
    def zh(self) -> str:
        return CARRIER_LABELS.zh(self)

    @property
    def en(self) -> str:
        return CARRIER_LABELS.en(self)


CARRIER_LABELS = Labels({
    Carrier.CHINA_MOBILE: ("中国移动", "China Mobile"),
    Carrier.CHINA_UNICOM: ("中国联通", "China Unicom"),
    Carrier.CHINA_TELECOM: ("中国电信", "China Telecom"),
    Carrier.CHINA_BROADNET: ("中国广电", "China Broadnet"),
    Carrier.UNKNOWN: ("未知运营商", "an unknown carrier"),
})

# phonenumbers' English carrier names, which are the only ones it guarantees.
_PHONENUMBERS_NAMES: dict[str, Carrier] = {
    "China Mobile": Carrier.CHINA_MOBILE,
    "China Unicom": Carrier.CHINA_UNICOM,
    "China Telecom": Carrier.CHINA_TELECOM,
    "China Broadnet": Carrier.CHINA_BROADNET,
}
_SEPARATORS = re.compile(r"[\s\-‐–—.()]")
_COUNTRY_PREFIXES = ("+86", "0086", "86")
_PREFIX_SHAPE = re.compile(r"^1[0-9]{2,6}$")


@dataclass(frozen=True)
class MobileNumber:
    number: str
    carrier: Carrier


@dataclass(frozen=True)
class SegmentTable:
    """Segment overrides, longest prefix first, and the lines of the data file that were unusable.

    Unusable lines are kept as reasons instead of raising, so a typo in the data file shows up
    in the app's log or settings page while every other override still works.
    """

    overrides: tuple[tuple[str, Carrier], ...] = ()
    problems: tuple[Reason, ...] = ()
    # Segments issued for data cards and machines: such a number cannot place a call.
    data_only: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.overrides, key=lambda item: (-len(item[0]), item[0])))
        object.__setattr__(self, "overrides", ordered)

    def lookup(self, number: str) -> tuple[str, Carrier] | None:
        """The longest overriding prefix of ``number`` and its carrier, if any."""
        for prefix, carrier in self.overrides:
            if number.startswith(prefix):
                return prefix, carrier
        return None

    @classmethod
    def from_toml_text(cls, text: str) -> SegmentTable:
        """Read ``[segments]`` as ``"prefix" = "carrier"``; see the data file's header."""
        try:
            data = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, TypeError) as exc:
            return cls(problems=(_table_problem(f"TOML: {exc}"),))
        segments = data.get("segments", {})
        if not isinstance(segments, dict):
            return cls(problems=(_table_problem("[segments] must be a table"),))
        data_only = _data_only_prefixes(data.get("data_only", {}))
        if data_only is None:
            return cls(problems=(_table_problem("[data_only] prefixes must be a list of 3-7 digit prefixes starting with 1"),))
        overrides: list[tuple[str, Carrier]] = []
        problems: list[Reason] = []
        for prefix, value in segments.items():
            if not _PREFIX_SHAPE.match(prefix):
                problems.append(_table_problem(f"prefix {prefix!r} is not 3-7 digits starting with 1"))
            elif value not in {c.value for c in Carrier}:
                problems.append(_table_problem(f"prefix {prefix!r}: unknown carrier {value!r}"))
            else:
                overrides.append((prefix, Carrier(value)))
        return cls(tuple(overrides), tuple(problems), tuple(data_only))

    def is_data_only(self, number: str) -> bool:
        return number.startswith(self.data_only) if self.data_only else False


def _data_only_prefixes(section: object) -> list[str] | None:
    prefixes = section.get("prefixes", []) if isinstance(section, dict) else None
    if not isinstance(prefixes, list) or not all(isinstance(p, str) and _PREFIX_SHAPE.match(p) for p in prefixes):
        return None
    return prefixes


def _table_problem(detail: str) -> Reason:
    return Reason(
        "segments.invalid",
        f"号段数据文件{SEGMENTS_FILE_NAME}有一处无法使用:{detail}",
        f"The segment data file {SEGMENTS_FILE_NAME} has an unusable entry: {detail}",
    )


def load_default_segments(resources_dir: Path) -> SegmentTable:
    """The table from ``resources_dir/carrier_segments.toml``; an unreadable file is a problem, not a crash."""
    try:
        text = (Path(resources_dir) / SEGMENTS_FILE_NAME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, TypeError) as exc:
        return SegmentTable(problems=(_table_problem(f"cannot read: {exc}"),))
    return SegmentTable.from_toml_text(text)


def normalize_mobile(raw: object) -> str:
    """Digits only as far as possible, without the country code a caller may have dialled."""
    if type(raw) is str and _is_mobile_shaped(raw):
        return raw  # already eleven ASCII digits from 1 (most of a roster): nothing below would change it
    text = _SEPARATORS.sub("", to_half_width(cell_text(raw)))
    for prefix in _COUNTRY_PREFIXES:
        rest = text[len(prefix) :]
        if text.startswith(prefix) and _is_mobile_shaped(rest):
            return rest
    return text


def _is_mobile_shaped(text: str) -> bool:
    return len(text) == MOBILE_LENGTH and text.isascii() and text.isdigit() and text[0] == "1"


def _looks_like_landline(digits: str) -> bool:
    """An area code (0xx/0xxx) with a local number, or a bare 7-8 digit local number."""
    if digits.startswith("0"):
        return 10 <= len(digits) <= 12
    return len(digits) in (7, 8) and digits[0] != "1"


def _phonenumbers_carrier(number: str) -> Carrier | None:
    """The carrier phonenumbers gives, UNKNOWN for a mobile number it cannot name, None if not mobile.

    libphonenumber decides a Chinese mobile number's type, validity and carrier by its 7-digit
    segment (号段) at most, so the answer is cached per segment: a 10,000-row roster then parses a
    few hundred numbers instead of ten thousand (checked on 20,000 random segments: same verdict).
    """
    return _segment_carrier(number[:SEGMENT_DIGITS]) if len(number) == MOBILE_LENGTH else _parse_carrier(number)


@lru_cache(maxsize=8192)
def _segment_carrier(segment: str) -> Carrier | None:
    return _parse_carrier(segment + "0" * (MOBILE_LENGTH - SEGMENT_DIGITS))


def _parse_carrier(number: str) -> Carrier | None:
    # Imported at the first number checked, not with this module: masking a number (the Tickets
    # page's rows) must not load phonenumbers' carrier tables, 12 MB held to the end of the day.
    import phonenumbers
    from phonenumbers import PhoneNumberType
    from phonenumbers import carrier as pn_carrier

    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.number_type(parsed) not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return _PHONENUMBERS_NAMES.get(pn_carrier.name_for_number(parsed, "en"), Carrier.UNKNOWN)


def carrier_of(number: str, segments: SegmentTable) -> tuple[str, Carrier] | None:
    """The segment and carrier of an 11-digit number; None when no mobile segment has it."""
    override = segments.lookup(number)
    if override is not None:
        return override
    found = _phonenumbers_carrier(number)
    return None if found is None else (number[:3], found)


def _reject(code: str, zh: str, en: str) -> Verdict[MobileNumber]:
    return Verdict(reasons=(Reason(code, zh, en),))


def _shape_problem(number: str) -> Verdict[MobileNumber] | None:
    if not number:
        return _reject("mobile.empty", "请填写手机号码。", "Please enter the mobile number.")
    if not (number.isascii() and number.isdigit()):
        return _reject(
            "mobile.chars",
            "手机号码只能包含数字。",
            "A mobile number may contain digits only.",
        )
    if _looks_like_landline(number):
        return _reject(
            "mobile.landline",
            "这像是固定电话号码,固定电话不能加入集团网,请填写11位手机号码。",
            "This looks like a landline number; landlines cannot join the group."
            " Please enter an 11-digit mobile number.",
        )
    if len(number) == IOT_LENGTH and number.startswith(IOT_PREFIXES):
        return _reject(
            "mobile.iot",
            "这是13位物联网号码,不是个人手机号码,不能办理大客户业务。",
            "This is a 13-digit IoT number, not a personal mobile number; it cannot join.",
        )
    if len(number) != MOBILE_LENGTH:
        return _reject(
            "mobile.length",
            f"手机号码应为11位,现在是{len(number)}位。",
            f"A mobile number has 11 digits; this one has {len(number)}.",
        )
    return None


def _carrier_warning(segment: str, found: Carrier, required: Carrier) -> Reason:
    if found is Carrier.UNKNOWN:
        return Reason(
            "mobile.carrier_mismatch",
            f"无法判断号段{segment}属于哪家运营商,请确认该号码现在是{required.zh}号码。",
            f"The carrier of segment {segment} is unknown; confirm it is a {required.en} number now.",
            confirm=True,
        )
    return Reason(
        "mobile.carrier_mismatch",
        f"号段{segment}属于{found.zh}。自2019年12月1日起号码可以携号转网,"
        f"请确认该号码现在是{required.zh}号码。",
        f"Segment {segment} belongs to {found.en}. Numbers can be ported between carriers since"
        f" 2019-12-01; confirm it is a {required.en} number now.",
        confirm=True,
    )


def check_mobile(
    raw: object, segments: SegmentTable, required_carrier: str | None = None, *, for_calls: bool = True
) -> Verdict[MobileNumber]:
    """The number and its segment's carrier, or why it cannot be a personal mobile number.

    ``required_carrier`` is a :class:`Carrier` value; anything else, "unknown" included, means
    no requirement, since no enrollment can require an unknown carrier. ``for_calls`` is for a
    number that must place calls (a calling group); a ticket about a data card passes False.
    """
    number = normalize_mobile(raw)
    problem = _shape_problem(number)
    if problem is not None:
        return problem
    if for_calls and segments.is_data_only(number):
        segment = next(p for p in segments.data_only if number.startswith(p))
        return _reject(
            "mobile.data_only",
            f"{segment}号段是上网卡、物联网专用号段,不能打电话,因此不能加入集团网。",
            f"Segment {segment} is for data cards and devices only: such a number cannot place calls,"
            " so it cannot join a calling group.",
        )
    found = carrier_of(number, segments)
    if found is None:
        return _reject(
            "mobile.not_mobile",
            f"{number}不属于任何手机号段,请核对号码。",
            f"{number} is not in any mobile segment; please check the number.",
        )
    segment, carrier = found
    value = MobileNumber(number, carrier)
    required = _required(required_carrier)
    if required is None or carrier is required:
        return Verdict(value=value)
    return Verdict(value=value, warnings=(_carrier_warning(segment, carrier, required),))


def _required(required_carrier: object) -> Carrier | None:
    if required_carrier is None or type(required_carrier) is str:
        return _required_named(required_carrier)
    return _carrier_named(required_carrier)


@lru_cache(maxsize=16)
def _required_named(required_carrier: str | None) -> Carrier | None:
    """Cached: a campaign requires one carrier, asked of every row of a roster."""
    return _carrier_named(required_carrier)


def _carrier_named(required_carrier: object) -> Carrier | None:
    try:
        required = Carrier(cell_text(required_carrier).strip())
    except ValueError:
        return None
    return None if required is Carrier.UNKNOWN else required


def mask_mobile(number: str) -> str:
    """Only the ends of a customer's number: queues are on counter screens the next customer can see, and
    receipts leave the hall."""
    return number[:3] + "****" + number[-4:] if len(number) >= 11 else number
