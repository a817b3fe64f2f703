"""Compile the Windows installer on Linux: Inno Setup's compiler from npm's innosetup package, under Wine.

    python3 packaging/build_installer.py [--app DIR] [--stand-in] [--out DIR]

Needs `wine` (with 32-bit support: Debian's wine and wine32:i386) and `npm` on PATH; the compiler
(innosetup 6.4.1) is fetched once into the user's cache folder. --app is the one-folder app built
by PyInstaller *on Windows* (default dist/kaccount-desk; a Linux build has no kaccount-desk.exe).
--stand-in compiles around a stand-in folder instead, to check the script itself. The installer is
written to --out (default dist/installer). Exit code 0 when it compiled, 1 when the compiler
refused the script, 2 when a tool or the app folder is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

COMPILER = "innosetup@6.4.1"
ROOT = Path(__file__).resolve().parent.parent
CHINESE = ROOT / "packaging" / "languages" / "ChineseSimplified-kaccount.isl"


def _messages(isl: Path) -> set[str]:
    text = isl.read_text(encoding="utf-8-sig")
    return set(re.findall(r"^([A-Za-z][A-Za-z0-9]*)=", text, flags=re.MULTILINE))


def _compiler(cache: Path) -> Path:
    """ISCC.exe of npm's innosetup package, unpacked once (npm pack runs none of its scripts)."""
    iscc = cache / "package" / "bin" / "ISCC.exe"
    if not iscc.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        packed = subprocess.run(["npm", "pack", COMPILER, "--silent"], cwd=cache, check=True,
                                capture_output=True, text=True).stdout.split()[-1]
        with tarfile.open(cache / packed) as archive:
            archive.extractall(cache, filter="data")
    return iscc


def _layout(work: Path, app: Path | None) -> Path:
    """The tree the script expects (packaging/, resources/icons/, dist/kaccount-desk/) in ``work``."""
    shutil.copytree(ROOT / "packaging", work / "packaging")
    shutil.copytree(ROOT / "resources" / "icons", work / "resources" / "icons")
    target = work / "dist" / "kaccount-desk"
    if app is None:  # a stand-in: enough files for every section of the script to have something
        (target / "_internal").mkdir(parents=True)
        (target / "kaccount-desk.exe").write_bytes(b"MZ stand-in, not a program")
        (target / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    else:
        shutil.copytree(app, target)
    return work / "packaging" / "kaccount-desk.iss"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "kaccount-desk")
    parser.add_argument("--stand-in", action="store_true", help="compile around a stand-in app folder")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "installer")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("wine", "npm") if shutil.which(tool) is None]
    if missing:
        print(f"needs {' and '.join(missing)} on PATH (Debian: apt-get install wine wine32:i386 npm)")
        return 2
    if not args.stand_in and not (args.app / "kaccount-desk.exe").is_file():
        print(f"{args.app} holds no kaccount-desk.exe: build the app with PyInstaller on Windows and "
              "copy its folder here, or use --stand-in to check the script alone")
        return 2
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kaccount-desk-build"
    iscc = _compiler(cache)
    untranslated = _messages(iscc.parent / "Default.isl") - _messages(CHINESE)
    if untranslated:
        print(f"{CHINESE.name} lacks {len(untranslated)} message(s), shown in English: {sorted(untranslated)}")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    env = {**os.environ, "WINEDEBUG": "-all", "WINEPREFIX": str(cache / "wineprefix")}
    with tempfile.TemporaryDirectory() as folder:
        script = _layout(Path(folder), None if args.stand_in else args.app)
        out = Path(folder) / "out"
        wine_path = subprocess.run(["winepath", "-w", str(script)], env=env, check=True,
                                   capture_output=True, text=True).stdout.strip()
        out_path = subprocess.run(["winepath", "-w", str(out)], env=env, check=True,
                                  capture_output=True, text=True).stdout.strip()
        compiled = subprocess.run(["wine", str(iscc), f"/DAppVersion={version}", f"/O{out_path}", wine_path],
                                  env=env, capture_output=True, text=True, encoding="utf-8", errors="replace")
        print(compiled.stdout.strip()[-3000:])
        if compiled.returncode != 0:
            print(compiled.stderr.strip()[-2000:], file=sys.stderr)
            return 1
        args.out.mkdir(parents=True, exist_ok=True)
        for built in out.glob("*.exe"):
            shutil.copy2(built, args.out / built.name)
            print(f"installer: {args.out / built.name} ({built.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
