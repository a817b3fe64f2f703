"""Remove a rule from the place that enforces it and show that a test notices.

Not collected by pytest (no ``test_`` prefix). Each mutation is applied to a copy of the package in
a temporary folder, never to the working tree, and the tests that guard that place run against the
copy. Run from the repository root:

    python3 tests/mutations/run_mutations.py [WORD ...]   # only mutations whose name holds a WORD

Exit status 0 when every mutation made at least one test fail ("killed"), 1 otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    before: str
    after: str
    tests: tuple[str, ...]


MUTATIONS = (
    Mutation(
        "a roster may overwrite a submitted application (editable check gone from services/roster_rows.py)",
        "kaccount_desk/services/roster_rows.py",
        "locked = check_editable(found.status)",
        "locked = ()",
        ("tests/services/test_rule_places.py",),
    ),
    Mutation(
        "ID copies attach to a submitted application (editable check gone from services/id_copies.py)",
        "kaccount_desk/services/id_copies.py",
        "locked = check_editable(row.status)",
        "locked = ()",
        ("tests/services/test_rule_places.py",),
    ),
    Mutation(
        "services/intake_rules.py stops enforcing the name limit (drops the domain's name reasons)",
        "kaccount_desk/services/intake_rules.py",
        "out.reasons.extend(checks.reasons)",
        'out.reasons.extend(r for r in checks.reasons if r.code != "application.name")',
        ("tests/services/test_rule_places.py",),
    ),
    Mutation(
        "no 64-character name limit where it now lives (domain/intake.py, asked by IntakeRules and the form)",
        "kaccount_desk/domain/intake.py",
        "elif len(name) > MAX_NAME:",
        "elif False:",
        ("tests/services/test_rule_places.py", "tests/domain/test_intake_fields.py"),
    ),
    Mutation(
        "lists show full ID numbers unrecorded (masking gone from services/application_list.py)",
        "kaccount_desk/services/application_list.py",
        "ApplicationRow(r[0], r[1], r[2], mask_resident_id(r[3]),",
        "ApplicationRow(r[0], r[1], r[2], r[3],",
        ("tests/services/test_full_id_views.py",),
    ),
    Mutation(
        "applications a roster inserts leave no audit entry (note gone from services/roster_rows.py)",
        "kaccount_desk/services/roster_rows.py",
        'audit.note_change(session, "applications", "insert", list(ids))',
        "None",
        ("tests/services/test_full_id_views.py",),
    ),
    Mutation(
        "a full ID number shown leaves no record (VIEW_FULL_ID entry gone from services/enrollment.py)",
        "kaccount_desk/services/enrollment.py",
        "id_privacy.record_view(ctx, session, row.id, why)",
        "None",
        ("tests/services/test_full_id_views.py", "tests/cli/test_full_id_shown.py"),
    ),
    # The rules the intake preview carries (issue 19 items 2 and 8).
    Mutation(
        "a new number may keep the current plan (pool-number plan rule gone from domain/intake.py)",
        "kaccount_desk/domain/intake.py",
        'return not (keep_current and number_source != "existing")',
        "return True",
        ("tests/domain/test_intake_preview_rules.py", "tests/services/test_intake_preview.py", "tests/ui/test_intake_preview_form.py"),
    ),
    Mutation(
        "the save stops asking the pool-number plan rule (services/intake_rules.py)",
        "kaccount_desk/services/intake_rules.py",
        "reasons = list(check_plan(inp.fields.number_source, plan.keep_current))",
        "reasons = []",
        ("tests/services/test_intake_preview.py",),
    ),
    Mutation(
        "a number another application holds passes (duplicate-number check gone from services/intake_rules.py)",
        "kaccount_desk/services/intake_rules.py",
        "if holder is not None and holder is not own and (own is None or holder != own.id):",
        "if False:",
        ("tests/services/test_intake_preview.py", "tests/ui/test_intake_preview_form.py"),
    ),
    Mutation(
        "the preview no longer names the number's holder under the field (services/intake_preview.py)",
        "kaccount_desk/services/intake_preview.py",
        'notes["number"] = Note("reason", taken)',
        "pass",
        ("tests/services/test_intake_preview.py", "tests/ui/test_intake_preview_form.py"),
    ),
    Mutation(
        "the deadline is never near (deadline nearness gone from domain/deadline.py)",
        "kaccount_desk/domain/deadline.py",
        'return "near" if left < NEAR else "open"',
        'return "open"',
        ("tests/domain/test_intake_preview_rules.py", "tests/ui/test_intake_preview_form.py"),
    ),
    Mutation(
        "the preview offers forward moves that would be refused (services/intake_preview.py)",
        "kaccount_desk/services/intake_preview.py",
        "moves = frozenset(m for m in moves if m not in FORWARD)",
        "pass",
        ("tests/services/test_intake_preview.py", "tests/ui/test_intake_form.py"),
    ),
    Mutation(
        "a field's problem is listed again beside its missing line (domain/workflow.py before_next_move)",
        "kaccount_desk/domain/workflow.py",
        "own = [p for p in problems if not (covered and p.code.startswith(covered))]",
        "own = list(problems)",
        ("tests/domain/test_intake_preview_rules.py", "tests/services/test_intake_preview.py", "tests/ui/test_intake_preview_form.py"),
    ),
    Mutation(
        "a late application is offered to anyone (who may accept it gone from services/intake_preview.py)",
        "kaccount_desk/services/intake_preview.py",
        "ctx.actor.may(Permission.ACCEPT_LATE), who)",
        "True, who)",
        ("tests/services/test_intake_preview.py", "tests/ui/test_intake_preview_form.py"),
    ),
)


def run(mutation: Mutation) -> tuple[bool, list[str]]:
    """Apply one mutation to a copy and run its tests; (killed, names of the failing tests)."""
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "kaccount_desk", root / "kaccount_desk", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(REPO / "tests", root / "tests", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(REPO / "resources", root / "resources")
        shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
        target = root / mutation.file
        source = target.read_text(encoding="utf-8")
        if source.count(mutation.before) != 1:
            raise SystemExit(f"{mutation.file}: expected exactly one {mutation.before!r}; the mutation is out of date")
        target.write_text(source.replace(mutation.before, mutation.after), encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(root)}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *mutation.tests],
            cwd=root, env=env, capture_output=True, text=True, check=False,
        )
        failed = sorted(set(re.findall(r"^FAILED (\S+)", done.stdout, re.MULTILINE)))
        return done.returncode != 0 and bool(failed), failed


def main(words: list[str]) -> int:
    """Every mutation, or those whose name holds one of ``words`` (``run_mutations.py roster list``)."""
    survivors = 0
    for mutation in MUTATIONS:
        if words and not any(w in mutation.name for w in words):
            continue
        killed, failed = run(mutation)
        print(f"{'KILLED  ' if killed else 'SURVIVED'} {mutation.name}")
        for name in failed:
            print(f"    failed: {name}")
        survivors += not killed
    return 1 if survivors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
