"""Files written safely: no half file, no leftover temporary, nothing personal after a kill.

Before safe_files, a killed batch print left zero-byte hidden ``.tmp`` files, a killed
one-file-per-form batch left hundreds of finished PDFs named after people and holding full ID
numbers, and ``--out`` at a device node or a FIFO replaced it with a regular file.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from doc_samples import form

from kaccount_desk import safe_files
from kaccount_desk.documents.application_form import write_form_files
from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.documents.pdf_file import write_pdf_atomically

REPO = Path(__file__).resolve().parents[2]


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("kind", ["fifo", "folder", "device link"])
def test_out_refuses_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:
        target.symlink_to("/dev/null")
    with pytest.raises(DocumentError) as refused:
        write_pdf_atomically(target, lambda out: out.write(b"%PDF"))
    assert refused.value.reason.code == "file.not_regular"
    assert str(target) in refused.value.reason.zh and str(target) in refused.value.reason.en
    if kind == "fifo":
        assert stat.S_ISFIFO(target.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["target"]


def test_a_form_batch_into_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "forms").write_text("x")
    with pytest.raises(DocumentError) as refused:
        write_form_files([form(1)], tmp_path / "forms")
    assert refused.value.reason.code == "file.not_folder"


def test_a_batch_into_a_new_folder_appears_whole(tmp_path: Path) -> None:
    paths = write_form_files([form(i) for i in range(1, 4)], tmp_path / "new" / "forms")
    assert sorted(p.name for p in (tmp_path / "new" / "forms").iterdir()) == sorted(p.name for p in paths)
    assert not list(safe_files.pending_dir().glob("*"))


CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from doc_samples import form
from kaccount_desk import safe_files
from kaccount_desk.documents.application_form import write_form_files
from kaccount_desk.documents.pdf_file import write_pdf_atomically
safe_files.exit_on_terminate()
if sys.argv[1] == "batch":
    print("ready", flush=True)
    write_form_files([form(i) for i in range(1, 41)], Path(sys.argv[2]), lambda done, total: time.sleep(0.05) is None)
else:
    def slow(out):
        print("ready", flush=True)
        out.write(b"%PDF half")
        time.sleep(60)
    write_pdf_atomically(Path(sys.argv[2]), slow)
"""


