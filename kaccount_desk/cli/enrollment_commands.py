"""Commands of the enrollment job: init, checks, campaigns, rosters and the tariff estimate.

Each command imports the services it uses when it runs: ``check-id`` and ``check-number`` need
only the domain's rules, and must start as fast as a bare Python with python-stdnum.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.key_commands import show_recovery_key
from kaccount_desk.cli.output import OK, REFUSED, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in, open_store, password
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.errors import Refused

if TYPE_CHECKING:
    from kaccount_desk.services.checks import CheckResult


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a new store and its first admin")
    p.add_argument("--admin", required=True, metavar="STAFF_ID", help="the first admin's staff ID (工号)")
    p.add_argument("--name", default="管理员", help="the first admin's name")
    p.add_argument("--organisation", default="", metavar="NAME",
                   help="the organisation's name, heading the printed notice, rosters and summary")
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
    r.add_argument("--department", default="", metavar="NAME",
                   help="the department of everyone on a sheet without a 部门 column (or a row left blank)")
    r.add_argument("--refused-out", type=Path, metavar="FILE",
                   help="also write the refused rows, with a reason column, to this .xlsx or .csv to send back")
    json_flag(r)
    r.set_defaults(handler=cmd_roster_import)
    r = rsub.add_parser("export", help="write the carrier's roster")
    r.add_argument("--campaign", required=True, metavar="CODE")
    r.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    r.add_argument("--all-live", action="store_true", help="include drafts and collected applications too (ID numbers masked)")
    shown = r.add_mutually_exclusive_group()
    shown.add_argument("--full-ids", dest="full_ids", action="store_true", default=None,
                       help="full ID numbers (the hand-over's default; needs the right; recorded)")
    shown.add_argument("--masked-ids", dest="full_ids", action="store_false", help="masked ID numbers")
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
    from kaccount_desk.domain.organisation import check_organisation_name
    from kaccount_desk.services import organisation, staff
    from kaccount_desk.services.context import Context

    named = check_organisation_name(args.organisation)
    if not named.ok:  # before anything is created: a refused init leaves no store behind
        raise Refused(*named.reasons)
    store = open_store(args, create=True)
    new_password = password(args, words(args, f"{args.admin} 的新密码:", f"New password for {args.admin}: "))
    first = staff.set_up(store, args.admin, args.name, new_password)
    actor = first.actor
    office = organisation.set_organisation_name(Context(store, actor, lang=args.lang), args.organisation)
    if args.json:
        print_json({"store": store.shown_url, "admin": actor.staff_no, "organisation": office, "recovery_key": first.recovery_key})
    else:
        where = store.shown_url  # with *** for a password: what is printed may stay in a terminal's scrollback
        say(words(args, f"已建立数据库 {where},管理员 {actor.staff_no}", f"Store ready at {where}, admin {actor.staff_no}"))
        show_recovery_key(args, first.recovery_key)
    return OK


SEXES = {"female": ("女", "female"), "male": ("男", "male")}


def _detail(args: argparse.Namespace, key: str, value: str) -> str:
    """A check's detail as a person reads it: sex and carrier in the language asked for."""
    if key == "sex" and value in SEXES:
        return words(args, *SEXES[value])
    if key == "carrier":
        from kaccount_desk.domain.mobile import Carrier  # only check-number gets here; it has loaded it already

        if value in set(Carrier):
            return words(args, Carrier(value).zh, Carrier(value).en)
    return value


def _checks(args: argparse.Namespace, results: list[CheckResult], with_carrier: bool) -> int:
    if args.json:
        doc = []
        for r in results:
            item: dict[str, Any] = {
                "input": r.input, "valid": r.valid, "normalized": r.normalized, "reasons": r.reasons, "warnings": r.warnings,
            }
            item.update(r.details)
            if with_carrier:
                item["carrier"] = r.details.get("carrier") or None
            doc.append(item)
        print_json(doc)
    else:
        for r in results:
            mark = "✓" if r.valid else "✗"
            extra = " ".join(_detail(args, key, value) for key, value in r.details.items() if value)
            say(f"{mark} {r.input} → {r.normalized} {extra}".rstrip())
            for text in r.reasons:
                say(f"    {text}")
            for text in r.warnings:
                say(f"    ! {text}")
    return OK if all(r.valid for r in results) else REFUSED


