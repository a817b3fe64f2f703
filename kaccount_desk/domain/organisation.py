"""The organisation's name: what heads the printed notice, rosters and summary.

It is typed once for the whole office (the first-run wizard, ``init --organisation``, the
Admin page) and printed as given, so it is checked here: one line, not too long to fit a
heading. Empty means "none set", and the documents then print no heading line for it.
"""

from __future__ import annotations

from kaccount_desk.domain.reasons import Reason, Verdict

MAX_LENGTH = 40  # a 16-point heading across an A4 page


def check_organisation_name(raw: str) -> Verdict[str]:
    """The name as it will print (spaces around it dropped), or why it cannot be used."""
    name = " ".join(raw.split()) if raw.strip() else ""
    if any(ord(ch) < 32 for ch in raw.strip()):
        return Verdict(reasons=(Reason("organisation.one_line", "单位名称只能是一行文字", "The organisation's name must be one line."),))
    if len(name) > MAX_LENGTH:
        return Verdict(reasons=(Reason(
            "organisation.long", f"单位名称最多 {MAX_LENGTH} 个字(现在 {len(name)} 个)",
            f"The organisation's name may have at most {MAX_LENGTH} characters (it has {len(name)}).",
        ),))
    return Verdict(value=name)
