"""The checks before reading see the XML as a parser does, whatever legal spelling the writer chose.

A fuzzer rewrites a worksheet in the ways XML allows (quotes, spaces and line breaks around ``=``
and between attributes, a namespace prefix, character references, attribute order) and asks for
the same verdict as for the plainly written file: the same extent and hidden rows for a roster,
the same refusal for a far cell. The files are only inspected, never read by calamine, so a
spelling the checks missed fails this test rather than aborting the run. (calamine itself refuses
some legal spellings, character references in a ``ref`` for one: "cannot read", never a crash.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from crafted import NS, Member, workbook
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaccount_desk.sheets.sheet_limits import RosterFileError, inspect_xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@dataclass(frozen=True)
class El:
    name: str
    attributes: tuple[tuple[str, str], ...] = ()
    children: tuple[El, ...] = ()
    text: str = ""


def text_cell(ref: str, text: str) -> El:
    return El("c", (("r", ref), ("t", "inlineStr")), (El("is", (), (El("t", text=text),)),))


def roster(far: bool) -> El:
    titles = zip("ABCD", ("姓名", "部门", "身份证号码", "手机号码"), strict=True)
    header = El("row", (("r", "1"),), tuple(text_cell(f"{c}1", t) for c, t in titles))
    people = tuple(
        El("row", (("r", str(n)), *((("hidden", "1"),) if n == 3 else ())), (
            text_cell(f"A{n}", f"张{n}"), text_cell(f"B{n}", "财务部"), text_cell(f"C{n}", "130981199001011234"),
            El("c", (("r", f"D{n}"),), (El("v", text=f"1380013800{n}"),)),
        ))
        for n in range(2, 6)
    )
    rows = (*people, El("row", (("r", "1048576"),), (El("c", (("r", "XFD1048576"),), (El("v", text="1"),)),))) if far else people
    return El("worksheet", (), (El("dimension", (("ref", "A1:D5"),)), El("sheetData", (), (header, *rows))))


@st.composite
def spelling(draw: st.DrawFn, root: El) -> str:
    """The worksheet written with a spelling drawn for every tag and attribute."""
    prefix = draw(st.sampled_from(["", "x:", "ss:"]))
    space = st.sampled_from([" ", "\n", "\t", "  \r\n "])
    around = st.sampled_from(["", " ", "\n", " \t"])

    def value(text: str) -> str:
        if not draw(st.booleans()):
            return text.replace("&", "&amp;").replace("<", "&lt;")
        return "".join(f"&#{ord(ch)};" if draw(st.booleans()) else f"&#x{ord(ch):X};" for ch in text)

    def render(element: El, top: bool) -> str:
        attributes = list(element.attributes)
        if top:
            attributes.append((f"xmlns:{prefix[:-1]}" if prefix else "xmlns", MAIN))
        attributes = draw(st.permutations(attributes))
        written = ""
        for key, text in attributes:
            quote = draw(st.sampled_from(['"', "'"]))
            written += f"{draw(space)}{key}{draw(around)}={draw(around)}{quote}{value(text)}{quote}"
        tag = f"{prefix}{element.name}"
        inner = "".join(render(child, False) for child in element.children) + value(element.text)
        closing = draw(st.sampled_from(["", " ", "\n"]))
        if not inner and draw(st.booleans()):
            return f"<{tag}{written}{closing}/>"
        return f"<{tag}{written}{closing}>{inner}</{tag}{closing}>"

    return render(root, True)


def plain(root: El) -> str:
    def render(element: El, top: bool) -> str:
        attributes = "".join(f' {k}="{v}"' for k, v in element.attributes) + (f' {NS}' if top else "")
        inner = "".join(render(child, False) for child in element.children) + element.text
        return f"<{element.name}{attributes}>{inner}</{element.name}>"

    return render(root, True)


def book(folder: Path, xml: str) -> Path:
    return workbook(folder / "r.xlsx", Member("xl/worksheets/sheet1.xml", xml.encode()))


def verdict(path: Path) -> object:
    try:
        facts = inspect_xlsx(path, "r.xlsx").by_part["xl/worksheets/sheet1.xml"]
    except RosterFileError as exc:
        return exc.reason
    return facts.max_row, facts.max_column, facts.hidden_rows


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("far", [False, True], ids=["roster", "far-cell"])
def test_every_spelling_gets_the_plain_files_verdict(tmp_path: Path, far: bool) -> None:
    root = roster(far)
    expected = verdict(book(tmp_path, plain(root)))
    assert isinstance(expected, tuple) != far

    @FUZZ
    @given(xml=spelling(root))
    def check(xml: str) -> None:
        assert verdict(book(tmp_path, xml)) == expected

    check()

