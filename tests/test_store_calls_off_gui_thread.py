"""No widget calls the store on the GUI thread: every service call in ``kaccount_desk/ui`` goes through the API.

Issue 21: a call into ``kaccount_desk.services`` from a widget holds the window for the whole
round trip, which is 400 ms for one click on an office server across a VPN. So every call of a
*function* from a services module (``campaigns.list_campaigns(ctx)``, or a name imported from a
services module) must sit lexically inside a lambda or nested function handed to ``run_query`` /
``run_change`` (ui/operations.py), ``run_with_progress`` or ``Operation`` (ui/workers.py), which run
it in a worker thread. A function handed by name is followed to its ``def`` in the same scope, and a
``def`` that takes a ``ProgressCallback`` (``workers.Work``, built by one module and run by another's
``Operation``) counts as a worker's job: only a worker has a progress callback to give it.

Classes, dataclasses, constants and exceptions from services are not calls into the store: a name
counts as a service function only if ``inspect.isfunction`` says so after importing its module.
The check is lexical: it cannot see a service function stored in a variable and called later.
A service that is a pure function touching no store is listed in ``ALLOWED``, and the few places
that must wait for the store on the GUI thread in ``ON_GUI_THREAD``, each with its reason; an entry
nothing needs any more fails the run, as does one left in the temporary ``NOT_YET_CONVERTED``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import textwrap
from dataclasses import dataclass
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "kaccount_desk" / "ui"
SERVICES = "kaccount_desk.services"
UI_PACKAGE = "kaccount_desk.ui"

# The callables that run their function argument in a worker thread, and where that argument sits.
RUNNERS = {"run_query": (1, "fn"), "run_change": (1, "fn"), "run_with_progress": (2, "fn"), "Operation": (0, "fn"),
           "_act": (1, "work")}  # TicketDetail._act: every action of the ticket panel, handed to run_change there

# Service functions that may run on the GUI thread, each with why it is harmless: none touches the store.
ALLOWED: dict[str, str] = {
    "audit_view.action_label": "looks up the words for an audit action in a dict",
    "batches.batch_targets": "the moves a batch may make, from the actor's permissions held in memory",
    "campaigns.sample_campaign_path": "joins the resources folder and a file name",
    "crash_report.describe": "formats an exception for the crash dialog (the store may be what failed)",
    "crash_report.safe_traceback": "formats a traceback for the crash dialog (the store may be what failed)",
    "id_privacy.may_show_full_ids": "reads the logged-in actor's permissions, held in memory",
    "context.shown_url": "writes an address with *** for its password, for a message",
    "context.without_password": "strips the password from an error's text, for a message",
    "store_setup.first_admin_problems": "checks the typed staff ID and password against the rules and the bundled list of common passwords",
    "store_setup.remember_password": "writes the server password to libpq's password file in the person's own folder, not to the store",
    "store_setup.postgresql_url": "builds a server address from the wizard's fields",
    "store_setup.without_password": "strips the password from an address string",
    "vault.lock": "forgets the data key held in memory (logout, the lock screen); no store is asked",
}

# Methods that must call the store on the GUI thread, each with why. The unsaved-typing question
# ("Save / Discard / Cancel" before closing the window, switching campaign or language) needs the
# save's answer before the window goes on: a refused save keeps the window open on the typing.
ON_GUI_THREAD: dict[str, str] = {
    "admin/campaign_editor.py::CampaignEditor.save_input": "the unsaved-typing question waits for the campaign's save",
    "printing/print_page.py::PrintPage.save_input": "the unsaved-typing question waits for the notice text's save",
    "tickets/open_ticket_form.py::OpenTicketForm.save_input": "the unsaved-typing question waits for the new ticket's save",
    "main.py::_open_store": "a store found damaged at start: the restore offer needs its answer before any window exists",
    "main.py::_log_in": "the same careful way, after a restore: the door asks whether anyone can log in before any window exists",
    "main.py::_closed_mark": "at the end of a session, the window gone: the file's size and time noted for the next start",
    "drafts.py::DraftKeeper.keep_now": "SIGTERM or the session's end: the event loop is ending, a queued write would never run",
    "drafts.py::DraftKeeper.forget": "closing or logging out, the typing settled: as keep_now, a queued write would never run",
    "self_test.py::_Run": "--self-test is a command with no window: it prints each step and exits, nothing waits on it",
}

# Modules other engineers are converting in parallel (issue 21, item 1): a module path under ui/, or
# "path::Class" for one class of it. TEMPORARY: the lead empties this set after merging their
# branches; an entry that no longer offends fails the test, so it cannot outlive its reason.
NOT_YET_CONVERTED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Offence:
    """One service call outside a worker: ``module:line function`` names it for the fix."""

    module: str
    line: int
    function: str
    scope: str  # the classes and functions it sits in ("PrintPage.save_input"), for the lists above

    def __str__(self) -> str:
        return f"{self.module}:{self.line} {self.function}"


def _service_function(module_name: str, attribute: str) -> bool:
    """True when ``module_name.attribute`` is a function (not a class, constant or exception)."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return False
    return inspect.isfunction(getattr(module, attribute, None))


