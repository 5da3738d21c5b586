"""Supervision screen: the period changes the figures; a bar or a row opens the filtered queue."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt

from advisor_desk.backend.facade import BoundBackend
from advisor_desk.domain.enums import MailTheme, Role
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.models.supervision import AgentLoadModel, BacklogModel, theme_rows
from advisor_desk.ui.context import AppContext
from advisor_desk.ui.ops import OpRunner
from advisor_desk.ui.screens import COURRIELS, DEMARCHES, SCREENS, SUPERVISION
from advisor_desk.ui.screens.supervision import SupervisionScreen
from advisor_desk.ui.settings import Settings
from advisor_desk.ui.supervision.period_bar import MONTH, TODAY, PeriodBar
from advisor_desk.ui.workspace import Workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from backend.test_supervision import Crafted
from backend.test_supervision import crafted as crafted

Login = Callable[[Role], BoundBackend]


def _workspace(qtbot, login: Login, ops: OpRunner, settings: Settings):  # type: ignore[no-untyped-def]
    app = AppContext(login(Role.SUPERVISOR), ops, settings, database="test")
    specs = [s for s in SCREENS if s.key in (SUPERVISION, COURRIELS, DEMARCHES)]
    workspace = Workspace(app, specs)
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    screen = workspace.show_screen(SUPERVISION)
    assert isinstance(screen, SupervisionScreen)
    workspace.show()
    qtbot.waitUntil(lambda: screen.dashboard is not None, timeout=10_000)
    return workspace, screen


def test_models_pass_the_model_tester(qtmodeltester, login: Login, crafted: Crafted) -> None:  # type: ignore[no-untyped-def]
    board = login(Role.SUPERVISOR).supervision.dashboard(crafted.day0, crafted.day0)
    backlog = BacklogModel()
    backlog.set_rows(theme_rows(board.mail.backlog))
    qtmodeltester.check(backlog)
    agents = AgentLoadModel()
    agents.set_rows(board.agents)
    qtmodeltester.check(agents)


def test_period_then_bar_opens_the_filtered_mail_queue(  # type: ignore[no-untyped-def]
    qtbot, login: Login, crafted: Crafted, ops: OpRunner, settings: Settings
) -> None:
    workspace, screen = _workspace(qtbot, login, ops, settings)
    screen.period.select(TODAY)
    qtbot.waitUntil(
        lambda: (
            screen.dashboard is not None
            and screen.dashboard.period_start == screen.dashboard.period_end
        ),
        timeout=10_000,
    )
    screen.period.select(MONTH)
    qtbot.waitUntil(
        lambda: screen.dashboard is not None and screen.dashboard.period_start.day == 1,
        timeout=10_000,
    )
    assert screen.backlog_model.rowCount() == 2  # reimbursements, CSS
    # Durations read as people read them: minutes under an hour, then hours and minutes.
    assert (
        "first response median 30 min (p90 2 h 00); resolution median 1 h 00 (p90 4 h 00)"
        in screen.mail_figures.text()
    )
    series = screen.backlog_chart.series
    assert series is not None
    # Flat bars, the table's first theme on top (a bar category axis draws its first at the
    # bottom), each bar's category naming the theme a click on it opens.
    table_themes = [screen.backlog_model.row_at(i).theme for i in range(2)]
    assert screen.backlog_chart.themes == table_themes[::-1]
    (axis,) = [a for a in series.attachedAxes() if isinstance(a, QBarCategoryAxis)]
    assert axis.alignment() == Qt.AlignmentFlag.AlignLeft
    assert axis.categories() == [theme_label(t) for t in screen.backlog_chart.themes]
    index = screen.backlog_chart.themes.index(MailTheme.CSS)
    series.clicked.emit(index, series.barSets()[0])
    assert workspace.current_key() == COURRIELS
    courriels = workspace.built_screen(COURRIELS)
    assert courriels is not None
    assert courriels.theme.currentData() == MailTheme.CSS


def test_row_opens_the_filtered_declarations_queue(  # type: ignore[no-untyped-def]
    qtbot, login: Login, crafted: Crafted, ops: OpRunner, settings: Settings
) -> None:
    workspace, screen = _workspace(qtbot, login, ops, settings)
    model = screen.declaration_model
    assert model.rowCount() == 3
    row = model.row_at(0)
    screen.declaration_table.activated.emit(model.index(0, 0))
    assert workspace.current_key() == DEMARCHES
    demarches = workspace.built_screen(DEMARCHES)
    assert demarches is not None
    assert demarches.kind.currentData() == row.kind
    assert demarches.state.currentData() == row.state


def test_rebalance_and_export(  # type: ignore[no-untyped-def]
    qtbot, login: Login, crafted: Crafted, ops: OpRunner, settings: Settings, tmp_path: Path
) -> None:
    _, screen = _workspace(qtbot, login, ops, settings)
    row = next(i for i, a in enumerate(screen.agent_model.rows) if a.agent_id == crafted.agent_id)
    screen.agent_table.selectRow(row)
    qtbot.waitUntil(lambda: screen.items_model.rowCount() == 3, timeout=10_000)
    screen.items_table.selectAll()
    screen.target.setCurrentIndex(0)  # back to the queue
    screen.rebalance_selected()
    qtbot.waitUntil(lambda: screen.items_model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(
        lambda: (
            screen.dashboard is not None
            and all(a.open_threads == 0 for a in screen.dashboard.agents)
        ),
        timeout=10_000,
    )
    target = tmp_path / "export.xlsx"
    screen.export_to("xlsx", target)
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "export.xlsx" in screen.status.text(), timeout=10_000)
    assert "courriels" in load_workbook(target).sheetnames


def test_the_period_is_made_of_paris_days(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At 23:30 UTC it is already tomorrow in Paris: "Today" is the fund's day, like the backend's."""
    clock = [datetime(2026, 1, 15, 22, 30, tzinfo=UTC)]  # 23:30 in Paris
    bar = PeriodBar(now=lambda: clock[0])
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.changed) as signal:
        bar.preset.setFocus()
        qtbot.keyClick(bar.preset, Qt.Key.Key_Home)  # "Today"
    assert signal.args == [date(2026, 1, 15), date(2026, 1, 15)]

    clock[0] = datetime(2026, 1, 15, 23, 30, tzinfo=UTC)  # 00:30 on the 16th in Paris
    bar.refresh()
    assert bar.period() == (date(2026, 1, 16), date(2026, 1, 16))

    clock[0] = datetime(2026, 7, 31, 21, 30, tzinfo=UTC)  # 23:30 CEST, 31 July
    with qtbot.waitSignal(bar.changed) as signal:
        qtbot.keyClick(bar.preset, Qt.Key.Key_Down)  # "This week"
    assert signal.args == [date(2026, 7, 27), date(2026, 7, 31)]
    clock[0] = datetime(2026, 7, 31, 22, 30, tzinfo=UTC)  # 00:30 CEST, 1 August
    with qtbot.waitSignal(bar.changed) as signal:
        qtbot.keyClick(bar.preset, Qt.Key.Key_Down)  # "This month"
    assert signal.args == [date(2026, 8, 1), date(2026, 8, 1)]


def test_a_single_day_of_flow_is_drawn(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A period of one day has one point per series: no line, so the points are drawn."""
    from PySide6.QtCharts import QLineSeries

    from advisor_desk.backend.supervision_dto import DayFlow
    from advisor_desk.ui.supervision.charts import FlowChart

    chart = FlowChart()
    qtbot.addWidget(chart)
    chart.set_flow([DayFlow(date(2026, 11, 27), 3, 1)])
    series = [s for s in chart.chart().series() if isinstance(s, QLineSeries)]
    assert [s.count() for s in series] == [1, 1]
    assert all(s.pointsVisible() for s in series)
