"""The import wizard's column step: which column of the list feeds which field.

Proposed by the services (the mapping chosen last time for the same column titles, else
guessed from common Vietnamese titles) and editable here, one drop-down per column. The
choice is remembered for the next list with the same titles when the import is confirmed
(`intake.commit` stores it in the same transaction).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.services import intake
from desktop.services.intake import REQUIRED, TARGETS, ColumnMapping, SheetColumns
from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.intake.common import ImportState, item, make_table, size_columns

EXAMPLE_ROWS = 3
NOT_IMPORTED = ""  # the drop-downs' data for "do not import" (a None would come back too)


class MappingPage(QWizardPage):
    """One line per column of the list: its letter, title, examples and target field."""

    COLUMN, TITLE, TARGET, EXAMPLES = range(4)

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._shown_for: SheetColumns | None = None
        self.combos: list[QComboBox] = []
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr(
            "For each column of the list, choose the field it fills, or “do not import”. "
            "Your choice is remembered for the next list with the same column titles."))
        self.origin = QLabel()
        self.origin.setObjectName("mapping_origin")
        self.origin.setWordWrap(True)
        self.missing = WrappedLabel("mapping_missing", ERROR_STYLE)
        self.table = make_table("column_mapping", [
            self.tr("Column"), self.tr("Title in the file"), self.tr("Import as"),
            self.tr("Examples from the first rows")], stretch=self.EXAMPLES)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 16)  # room for the drop-downs
        size_columns(self.table, {
            self.COLUMN: "AA", self.TITLE: "Số giấy chứng nhận chấp hành",
            self.TARGET: "Số định danh (CCCD/CMND) ——— ▾",
        })
        layout = QVBoxLayout(self)
        layout.addWidget(self.origin)
        layout.addWidget(self.missing)
        layout.addWidget(self.table, 1)

    def initializePage(self) -> None:
        """Fill the table for new columns; coming back keeps the officer's changes."""
        columns = self.state.columns
        assert columns is not None, "the sheet page reads the columns"
        if columns is not self._shown_for:
            self._fill(columns)
            self._shown_for = columns
        self.origin.setText(
            self.tr("This is how you matched these columns last time.") if columns.remembered
            else self.tr("Matched automatically from the column titles: check each line."))
        self._update_missing()

    def _fill(self, columns: SheetColumns) -> None:
        preview = self.state.preview
        rows = preview.rows if preview is not None else ()
        start = columns.header.data_start - 1
        samples = rows[start:start + EXAMPLE_ROWS]
        self.combos = []
        self.table.setRowCount(len(columns.header.columns))
        for r, (column, target) in enumerate(zip(columns.header.columns,
                                                 columns.mapping.fields, strict=True)):
            examples = " · ".join(s[column.index] for s in samples
                                  if column.index < len(s) and s[column.index])
            self.table.setItem(r, self.COLUMN, item(column.letter))
            self.table.setItem(r, self.TITLE, item(column.text, tooltip=True))
            self.table.setItem(r, self.EXAMPLES, item(examples, tooltip=True))
            combo = self._combo(target)
            combo.setObjectName(f"target_{column.letter}")
            self.table.setCellWidget(r, self.TARGET, combo)
            self.combos.append(combo)

    def _combo(self, target: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("— do not import —"), NOT_IMPORTED)
        for field in TARGETS:
            combo.addItem(intake.target_label(field), field)
        combo.setMaxVisibleItems(20)
        combo.setCurrentIndex(max(0, combo.findData(target or NOT_IMPORTED)))
        combo.currentIndexChanged.connect(self._update_missing)
        return combo

    def set_target(self, letter: str, field: str | None) -> None:
        """Make the column with this letter feed `field` (None: not imported)."""
        combo = self.findChild(QComboBox, f"target_{letter}")
        assert combo is not None, letter
        combo.setCurrentIndex(combo.findData(field or NOT_IMPORTED))

    def mapping(self) -> ColumnMapping:
        """The mapping as the drop-downs show it."""
        return ColumnMapping(tuple(c.currentData() or None for c in self.combos))

    def _update_missing(self) -> None:
        missing = self.mapping().missing(REQUIRED)
        self.missing.setVisible(bool(missing))
        if missing:
            names = ", ".join(f"«{intake.target_label(f)}»" for f in missing)
            self.missing.setText(self.tr(
                "No column gives {0}: every row will be rejected without it. Choose the "
                "column holding it, if the list has one.").format(names))

    def validatePage(self) -> bool:
        mapping = self.mapping()
        if mapping != self.state.mapping:
            self.state.forget_analysis()
            self.state.mapping = mapping
        return True
