"""``task`` commands: an account manager's tasks with due dates, added, listed, done, and made from the 异动 list."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, row_number, say, words
from kaccount_desk.cli.session import logged_in

if TYPE_CHECKING:
    from kaccount_desk.services.manager_tasks import TaskView

KINDS = ["visit", "call", "renewal", "downgrade", "other"]  # domain.manager_tasks.TaskKind; a test keeps them equal


def register(sub: Any) -> None:
    p = sub.add_parser("task", help="account managers' tasks: add, list, done, from the month's tier changes")
    tsub = p.add_subparsers(dest="task_command", required=True)
    c = tsub.add_parser("add", help="a task with a due date, for yourself or (a supervisor) for a manager")
    c.add_argument("--manager", metavar="STAFF_ID", help="whose task (default: yours)")
    c.add_argument("--title", required=True, metavar="TEXT")
    c.add_argument("--due", required=True, metavar="YYYY-MM-DD")
    c.add_argument("--kind", choices=KINDS, default="other")
    c.add_argument("--company", metavar="COMPANY", help="the company it is about (name or number)")
    c.add_argument("--number", metavar="NUMBER", help="the customer's number it is about")
    json_flag(c)
    c.set_defaults(handler=cmd_add)
    c = tsub.add_parser("list", help="tasks, open ones first: overdue, today, the days ahead")
    c.add_argument("--manager", metavar="STAFF_ID", help="whose tasks (default: yours; a supervisor sees everyone's)")
    c.add_argument("--open", action="store_true", help="only tasks not done")
    json_flag(c)
    c.set_defaults(handler=cmd_list)
    c = tsub.add_parser("done", help="mark a task done")
    c.add_argument("task_id", metavar="ID", type=row_number)
    json_flag(c)
    c.set_defaults(handler=cmd_done)
    c = tsub.add_parser("from-changes", help="a follow-up task for each number that dropped in the month's 异动 list")
    c.add_argument("--month", required=True, metavar="YYYY-MM")
    json_flag(c)
    c.set_defaults(handler=cmd_from_changes)


def _line(args: argparse.Namespace, t: TaskView) -> str:
    state = (words(args, "已完成", "done") if t.done_at else t.part_name) or words(args, "未到", "later")
    about = " ".join(part for part in (t.company, t.number) if part)
    return f"{t.id}  {t.due_on.isoformat()}  [{state}]  {t.kind_name}  {t.title}  {about}  {t.manager}".rstrip()


def cmd_add(args: argparse.Namespace) -> int:
    from kaccount_desk.services import manager_tasks

    task = manager_tasks.add_task(logged_in(args), args.title, args.due, args.kind, manager=args.manager,
                                  company=args.company, number=args.number)
    if args.json:
        print_json(asdict(task))
    else:
        say(_line(args, task))
    return OK


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import manager_tasks

    found = manager_tasks.list_tasks(logged_in(args), args.manager, open_only=args.open)
    if args.json:
        print_json([asdict(t) for t in found])
        return OK
    for t in found:
        say(_line(args, t))
    if not found:
        say(words(args, "没有任务", "No tasks"))
    return OK


def cmd_done(args: argparse.Namespace) -> int:
    from kaccount_desk.services import manager_tasks

    task = manager_tasks.complete_task(logged_in(args), args.task_id)
    if args.json:
        print_json(asdict(task))
    else:
        say(_line(args, task))
    return OK


def cmd_from_changes(args: argparse.Namespace) -> int:
    from kaccount_desk.services import manager_tasks

    made = manager_tasks.from_changes(logged_in(args), args.month)
    if args.json:
        print_json(asdict(made))
        return OK
    say(words(args, f"{made.month}:新建跟进任务 {len(made.created)} 个,已有 {made.already} 个,"
                    f"无客户经理的号码 {len(made.without_manager)} 个",
              f"{made.month}: {len(made.created)} follow-up tasks made, {made.already} there already, "
              f"{len(made.without_manager)} numbers without a manager"))
    for t in made.created:
        say(_line(args, t))
    if made.without_manager:
        say(words(args, "请先分配客户经理(manager assign-number):", "Assign them a manager first (manager assign-number):")
            + " " + ", ".join(made.without_manager))
    return OK
