"""``billing`` commands: the operator's monthly extract imported, the month's 异动 list, the tier lines."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, REFUSED, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in
from kaccount_desk.domain.key_accounts import CHANGE_LABELS, TIER_LABELS

if TYPE_CHECKING:
    from kaccount_desk.services.billing import BillingReport
    from kaccount_desk.services.tiers import TierLine


def register(sub: Any) -> None:
    p = sub.add_parser("billing", help="monthly bills: import, the month's tier moves (异动), tier lines")
    bsub = p.add_subparsers(dest="billing_command", required=True)
    c = bsub.add_parser("import", help="import one month's billing extract (.xlsx/.csv: number, month, amount, arrears)")
    c.add_argument("file", type=Path, metavar="FILE")
    c.add_argument("--month", required=True, metavar="YYYY-MM")
    c.add_argument("--dry-run", action="store_true", help="check and score, write nothing")
    json_flag(c)
    c.set_defaults(handler=cmd_import)
    c = bsub.add_parser("changes", help="the month's upgrades and downgrades (异动) for the account managers")
    c.add_argument("--month", required=True, metavar="YYYY-MM")
    json_flag(c)
    c.set_defaults(handler=cmd_changes)
    c = bsub.add_parser("tiers", help="the least average monthly spend of each tier; --set to change one")
    c.add_argument("--set", nargs=2, metavar=("TIER", "YUAN"), help="e.g. --set gold 500 (diamond, gold, silver, high_value)")
    json_flag(c)
    c.set_defaults(handler=cmd_tiers)


def cmd_import(args: argparse.Namespace) -> int:
    from kaccount_desk.services import billing

    report = billing.import_billing(logged_in(args), args.file, args.month, args.dry_run)
    if args.json:
        document = asdict(report)
        document["refused_rows"] = [{"row": r.row, "reasons": [x.text(args.lang) for x in r.reasons],
                                     "codes": [x.code for x in r.reasons]} for r in report.refused_rows]
        print_json(document)
    else:
        _say_report(args, report)
    return REFUSED if report.refused else OK


def _say_report(args: argparse.Namespace, report: BillingReport) -> None:
    for row in report.refused_rows:
        say(words(args, f"第 {row.row} 行:", f"row {row.row}: ") + ";".join(r.text(args.lang) for r in row.reasons))
    head = words(args, f"{report.month} 账单:读取 {report.read} 行,接收 {report.accepted} 行,拒收 {report.refused} 行,"
                       f"合计 {report.total_yuan} 元",
                 f"{report.month} bills: {report.read} rows read, {report.accepted} accepted, {report.refused} refused, "
                 f"{report.total_yuan} yuan in all")
    say(head)
    if not report.changed:
        say(words(args, "该月已导入过相同的账单,未作任何修改", "The month already holds these bills; nothing was changed"))
    elif report.dry_run:
        say(words(args, "试运行:没有写入任何内容", "Dry run: nothing was written"))
    if report.tiers is not None:
        tiers = ", ".join(f"{TIER_LABELS.text(t, args.lang)} {n}" for t, n in report.tiers.tiers.items())
        moves = ", ".join(f"{CHANGE_LABELS.text(c, args.lang)} {n}" for c, n in report.tiers.moves.items())
        say(words(args, f"大客户:{tiers or '无'};异动:{moves or '无'}", f"Key accounts: {tiers or 'none'}; moves: {moves or 'none'}"))


def cmd_changes(args: argparse.Namespace) -> int:
    from kaccount_desk.services import tiers

    moves = tiers.moves(logged_in(args), args.month)
    if args.json:
        print_json([asdict(m) for m in moves])
        return OK
    for m in moves:
        say(f"{m.number}  {m.change_name}  {m.before_name or '-'} → {m.after_name or '-'}  "
            + words(args, f"月均 {m.average_yuan} 元", f"average {m.average_yuan} yuan"))
    if not moves:
        say(words(args, "本月没有异动", "No tier moves this month"))
    return OK


def cmd_tiers(args: argparse.Namespace) -> int:
    from kaccount_desk.services import tiers

    ctx = logged_in(args)
    lines = tiers.set_line(ctx, *args.set) if args.set else tiers.lines(ctx)
    return _lines(args, lines)


def _lines(args: argparse.Namespace, lines: list[TierLine]) -> int:
    if args.json:
        print_json([asdict(line) for line in lines])
        return OK
    for line in lines:
        say(words(args, f"{line.name}: 月均消费至少 {line.min_average_yuan} 元",
                  f"{line.name}: at least {line.min_average_yuan} yuan a month on average"))
    return OK
