"""Small dashboard charts drawn with QPainter: a line chart and a (stacked) bar chart.

QtCharts is not used: it is a large extra module for three small pictures. Both charts
share one frame — a y axis with round tick values and grid lines, one x label per point
("07/26"), a value label at every point — so they read the same way. Values come in
ready: the charts only draw, they never count.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

GRID_COLOUR = QColor("#d9d9d9")
LINE_COLOUR = QColor("#1565c0")
BAR_COLOUR = QColor("#2e7d32")
SEGMENT_TEXT = QColor("#ffffff")

Formatter = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:g}"


def nice_top(largest: float, ticks: int = 4) -> tuple[float, float]:
    """A round axis top and step covering `largest`: 14 → (16, 4), 0 → (4, 1)."""
    if largest <= 0:
        return float(ticks), 1.0
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(step, 1.0)  # counts of people: never a fractional step
    return step * math.ceil(largest / step), step


@dataclass(frozen=True)
class Series:
    """One named series of values, one per x label; None is a gap (nothing to show)."""

    name: str
    colour: QColor
    values: tuple[float | None, ...]


class _Chart(QWidget):
    """Axes, grid, x labels and the plot rectangle; subclasses draw the data."""

    LEFT, RIGHT, TOP, BOTTOM = 34, 8, 18, 22

    def __init__(self, parent: QWidget | None = None, *, fixed_top: float | None = None,
                 value_format: Formatter = _plain) -> None:
        super().__init__(parent)
        self._labels: tuple[str, ...] = ()
        self._series: tuple[Series, ...] = ()
        self._tips: tuple[str, ...] = ()
        self._fixed_top = fixed_top
        self._format = value_format
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 150)

    def sizeHint(self) -> QSize:
        return QSize(340, 190)

    # data ---------------------------------------------------------------------------
    def set_data(self, labels: Sequence[str], series: Sequence[Series],
                 tips: Sequence[str] = ()) -> None:
        """Show `series` (each one value per label) and repaint; `tips` head the tooltip
        of each point (the label when not given), the values follow."""
        self._labels = tuple(labels)
        self._series = tuple(series)
        self._tips = tuple(tips)
        self.update()

    def point_tooltip(self, index: int) -> str:
        """What hovering point `index` shows: its heading, then every series' value."""
        heading = self._tips[index] if index < len(self._tips) else self._labels[index]
        lines = [heading]
        for s in self._series:
            value = s.values[index]
            lines.append(f"{s.name}: {'–' if value is None else self._format(value)}")
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.point_tooltip(index), self)
            return True
        return super().event(event)

    def _index_at(self, x: float) -> int | None:
        plot = self._plot_rect()
        if not self._labels or not plot.left() <= x < plot.right():
            return None
        return int((x - plot.left()) // self._slot(plot, 0).width())

    def point_count(self) -> int:
        """How many x positions (months, quarters) the chart shows."""
        return len(self._labels)

    def labels(self) -> tuple[str, ...]:
        return self._labels

    def series(self) -> tuple[Series, ...]:
        return self._series

    # geometry -----------------------------------------------------------------------
    def _top_and_step(self) -> tuple[float, float]:
        if self._fixed_top is not None:
            return self._fixed_top, self._fixed_top / 4
        return nice_top(self._largest())

    def _largest(self) -> float:
        return max((v for s in self._series for v in s.values if v is not None), default=0)

    def _plot_rect(self) -> QRectF:
        return QRectF(self.LEFT, self.TOP, self.width() - self.LEFT - self.RIGHT,
                      self.height() - self.TOP - self.BOTTOM)

    def _slot(self, plot: QRectF, index: int) -> QRectF:
        """The horizontal band of the `index`-th x position."""
        width = plot.width() / max(1, len(self._labels))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def _y(self, plot: QRectF, value: float, top: float) -> float:
        return plot.bottom() - plot.height() * (value / top if top else 0)

    # painting -----------------------------------------------------------------------
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small_font())
        plot = self._plot_rect()
        top, step = self._top_and_step()
        self._draw_axes(painter, plot, top, step)
        if self._labels:
            self._draw_data(painter, plot, top)
        painter.end()

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _draw_axes(self, painter: QPainter, plot: QRectF, top: float, step: float) -> None:
        text = self._text_colour()
        ticks = round(top / step) if step else 0
        for i in range(ticks + 1):
            value = step * i
            y = self._y(plot, value, top)
            painter.setPen(QPen(GRID_COLOUR if i else text, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - 8, self.LEFT - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _plain(value))
        every = self._label_step(painter, plot)
        last = len(self._labels) - 1
        for i, label in enumerate(self._labels):
            if (last - i) % every:
                continue  # thinned out, counting back from the latest point
            slot = self._slot(plot, i)
            painter.drawText(QRectF(slot.left() - 6, plot.bottom() + 3, slot.width() + 12,
                                    self.BOTTOM - 3),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)

    def _label_step(self, painter: QPainter, plot: QRectF) -> int:
        """Label every n-th point so that x labels never overlap (1 when all fit)."""
        if not self._labels:
            return 1
        widest = max(painter.fontMetrics().horizontalAdvance(t) for t in self._labels)
        return max(1, math.ceil((widest + 6) / self._slot(plot, 0).width()))

    def _value_label(self, painter: QPainter, centre_x: float, y: float, value: float,
                     width: float) -> None:
        painter.setPen(self._text_colour())
        painter.drawText(QRectF(centre_x - width / 2 - 8, y - 15, width + 16, 14),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         self._format(value))

    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        raise NotImplementedError


class LineChart(_Chart):
    """One series as a line with a dot and the value at each point; gaps break the line."""

    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        for series in self._series:
            path = QPainterPath()
            drawing = False
            points: list[tuple[QPointF, float]] = []
            for i, value in enumerate(series.values):
                if value is None:
                    drawing = False
                    continue
                point = QPointF(self._slot(plot, i).center().x(), self._y(plot, value, top))
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                drawing = True
                points.append((point, value))
            painter.setPen(QPen(series.colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            for point, value in points:
                painter.setPen(QPen(series.colour, 1))
                painter.setBrush(series.colour)
                painter.drawEllipse(point, 3, 3)
                self._value_label(painter, point.x(), point.y() - 2, value,
                                  self._slot(plot, 0).width())


class BarChart(_Chart):
    """Bars, stacked when there are several series, with the total above each bar.

    With several series a one-line legend is drawn above the plot.
    """

    def _plot_rect(self) -> QRectF:
        plot = super()._plot_rect()
        if len(self._series) > 1:
            plot.setTop(plot.top() + 14)  # room for the legend
        return plot

    def _largest(self) -> float:
        totals = [sum(s.values[i] or 0 for s in self._series) for i in range(len(self._labels))]
        return max(totals, default=0)

    def _draw_data(self, painter: QPainter, plot: QRectF, top: float) -> None:
        stacked = len(self._series) > 1
        for i in range(len(self._labels)):
            slot = self._slot(plot, i)
            bar_width = max(4.0, slot.width() * 0.62)
            left = slot.center().x() - bar_width / 2
            base = 0.0
            present = False
            for series in self._series:
                value = series.values[i]
                if value is None:
                    continue
                present = True
                y_top, y_base = self._y(plot, base + value, top), self._y(plot, base, top)
                segment = QRectF(left, y_top, bar_width, y_base - y_top)
                painter.fillRect(segment, series.colour)
                if stacked and value and segment.height() >= painter.fontMetrics().height():
                    painter.setPen(SEGMENT_TEXT)
                    painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, self._format(value))
                base += value
            if present:
                self._value_label(painter, slot.center().x(), self._y(plot, base, top) - 1,
                                  base, slot.width())
        if stacked:
            self._draw_legend(painter, plot)

    def _draw_legend(self, painter: QPainter, plot: QRectF) -> None:
        x = plot.left()
        y = self.TOP - 14
        metrics = painter.fontMetrics()
        for series in self._series:
            painter.fillRect(QRectF(x, y + 3, 9, 9), series.colour)
            painter.setPen(self._text_colour())
            width = metrics.horizontalAdvance(series.name)
            painter.drawText(QRectF(x + 12, y, width + 2, 14),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             series.name)
            x += 12 + width + 10