def cmd_check_id(args: argparse.Namespace) -> int:
    from kaccount_desk.services import checks

    return _checks(args, checks.check_ids(args.ids, args.lang), with_carrier=False)


def cmd_check_number(args: argparse.Namespace) -> int:
    from kaccount_desk.services import checks

    return _checks(args, checks.check_numbers(args.numbers, args.require_carrier, args.lang), with_carrier=True)


def cmd_campaign_load(args: argparse.Namespace) -> int:
    from kaccount_desk.services import campaigns

    spec = campaigns.load_campaign_file(logged_in(args), args.file)
    if args.json:
        print_json({"code": spec.code, "title": spec.title, "departments": len(spec.departments), "pool_size": len(spec.pool())})
    else:
        say(words(args, f"已载入 {spec.code} {spec.title}:{len(spec.departments)} 个部门,号池 {len(spec.pool())} 个号码",
                  f"Loaded {spec.code} {spec.title}: {len(spec.departments)} departments, {len(spec.pool())} numbers in the pool"))
    return OK


def cmd_campaign_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import campaigns

    found = campaigns.list_campaigns(logged_in(args))
    if args.json:
        print_json(found)
    else:
        for c in found:
            say(words(args, f"{c.code}\t{c.title}\t截止 {c.deadline:%Y-%m-%d %H:%M}\t{c.departments} 个部门\t号池 {c.pool_size}",
                      f"{c.code}\t{c.title}\tdeadline {c.deadline:%Y-%m-%d %H:%M}\t{c.departments} departments\tpool {c.pool_size}"))
    return OK


ROW_STATUS = {
    "accepted": ("新增", "added"), "updated": ("更新", "updated"), "unchanged": ("未变", "unchanged"), "rejected": ("拒收", "refused"),
}


def cmd_roster_import(args: argparse.Namespace) -> int:
    from kaccount_desk.services import rosters

    ctx = logged_in(args)
    report = rosters.import_roster(ctx, args.file, args.campaign, dry_run=args.dry_run, department=args.department)
    lang = args.lang
    if args.refused_out is not None and report.totals.get("rejected"):
        rosters.save_refused(ctx, report, args.refused_out, lang)
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
        for x in report.notices:
            say(f"! {x.text(lang)}")
        for r in report.rows:
            zh, en = ROW_STATUS[r.status]
            say(words(args, f"第{r.row}行 {r.name} {zh}", f"row {r.row} {r.name} {en}"))
            for x in r.reasons:
                say(f"    {x.text(lang)}")
            for x in r.warnings:
                say(f"    ! {x.text(lang)}")
        t = report.totals
        say(words(args, f"{'(试导入,未写入)' if args.dry_run else ''}新增 {t['accepted']},更新 {t['updated']},"
                        f"未变 {t['unchanged']},拒收 {t['rejected']}",
                  f"{'(dry run, nothing written) ' if args.dry_run else ''}added {t['accepted']}, updated {t['updated']}, "
                  f"unchanged {t['unchanged']}, refused {t['rejected']}"))
    return REFUSED if report.totals["rejected"] else OK


def cmd_roster_export(args: argparse.Namespace) -> int:
    from kaccount_desk.services import rosters

    count = rosters.export_roster(logged_in(args), args.campaign, args.out, all_live=args.all_live, full_ids=args.full_ids)
    if args.json:
        print_json({"out": str(args.out), "rows": count})
    else:
        say(words(args, f"已导出 {count} 份申请到 {args.out}", f"Exported {count} applications to {args.out}"))
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
    from kaccount_desk.domain.tariff import check_usage
    from kaccount_desk.services import estimate

    ctx = logged_in(args)
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
                    "breakdown": [{"item": line.text(args.lang), "amount": str(line.amount)} for line in e.breakdown],
                }
                for e in results
            ]
        )
    else:
        for e in results:
            say(f"{'★' if e.cheapest else ' '} {e.option.name}: {e.monthly_cost} {words(args, '元/月', 'yuan a month')}")
            for line in e.breakdown:
                say(f"      {line.text(args.lang)} {line.amount}")
    return OK
