"""``kaccount-desk demo``: what a trainer types into a new store, and what it says back."""

from __future__ import annotations

from pathlib import Path

from clirun import kad


def test_demo_fills_a_new_store_and_tells_how_to_log_in(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert kad("init", "--admin", "A001", db=db, staff=None).returncode == 0
    done = kad("demo", "--tickets", "120", "--applications", "40", "--seed", "4", "--json", db=db)
    assert done.returncode == 0, done.stderr
    fill = done.json()
    assert (fill["tickets"], fill["applications"], fill["campaign"], fill["stopped"]) == (120, 40, "DEMO-4", False)
    listed = kad("ticket", "list", "--json", db=db, staff="D101", password=fill["password"])
    assert listed.returncode == 0, listed.stderr  # a demo clerk logs in with the printed password
    again = kad("demo", db=db, lang="en")
    assert again.returncode == 1 and "empty store" in again.stderr + again.stdout
