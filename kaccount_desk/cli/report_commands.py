"""``report`` commands: the key-account reports of a month written as .xlsx, with the headline figures."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="reports: the key accounts' development, revenue, churn, satisfaction and managers")
    rsub = p.add_subparsers(dest="report_command", required=True)
    c = rsub.add_parser("key-accounts", help="a month's key-account reports as an .xlsx, one sheet per report")
    c.add_argument("--month", required=True, metavar="YYYY-MM")
    c.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    json_flag(c)
    c.set_defaults(handler=cmd_key_accounts)


def cmd_key_accounts(args: argparse.Namespace) -> int:
    from kaccount_desk.services.key_account_report_export import export_report
    from kaccount_desk.services.key_account_reports import key_account_report

    ctx = logged_in(args)
    report = key_account_report(ctx, args.month)
    written = export_report(ctx, report, args.out)
    head = report.headline()
    if args.json:
        print_json({"out": str(written), **asdict(head)})
        return OK
    say(words(args, f"{head.month} 大客户报表已写入 {written}", f"{head.month} key-account reports written to {written}"))
    if not head.bills_imported:
        say(words(args, "该月账单尚未导入:收入、级别和离网人数为零",
                  "The month's bills are not imported yet: revenue, tiers and churn read zero"))
    say(words(args, f"集团成员 {head.members}(本月新增 {head.members_gained}),大客户 {head.key_accounts}",
              f"Members {head.members} ({head.members_gained} gained this month), key accounts {head.key_accounts}"))
    say(words(args, f"收入 {head.revenue_yuan} 元,其中大客户 {head.key_account_revenue_yuan} 元",
              f"Revenue {head.revenue_yuan} yuan, of which key accounts {head.key_account_revenue_yuan} yuan"))
    say(words(args, f"流失:离网成员 {head.members_gone},降级 {head.tier_drops},退出大客户 {head.tier_exits}",
              f"Churn: {head.members_gone} members gone, {head.tier_drops} tier drops, {head.tier_exits} left the tiers"))
    rate = "–" if head.satisfaction_rate is None else f"{head.satisfaction_rate:.0%}"
    say(words(args, f"大客户工单办结 {head.tickets_closed}(按时 {head.closed_on_time}),"
                    f"满意 {head.satisfied},不满意 {head.unsatisfied},满意率 {rate}",
              f"Key accounts' tickets closed {head.tickets_closed} ({head.closed_on_time} on time), satisfied {head.satisfied}, "
              f"not satisfied {head.unsatisfied}, satisfaction {rate}"))
    return OK