def _child(kind: str, target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(target), str(REPO / "tests" / "documents")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
    return child


@pytest.mark.parametrize("existing", [True, False])
def test_a_killed_batch_leaves_nothing_personal_after_the_next_start(tmp_path: Path, existing: bool) -> None:
    """SIGKILL at many points of a 40-form batch: before the sweep only our hidden temporaries may
    be there; after it (as the next start runs it) nothing at all, or else the whole batch."""
    outcomes = []
    for n, delay in enumerate([0.0, 0.2, 0.5, 0.9, 1.4, 2.0, 2.8, 600.0]):  # the last one runs to the end
        target = tmp_path / f"run{n}" / "forms"
        if existing:
            target.mkdir(parents=True)
        child = _child("batch", target)
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        finished = child.returncode == 0
        outcomes.append(finished)
        leftovers = _everything(target.parent)
        # A kill can land after the batch was moved into place but before the process ended: then the
        # whole batch is there. What must never be is a part of it.
        whole = len([p for p in leftovers if p.startswith("forms/") and p.endswith(".pdf") and safe_files.PREFIX not in p]) == 40
        if not finished and not whole:
            assert all(safe_files.PREFIX in p or p == "forms" for p in leftovers), leftovers
        safe_files.sweep_stale()
        after = _everything(target) if target.exists() else []
        if finished or whole:
            assert len(after) == 40 and all(p.endswith(".pdf") for p in after)
        else:
            assert after == [], after
        assert not [p for p in _everything(target.parent) if safe_files.PREFIX in p]
    assert outcomes[-1] and not all(outcomes)
    assert not list(safe_files.pending_dir().glob("*"))


DIE_WHEN_IT_APPEARS = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from doc_samples import form
from kaccount_desk import safe_files
from kaccount_desk.documents.application_form import write_form_files
from kaccount_desk.documents.pdf_file import write_pdf_atomically
where, watched = Path(sys.argv[4]), sys.argv[5]
busy = False

def die_once_it_exists(event, args):
    # Python announces every file operation before making it: the first one after our temporary
    # is on disk is the earliest moment a kill can land with the temporary there.
    global busy
    if busy:
        return
    busy = True
    if where.is_dir() and any(watched in name for name in os.listdir(where)):
        os._exit(9)
    busy = False

sys.addaudithook(die_once_it_exists)
if sys.argv[1] == "batch":
    write_form_files([form(1)], Path(sys.argv[2]))
else:
    write_pdf_atomically(Path(sys.argv[2]), lambda out: out.write(b"%PDF"))
"""


@pytest.mark.parametrize("kind", ["batch into a new folder", "batch into a folder", "single file", "half-written marker"])
def test_a_kill_the_moment_a_temporary_appears_leaves_nothing_after_the_next_start(tmp_path: Path, kind: str) -> None:
    """The temporary was once made before its marker: a kill between the two (CI hit it once in
    eight kills) left a hidden folder that no start ever removed. A kill while the marker itself
    is being written leaves its ``.part``, which the next start removes too."""
    docs = tmp_path / "docs"
    docs.mkdir()
    target = docs / ("forms" if kind.startswith("batch") else "notice.pdf")
    if kind == "batch into a folder":
        target.mkdir()
    where = target if kind == "batch into a folder" else docs
    watched = safe_files.PREFIX
    if kind == "half-written marker":
        where, watched = safe_files.pending_dir(), ".part"
    child = subprocess.run(
        [sys.executable, "-c", DIE_WHEN_IT_APPEARS, "single" if kind == "single file" else "batch", str(target),
         str(REPO / "tests" / "documents"), str(where), watched],
        capture_output=True, text=True, env={**os.environ}, timeout=120,
    )
    assert child.returncode == 9, child.stderr
    assert [p for p in _everything(where) if watched in p]
    safe_files.sweep_stale()
    assert not [p for p in _everything(docs) if safe_files.PREFIX in p]
    assert not list(safe_files.pending_dir().glob("*"))


def test_sigterm_removes_the_temporary_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    child = _child("single", folder / "notice.pdf")
    assert [p.name for p in folder.iterdir() if p.name.startswith(safe_files.PREFIX)]
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert list(folder.iterdir()) == []
    assert not list(safe_files.pending_dir().glob("*"))


def test_a_live_process_keeps_its_temporaries_through_another_start(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    child = _child("single", folder / "notice.pdf")
    try:
        assert safe_files.sweep_stale() == 0
        assert [p.name for p in folder.iterdir() if p.name.startswith(safe_files.PREFIX)]
    finally:
        child.kill()
        child.wait()
    time.sleep(0.1)
    assert safe_files.sweep_stale() == 1
    assert list(folder.iterdir()) == []


def _held(tmp_path: Path, data: bytes) -> tuple[safe_files.Promise, str]:
    """A promise held over ``data`` whose block then failed (as a commit whose answer was lost): both left on disk."""
    target = tmp_path / "handover.zip"
    digest = hashlib.sha256(data).hexdigest()
    with pytest.raises(RuntimeError), safe_files.promising(target) as promise:
        promise.temp.write_bytes(data)
        promise.hold("test")
        raise RuntimeError("the commit's answer was lost")
    assert promise.temp.read_bytes() == data
    return promise, digest


def test_a_committed_promise_puts_only_the_whole_file_in_place(tmp_path: Path) -> None:
    promise, digest = _held(tmp_path, b"the whole hand-over")
    promise.temp.write_bytes(b"the whole")  # cut short after the digest was recorded: never put in place
    assert safe_files.settle(promise.temp, promise.target, True, digest) is safe_files.Settled.MISSING
    assert not promise.target.exists()
    assert not promise.temp.exists() and not list(safe_files.pending_dir().glob("*.json"))

    whole, digest = _held(tmp_path, b"the whole hand-over")
    assert safe_files.settle(whole.temp, whole.target, True, digest) is safe_files.Settled.PLACED
    assert whole.target.read_bytes() == b"the whole hand-over" and not whole.temp.exists()
    again, _ = _held(tmp_path, b"the whole hand-over")
    again.temp.unlink()  # renamed just before a kill: the file is already there
    assert safe_files.settle(again.temp, again.target, True, digest) is safe_files.Settled.IN_PLACE


def test_an_uncommitted_promise_is_removed_and_a_path_not_ours_never(tmp_path: Path) -> None:
    promise, digest = _held(tmp_path, b"sent nowhere")
    assert safe_files.settle(promise.temp, promise.target, False, None) is safe_files.Settled.REMOVED
    assert not promise.temp.exists() and not promise.target.exists()
    own = tmp_path / "a person's own file.pdf"
    own.write_bytes(b"kept")
    assert safe_files.settle(own, tmp_path / "x.zip", False, None) is safe_files.Settled.REMOVED and own.exists()