def _is_module(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


class _Imports(ast.NodeVisitor):
    """Names bound to services modules, and names bound to service functions, anywhere in the module."""

    def __init__(self) -> None:
        self.modules: dict[str, str] = {}  # local name -> services module
        self.functions: dict[str, str] = {}  # local name -> "module.function" (short, after services.)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.startswith(SERVICES + ".") and alias.asname:
                self.modules[alias.asname] = alias.name

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        source = node.module or ""
        if not (source == SERVICES or source.startswith(SERVICES + ".")):
            return
        for alias in node.names:
            local = alias.asname or alias.name
            if source == SERVICES and _is_module(f"{source}.{alias.name}"):
                self.modules[local] = f"{source}.{alias.name}"
            elif _service_function(source, alias.name):
                self.functions[local] = f"{source.removeprefix(SERVICES + '.')}.{alias.name}"


def _runner_argument(call: ast.Call) -> ast.expr | None:
    """The function argument of a ``run_query``/``run_change``/``run_with_progress``/``Operation`` call."""
    func = call.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name not in RUNNERS:
        return None
    index, keyword = RUNNERS[name]
    for given in call.keywords:
        if given.arg == keyword:
            return given.value
    return call.args[index] if len(call.args) > index else None


def _worker_bodies(tree: ast.AST) -> set[ast.AST]:
    """The lambdas and ``def``s whose bodies run in a worker thread (handed to a runner)."""
    parents: dict[ast.AST, ast.AST] = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    bodies: set[ast.AST] = {node for node in ast.walk(tree) if _takes_progress(node) or _marked_job(node)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        argument = _runner_argument(node)
        # A wrapper around the work (``self._current(generation, lambda: ...)``) hands it on to the worker.
        arguments = [argument, *argument.args] if isinstance(argument, ast.Call) else [argument]
        for given in arguments:
            if isinstance(given, ast.Lambda):
                bodies.add(given)
            elif isinstance(given, ast.Name):
                definition = _definition(given.id, node, parents)
                if definition is not None:
                    bodies.add(definition)
    return bodies


def _marked_job(node: ast.AST) -> bool:
    """A ``def`` decorated with ``@worker_job`` (``ui/operations.py``) runs only inside a worker."""
    if not isinstance(node, ast.FunctionDef):
        return False
    return any(_dotted(decorator) in {"worker_job", "operations.worker_job"} for decorator in node.decorator_list)


def _job_names(tree: ast.AST) -> set[str]:
    """The names of the module's ``@worker_job`` functions and methods, and of those it imports from ui modules."""
    names = {node.name for node in ast.walk(tree) if _marked_job(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(UI_PACKAGE + "."):
            module = importlib.import_module(node.module or "")
            names.update(alias.asname or alias.name for alias in node.names if _is_job(getattr(module, alias.name, None)))
    return names


def _is_job(value: object) -> bool:
    return inspect.isfunction(value) and any(_marked_job(node) for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(value)))))


def _called_job(func: ast.expr, jobs: set[str]) -> str | None:
    """``name`` when ``func`` calls a ``@worker_job`` function (``read_ticket(...)``) or method (``self._fetch_page(...)``)."""
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    return name if name in jobs else None


def _takes_progress(node: ast.AST) -> bool:
    """A ``def`` with a ``ProgressCallback`` parameter is a worker's job (``workers.Work``): only a worker hands it one."""
    if not isinstance(node, ast.FunctionDef):
        return False
    arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
    return any(isinstance(a.annotation, ast.Name) and a.annotation.id == "ProgressCallback" for a in arguments)


def _definition(name: str, at: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST | None:
    """The nearest ``def name`` visible from ``at``: in its enclosing functions, then the module."""
    scope: ast.AST | None = at
    while scope is not None:
        scope = parents.get(scope)
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
            for statement in ast.walk(scope):
                if (isinstance(statement, ast.FunctionDef) and statement.name == name and statement is not scope
                        and (parents.get(statement) is scope or isinstance(scope, ast.Module))):
                    return statement
    return None


def offences(source: str, module: str) -> list[Offence]:
    """Every service-function call in ``source`` that is not inside a worker body."""
    tree = ast.parse(source)
    imports = _Imports()
    imports.visit(tree)
    bodies = _worker_bodies(tree)
    jobs = _job_names(tree)
    found: list[Offence] = []

    def visit(node: ast.AST, in_worker: bool, scope: str) -> None:
        in_worker = in_worker or node in bodies
        if isinstance(node, ast.Call) and not in_worker:
            called = _called_service(node.func, imports) or _called_job(node.func, jobs)
            if called is not None and called not in ALLOWED:
                found.append(Offence(module, node.lineno, called, scope))
        for child in ast.iter_child_nodes(node):
            named = isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            visit(child, in_worker, f"{scope}.{child.name}".lstrip(".") if named else scope)  # type: ignore[union-attr]

    visit(tree, False, "")
    return found


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` as a string, or None for anything but names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _called_service(func: ast.expr, imports: _Imports) -> str | None:
    """``module.function`` when ``func`` names a service function: imported by name, through its module's
    local name, or spelled out (``kaccount_desk.services.staff.authenticate`` after a plain import)."""
    if isinstance(func, ast.Name):
        return imports.functions.get(func.id)
    owner = _dotted(func.value) if isinstance(func, ast.Attribute) else None
    if owner is None or not isinstance(func, ast.Attribute):
        return None
    module = imports.modules.get(owner) or (owner if owner.startswith(SERVICES + ".") else None)
    if module is not None and _service_function(module, func.attr):
        return f"{module.removeprefix(SERVICES + '.')}.{func.attr}"
    return None


def _ui_modules() -> dict[str, str]:
    return {path.relative_to(UI).as_posix(): path.read_text(encoding="utf-8") for path in sorted(UI.rglob("*.py"))}


def _waived(offence: Offence) -> str | None:
    """The ON_GUI_THREAD or NOT_YET_CONVERTED entry that covers ``offence``, if any."""
    outer = offence.scope.split(".")[0]
    for entry in (offence.module, f"{offence.module}::{outer}", f"{offence.module}::{offence.scope}"):
        if entry in NOT_YET_CONVERTED or entry in ON_GUI_THREAD:
            return entry
    return None


def _all_offences() -> list[Offence]:
    return [offence for module, source in _ui_modules().items() for offence in offences(source, module)]


def test_no_ui_module_calls_a_service_outside_a_worker() -> None:
    found = [str(offence) for offence in _all_offences() if _waived(offence) is None]
    assert not found, "service calls on the GUI thread (wrap them in run_query/run_change):\n" + "\n".join(found)


def test_the_waivers_name_only_places_that_still_call_the_store() -> None:
    still = {_waived(offence) for offence in _all_offences()}
    assert not NOT_YET_CONVERTED - still, f"remove from NOT_YET_CONVERTED, they pass now: {sorted(NOT_YET_CONVERTED - still)}"
    assert not set(ON_GUI_THREAD) - still, f"remove from ON_GUI_THREAD, they call no service: {sorted(set(ON_GUI_THREAD) - still)}"


def test_every_allowed_function_is_still_called() -> None:
    """An entry of ``ALLOWED`` that no ui module calls any more is a hole waiting to be misused: remove it."""
    called = set()
    for source in _ui_modules().values():
        tree = ast.parse(source)
        imports = _Imports()
        imports.visit(tree)
        called |= {name for node in ast.walk(tree) if isinstance(node, ast.Call)
                   and (name := _called_service(node.func, imports)) is not None}
    assert not set(ALLOWED) - called, f"ALLOWED names functions no ui module calls: {sorted(set(ALLOWED) - called)}"


DIRECT = """
from kaccount_desk.services import campaigns
from kaccount_desk.services.staff import authenticate
from kaccount_desk.services.campaigns import CampaignSummary

def refresh(self):
    self.rows = campaigns.list_campaigns(self.ctx)
    authenticate(self.ctx.store, "A001", "secret")
    CampaignSummary(code="X")  # a class is no call into the store

def later(self):
    import kaccount_desk.services.staff
    from kaccount_desk.services import retention as kept
    kaccount_desk.services.staff.list_staff(self.ctx)
    kept.get_policy(self.ctx)
"""

IN_WORKER = """
from kaccount_desk.services import campaigns
from kaccount_desk.ui import operations

def refresh(self):
    operations.run_query(self, lambda: campaigns.list_campaigns(self.ctx), self.show)

def reload(self):
    def fetch():
        return campaigns.list_campaigns(self.ctx)
    operations.run_query(self, fetch, on_done=lambda rows: self.show(rows))
"""

A_JOB = """
from kaccount_desk.services import printing
from kaccount_desk.ui.workers import ProgressCallback

def job(ctx, out):
    def run(progress: ProgressCallback):
        return printing.print_forms(ctx, "BT2012-KA", out, None, None, progress)
    return run
"""

IN_CALLBACK = """
from kaccount_desk.services import campaigns
from kaccount_desk.ui import operations

def refresh(self):
    operations.run_query(self, lambda: None, lambda _none: campaigns.list_campaigns(self.ctx))
"""


def test_the_check_names_a_direct_call() -> None:
    found = offences(DIRECT, "x.py")
    assert [str(offence) for offence in found] == ["x.py:7 campaigns.list_campaigns", "x.py:8 staff.authenticate",
                                                   "x.py:14 staff.list_staff", "x.py:15 retention.get_policy"]
    assert [offence.scope for offence in found] == ["refresh", "refresh", "later", "later"]


def test_the_check_passes_a_call_in_a_worker() -> None:
    assert offences(IN_WORKER, "x.py") == []


def test_a_job_that_takes_progress_is_a_workers() -> None:
    assert offences(A_JOB, "x.py") == []
    assert [str(offence) for offence in offences(A_JOB.replace(": ProgressCallback", ""), "x.py")] == ["x.py:7 printing.print_forms"]


def test_the_check_names_a_call_in_the_done_callback() -> None:
    """``on_done`` runs on the GUI thread: a service call there holds the window like any other."""
    assert [str(offence) for offence in offences(IN_CALLBACK, "x.py")] == ["x.py:6 campaigns.list_campaigns"]


A_MARKED_JOB = """
from kaccount_desk.services import tickets
from kaccount_desk.ui.operations import run_query, worker_job

@worker_job
def read(ctx, ticket_id):
    return tickets.show(ctx, ticket_id)

class Panel:
    def select(self, ticket_id):
        run_query(self, lambda: read(self.ctx, ticket_id), self.paint)

    def select_now(self, ticket_id):
        self.paint(read(self.ctx, ticket_id))
"""


def test_a_marked_job_runs_in_a_worker_and_calling_it_outside_one_is_named() -> None:
    """``@worker_job`` makes a body a worker's, and a call of it on the GUI thread a store call like any other."""
    assert [str(offence) for offence in offences(A_MARKED_JOB, "x.py")] == ["x.py:14 read"]
    unmarked = A_MARKED_JOB.replace("@worker_job\n", "")
    assert [str(offence) for offence in offences(unmarked, "x.py")] == ["x.py:6 tickets.show"]
