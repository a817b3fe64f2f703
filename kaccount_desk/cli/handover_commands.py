"""``handover pack/receive/send/ack/sent/import``: a department's seat and the office exchange files.

The office makes a campaign pack for a department (``pack``); the seat is set up from it
(``receive``), takes applications as the office does, and writes its package (``send``), which the
office checks and imports (``import``, ``--dry-run`` to preview, ``--ack-out`` for the receipt the
seat reads with ``ack``). Packages carry ID numbers and ID copies: their default names say so.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kaccount_desk.cli.handover_group import handover_group
from kaccount_desk.cli.key_commands import show_recovery_key
from kaccount_desk.cli.output import OK, REFUSED, count, json_flag, print_json, say, when, words
from kaccount_desk.cli.session import logged_in, open_store, secret


def register(sub: Any) -> None:
    group = handover_group(sub)
    p = group.add_parser("pack", help="(office) allot numbers to a department and write its campaign pack")
    p.add_argument("--campaign", required=True, metavar="CODE")
    p.add_argument("--department", required=True, metavar="NAME")
    p.add_argument("--count", required=True, type=count, metavar="N", help="how many reserved numbers to allot")
    p.add_argument("--out", type=Path, metavar="FILE", help="the pack to write (default: 活动包-CAMPAIGN-DEPARTMENT.kapack)")
    json_flag(p)
    p.set_defaults(handler=cmd_pack)
    p = group.add_parser("receive", help="(seat) set up a new store from a campaign pack, with its collector account")
    p.add_argument("file", type=Path, metavar="PACK")
    p.add_argument("--collector", required=True, metavar="STAFF_ID", help="the seat's collector's staff ID (工号)")
    p.add_argument("--name", default="事业部统计员", help="the collector's name")
    json_flag(p)
    p.set_defaults(handler=cmd_receive)
    p = group.add_parser("send", help="(seat) write the package of all this seat's applications and ID copies for the office")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="the package to write (default: 交接包-含身份证信息-DEPARTMENT-SEQ-DATE.kahp); it carries ID data")
    json_flag(p)
    p.set_defaults(handler=cmd_send)
    p = group.add_parser("ack", help="(seat) read the office's receipt for a package")
    p.add_argument("file", type=Path, metavar="RECEIPT")
    json_flag(p)
    p.set_defaults(handler=cmd_ack)
    p = group.add_parser("sent", help="(seat) list the packages sent and whether the office has acknowledged them")
    json_flag(p)
    p.set_defaults(handler=cmd_sent)
    p = group.add_parser("import", help="(office) check and import a seat's package in one transaction")
    p.add_argument("file", type=Path, metavar="PACKAGE")
    p.add_argument("--dry-run", action="store_true", help="show what would change and change nothing")
    p.add_argument("--ack-out", type=Path, metavar="FILE", help="write the receipt for the seat here")
    json_flag(p)
    p.set_defaults(handler=cmd_import)


def cmd_pack(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.handover import pack_file_name
    from kaccount_desk.services.handover_pack import make_pack

    out = args.out or Path(pack_file_name(args.campaign, args.department))
    made = make_pack(logged_in(args), args.campaign, args.department, args.count, out)
    if args.json:
        print_json({"path": str(made.path), "campaign": made.campaign, "department": made.department,
                    "numbers": list(made.numbers), "office": made.office})
    else:
        say(words(args, f"已写出活动包 {made.path}:{made.department},分配号码 {len(made.numbers)} 个",
                  f"Campaign pack written to {made.path}: {made.department}, {len(made.numbers)} numbers allotted"))
    return OK


def cmd_receive(args: argparse.Namespace) -> int:
    from kaccount_desk.services.errors import Refused
    from kaccount_desk.services.handover_pack import read_pack
    from kaccount_desk.services.handover_seat import receive_pack
    from kaccount_desk.services.store_setup import first_admin_problems

    pack = read_pack(args.file)  # before anything is created: a refused pack or password leaves no store behind
    new_password = secret(args, "KACCOUNT_NEW_PASSWORD", f"{args.collector} 的新密码", f"a new password for {args.collector}")
    problems = first_admin_problems(args.collector, new_password)
    if problems:
        raise Refused(*problems)
    store = open_store(args, create=True)
    made = receive_pack(store, pack, args.collector, args.name, new_password)
    seat = made.seat
    if args.json:
        print_json({"store": store.shown_url, "collector": made.staff_no, "seat": seat.seat_id, "campaign": seat.campaign,
                    "department": seat.department, "numbers": seat.numbers, "recovery_key": made.recovery_key})
    else:
        say(words(args, f"已建立受理点 {store.shown_url}:{seat.campaign} / {seat.department},"
                        f"可选号码 {seat.numbers} 个,统计员 {made.staff_no}",
                  f"Seat ready at {store.shown_url}: {seat.campaign} / {seat.department}, {seat.numbers} numbers, "
                  f"collector {made.staff_no}"))
        show_recovery_key(args, made.recovery_key)
    return OK


def cmd_send(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.handover import package_file_name
    from kaccount_desk.services.handover_seat import next_sequence, send

    ctx = logged_in(args)
    out = args.out
    if out is None:
        seat, sequence = next_sequence(ctx)
        out = Path(package_file_name(seat.department, sequence, ctx.now()))
    done = send(ctx, out)
    if args.json:
        print_json({"path": str(done.path), "sequence": done.sequence, "applications": done.applications, "copies": done.copies})
    else:
        say(words(args, f"已写出第 {done.sequence} 个交接包 {done.path}:申请 {done.applications} 份,证件照片 {done.copies} 张。"
                        "该文件含身份证信息,请妥善交给办公室",
                  f"Package {done.sequence} written to {done.path}: {done.applications} applications, {done.copies} ID copies. "
                  "It carries ID data: hand it to the office safely"))
    return OK


def cmd_ack(args: argparse.Namespace) -> int:
    from kaccount_desk.services.handover_seat import acknowledge

    got = acknowledge(logged_in(args), args.file)
    if args.json:
        print_json({"sequence": got.sequence, "acknowledged_at": got.acknowledged_at})
    else:
        say(words(args, f"办公室已确认收到第 {got.sequence} 个交接包", f"The office acknowledged package {got.sequence}"))
    return OK


def cmd_sent(args: argparse.Namespace) -> int:
    from kaccount_desk.services.handover_seat import sends

    listed = sends(logged_in(args))
    if args.json:
        print_json({"sent": listed, "unacknowledged": [s.sequence for s in listed if s.acknowledged_at is None]})
        return OK
    for s in listed:
        state = (words(args, f"已确认 {when(s.acknowledged_at)}", f"acknowledged {when(s.acknowledged_at)}")
                 if s.acknowledged_at else words(args, "办公室未确认", "not acknowledged by the office"))
        say(words(args, f"#{s.sequence}  {when(s.sent_at)}  申请 {s.applications}  照片 {s.copies}  {state}",
                  f"#{s.sequence}  {when(s.sent_at)}  applications {s.applications}  copies {s.copies}  {state}"))
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.handover import ROW_KIND_LABELS, RowKind
    from kaccount_desk.services.handover_import import import_package

    preview = import_package(logged_in(args), args.file, dry_run=args.dry_run, ack_out=args.ack_out)
    refused = preview.count(RowKind.REFUSED) + preview.count(RowKind.CONFLICT)
    if args.json:
        print_json({"file": preview.file, "campaign": preview.campaign, "department": preview.department, "seat": preview.seat,
                    "sequence": preview.sequence, "dry_run": preview.dry_run, "already_imported": preview.already_imported,
                    "totals": preview.totals,
                    "rows": [{"seat_application_id": r.seat_application_id, "result": r.kind.value, "application_id": r.application_id,
                              "reasons": [x.text(args.lang) for x in r.reasons], "codes": [x.code for x in r.reasons]}
                             for r in preview.rows]})
        return REFUSED if refused else OK
    if preview.already_imported:
        say(words(args, f"第 {preview.sequence} 个交接包已导入过,没有任何改动",
                  f"Package {preview.sequence} was imported already; nothing changed"))
    for r in preview.rows:
        if r.reasons:
            for reason in r.reasons:
                say(f"#{r.seat_application_id} {ROW_KIND_LABELS.text(r.kind, args.lang)}: {reason.text(args.lang)}")
    totals = "  ".join(f"{ROW_KIND_LABELS.text(k, args.lang)} {preview.count(k)}" for k in RowKind)
    head = words(args, "预览(未改动)" if preview.dry_run else "已导入", "Preview (nothing changed)" if preview.dry_run else "Imported")
    say(f"{head}: {preview.department} #{preview.sequence}  {totals}")
    return REFUSED if refused else OK
