"""The wheel carries resources/ inside the package, so an installed app can print and translate.

Built from a copy of the checkout (setup.py maps resources/ to kaccount_desk.resources); CI also
installs such a wheel outside the checkout and runs its self-test and ``print notice``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from support import REPO


def test_every_resource_file_is_in_the_wheel_under_the_package(tmp_path: Path) -> None:
    source = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")
    source.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for folder in ("kaccount_desk", "resources"):
        shutil.copytree(REPO / folder, source / folder, ignore=ignore)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"kaccount_desk/resources/{p.relative_to(REPO / 'resources').as_posix()}"
               for p in (REPO / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert "kaccount_desk/resources/fonts/wqy-microhei.ttc" in shipped
    assert sorted(shipped - names) == []
    assert not any(n.startswith("resources/") for n in names)  # nothing at the top of site-packages
    assert "kaccount_desk/store/migrations/script.py.mako" in names
