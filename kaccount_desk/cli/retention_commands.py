"""``purge`` and ``retention``: deleting ID-card images past their keeping date, from cron or by hand.

``purge --dry-run`` lists what would go (application ids and dates, no names); ``purge`` deletes
and is recorded. ``retention`` shows or sets the keeping rule all PCs on the store share.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in


def register(sub: Any) -> None:
    p = sub.add_parser("purge", help="delete ID-card images past their keeping date (admins; recorded)")
    p.add_argument("--dry-run", action="store_true", help="list what would be deleted and delete nothing")
    json_flag(p)
    p.set_defaults(handler=cmd_purge)
    r = sub.add_parser("retention", help="show or set how long ID-card images are kept")
    r.add_argument("--mode", choices=("office", "counter"), help="office: days after settling or the campaign's close; "
                   "counter: MIIT Order No. 25, the service and two years after")
    r.add_argument("--days", type=int, help="days to keep, in office mode (default 90)")
    r.add_argument("--abandoned-days", type=int, metavar="DAYS",
                   help="counter mode: days after the campaign's close that images of applications never finished "
                   "(draft, collected, submitted, sent) are kept (default 730, two years)")
    json_flag(r)
    r.set_defaults(handler=cmd_retention)


def cmd_purge(args: argparse.Namespace) -> int:
    from kaccount_desk.services import retention

    report = retention.purge_id_copies(logged_in(args), dry_run=args.dry_run)
    if args.json:
        print_json({"dry_run": report.dry_run, "images": report.images, "applications": [asdict(d) for d in report.due]})
        return OK
    for d in report.due:
        say(f"{d.application_id}\t{d.campaign_code}\t{d.department}\t{d.status}\t{d.due_at:%Y-%m-%d}\t{','.join(d.sides)}")
    if args.dry_run:
        say(words(args, f"将删除 {len(report.due)} 份申请的 {report.images} 张身份证复印件(试运行,未删除)",
                  f"{report.images} ID-card images of {len(report.due)} applications would be deleted (dry run, nothing deleted)"))
    else:
        say(words(args, f"已删除 {len(report.due)} 份申请的 {report.images} 张身份证复印件",
                  f"Deleted {report.images} ID-card images of {len(report.due)} applications"))
    return OK


def cmd_retention(args: argparse.Namespace) -> int:
    from kaccount_desk.services import retention

    ctx = logged_in(args)
    policy = retention.get_policy(ctx)
    if args.mode is not None or args.days is not None or args.abandoned_days is not None:
        policy = retention.set_policy(ctx, args.mode or policy.mode.value, args.days if args.days is not None else policy.days,
                                      args.abandoned_days)
    if args.json:
        print_json({"mode": policy.mode.value, "days": policy.days, "abandoned_days": policy.abandoned_days})
    else:
        say(words(args, f"{policy.mode.value} {policy.days}(未办结申请:活动截止后 {policy.abandoned_days} 天)",
                  f"{policy.mode.value} {policy.days} (unfinished applications: {policy.abandoned_days} days after the close)"))
    return OK
