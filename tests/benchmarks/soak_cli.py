"""Thousands of random command lines, valid and not, against one store, in one process: never a traceback.

Run ``python3 tests/benchmarks/soak_cli.py --commands N [--logins M] [--seed K] --out DIR``. Every
command goes through ``kaccount_desk.cli.main.run(argv)`` as the console script would; an exit
status of 0, 1, 2 or 3 is an answer (argparse's own exits included), anything else (an exception,
another status, "Traceback" in what was printed) is a failure. Logging in hashes a password on
purpose (argon2, about a quarter of a second), so ``--logins`` bounds how many commands act as
someone; the rest are the ones anybody may run and lines that go wrong before any login.
Failures are written to ``DIR/cli-failures.json`` and the script exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import soak_store  # noqa: E402
from store_fill import ADMIN_PASSWORD, CAMPAIGN  # noqa: E402

from kaccount_desk.cli.main import run  # noqa: E402
from kaccount_desk.services.demo_values import id_number  # noqa: E402

ANSWERS = {0, 1, 2, 3}
PASSWORD = ADMIN_PASSWORD
SAMPLE = soak_store.REPO / "resources" / "campaigns" / "botou-2012.toml"
TEXTS = ("家里信号很差", "", " ", "x" * 5000, "话费 OR 1=1; DROP TABLE tickets", "\"NEAR(信号 话费)\"", "%_*", "emoji 📞",
         "line\nbreak", "\x00nul", "１２３全角", "-", "--json")
NUMBERS = ("13803170001", "+86 138-0317-0001", "1380317000", "138031700011", "abc", "", "18832758801", "8613803170001",
           "1.38032E+10", "１３８０３１７０００１")


def _id(rng: random.Random) -> str:
    good = id_number(rng.randrange(50_000))
    return rng.choice((good, good[:-1] + "0", good[:17], good.lower(), "1.30981E+17", "", "X" * 18, f" {good} ", good + "1"))


def _anybody(rng: random.Random) -> list[str]:
    """Commands that need no login, and lines that are wrong before a login is tried."""
    pick = rng.randrange(10)
    if pick < 3:
        return ["check-id", *[_id(rng) for _ in range(rng.randint(1, 4))], *rng.choice(([], ["--json"]))]
    if pick < 6:
        carrier = rng.choice(([], ["--require-carrier", "china-mobile"], ["--require-carrier", "unicom"], ["--json"]))
        return ["check-number", *rng.sample(NUMBERS, rng.randint(1, 3)), *carrier]
    if pick == 6:
        return rng.choice((["--help"], ["ticket", "--help"], ["--version"], [], ["nonsense"], ["ticket"], ["print"], ["staff", "add"]))
    if pick == 7:
        return ["ticket", rng.choice(("show", "close", "reply")), rng.choice(("abc", "-1x", "1e3"))]
    if pick == 8:
        return ["ticket", "list", "--queue", rng.choice(("mine", "everything", "")), "--limit", rng.choice(("ten", "50"))] + ["--as"]
    return [rng.choice(("check-id", "check-number", "ticket", "roster", "campaign", "staff", "print", "estimate", "--db", "--as", "--lang"))
            for _ in range(rng.randint(1, 5))]


def _acting(rng: random.Random, out: Path, tickets: int) -> list[str]:
    """Commands that log in: most as the administrator, some with a wrong or unknown staff ID."""
    ticket = str(rng.choice((rng.randint(1, tickets), rng.randint(1, 20), 0, -5, 10**9)))
    application = str(rng.choice((rng.randint(1, 100), 0, 10**6)))
    choices: list[Callable[[], list[str]]] = [
        lambda: ["ticket", "list", "--queue", rng.choice(("mine", "window", "department", "due_today", "overdue", "all")),
                 "--sort", rng.choice(("due", "received")), *rng.choice(([], ["--desc"])),
                 "--limit", str(rng.choice((1, 50, 0, -1, 10**6))),
                 "--offset", str(rng.choice((0, 900_000, -3)))],
        lambda: ["ticket", "search", rng.choice(TEXTS + ("话费", "138", "客户9"))],
        lambda: ["ticket", "show", ticket],
        lambda: ["ticket", "open", "--category", rng.choice(("fault", "complaint")), "--channel", "phone", "--window",
                 rng.choice(("hotline", "营业厅", "")), "--customer", rng.choice(TEXTS), "--number", rng.choice(NUMBERS),
                 "--content", rng.choice(TEXTS)],
        lambda: ["ticket", "refer", ticket, "--department", rng.choice(("网络部", "市场部", "火星部")), "--ask", rng.choice(TEXTS)],
        lambda: ["ticket", "reply", ticket, "--text", rng.choice(TEXTS)],
        lambda: ["ticket", "close", ticket, *rng.choice(([], ["--reason", "已解决"]))],
        lambda: ["ticket", "callback", ticket, "--result", rng.choice(("satisfied", "unreachable"))],
        lambda: ["ticket", "reassign", ticket, "--to", rng.choice(("D102", "A001", "Z999")), "--reason", rng.choice(TEXTS)],
        lambda: ["ticket", "limits", *rng.choice(([], ["--set", "fault", rng.choice(("60", "0", "-1", "many"))]))],
        lambda: ["ticket", "departments", *rng.choice(([], ["--add", rng.choice(TEXTS)], ["--retire", "计划建设部"]))],
        lambda: ["ticket", rng.choice(("start", "note", "handset", "notice")), ticket, *rng.choice(([], ["--text", rng.choice(TEXTS)]))],
        lambda: ["application", "show", application],
        lambda: ["application", "move", application, "--to", rng.choice(("submitted", "rejected", "withdrawn", "activated", "draft")),
                 *rng.choice(([], ["--reason", rng.choice(TEXTS)]))],
        lambda: ["application", "confirm", application, "--code", rng.choice(("late", "ID_EXPIRED", ""))],
        lambda: ["application", "id-copy", application, "--side", rng.choice(("front", "back")),
                 rng.choice((__file__, str(out / "none.jpg")))],
        lambda: ["campaign", "list"],
        lambda: ["campaign", "load", rng.choice((str(SAMPLE), str(out), __file__))],
        lambda: ["roster", "export", "--campaign", rng.choice((CAMPAIGN, "NOPE")),
                 "--out", str(out / rng.choice(("r.xlsx", "r.csv", "r.txt", "no/r.xlsx")))],
        lambda: ["estimate", "--campaign", CAMPAIGN, "--in-group", str(rng.randint(-10, 900)), "--out-group", str(rng.randint(0, 300)),
                 *rng.choice(([], ["--current-fee", rng.choice(("88", "-1", "abc", "1e9"))]))],
        lambda: ["print", rng.choice(("notice", "receipt")), *(["--campaign", CAMPAIGN] if rng.random() < 0.5 else ["--ticket", ticket]),
                 "--out", str(out / rng.choice(("p.pdf", "no/p.pdf")))],
        lambda: ["staff", rng.choice(("list", "leave", "reinstate")), *rng.choice(([], ["D103"], ["D104"], ["Z999"]))],
        lambda: ["staff", "add", f"S{rng.randint(100, 999)}", "--name", rng.choice(TEXTS),
                 "--role", rng.choice(("clerk", "office", "supervisor"))],
    ]
    who = rng.choices((["--as", "A001"], ["--as", "D105"], ["--as", "NOBODY"]), (8, 1, 1))[0]
    return [*who, *rng.choice(choices)(), *rng.choice(([], ["--json"]))]


def play(store: Path, out: Path, commands: int, logins: int, seed: int, tickets: int) -> tuple[Counter[int], list[dict[str, object]]]:
    rng = random.Random(seed)
    exits: Counter[int] = Counter()
    failures: list[dict[str, object]] = []
    login_every = max(1, commands // max(logins, 1)) if logins else 0
    for number in range(commands):
        acting = bool(login_every) and number % login_every == 0
        argv = _acting(rng, out, tickets) if acting else _anybody(rng)
        globals_ = [*rng.choice((["--db", str(store)], ["--db", str(store)], ["--db", str(out / "missing" / "x.sqlite3")], [])),
                    *rng.choice(([], ["--lang", "en"], ["--lang", "zh"], ["--lang", "fr"]))]
        os.environ["KACCOUNT_PASSWORD"] = rng.choice((PASSWORD,) * 8 + ("wrong", ""))
        os.environ["KACCOUNT_NEW_PASSWORD"] = rng.choice(("a-long-new-password", "short"))
        line = [*globals_, *argv]
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
                code = run(line)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        except BaseException:  # noqa: BLE001 - anything else is exactly what the soak is looking for
            failures.append({"argv": line, "error": traceback.format_exc()[-3000:]})
            continue
        exits[code] += 1
        text = printed.getvalue()
        if code not in ANSWERS or "Traceback" in text:
            failures.append({"argv": line, "exit": code, "printed": text[-3000:]})
    return exits, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commands", type=int, default=2000)
    parser.add_argument("--logins", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="soak-cli-"))
    out.mkdir(parents=True, exist_ok=True)
    os.environ["KACCOUNT_HOME"] = str(out / "home")
    store = soak_store.working_copy(args.tickets, 100, out)
    began = time.perf_counter()
    exits, failures = play(store, out, args.commands, args.logins, args.seed, args.tickets)
    took = time.perf_counter() - began
    print(f"{args.commands} commands ({args.logins} logging in) in {took:.1f} s, seed {args.seed}; exit statuses "
          + ", ".join(f"{code}: {count}" for code, count in sorted(exits.items())) + f"; failures: {len(failures)}")
    store.unlink()
    (out / "cli-failures.json").write_text(json.dumps(failures, ensure_ascii=False, indent=1), encoding="utf-8")
    for failure in failures[:5]:
        print(json.dumps(failure, ensure_ascii=False)[:1500])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
