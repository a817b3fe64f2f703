"""The composition root: a command goes to the CLI, no command opens the desktop app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from kaccount_desk import running_mark, safe_files
from kaccount_desk.logs import setup_logging

LANGUAGES = ("zh", "en")


def private_files() -> None:
    """Everything this process creates (logs, PDFs, exports, backups, the store) is its owner's only.

    The files hold names and ID numbers (PIPL); on a shared counter PC other accounts must not read
    them. Windows has no umask: there the per-user folders' permissions do this work.
    """
    if hasattr(os, "umask"):
        os.umask(0o077)


def gui_language(args: Sequence[str], parsed_lang: str) -> str | None:
    """``--lang``, else ``KACCOUNT_LANG``, else None (the language kept in the settings): the wizard and login included."""
    if "--lang" in " ".join(args) or os.environ.get("KACCOUNT_LANG") in LANGUAGES:
        return parsed_lang
    return None


def window_start(args: Sequence[str]) -> tuple[str | None, str | None] | None:
    """``(--db, language)`` when ``args`` only open the desktop app (no command, at most ``--db`` and
    ``--lang``), read without the CLI's parser: building it imports its twenty command modules, about
    6 MB a counter's window never uses. None for anything else (a command, ``--help``, ``--self-test``,
    a misspelt option): the CLI's parser decides and answers as it always has."""
    db: str | None = None
    lang = os.environ.get("KACCOUNT_LANG", "zh")
    lang = lang if lang in LANGUAGES else "zh"
    tokens = iter(args)
    for token in tokens:
        name, equals, value = token.partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            value = next(tokens, "-")
            if value.startswith("-"):
                return None
        if name == "--lang" and value not in LANGUAGES:
            return None
        db, lang = (value, lang) if name == "--db" else (db, value)
    return db, gui_language(args, lang)


def _open_window(db: str | None, lang: str | None) -> int:
    from kaccount_desk.ui.main import run_gui  # Qt loads only when a window is wanted

    running_mark.hold()
    return run_gui(db, lang)


def main(argv: Sequence[str] | None = None) -> int:
    # What a killed or crashed run left half-written goes first; a SIGTERM from now on
    # unwinds like an exception, so this run's own temporaries are removed as it ends.
    safe_files.sweep_stale()
    safe_files.exit_on_terminate()
    args = list(sys.argv[1:] if argv is None else argv)
    private_files()
    setup_logging()
    window = window_start(args)
    if window is not None:
        return _open_window(*window)
    from kaccount_desk.cli.main import build_parser, run
    from kaccount_desk.cli.output import reader_gone

    parsed, _ = build_parser().parse_known_args(args)
    if parsed.self_test:
        from kaccount_desk.ui.self_test import run_self_test  # Qt and the services load only for the check

        return run_self_test()
    if parsed.command is None and not {"-h", "--help", "--version"} & set(args):
        return _open_window(parsed.db, gui_language(args, parsed.lang))
    try:
        code = run(args)
        sys.stdout.flush()  # a reader gone away (`| head`) is found here, not in the interpreter's last flush
    except BrokenPipeError:
        return reader_gone()
    return code


if __name__ == "__main__":
    sys.exit(main())
