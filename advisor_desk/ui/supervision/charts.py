"""QtCharts views of the Supervision screen: mail backlog by theme (bars) and daily flow (lines)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from advisor_desk.backend.supervision_dto import AGE_BUCKETS, DayFlow
from advisor_desk.domain.enums import MailTheme
from advisor_desk.models.mail_queue import theme_label
from advisor_desk.models.supervision import ThemeBacklog, bucket_label


def _styled(view: QChartView) -> QChart:
    chart = QChart()
    dark = view.palette().color(QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    # The theme's title font is large for a chart a third of the screen wide: the title
    # would be cut. The screen's own font, bold.
    title = QFont(view.font())
    title.setBold(True)
    chart.setTitleFont(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setChart(chart)
    return chart


def _scale(axis: QValueAxis, peak: int) -> None:
    """Whole-number ticks: 0..peak one by one when small, else 5 steps of a whole size."""
    if peak <= 5:
        axis.setRange(0, peak)
        axis.setTickCount(peak + 1)
    else:
        step = -(-peak // 5)
        axis.setRange(0, 5 * step)
        axis.setTickCount(6)


class BacklogChart(QChartView):
    """Open threads per theme, stacked by age; clicking a bar emits `theme_clicked(theme)`.

    The bars lie flat, the themes written on their left: under upright bars a theme's name
    had the width of its bar ("Dro…", "Re…"). The legend gives the ages in short ("< 1 j"),
    the table beside the chart in full.
    """

    theme_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backlogChart")
        self.setMinimumHeight(220)
        self.themes: list[MailTheme] = []
        self.series: QHorizontalStackedBarSeries | None = None
        self.set_rows([])

    def set_rows(self, rows: Sequence[ThemeBacklog]) -> None:
        chart = _styled(self)
        chart.setTitle(self.tr("Open e-mails by theme and age"))
        # The first category is drawn at the bottom: reversed, the first theme is on top.
        rows = list(reversed(rows))
        self.themes = [r.theme for r in rows]
        series = QHorizontalStackedBarSeries()
        for i, bucket in enumerate(AGE_BUCKETS):
            bars = QBarSet(bucket_label(bucket, short=True))
            bars.append([float(r.counts[i]) for r in rows])
            series.append(bars)
        series.clicked.connect(self._clicked)
        chart.addSeries(series)
        themes = QBarCategoryAxis()
        themes.append([theme_label(t) for t in self.themes])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        _scale(counts, max([r.total for r in rows] + [1]))
        chart.addAxis(themes, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(themes)
        series.attachAxis(counts)
        self.series = series

    def _clicked(self, index: int, _bars: QBarSet | None = None) -> None:
        if 0 <= index < len(self.themes):
            self.theme_clicked.emit(self.themes[index])


class FlowChart(QChartView):
    """Arrivals and closures per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowChart")
        self.setMinimumHeight(220)
        self.set_flow([])

    def set_flow(self, flow: Sequence[DayFlow]) -> None:
        chart = _styled(self)
        chart.setTitle(self.tr("E-mails received and closed per day"))
        arrivals, closures = QLineSeries(), QLineSeries()
        arrivals.setName(self.tr("Received"))
        closures.setName(self.tr("Closed"))
        for i, day in enumerate(flow):
            arrivals.append(float(i), float(day.arrivals))
            closures.append(float(i), float(day.closures))
        chart.addSeries(arrivals)
        chart.addSeries(closures)
        axis_x = QBarCategoryAxis()
        axis_x.append([d.day.strftime("%d/%m") for d in flow] or [""])
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        _scale(axis_y, max([max(d.arrivals, d.closures) for d in flow] + [1]))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (arrivals, closures):
            # A line needs two days; the points show a single one (a period of one day).
            series.setPointsVisible(True)
            series.setMarkerSize(9)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
