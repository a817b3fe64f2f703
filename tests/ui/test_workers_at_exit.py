"""Closing the app while a job runs (a long print) ends the process cleanly, the job cancelled.

Qt aborts the whole process when a QThread object is destroyed while its thread still runs; the
interpreter's exit did exactly that to an unfinished job (seen closing the window during 正在生成).
A real child process, since what is checked is how a process ends.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import REPO

CHILD = textwrap.dedent("""
    import sys, time
    from kaccount_desk.ui.qt import QtCore, QtWidgets
    from kaccount_desk.ui import workers

    app = QtWidgets.QApplication(sys.argv)

    def long_job(progress):
        for done in range(100_000):
            if not progress(done, 100_000):
                print("cancelled", flush=True)
                return None
            time.sleep(0.01)

    operation = workers.Operation(long_job)
    operation.start()
    QtCore.QTimer.singleShot(300, app.quit)  # the clerk closes the window mid-job
    app.exec()
    if sys.argv[1] == "stop":
        workers.stop_all()
    print("exiting", flush=True)
""")


@pytest.mark.parametrize("at_exit", ["stop", "nothing"])
def test_a_job_still_running_at_exit_is_cancelled_not_cut_off(at_exit: str, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, at_exit], capture_output=True, text=True, timeout=60,
                          cwd=REPO, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    if at_exit == "stop":
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.split() == ["cancelled", "exiting"]
    else:  # what stop_all prevents: the process dies at exit instead of ending
        assert done.returncode != 0 and "Destroyed while thread" in done.stderr
