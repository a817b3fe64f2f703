"""``company`` commands: group customers (集团客户), their classes and the rules that suggest one."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, REFUSED, count, json_flag, print_json, say, when, words
from kaccount_desk.cli.session import logged_in

if TYPE_CHECKING:
    from kaccount_desk.services.companies import ClassRuleView, CompanyView
    from kaccount_desk.services.company_members import MemberImport


def register(sub: Any) -> None:
    p = sub.add_parser("company", help="group customers (集团客户): add, list, show, set their class A/B/C")
    csub = p.add_subparsers(dest="company_command", required=True)
    c = csub.add_parser("add", help="add a company, linked to the campaigns it organised")
    c.add_argument("name", metavar="NAME")
    c.add_argument("--class", dest="company_class", choices=["A", "B", "C"], default="C")
    c.add_argument("--industry", default="")
    c.add_argument("--address", default="")
    c.add_argument("--contacts", default="", help="who to call at the company (names, phones), as one text")
    c.add_argument("--manager", metavar="STAFF_ID", help="the account manager's staff ID")
    c.add_argument("--campaign", action="append", default=[], metavar="CODE", help="a campaign it organised (repeatable)")
    c.add_argument("--reason", default="", help="why this class: kept in the class history")
    json_flag(c)
    c.set_defaults(handler=cmd_add)
    c = csub.add_parser("list", help="list companies, class A first")
    json_flag(c)
    c.set_defaults(handler=cmd_list)
    c = csub.add_parser("show", help="one company: members, campaigns, class and its history")
    c.add_argument("company", metavar="NAME_OR_ID")
    json_flag(c)
    c.set_defaults(handler=cmd_show)
    c = csub.add_parser("set-class", help="set a company's class (kept in its history)")
    c.add_argument("company", metavar="NAME_OR_ID")
    c.add_argument("company_class", metavar="CLASS", choices=["A", "B", "C"])
    c.add_argument("--reason", default="")
    json_flag(c)
    c.set_defaults(handler=cmd_set_class)
    c = csub.add_parser("class-rules", help="the members and monthly spend that suggest each class; --set to change one")
    c.add_argument("--set", nargs=3, metavar=("CLASS", "MEMBERS", "YUAN"), help="e.g. --set B 50 5000")
    json_flag(c)
    c.set_defaults(handler=cmd_class_rules)
    c = csub.add_parser("import-members", help="add the numbers of the operator's member list (.xlsx/.csv) to a company")
    c.add_argument("company", metavar="COMPANY")
    c.add_argument("file", type=Path, metavar="FILE")
    c.add_argument("--dry-run", action="store_true", help="check the list, write nothing")
    json_flag(c)
    c.set_defaults(handler=cmd_import_members)


def _show(args: argparse.Namespace, company: CompanyView) -> int:
    if args.json:
        print_json(asdict(company))
        return OK
    say(f"{company.id}  {company.name}  {company.class_name}")
    suggested = words(args, f"按标准建议:{company.suggested_class}类", f"suggested by the rules: class {company.suggested_class}")
    say(f"  {words(args, '行业', 'industry')}: {company.industry}  {words(args, '地址', 'address')}: {company.address}")
    say(f"  {words(args, '联系人', 'contacts')}: {company.contacts}")
    say(f"  {words(args, '客户经理', 'account manager')}: {company.manager or '-'} {company.manager_name or ''}")
    say(f"  {words(args, '活动', 'campaigns')}: {', '.join(company.campaigns) or '-'}")
    spend = (words(args, f"{company.spend_month} 月消费 {company.monthly_spend_yuan} 元",
                   f"spend in {company.spend_month}: {company.monthly_spend_yuan} yuan")
             if company.spend_month else words(args, "尚无账单", "no bills imported yet"))
    say(f"  {words(args, '成员', 'members')}: {company.members}  {spend}  {suggested}")
    for change in company.history:
        say(f"  {when(change.at)}  {change.from_class or '-'} → {change.to_class}  {change.staff_no}  {change.reason}")
    return OK


def cmd_add(args: argparse.Namespace) -> int:
    from kaccount_desk.services import companies

    return _show(args, companies.add_company(
        logged_in(args), args.name, args.company_class, industry=args.industry, address=args.address, contacts=args.contacts,
        manager=args.manager, campaigns=args.campaign, reason=args.reason))


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import companies

    found = companies.list_companies(logged_in(args))
    if args.json:
        print_json([asdict(c) for c in found])
        return OK
    for c in found:
        say(f"{c.id}  {c.company_class}  {c.name}  {words(args, '成员', 'members')} {c.members}  {c.manager or '-'}")
    return OK


def cmd_show(args: argparse.Namespace) -> int:
    from kaccount_desk.services import companies

    return _show(args, companies.show_company(logged_in(args), args.company))


def cmd_set_class(args: argparse.Namespace) -> int:
    from kaccount_desk.services import companies

    return _show(args, companies.set_class(logged_in(args), args.company, args.company_class, args.reason))


def cmd_class_rules(args: argparse.Namespace) -> int:
    from kaccount_desk.services import companies

    ctx = logged_in(args)
    if args.set:
        company_class, members, money = args.set
        rules = companies.set_class_rule(ctx, company_class, _members(members), money)
    else:
        rules = companies.class_rules(ctx)
    return _rules(args, rules)


def _members(text: str) -> int:
    try:
        return count(text)
    except argparse.ArgumentTypeError as exc:
        from kaccount_desk.cli.session import UsageError

        raise UsageError(str(exc)) from None


def _rules(args: argparse.Namespace, rules: list[ClassRuleView]) -> int:
    if args.json:
        print_json([asdict(r) for r in rules])
        return OK
    for r in rules:
        say(words(args, f"{r.class_name}: 成员至少 {r.min_members} 人,且月消费至少 {r.min_monthly_yuan} 元",
                  f"{r.class_name}: at least {r.min_members} members and {r.min_monthly_yuan} yuan a month"))
    return OK


def cmd_import_members(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.member_lists import MemberOutcome
    from kaccount_desk.services import company_members

    report = company_members.import_members(logged_in(args), args.company, args.file, args.dry_run)
    if args.json:
        print_json({
            "company": report.company, "file": report.file, "dry_run": report.dry_run, "totals": report.totals,
            "absent": report.absent, "members": report.members,
            "rows": [{"row": line.row, "number": line.number, "outcome": str(line.outcome),
                      "reasons": [x.text(args.lang) for x in line.reasons], "codes": [x.code for x in line.reasons]}
                     for line in report.lines],
        })
    else:
        _say_members(args, report)
    return REFUSED if report.count(MemberOutcome.REFUSED) else OK


def _say_members(args: argparse.Namespace, report: MemberImport) -> None:
    from kaccount_desk.domain.member_lists import MEMBER_OUTCOME_LABELS, MemberOutcome

    for line in report.lines:
        if line.outcome is MemberOutcome.REFUSED:
            say(words(args, f"第{line.row}行 {line.number} {MEMBER_OUTCOME_LABELS.zh(line.outcome)}:",
                      f"row {line.row} {line.number} {MEMBER_OUTCOME_LABELS.en(line.outcome)}: ") + line.text(args.lang))
    t = report.totals
    say(words(args, f"{'(试导入,未写入)' if report.dry_run else ''}{report.company}:新成员 {t['new']},已是成员 {t['unchanged']},"
                    f"拒收 {t['refused']};名单中没有的 {report.absent} 个已有成员保留;现有成员 {report.members}",
              f"{'(dry run, nothing written) ' if report.dry_run else ''}{report.company}: new members {t['new']}, "
              f"already members {t['unchanged']}, refused {t['refused']}; {report.absent} member(s) not in this list kept; "
              f"{report.members} member(s) now"))
