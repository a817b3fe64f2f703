"""Resident ID numbers (GB 11643-1999), checked the way a counter clerk needs them checked.

The checksum comes from python-stdnum (imported at the first number checked); its region verdict
does not, because it refuses real people (retired county codes such as 412723, 泊头 130981 for
holders born before the code existed). A number keeps the address code it was issued with, so only an impossible province
is a rejection here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.text import cell_text, squeeze

Sex = Literal["male", "female"]

ID_LENGTH = 18
LEGACY_LENGTH = 15
EARLIEST_BIRTH_DATE = date(1900, 1, 1)

# 71/81/82 are Taiwan, Hong Kong and Macau; 83 is the Taiwan residents' residence permit (830000).
VALID_PROVINCES: frozenset[str] = frozenset(
    f"{n:02d}"
    for n in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
    )
)

# "1.30981E+17": what Excel shows, and exports, once it has taken an ID for a number.
_SCIENTIFIC = re.compile(r"^[+-]?[0-9]+(\.[0-9]*)?[eE][+-]?[0-9]+$")
# Excel keeps 15 significant digits, so a number it swallowed ends in zeros from digit 16 on.
_EXCEL_EXACT_DIGITS = 15
_FLOAT_EXACT_LIMIT = 10**_EXCEL_EXACT_DIGITS
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")
_ALLOWED = re.compile(r"^[0-9X]+$")


@dataclass(frozen=True)
class ResidentId:
    """A number that passed every rule, with what it says about its holder."""

    number: str
    birth_date: date
    sex: Sex
    region_code: str


def normalize_resident_id(raw: object) -> str:
    """The number as the card prints it, however the clerk or the spreadsheet typed it."""
    return squeeze(cell_text(raw)).replace("x", "X")


def mask_resident_id(number: object) -> str:
    """Keep the first 4 and last 4 characters: enough to match a card, too little to misuse.

    PIPL asks for the number to be masked wherever the full one is not needed (receipts,
    rosters on screen). Anything of 8 characters or fewer is masked completely.
    """
    text = normalize_resident_id(number)
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def _reason(code: str, zh: str, en: str) -> Verdict[ResidentId]:
    return Verdict(reasons=(Reason(code, zh, en),))


def _excel_number() -> Verdict[ResidentId]:
    return _reason(
        "id.excel_number",
        "身份证号码被Excel当成了数字,后几位已经丢失。请把该列设置为“文本”格式后重新录入完整的18位号码。",
        "Excel has turned the ID number into a number and lost its last digits. Format the column"
        " as text and enter the full 18-character number again.",
    )


def _looks_swallowed_by_excel(number: str) -> bool:
    return len(number) > _EXCEL_EXACT_DIGITS and set(number[_EXCEL_EXACT_DIGITS:]) == {"0"}


def _birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _check_birth_date(born: date | None, today: date) -> Reason | None:
    if born is None:
        return Reason(
            "id.birth_date_invalid",
            "身份证号码中的出生日期(第7–14位)不是真实的日期,请核对。",
            "The birth date in the ID number (characters 7-14) is not a real date; please check it.",
        )
    if born > today:
        return Reason(
            "id.birth_date_future",
            f"身份证号码中的出生日期{born:%Y-%m-%d}晚于今天,请核对。",
            f"The birth date {born:%Y-%m-%d} in the ID number is in the future; please check it.",
        )
    if born < EARLIEST_BIRTH_DATE:
        return Reason(
            "id.birth_date_too_old",
            f"身份证号码中的出生日期{born:%Y-%m-%d}早于1900年,请核对。",
            f"The birth date {born:%Y-%m-%d} in the ID number is before 1900; please check it.",
        )
    return None


def _shape_problem(number: str) -> Verdict[ResidentId] | None:
    if _SHAPE.fullmatch(number):  # the usual case first: seventeen digits and a digit or X pass every test below
        return None
    if not number:
        return _reason("id.empty", "请填写身份证号码。", "Please enter the ID number.")
    if _SCIENTIFIC.match(number):
        return _excel_number()
    if number.isascii() and number.isdigit() and len(number) == LEGACY_LENGTH:
        return _reason(
            "id.legacy_15",
            "这是15位的旧身份证号码,请填写现用身份证上的18位号码。",
            "This is an old 15-digit ID number. Please enter the 18-character number printed on"
            " the current ID card.",
        )
    if not _ALLOWED.match(number):
        return _reason(
            "id.chars",
            "身份证号码只能由数字组成,最后一位可以是X。",
            "An ID number consists of digits only; the last character may be X.",
        )
    if len(number) != ID_LENGTH:
        return _reason(
            "id.length",
            f"身份证号码应为18位,现在是{len(number)}位。",
            f"An ID number has 18 characters; this one has {len(number)}.",
        )
    if not _SHAPE.match(number):
        return _reason(
            "id.chars",
            "身份证号码中只有最后一位可以是X。",
            "Only the last character of an ID number may be X.",
        )
    return None


def check_resident_id(raw: object, today: date | None = None) -> Verdict[ResidentId]:
    """Every problem with an 18-character resident ID number, or the parsed number.

    Shape problems stop the check (nothing after them can be read); checksum, birth date and
    province are reported together so the clerk sees all of them at once.
    """
    if isinstance(raw, float) and abs(raw) >= _FLOAT_EXACT_LIMIT:
        return _excel_number()
    if isinstance(raw, str):
        return _check_text(raw, today or date.today())
    return _check_number(normalize_resident_id(raw), today or date.today())


def calc_check_digit(number: str) -> str:
    """The check character (ISO 7064 MOD 11-2) that the first 17 digits of ``number`` call for: python-stdnum's.

    Imported at the first number checked, not with this module: stdnum brings pydoc and its helpers,
    about 1.5 MB, which a clerk's window that never reads an ID number would carry for nothing.
    """
    from stdnum.cn.ric import calc_check_digit as stdnum_check_digit

    return str(stdnum_check_digit(number))


@lru_cache(maxsize=2)
def _check_text(raw: str, today: date) -> Verdict[ResidentId]:
    """Cached for the last two numbers only: an application's check reads the same number twice in a
    row (its document, then the note on birth date and sex), which a roster pays ten thousand times
    over; a longer memory would keep people's numbers in the process for nothing."""
    return _check_number(normalize_resident_id(raw), today)


def _check_number(number: str, today: date) -> Verdict[ResidentId]:
    shape = _shape_problem(number)
    if shape is not None:
        return shape
    checksum_ok = calc_check_digit(number) == number[-1]
    if not checksum_ok and _looks_swallowed_by_excel(number):
        return _excel_number()
    reasons: list[Reason] = []
    if not checksum_ok:
        reasons.append(
            Reason(
                "id.checksum",
                "身份证号码的校验位(最后一位)与前17位不符,可能有数字输错,请对照证件核对。",
                "The check character (the last one) does not match the first 17 digits; a digit"
                " was probably mistyped. Please compare with the card.",
            )
        )
    born = _birth_date(number)
    date_problem = _check_birth_date(born, today)
    if date_problem is not None:
        reasons.append(date_problem)
    if number[:2] not in VALID_PROVINCES:
        reasons.append(
            Reason(
                "id.province",
                f"身份证号码前两位“{number[:2]}”不是有效的省级行政区代码,请核对。",
                f"The first two digits '{number[:2]}' are not a valid province code; please check.",
            )
        )
    if reasons or born is None:
        return Verdict(reasons=tuple(reasons))
    sex: Sex = "male" if int(number[16]) % 2 == 1 else "female"
    return Verdict(value=ResidentId(number, born, sex, number[:6]))
