"""Running the CLI in-process, as a script would, without a Python start-up per command.

``kad(...)`` calls ``kaccount_desk.cli.main.run(argv)`` with the password variables set, stdin
that is not a terminal (as a script's), and stdout/stderr collected; it answers like
``subprocess.run`` (``returncode``, ``stdout``, ``stderr``) so a test reads the same either way.
A few tests in test_cli.py still run the real process for exit codes and the console script.
"""

from __future__ import annotations

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from support import PASSWORD

from kaccount_desk.cli.main import run


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def kad(*args: str, db: Path | str | None = None, staff: str | None = "A001", password: str | None = PASSWORD,
        lang: str | None = None) -> Done:
    head: list[str] = []
    if db is not None:
        head += ["--db", str(db)]
    if staff is not None:
        head += ["--as", staff]
    if lang is not None:
        head += ["--lang", lang]
    env = {"KACCOUNT_PASSWORD": password, "KACCOUNT_NEW_PASSWORD": PASSWORD}
    saved = {key: os.environ.get(key) for key in env}
    out, err, stdin = io.StringIO(), io.StringIO(), sys.stdin
    try:
        for key, value in env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        sys.stdin = io.StringIO("")
        with redirect_stdout(out), redirect_stderr(err):
            code = run([*head, *args])
    finally:
        sys.stdin = stdin
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Done(code, out.getvalue(), err.getvalue())
