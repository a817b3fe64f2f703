"""The key-account reports of a month as an .xlsx: one sheet per report, in the language of the person exporting.

The same report the screen shows is written (the page passes what it read, so the file and the
screen never disagree); money goes as fen to the writer, which makes it yuan with two decimals.
"""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.domain.key_accounts import TIER_LABELS, Tier
from kaccount_desk.domain.labels import Lang
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.safe_files import UnsafeTarget
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.key_account_report_views import KeyAccountReport
from kaccount_desk.services.key_account_reports import REPORT_PERMISSION
from kaccount_desk.sheets.report_writer import Fen, Rate, SheetData, write_workbook


def _pick(lang: Lang, *pairs: tuple[str, str]) -> list[str]:
    return [zh if lang == "zh" else en for zh, en in pairs]


def report_sheets(report: KeyAccountReport, lang: Lang) -> list[SheetData]:
    """Development, revenue by tier, companies (revenue and churn), churn, satisfaction, account managers."""
    tiers = [TIER_LABELS.text(t, lang) for t in Tier]
    trend = SheetData(
        _pick(lang, ("发展", "Development"))[0],
        [*_pick(lang, ("月份", "Month"), ("集团成员", "Members"), ("本月新增成员", "Members gained"), ("大客户", "Key accounts")), *tiers],
        [[t.month, t.members, t.gained, t.key_accounts, *(t.by_tier[tier.value] for tier in Tier)] for t in report.trend])
    by_tier = SheetData(
        _pick(lang, ("收入(按级别)", "Revenue by tier"))[0],
        _pick(lang, ("级别", "Tier"), ("号码数", "Numbers"), ("收入(元)", "Revenue (yuan)"), ("户均(元)", "Average (yuan)")),
        [[t.name, t.numbers, Fen(t.revenue_fen), Fen(t.average_fen)] for t in report.tiers])
    by_company = SheetData(
        _pick(lang, ("集团客户", "Companies"))[0],
        _pick(lang, ("集团客户", "Company"), ("类别", "Class"), ("成员", "Members"), ("本月新增", "Gained"), ("其中大客户", "Key accounts"),
              ("出账成员", "Billed"), ("收入(元)", "Revenue (yuan)"), ("离网成员", "Members gone")),
        [[c.name, c.company_class, c.members, c.gained, c.key_accounts, c.billed, Fen(c.revenue_fen), c.left]
         for c in report.companies])
    churn = SheetData(
        _pick(lang, ("流失", "Churn"))[0],
        _pick(lang, ("类型", "Kind"), ("原级别", "From tier"), ("号码数", "Numbers")),
        [[c.kind_name, c.tier_name, c.numbers] for c in report.churn])
    satisfaction = SheetData(
        _pick(lang, ("满意度", "Satisfaction"))[0],
        _pick(lang, ("类别", "Category"), ("办结", "Closed"), ("按时办结", "Closed on time"), ("满意", "Satisfied"),
              ("不满意", "Not satisfied"), ("联系不上", "Not reachable"), ("满意率", "Satisfaction rate")),
        [[s.category_name, s.closed, s.on_time, s.satisfied, s.unsatisfied, s.unreachable, Rate(s.rate)] for s in report.satisfaction])
    managers = SheetData(
        _pick(lang, ("客户经理", "Account managers"))[0],
        _pick(lang, ("工号", "Staff ID"), ("姓名", "Name"), ("集团客户", "Companies"), ("成员", "Members"), ("新增成员", "Members gained"),
              ("客户工单办结", "Tickets closed"), ("按时办结", "Closed on time"), ("按时办结率", "On-time rate"), ("满意", "Satisfied"),
              ("不满意", "Not satisfied"), ("满意率", "Satisfaction rate"), ("到期任务", "Tasks due"),
              ("按时完成", "Tasks done on time"), ("任务按时率", "Tasks on-time rate")),
        [[m.staff_no, m.name, m.companies, m.members, m.gained, m.tickets_closed, m.closed_on_time, Rate(m.on_time_rate),
          m.satisfied, m.unsatisfied, Rate(m.satisfaction), m.tasks_due, m.tasks_on_time, Rate(m.tasks_rate)] for m in report.managers])
    return [trend, by_tier, by_company, churn, satisfaction, managers]


def export_report(ctx: Context, report: KeyAccountReport, path: Path) -> Path:
    """Write ``report`` to ``path`` (.xlsx added when missing), whole or not at all; returns the path written."""
    ctx.require(REPORT_PERMISSION)
    target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path).with_suffix(".xlsx")
    try:
        write_workbook(target, report_sheets(report, ctx.lang))
    except UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except OSError as exc:
        raise Refused(Reason("report.unwritable", f"无法写入报表文件“{target}”({exc.strerror or '写入出错'}),请换一个位置或文件名",
                             f"Cannot write the report file {target} ({exc.strerror or 'write error'}); "
                             "choose another place or name")) from exc
    return target
