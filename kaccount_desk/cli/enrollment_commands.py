"""Commands of the enrollment job: init, checks, campaigns, rosters and the tariff estimate."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kaccount_desk.cli.output import OK, REFUSED, json_flag, print_json, say
from kaccount_desk.cli.session import login, open_store, password
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.tariff import check_usage
from kaccount_desk.services import campaigns, checks, estimate, rosters, staff
from kaccount_desk.services.errors import Refused


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a new store and its first admin")
    p.add_argument("--admin", required=True, metavar="STAFF_ID", help="the first admin's staff ID (工号)")
    p.add_argument("--name", default="管理员", help="the first admin's name")
    json_flag(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("check-id", help="check resident ID numbers")
    p.add_argument("ids", nargs="+", metavar="ID")
    json_flag(p)
    p.set_defaults(handler=cmd_check_id)

    p = sub.add_parser("check-number", help="check mobile numbers and tell their carrier")
    p.add_argument("numbers", nargs="+", metavar="NUMBER")
    p.add_argument("--require-carrier", choices=["china-mobile"], help="warn when the segment belongs to another carrier")
    json_flag(p)
    p.set_defaults(handler=cmd_check_number)

    p = sub.add_parser("campaign", help="load or list campaigns")
    csub = p.add_subparsers(dest="campaign_command", required=True)
    c = csub.add_parser("load", help="create or update a campaign from a TOML file")
    c.add_argument("file", type=Path)
    json_flag(c)
    c.set_defaults(handler=cmd_campaign_load)
    c = csub.add_parser("list", help="list the store's campaigns")
    json_flag(c)
    c.set_defaults(handler=cmd_campaign_list)

    p = sub.add_parser("roster", help="import or export rosters")
    rsub = p.add_subparsers(dest="roster_command", required=True)
    r = rsub.add_parser("import", help="import a department's .xlsx or .csv roster")
    r.add_argument("file", type=Path)
    r.add_argument("--campaign", required=True, metavar="CODE")
    r.add_argument("--dry-run", action="store_true", help="check every row and write nothing")
    json_flag(r)
    r.set_defaults(handler=cmd_roster_import)
    r = rsub.add_parser("export", help="write the carrier's roster")
    r.add_argument("--campaign", required=True, metavar="CODE")
    r.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    r.add_argument("--all-live", action="store_true", help="include drafts and collected applications too")
    json_flag(r)
    r.set_defaults(handler=cmd_roster_export)

    p = sub.add_parser("estimate", help="monthly cost of each tariff option for a usage profile")
    p.add_argument("--campaign", required=True, metavar="CODE")
    p.add_argument("--in-group", type=int, default=0, metavar="MIN", help="minutes a month to colleagues in the group")
    p.add_argument("--out-group", type=int, default=0, metavar="MIN", help="minutes a month to other numbers")
    p.add_argument("--sms", type=int, default=0)
    p.add_argument("--data-mb", type=int, default=0)
    p.add_argument("--current-fee", default=None, metavar="YUAN", help="what the person pays now, for the keep-current option")
    json_flag(p)
    p.set_defaults(handler=cmd_estimate)


def cmd_init(args: argparse.Namespace) -> int:
    store = open_store(args)
    actor = staff.create_first_admin(store, args.admin, args.name, password(f"{args.admin} 的新密码 / new password: "))
    if args.json:
        print_json({"store": store.url, "admin": actor.staff_no})
    else:
        say(f"已建立数据库 {store.url},管理员 {actor.staff_no} / store ready, admin {actor.staff_no}")
    return OK


def _checks(args: argparse.Namespace, results: list[checks.CheckResult], with_carrier: bool) -> int:
    if args.json:
        doc = []
        for r in results:
            item: dict[str, Any] = {"input": r.input, "valid": r.valid, "normalized": r.normalized, "reasons": r.reasons, "warnings": r.warnings}
            item.update(r.details)
            if with_carrier:
                item["carrier"] = r.details.get("carrier") or None
            doc.append(item)
        print_json(doc)
    else:
        for r in results:
            mark = "✓" if r.valid else "✗"
            extra = " ".join(v for v in r.details.values() if v)
            say(f"{mark} {r.input} → {r.normalized} {extra}".rstrip())
            for text in r.reasons:
                say(f"    {text}")
            for text in r.warnings:
                say(f"    ! {text}")
    return OK if all(r.valid for r in results) else REFUSED


def cmd_check_id(args: argparse.Namespace) -> int:
    return _checks(args, checks.check_ids(args.ids, args.lang), with_carrier=False)


def cmd_check_number(args: argparse.Namespace) -> int:
    return _checks(args, checks.check_numbers(args.numbers, args.require_carrier, args.lang), with_carrier=True)


def cmd_campaign_load(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    spec = campaigns.load_campaign_file(ctx, args.file)
    if args.json:
        print_json({"code": spec.code, "title": spec.title, "departments": len(spec.departments), "pool_size": len(spec.pool())})
    else:
        say(f"已载入 {spec.code} {spec.title}:{len(spec.departments)} 个部门,号池 {len(spec.pool())} 个号码")
    return OK


def cmd_campaign_list(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    found = campaigns.list_campaigns(ctx)
    if args.json:
        print_json(found)
    else:
        for c in found:
            say(f"{c.code}\t{c.title}\t截止 {c.deadline:%Y-%m-%d %H:%M}\t{c.departments} 个部门\t号池 {c.pool_size}")
    return OK


def cmd_roster_import(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    report = rosters.import_roster(ctx, args.file, args.campaign, dry_run=args.dry_run)
    lang = args.lang
    if args.json:
        print_json(
            {
                "file": str(args.file),
                "campaign": args.campaign,
                "dry_run": args.dry_run,
                "totals": report.totals,
                "notices": [x.text(lang) for x in report.notices],
                "rows": [
                    {
                        "row": r.row,
                        "status": r.status,
                        "name": r.name,
                        "application_id": r.application_id,
                        "reasons": [x.text(lang) for x in r.reasons],
                        "warnings": [x.text(lang) for x in r.warnings],
                    }
                    for r in report.rows
                ],
            }
        )
    else:
        labels = {"accepted": "新增", "updated": "更新", "unchanged": "未变", "rejected": "拒收"}
        for x in report.notices:
            say(f"! {x.text(lang)}")
        for r in report.rows:
            say(f"第{r.row}行 {r.name} {labels[r.status]}")
            for x in r.reasons:
                say(f"    {x.text(lang)}")
            for x in r.warnings:
                say(f"    ! {x.text(lang)}")
        t = report.totals
        prefix = "(试导入,未写入)" if args.dry_run else ""
        say(f"{prefix}新增 {t['accepted']},更新 {t['updated']},未变 {t['unchanged']},拒收 {t['rejected']}")
    return REFUSED if report.totals["rejected"] else OK


def cmd_roster_export(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    count = rosters.export_roster(ctx, args.campaign, args.out, all_live=args.all_live)
    if args.json:
        print_json({"out": str(args.out), "rows": count})
    else:
        say(f"已导出 {count} 份申请到 {args.out}")
    return OK


def _fee(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        fee = Decimal(text)
    except InvalidOperation:
        fee = Decimal(-1)
    if not fee.is_finite() or fee < 0:
        raise Refused(Reason("tariff.current_fee", f"现有月费“{text}”不是有效金额", f"The current fee {text!r} is not a valid amount"))
    return fee


def cmd_estimate(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    usage = check_usage(args.in_group, args.out_group, args.sms, args.data_mb)
    if usage.value is None:
        raise Refused(*usage.reasons)
    results = estimate.estimate_options(ctx, args.campaign, usage.value, _fee(args.current_fee))
    if args.json:
        print_json(
            [
                {
                    "code": e.option.code,
                    "name": e.option.name,
                    "monthly_cost": str(e.monthly_cost),
                    "cheapest": e.cheapest,
                    "breakdown": [{"item": k, "amount": str(v)} for k, v in e.breakdown],
                }
                for e in results
            ]
        )
    else:
        for e in results:
            say(f"{'★' if e.cheapest else ' '} {e.option.name}: {e.monthly_cost} 元/月")
            for k, v in e.breakdown:
                say(f"      {k} {v}")
    return OK
