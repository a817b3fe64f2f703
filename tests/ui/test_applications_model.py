"""The lazy applications model: Qt's model tester, page-wise fetching, filters and search."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import valid_id

from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.applications_model import APPLICATION_ID_ROLE, ApplicationsModel
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.page_cache import PAGE_SIZE
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")


def cell(qtbot, model: ApplicationsModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """A cell once its page is here: the first read asks for the page, which comes from a worker thread."""
    model.index(row, column).data(role)
    qtbot.waitUntil(operations.idle)
    return model.index(row, column).data(role)


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, admin: Context, campaign: str, applications: Callable[[int], None]) -> None:
    applications(30)
    model = ApplicationsModel(admin, ApplicationQuery(campaign), page_size=10)
    qtbot.waitUntil(operations.idle)
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(operations.idle)
    assert model.rowCount() == 30


def test_model_fetches_only_the_pages_it_is_asked_for(qtbot, admin: Context, campaign: str, applications: Callable[[int], None]) -> None:
    applications(1000)
    model = ApplicationsModel(admin, ApplicationQuery(campaign))
    qtbot.waitUntil(operations.idle)
    assert model.rowCount() == 1000
    assert model.cached_pages == 1 and model.fetches == 0  # the first page came with the count, in one read
    first = cell(qtbot, model, 0, 1)
    last = cell(qtbot, model, 999, 1)
    assert (first, last) == ("员工0999", "员工0000")  # newest first
    assert model.cached_pages == 2 and model.fetches == 1
    assert isinstance(cell(qtbot, model, 500, 0, APPLICATION_ID_ROLE), int)
    assert model.index(0, 6).data() == "0/2"
    assert model.cached_pages <= 1000 // PAGE_SIZE // 2


def test_refresh_reads_the_rows_again(qtbot, admin: Context, campaign: str, applications: Callable[[int], None], write_roster) -> None:
    applications(5)
    model = ApplicationsModel(admin, ApplicationQuery(campaign))
    qtbot.waitUntil(operations.idle)
    assert cell(qtbot, model, 0, 1) == "员工0004"
    from kaccount_desk.services import rosters

    rosters.import_roster(admin, write_roster(1, "more.csv", start=5), campaign)
    model.refresh()
    assert model.rowCount() == 5 and model.index(0, 1).data() == "员工0004"  # until the new count is back
    qtbot.waitUntil(operations.idle)
    assert model.rowCount() == 6 and model.cached_pages == 0
    assert cell(qtbot, model, 0, 1) == "员工0005"


def test_filters_and_search_narrow_the_rows(qtbot, admin: Context, campaign: str, applications: Callable[[int], None]) -> None:
    applications(27)
    page = ApplicationsPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)  # the campaign is read in the background
    page.show()
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 27
    page.department.setCurrentIndex(page.department.findData("铸造事业部"))
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 3  # rows 0, 9 and 18
    page.department.setCurrentIndex(0)
    page.plan.setCurrentIndex(page.plan.findData("keep5"))
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 9
    page.plan.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData("submitted"))
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 0
    page.status.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "0012")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert cell(qtbot, page.model, 0, 1) == "员工0012"
    page.search.setText("13800000020")
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == "员工0020", timeout=2000)
    assert page.model.rowCount() == 1
    # The last four characters of the 6th applicant's ID: with IDs encrypted, the last four or the whole
    # number is what a search can match (store/crypto.py keeps a digest and the last four).
    page.search.setText(valid_id("130981198001011" + "05")[-4:])
    qtbot.waitUntil(lambda: page.model.index(0, 1).data() == "员工0005", timeout=2000)
    assert page.model.rowCount() == 1
    assert "1" in page.count_label.text()


def test_activating_a_row_loads_it_into_the_form(qtbot, admin: Context, campaign: str, applications: Callable[[int], None]) -> None:
    applications(3)
    page = ApplicationsPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)  # the campaign is read in the background
    loaded: list[int] = []
    assert page.form is not None
    page.form.load = loaded.append  # type: ignore[method-assign]
    qtbot.waitUntil(operations.idle)
    index = page.model.index(1, 0)
    assert cell(qtbot, page.model, 1, 0, APPLICATION_ID_ROLE) is not None
    page.table.activated.emit(index)
    assert loaded == [index.data(APPLICATION_ID_ROLE)]
    page.form.saved.emit(loaded[0])
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 3


def test_the_view_reads_only_the_visible_pages(qtbot, admin: Context, campaign: str, applications: Callable[[int], None]) -> None:
    applications(1000)
    page = ApplicationsPage(admin)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)  # the campaign is read in the background
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(operations.idle)
    page.table.scrollToBottom()
    qtbot.wait(50)
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 1000
    assert page.model.fetches <= 3
    assert page.table.model().headerData(0, Qt.Orientation.Horizontal) == "Department"


def test_a_batch_over_more_rows_than_the_pages_kept_gets_every_row(qtbot, admin: Context, campaign: str,
                                                                  applications: Callable[[int], None]) -> None:
    """A selection of 60 rows in pages of 10, of which the cache keeps 4: the rest are read in one background job."""
    applications(60)
    model = ApplicationsModel(admin, ApplicationQuery(campaign), page_size=10)
    qtbot.waitUntil(operations.idle)
    assert cell(qtbot, model, 0, 1) == "员工0059"
    got: list[list[str]] = []
    model.rows_at(list(range(60)), lambda rows: got.append([row.name for row in rows]))
    assert got == []  # five pages were not at hand: read off the GUI thread
    qtbot.waitUntil(operations.idle)
    assert got == [[f"员工{n:04d}" for n in range(59, -1, -1)]]
    model.rows_at([0, 3], lambda rows: got.append([row.name for row in rows]))
    assert got[-1] == ["员工0059", "员工0056"]  # at hand: at once
