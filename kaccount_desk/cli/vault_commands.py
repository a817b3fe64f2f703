"""``backup``, ``restore`` and ``audit verify``: the commands an office runs to keep its store safe.

``restore`` and ``audit verify`` need no login: a restore is what you do when the store cannot be
opened, and checking the log must not depend on the accounts it records.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk import config
from kaccount_desk.cli.output import OK, REFUSED, complain, json_flag, print_json, say
from kaccount_desk.cli.session import logged_in, open_store

if TYPE_CHECKING:
    from kaccount_desk.services.backup import BackupInfo


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="back up the store (with its ID images) while it is in use")
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="the backup file to write")
    json_flag(p)
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="check a backup, keep the current store aside and put the backup in its place")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--check", action="store_true", help="only check the backup; replace nothing")
    json_flag(p)
    p.set_defaults(handler=cmd_restore)
    p = sub.add_parser("audit", help="the audit log")
    asub = p.add_subparsers(dest="audit_command", required=True)
    v = asub.add_parser("verify", help="check the whole log; name the first entry edited, deleted, inserted or moved")
    json_flag(v)
    v.set_defaults(handler=cmd_verify)


def _describe(info: BackupInfo) -> str:
    return (f"{info.path}  {info.engine}  {info.created_at}  数据库版本 schema {info.schema_revision}  "
            f"审计记录 audit #{info.audit_seq}  {info.size} bytes")


def cmd_backup(args: argparse.Namespace) -> int:
    from kaccount_desk.services import backup

    info = backup.backup(logged_in(args), args.out)
    if args.json:
        print_json(asdict(info) | {"path": str(info.path)})
    else:
        say(f"已备份 / backed up: {_describe(info)}")
    return OK


def cmd_restore(args: argparse.Namespace) -> int:
    from kaccount_desk.services import backup

    if args.check:
        info = backup.check_backup(args.file)
        if args.json:
            print_json(asdict(info) | {"path": str(info.path)})
        else:
            say(f"备份完好 / the backup is intact: {_describe(info)}")
        return OK
    done = backup.restore(config.store_url(args.db), args.file)
    if args.json:
        print_json({"backup": asdict(done.backup) | {"path": str(done.backup.path)}, "aside": [str(p) for p in done.aside]})
    else:
        say(f"已恢复 / restored: {_describe(done.backup)}")
        for kept in done.aside:
            say(f"原数据库已保存在 / the replaced store is kept at: {kept}")
    return OK


def cmd_verify(args: argparse.Namespace) -> int:
    from kaccount_desk.services import audit

    result = audit.verify(open_store(args))
    problems = ([result.reason] if result.reason else []) + list(result.problems)
    if args.json:
        print_json({"ok": result.ok, "entries": result.entries, "head": asdict(result.head), "broken_at": result.broken_at,
                    "reason": result.reason.text(args.lang) if result.reason else None,
                    "code": result.reason.code if result.reason else None, "witness": result.witness.text,
                    "problems": [{"code": p.code, "reason": p.text(args.lang)} for p in result.problems]})
    elif not problems:
        seq = result.anchor.seq if result.anchor else 0
        anchored = (f",与库外保存的第{seq}条一致 / matches the hash kept outside (#{seq})" if result.anchor
                    else ",本机没有库外保存的哈希 / no hash is kept outside the store on this PC")
        say(f"审计记录完整 / the audit log is intact: {result.entries} 条 entries{anchored}; 最新 head {result.witness.text}")
    else:
        for problem in problems:
            complain(f"审计记录被改动 / the audit log was tampered with: {problem.text(args.lang)}")
    return OK if result.ok else REFUSED
