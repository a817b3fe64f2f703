"""Hostile spreadsheets, built in the test run (no big binaries in git), and a child process to read them.

Each bomb is written as a raw zip: one deflate segment of a block, repeated with full flushes,
so a file that inflates to hundreds of megabytes costs a few milliseconds to make.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} {NS_R}>'
    '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml"/></Relationships>'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>部门</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>身份证号码</t></is></c><c r="D1" t="inlineStr"><is><t>手机号码</t></is></c></row>'
)


@dataclass(frozen=True)
class Member:
    """A zip entry as head + block × times + tail, so its size can be far beyond what is kept in memory."""

    name: str
    head: bytes
    block: bytes = b""
    times: int = 0
    tail: bytes = b""


def write_zip(path: Path, members: list[Member]) -> Path:
    """Members over 256 MB get a CRC of 0: nothing reads that far, and computing it would cost seconds."""
    central = b""
    with path.open("wb") as out:
        for member in members:
            deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
            head = deflate.compress(member.head) + deflate.flush(zlib.Z_FULL_FLUSH)
            block = deflate.compress(member.block) + deflate.flush(zlib.Z_FULL_FLUSH) if member.block else b""
            tail = deflate.compress(member.tail) + deflate.flush()
            size = len(member.head) + len(member.block) * member.times + len(member.tail)
            crc = zlib.crc32(member.head)
            for _ in range(member.times if size < 256 * 1024 * 1024 else 0):
                crc = zlib.crc32(member.block, crc)
            crc = zlib.crc32(member.tail, crc) if size < 256 * 1024 * 1024 else 0
            packed = len(head) + len(block) * member.times + len(tail)
            name = member.name.encode()
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, packed, size, len(name), 0) + name)
            out.write(head)
            for _ in range(member.times):
                out.write(block)
            out.write(tail)
            central += struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, packed, size, len(name), 0, 0, 0, 0, 0, offset
            ) + name
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0))
    return path


def workbook(path: Path, sheet: Member, strings: Member | None = None) -> Path:
    strings = strings or Member("xl/sharedStrings.xml", f'<sst {NS} count="0" uniqueCount="0"></sst>'.encode())
    members = [
        Member("[Content_Types].xml", CONTENT_TYPES),
        Member("_rels/.rels", ROOT_RELS),
        Member("xl/workbook.xml", WORKBOOK.encode()),
        Member("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        sheet,
        strings,
    ]
    return write_zip(path, members)


def sheet_xml(rows: str, dimension: str = "A1:D1") -> Member:
    xml = f'<worksheet {NS}><dimension ref="{dimension}"/><sheetData>{HEADER_ROW}{rows}</sheetData></worksheet>'
    return Member("xl/worksheets/sheet1.xml", xml.encode())


def far_cell(path: Path) -> Path:
    """One real cell at XFD1048576: calamine sizes its grid to 16,384 × 1,048,576 cells."""
    return workbook(path, sheet_xml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "A1:XFD1048576"))


def declared_far(path: Path) -> Path:
    """Only the <dimension ref> claims XFD1048576; the cells are a normal header."""
    return workbook(path, sheet_xml("", "A1:XFD1048576"))


def zip_bomb(path: Path, compressed_mb: float = 5.0) -> Path:
    """Rows of 200 numbers (cells without a reference, as the format allows) inflating ~600 times:
    5 MB on disk, some 3 GB of sheet XML."""
    cells = "<c><v>1</v></c>" * 200
    block = "".join(f'<row r="{n}">{cells}</row>' for n in range(2, 302)).encode()
    packed = len(zlib.compress(block, 9))
    sheet = Member("xl/worksheets/sheet1.xml", f'<worksheet {NS}><dimension ref="A1:D1"/><sheetData>{HEADER_ROW}'.encode(),
                   block, int(compressed_mb * 1024 * 1024 / packed), b"</sheetData></worksheet>")
    return workbook(path, sheet)


def strings_bomb(path: Path, compressed_kb: float = 310.0) -> Path:
    """A shared-strings table of tiny strings that calamine reads whole when the workbook opens."""
    block = b"<si><t>x</t></si>" * 60_000
    packed = len(zlib.compress(block, 9))
    strings = Member("xl/sharedStrings.xml", f'<sst {NS}>'.encode(), block, int(compressed_kb * 1024 / packed), b"</sst>")
    return workbook(path, sheet_xml(""), strings)


def big_csv(path: Path, megabytes: int = 65) -> Path:
    line = "张三,财务部,130981199001011234,13800138000,158元套餐\r\n".encode()
    block = line * (1024 * 1024 // len(line))
    with path.open("wb") as out:
        out.write("姓名,部门,身份证号码,手机号码,套餐\r\n".encode())
        for _ in range(megabytes):
            out.write(block)
    return path


CHILD = """
import json, resource, sys
from pathlib import Path
limit = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from kaccount_desk.sheets.roster_reader import RosterFileError, read_roster
try:
    sheet = read_roster(Path(sys.argv[1]))
    out = {"rows": len(sheet.rows), "notices": [n.code for n in getattr(sheet, "notices", ())]}
except RosterFileError as exc:
    out = {"code": exc.reason.code, "zh": exc.reason.zh, "en": exc.reason.en}
# VmHWM is this program's own peak; ru_maxrss also carries the parent's size from before exec
# (Linux keeps the high-water mark across execve), which a big pytest process makes large.
try:
    peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out["peak_mb"] = peak_kb / 1024
print(json.dumps(out, ensure_ascii=False))
"""


@dataclass(frozen=True)
class ChildRead:
    returncode: int
    result: dict[str, object]
    stderr: str


def read_in_child(path: Path, address_space_mb: int = 2048, timeout: float = 120) -> ChildRead:
    """A regression that aborts (SIGABRT, exit 134) fails the test instead of killing the run."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(address_space_mb)],
        capture_output=True, text=True, timeout=timeout, env={**os.environ},
    )
    result = json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else {}
    return ChildRead(done.returncode, result, done.stderr[-2000:])
