"""The next person who logs in is told what opening the store did with a hand-over a program left half-way."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from operator_handover_support import application
from sqlalchemy import update
from support import REPO

from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.operator_handover import hand_over
from kaccount_desk.store.handover_models import PendingHandoverFile
from kaccount_desk.ui.handover.interrupted import tell_settled
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import QtWidgets


def _blocking(target: Path) -> Callable[[int, int], bool]:
    """A progress callback that puts a folder where the file goes as the last ID sheet is drawn: the rename will fail."""

    def block(done: int, total: int) -> bool:
        if done == total:
            target.mkdir()
        return True

    return block


def _left_by_a_dead_program(admin: Context, campaign: str, tmp_path: Path) -> Store:
    """A hand-over whose moves committed and whose rename failed, in a program that has since ended; the store opened again."""
    application(admin, campaign, 0)
    target = tmp_path / "移交运营商-含身份证信息-BT2012-KA.zip"
    with pytest.raises(Refused):
        hand_over(admin, campaign, target, progress=_blocking(target))
    target.rmdir()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    with admin.store.transaction() as session:  # the row as that program would have left it: its process is gone
        session.execute(update(PendingHandoverFile).values(pid=int(ended.stdout)))
    return Store(admin.store.url, resources=REPO / "resources")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_box_says_the_applications_were_sent_and_where_the_file_is(qapp: QtWidgets.QApplication, admin: Context,
                                                                      campaign: str, tmp_path: Path, lang: str,
                                                                      message_boxes: list[tuple[str, str]]) -> None:
    install_translations(qapp, lang)
    set_current_lang(lang)
    reopened = _left_by_a_dead_program(admin, campaign, tmp_path)
    try:
        assert [s.outcome.value for s in reopened.settled] == ["placed"]
        tell_settled(None, reopened.settled)
    finally:
        reopened.close()
    kind, text = message_boxes[0]
    assert kind == "information" and "移交运营商-含身份证信息-BT2012-KA.zip" in text
    assert ("已交移动公司" in text) if lang == "zh" else ("marked sent" in text)
