"""The ID field is a document type plus a number (MIIT Order No. 25 accepts more than the ID card).

Only numbers with a published checksum are checked deeply; for the others a plausible shape is
all the counter can verify, and the clerk compares the number with the document in hand.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import lru_cache

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.resident_id import check_resident_id, normalize_resident_id
from kaccount_desk.domain.text import cell_text, squeeze


class IdDocumentType(StrEnum):
    """Documents accepted for real-name registration; the value is what files and forms store."""

    RESIDENT_ID = "resident_id"
    HOUSEHOLD_REGISTER = "household_register"
    MILITARY_ID = "military_id"
    ARMED_POLICE_ID = "armed_police_id"
    HK_MACAU_PERMIT = "hk_macau_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    PASSPORT = "passport"

    @property
    def zh(self) -> str:
        return DOCUMENT_LABELS.zh(self)

    @property
    def en(self) -> str:
        return DOCUMENT_LABELS.en(self)


DOCUMENT_LABELS = Labels({
    IdDocumentType.RESIDENT_ID: ("居民身份证", "Resident ID card"),
    IdDocumentType.HOUSEHOLD_REGISTER: ("户口簿", "Household register"),
    IdDocumentType.MILITARY_ID: ("军官证", "Military officer ID"),
    IdDocumentType.ARMED_POLICE_ID: ("武警证", "Armed police ID"),
    IdDocumentType.HK_MACAU_PERMIT: (
        "港澳居民来往内地通行证",
        "Mainland travel permit for Hong Kong and Macau residents",
    ),
    IdDocumentType.TAIWAN_PERMIT: (
        "台湾居民来往大陆通行证",
        "Mainland travel permit for Taiwan residents",
    ),
    IdDocumentType.PASSPORT: ("外国人护照", "Foreign passport"),
})

DEFAULT_DOCUMENT_TYPE = IdDocumentType.RESIDENT_ID

# Residence permits for Hong Kong/Macau (810000/820000) and Taiwan (830000) residents carry an
# 18-character number with the ID card's checksum; the permit types accept them too.
_RESIDENCE_PERMIT_PROVINCES: dict[IdDocumentType, tuple[str, ...]] = {
    IdDocumentType.HK_MACAU_PERMIT: ("81", "82"),
    IdDocumentType.TAIWAN_PERMIT: ("83",),
}
_EIGHTEEN = re.compile(r"^[0-9]{17}[0-9X]$")
_OTHER_DOCUMENT = re.compile(r"^[0-9A-Z]{5,20}$")


def document_type_from(raw: object) -> IdDocumentType | None:
    """The type for a stored value or its Chinese label; blank means the resident ID card."""
    if type(raw) is str:
        return _type_of_text(raw)
    return _type_named(squeeze(cell_text(raw)))


@lru_cache(maxsize=64)
def _type_of_text(raw: str) -> IdDocumentType | None:
    """Cached as given: a roster row asks twice for the same stored value, which then needs no squeezing."""
    return _type_named(squeeze(raw))


@lru_cache(maxsize=64)
def _type_named(text: str) -> IdDocumentType | None:
    """Cached: a roster names the same type on every row, and the form offers a handful of labels."""
    if not text:
        return DEFAULT_DOCUMENT_TYPE
    for doc_type in IdDocumentType:
        if text.lower() == doc_type.value or text == doc_type.zh:
            return doc_type
    return None


def check_id_document(doc_type: object, raw: object, today: date | None = None) -> Verdict[str]:
    """The normalised number when it is plausible for its document type, else the reasons."""
    kind = document_type_from(doc_type)
    if kind is None:
        return Verdict(
            reasons=(
                Reason(
                    "id.document_type",
                    f"不认识的证件类型“{cell_text(doc_type)}”,请从列表中选择。",
                    f"Unknown document type '{cell_text(doc_type)}'; please pick one from the list.",
                ),
            )
        )
    if kind is IdDocumentType.RESIDENT_ID or (
        kind in _RESIDENCE_PERMIT_PROVINCES and _EIGHTEEN.match(normalize_resident_id(raw))
    ):
        return _check_eighteen(kind, raw, today)
    number = squeeze(cell_text(raw)).upper()
    if not number:
        return Verdict(
            reasons=(
                Reason("id.empty", f"请填写{kind.zh}号码。", f"Please enter the {kind.en} number."),
            )
        )
    if not _OTHER_DOCUMENT.match(number):
        return Verdict(
            reasons=(
                Reason(
                    "id.document_format",
                    f"{kind.zh}号码应为5–20位字母或数字,请对照证件核对。",
                    f"A {kind.en} number has 5-20 letters or digits; please compare with the document.",
                ),
            )
        )
    return Verdict(value=number)


def _check_eighteen(kind: IdDocumentType, raw: object, today: date | None) -> Verdict[str]:
    verdict = check_resident_id(raw, today)
    reasons = verdict.reasons
    provinces = _RESIDENCE_PERMIT_PROVINCES.get(kind)
    if provinces and not normalize_resident_id(raw).startswith(provinces):
        reasons += (
            Reason(
                "id.permit_region",
                f"{kind.zh}持有人的居住证号码应以{'或'.join(provinces)}开头,请核对证件类型。",
                f"A residence permit number for this document type starts with"
                f" {' or '.join(provinces)}; please check the document type.",
            ),
        )
    if reasons or verdict.value is None:
        return Verdict(reasons=reasons, warnings=verdict.warnings)
    # The number as checked: normalised once, not again here (a roster checks ten thousand).
    return Verdict(value=verdict.value.number, warnings=verdict.warnings)
