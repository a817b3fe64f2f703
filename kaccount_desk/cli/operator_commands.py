"""``handover operator`` (the office's file for the operator) and ``handover activations`` (the operator's answer).

Both obey the same services and rights as the Applications page's batch menu. Exit codes: 0 when
everything asked for was done; 1 when some applications or rows were held back (each named, with
its reason), or nothing could be done.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kaccount_desk.cli.handover_group import handover_group
from kaccount_desk.cli.output import OK, REFUSED, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in


def register(sub: Any) -> None:
    steps = handover_group(sub)
    p = steps.add_parser("operator", help="write the operator's hand-over (.zip with ID data) and move the submitted applications to sent")
    p.add_argument("--campaign", required=True, metavar="CODE")
    p.add_argument("--department", default=None, metavar="NAME", help="only this department's submitted applications")
    p.add_argument("--out", required=True, type=Path, metavar="FOLDER_OR_FILE.zip",
                   help="a folder (the file is named 移交运营商-含身份证信息-CAMPAIGN-DATE.zip in it) or a .zip file name")
    json_flag(p)
    p.set_defaults(handler=cmd_operator)

    p = steps.add_parser("activations", help="the operator's list of activated numbers: move the sent applications to activated")
    p.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--campaign", default=None, metavar="CODE", help="only this campaign's applications (default: any)")
    p.add_argument("--dry-run", action="store_true", help="check every row and write nothing")
    json_flag(p)
    p.set_defaults(handler=cmd_activations)


def cmd_operator(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.workflow import status_label
    from kaccount_desk.services import operator_handover

    done = operator_handover.hand_over(logged_in(args), args.campaign, args.out, args.department)
    lang = args.lang
    if args.json:
        print_json({
            "out": str(done.out), "campaign": done.campaign, "department": done.department, "sha256": done.sha256,
            "audit_witness": done.witness, "sent": list(done.sent), "waiting": done.waiting,
            "by_department": dict(done.by_department), "by_plan": dict(done.by_plan),
            "refused": [{"application_id": r.id, "status": r.status, "reasons": [x.text(lang) for x in r.reasons]} for r in done.refused],
        })
    else:
        say(words(args, f"已写入 {done.out}(含身份证信息,请妥善交接)", f"Written: {done.out} (it holds ID data: hand it over in person)"))
        say(words(args, f"{len(done.sent)} 份申请已改为“已交移动公司”", f"{len(done.sent)} applications moved to sent to carrier"))
        for name, n in done.by_department:
            say(f"    {name}\t{n}")
        say(f"SHA-256 {done.sha256}\t{done.witness}")
        for r in done.refused:
            say(words(args, f"未移交 申请编号{r.id}({status_label(r.status, 'zh')}):{r.text('zh')}",
                      f"Held back: application no. {r.id} ({status_label(r.status, 'en')}): {r.text('en')}"))
        if done.waiting:
            say(words(args, f"另有 {done.waiting} 份申请办公室尚未审核提交,不在本次移交中",
                      f"{done.waiting} more applications are not yet submitted by the office and are not in this hand-over"))
    return REFUSED if done.refused else OK


def cmd_activations(args: argparse.Namespace) -> int:
    from kaccount_desk.domain.operator_handover import OUTCOME_LABELS, Outcome
    from kaccount_desk.services import activations

    report = activations.import_activations(logged_in(args), args.file, args.campaign, dry_run=args.dry_run)
    lang = args.lang
    if args.json:
        print_json({
            "file": str(args.file), "dry_run": report.dry_run, "totals": report.totals,
            "notices": [x.text(lang) for x in report.notices],
            "rows": [{"row": line.row, "number": line.number, "outcome": str(line.outcome), "application_id": line.application_id,
                      "activated_on": line.activated_on, "reasons": [x.text(lang) for x in line.reasons]} for line in report.lines],
        })
    else:
        for x in report.notices:
            say(f"! {x.text(lang)}")
        for line in report.lines:
            if line.outcome is not Outcome.ACTIVATED:
                say(words(args, f"第{line.row}行 {line.number} {OUTCOME_LABELS.zh(line.outcome)}",
                          f"row {line.row} {line.number} {OUTCOME_LABELS.en(line.outcome)}"))
                for x in line.reasons:
                    say(f"    {x.text(lang)}")
        t = report.totals
        say(words(args, f"{'(试导入,未写入)' if report.dry_run else ''}登记开通 {t['activated']},此前已开通 {t['already']},"
                        f"未找到 {t['not_found']},状态不符 {t['other_state']},无法读取 {t['bad_row']}",
                  f"{'(dry run, nothing written) ' if report.dry_run else ''}activated {t['activated']}, already {t['already']}, "
                  f"not found {t['not_found']}, in another state {t['other_state']}, unreadable {t['bad_row']}"))
    held = sum(report.count(o) for o in (Outcome.NOT_FOUND, Outcome.OTHER_STATE, Outcome.BAD_ROW))
    return REFUSED if held else OK
