"""The dashboard page (SPEC §5.1): today's work in nine cards, and three small charts.

Everything comes from `services.dashboard.dashboard`, loaded on a worker thread: on the
25-person demo it takes 0.2–0.4 s (the twelve monthly and four quarterly figure
computations behind the charts are most of it), too long to freeze the window for.
The page keeps showing the previous figures while a refresh runs; a refresh started
while another one runs wins, the older result is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.formatting import format_date, format_decimal
from desktop.rules.classification import CLASSIFICATIONS
from desktop.services.dashboard import Dashboard, dashboard
from desktop.views import errors
from desktop.views.context import AppContext
from desktop.views.dashboard import rows
from desktop.views.dashboard.cards import DashboardCard, bold_title
from desktop.views.dashboard.charts import BAR_COLOUR, LINE_COLOUR, BarChart, LineChart, Series
from desktop.views.navigation import Navigator
from desktop.views.worker import run_job

CLASS_COLOURS = {"A": "#2e7d32", "B": "#1565c0", "C": "#ef6c00", "D": "#b00020"}
MISSING_COLOUR = "#9e9e9e"
HEADING_STYLE = "font-size: 16pt; font-weight: bold;"
MUTED_STYLE = "color: #555;"
CARD_HEIGHT = 160  # five lines of a list: three rows of cards and the charts fit 800 px
CHART_HEIGHT = 205


class DashboardPage(QWidget):
    """Today's work for the signed-in user's unit; `refresh()` reloads it."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self.ctx, self.nav = ctx, nav
        self.board: Dashboard | None = None
        self._generation = 0
        self.cards: dict[str, DashboardCard] = {}
        self._build()
        # Loading starts once the event loop runs: the main window is drawn first instead
        # of sharing the interpreter with the worker while it is being built.
        QTimer.singleShot(0, self.refresh)

    # layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        body.addLayout(self._card_grid())
        body.addLayout(self._chart_row())
        body.addStretch(1)  # spare height goes below the charts, not into the cards
        scroll = QScrollArea()
        scroll.setObjectName("dashboard_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 4)
        layout.addLayout(self._header())
        layout.addWidget(scroll, 1)

    def _header(self) -> QHBoxLayout:
        heading = QLabel(self.tr("Today's work"))
        heading.setStyleSheet(HEADING_STYLE)
        self.today_label = QLabel()
        self.today_label.setObjectName("today")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet(MUTED_STYLE)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setToolTip(self.tr("Read the figures again (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addSpacing(16)
        row.addWidget(self.today_label)
        row.addStretch(1)
        row.addWidget(self.status)
        row.addWidget(self.refresh_button)
        return row

    def _card_specs(self) -> list[tuple[str, str, list[str], int]]:
        """(key, title with {0} for the count, column headers, stretching column)."""
        name, area = self.tr("Name"), self.tr("Area")
        # In the two busiest cards the area gives way, so a full name stays readable.
        return [
            ("overdue", self.tr("Overdue contacts ({0})"),
             [name, area, self.tr("Last met"), self.tr("Days")], 1),
            ("due_week", self.tr("Contacts due this week ({0})"),
             [name, area, self.tr("Last met")], 1),
            ("evaluations", self.tr("Quarterly evaluations due ({0})"), [name, area], 0),
            ("expected", self.tr("Expected arrivals ({0})"),
             [name, self.tr("Release"), self.tr("Check address by")], 0),
            ("awaiting_team", self.tr("Received, team not assigned ({0})"),
             [name, self.tr("Received"), self.tr("Assign team by")], 0),
            ("teams", self.tr("Incomplete support teams ({0})"),
             [name, self.tr("Missing roles")], 1),
            ("absent", self.tr("Absent ({0})"), [name, area, self.tr("Since")], 0),
            ("expungements", self.tr("Expected expungements ({0})"),
             [name, self.tr("Expected on"), self.tr("Note")], 0),
            ("reports", self.tr("Reports due ({0})"),
             [self.tr("Form"), self.tr("Period"), self.tr("State")], 1),
        ]

    def _card_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, (key, title, headers, stretch) in enumerate(self._card_specs()):
            card = DashboardCard(key, title, headers, stretch)
            card.setFixedHeight(CARD_HEIGHT)
            if key == "reports":
                card.activated.connect(lambda _key: self.nav.show_page("reports"))
            else:
                card.activated.connect(self.nav.open_person)
            self.cards[key] = card
            grid.addWidget(card, index // 3, index % 3)
        self.cards["expungements"].setToolTip(self.tr(
            "Expected expungement dates in the next 90 days, and dates already reached "
            "while the person is still managed. An expected date is never a decision."))
        for column in range(3):
            grid.setColumnStretch(column, 1)
        return grid

    def _chart_row(self) -> QHBoxLayout:
        self.managed_chart = LineChart()
        self.managed_chart.setObjectName("chart_managed")
        self.coverage_chart = BarChart(fixed_top=100,
                                       value_format=lambda v: format_decimal(v, 1))
        self.coverage_chart.setObjectName("chart_coverage")
        self.class_chart = BarChart()
        self.class_chart.setObjectName("chart_classes")
        row = QHBoxLayout()
        row.setSpacing(8)
        # The monthly charts have 12 points, the quarterly one 4: give them the width.
        for title, chart, stretch in (
            (self.tr("People under management, by reporting month"), self.managed_chart, 4),
            (self.tr("Weekly contact coverage (%), by reporting month"), self.coverage_chart,
             4),
            (self.tr("Classification by quarter (HCD-09)"), self.class_chart, 3),
        ):
            box = QGroupBox(title)
            box.setFixedHeight(CHART_HEIGHT)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 2, 4, 4)
            inner.addWidget(chart)
            bold_title(box, chart)
            row.addWidget(box, stretch)
        return row

    # loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload today's work on a worker thread; the cards update when it is done."""
        self._generation += 1
        generation = self._generation
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        self.status.setText(self.tr("Updating…"))
        run_job(self, lambda _progress: dashboard(db, actor, today),
                lambda board: self._loaded(generation, board),
                lambda exc: self._failed(generation, exc))

    def _current(self, generation: int) -> bool:
        # The page may be gone (window closed) or a newer refresh may have started.
        return isValid(self) and generation == self._generation

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            return
        self.status.setText(self.tr("Could not load today's work"))
        errors.show_error(self, exc)

    def _loaded(self, generation: int, board: Dashboard) -> None:
        if not self._current(generation):
            return
        self.board = board
        self.status.setText("")
        self._show_header(board)
        self._show_cards(board)
        self._show_charts(board)
        self.loaded.emit()

    # showing ---------------------------------------------------------------------------
    def _show_header(self, board: Dashboard) -> None:
        day = QLocale().dayName(board.today.isoweekday())
        self.today_label.setText(self.tr("{0}, {1} · week {2}").format(
            day, format_date(board.today), int(board.week_code[-2:])))

    def _show_cards(self, board: Dashboard) -> None:
        c = self.cards
        c["overdue"].set_rows(rows.overdue_rows(board.overdue))
        c["overdue"].set_note(self.tr("Not met for over {0} days, longest first").format(
            board.contact_interval_days))
        c["due_week"].set_rows(rows.due_rows(board.due_this_week))
        c["evaluations"].set_rows(rows.evaluation_rows(board.evaluations_due))
        self._evaluation_note(board)
        c["expected"].set_rows(rows.expected_rows(board.expected))
        c["awaiting_team"].set_rows(rows.awaiting_rows(board.awaiting_team))
        c["teams"].set_rows(rows.team_rows(board.incomplete_teams))
        c["absent"].set_rows(rows.absent_rows(board.absent))
        c["expungements"].set_rows(rows.expungement_rows(board.expungements))
        c["reports"].set_rows(rows.report_rows(board.reports_due))

    def _evaluation_note(self, board: Dashboard) -> None:
        quarter = board.evaluation_quarter
        late = board.today > board.evaluation_deadline
        if not board.evaluations_due:
            template = self.tr("{0}, {1}: all reports are in")
        elif late:
            template = self.tr("{0}, {1}: late since {2}")
        else:
            template = self.tr("{0}, {1}: due by {2}")
        self.cards["evaluations"].set_note(
            template.format(board.evaluation_form, quarter.label_vi,
                            format_date(board.evaluation_deadline)),
            alert=late and bool(board.evaluations_due))

    def _show_charts(self, board: Dashboard) -> None:
        months = [m.short_label for m in board.months]
        # The current month is cut at today: the tooltip's dates say so.
        tips = [self.tr("Reporting month {0}: {1} – {2}").format(
            m.short_label, format_date(m.start), format_date(m.end)) for m in board.months]
        self.managed_chart.set_data(months, [Series(
            self.tr("People under management at the end"), LINE_COLOUR,
            tuple(float(m.managed_at_end) for m in board.months))], tips)
        self.coverage_chart.set_data(months, [Series(
            self.tr("Weeks with a contact (%)"), BAR_COLOUR,
            tuple(m.coverage_pct for m in board.months))], tips)
        series = [Series(code, QColor(CLASS_COLOURS[code]),
                         tuple(float(dict(q.counts)[code]) for q in board.quarters))
                  for code in CLASSIFICATIONS]
        series.append(Series(self.tr("No evaluation"), QColor(MISSING_COLOUR),
                             tuple(float(q.missing) for q in board.quarters)))
        self.class_chart.set_data([q.short_label for q in board.quarters], series)
