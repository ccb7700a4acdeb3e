"""The import wizard's first steps: which file, then which sheet and which header row.

Reading a file only looks at it (`intake.preview_sheet`, `intake.sheet_columns`): a file
that cannot be read is refused on the page that chose it, with the service's Vietnamese
message saying what to do (save it again as .xlsx, choose the header row…).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.intake.header import SEARCH_ROWS
from desktop.services import intake
from desktop.services.errors import ServiceError
from desktop.views.errors import show_error
from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.intake.common import (
    HEADER_FILL,
    MUTED_COLOR,
    ImportState,
    item,
    make_table,
    paint,
    save_bytes,
)

SPREADSHEETS = "Excel (*.xlsx *.xlsm *.xls *.ods)"
TEMPLATE_NAME = "mau_danh_sach_hoa_nhap.xlsx"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("page_error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _busy() -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)


class FilePage(QWizardPage):
    """Choose the file; or save the empty template to fill in first."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Choose the Excel file"))
        self.setSubTitle(self.tr(
            "The list of people as a prison, the provincial police or your office keeps it "
            "(.xlsx, or the older .xls). Nothing is written until you confirm on the last "
            "step."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("file_path")
        self.path_edit.setPlaceholderText(self.tr("Choose a file, or paste its full path"))
        self.path_edit.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton(self.tr("Choose file…"))
        self.browse_button.setObjectName("choose_file")
        self.browse_button.clicked.connect(self.choose_file)
        self.error = _error_label()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("File:")))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addSpacing(16)
        layout.addWidget(self._template_box())
        layout.addStretch(1)

    def _template_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("No list in the right form yet?"))
        note = WrappedLabel("template_note")
        note.setText(self.tr(
            "Save the empty template: it has the columns HoaNhap reads and one example row "
            "(skipped on import). Fill it in with Excel, then choose it here. Lists with "
            "other column titles can be imported too: you match their columns on a later "
            "step."))
        self.template_button = QPushButton(self.tr("Save empty template…"))
        self.template_button.setObjectName("save_template")
        self.template_button.clicked.connect(self.save_template)
        self.template_status = QLabel()
        self.template_status.setObjectName("template_status")
        self.template_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.template_button)
        row.addWidget(self.template_status, 1)
        column = QVBoxLayout(box)
        column.addWidget(note)
        column.addLayout(row)
        return box

    def choose_file(self) -> None:
        start = str(self.state.path.parent) if self.state.path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the Excel file"), start,
                                                SPREADSHEETS)
        if chosen:
            self.path_edit.setText(chosen)

    def save_template(self) -> Path | None:
        """Write the blank template where the officer chooses; the path, or None."""
        folder = self.state.path.parent if self.state.path else Path.home()
        saved = save_bytes(self, self.tr("Save the empty template"), folder / TEMPLATE_NAME,
                           intake.template_xlsx())
        if saved is not None:
            self.template_status.setText(self.tr("Saved: {0}").format(saved))
        return saved

    def _path_changed(self) -> None:
        self.error.hide()
        self.completeChanged.emit()

    def chosen_path(self) -> Path | None:
        text = self.path_edit.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def isComplete(self) -> bool:
        return self.chosen_path() is not None

    def validatePage(self) -> bool:
        """Read the top of the file; a file that cannot be read keeps the user here."""
        path = self.chosen_path()
        if path is None:
            return False
        if path == self.state.path and self.state.preview is not None:
            return True  # the same file again: keep the choices made after this page
        _busy()
        try:
            preview = intake.preview_sheet(path)
        except ServiceError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return False
        except Exception as exc:  # a bug: crash dialog, the wizard stays open
            show_error(self, exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.state.path = path
        self.state.forget_from_sheet()
        self.state.preview = preview
        return True


class SheetPage(QWizardPage):
    """The sheet and its header row, with the top of the sheet as Excel shows it."""

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(self.tr(
            "The header row (highlighted) holds the column titles; the rows under it are "
            "the people. Both were found automatically: change them if they are wrong."))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("header_row")
        self.header_spin.setMinimum(1)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.detected = QLabel()
        self.detected.setObjectName("header_detected")
        self.detected.setWordWrap(True)
        self.error = _error_label()
        form = QFormLayout()
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch(1)
        form.addRow(self.tr("Sheet:"), sheet_row)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header_spin)
        header_row.addWidget(self.detected, 1)
        form.addRow(self.tr("Header row:"), header_row)
        self.grid = make_table("sheet_preview", [])
        self.grid.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.grid.verticalHeader().show()
        self.grid.setAlternatingRowColors(False)
        self.grid.cellClicked.connect(lambda row, _col: self.header_spin.setValue(row + 1))
        hint = QLabel(self.tr("The first rows of the sheet (click a row to make it the "
                              "header row):"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        self._filling = False

    def initializePage(self) -> None:
        """Show the sheet chosen before, or the one the preview found likeliest."""
        preview = self.state.preview
        assert preview is not None, "the file page reads the preview"
        self._filling = True
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(preview.sheet_names))
        self.sheet_combo.setCurrentIndex(preview.sheet_names.index(preview.sheet))
        self._filling = False
        self._show(self.state.header_row or preview.header_row)

    def _sheet_changed(self) -> None:
        if self._filling or self.state.path is None:
            return
        self.error.hide()
        _busy()
        try:
            preview = intake.preview_sheet(self.state.path, self.sheet_combo.currentText())
        except ServiceError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.state.preview = preview
        self.state.header_row = None
        self._show(preview.header_row)

    def _show(self, header_row: int | None) -> None:
        """Fill the grid and the header row (the detected one unless chosen before)."""
        preview = self.state.preview
        assert preview is not None
        rows = preview.rows
        width = max((len(r) for r in rows), default=0)
        self.grid.clear()
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(width)
        self.grid.setHorizontalHeaderLabels([_letter(c) for c in range(width)])
        self.grid.setVerticalHeaderLabels([str(r + 1) for r in range(len(rows))])
        self._size_grid(rows, width)
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(rows), SEARCH_ROWS))
        self.header_spin.setValue(header_row or 1)
        self.header_spin.blockSignals(False)
        if preview.header_row is None:
            self.detected.setText(self.tr(
                "No header row was found automatically: choose the row holding the column "
                "titles (Họ và tên, Ngày sinh…)."))
            self.detected.setStyleSheet(ERROR_STYLE)
        else:
            self.detected.setText(self.tr("Found automatically: row {0}.").format(
                preview.header_row))
            self.detected.setStyleSheet("")
        self._highlight()

    def _size_grid(self, rows: tuple[tuple[str, ...], ...], width: int) -> None:
        """Columns as wide as their values (bold, as the header row is drawn), but a title
        alone on its row (the list's name over the whole width) does not count."""
        bold = QFont(self.grid.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        table_rows = [r for r in rows if sum(1 for v in r if v) > 1]
        for c in range(width):
            self.grid.horizontalHeader().setSectionResizeMode(
                c, QHeaderView.ResizeMode.Interactive)
            widest = max((metrics.horizontalAdvance(r[c]) for r in table_rows if c < len(r)),
                         default=0)
            self.grid.setColumnWidth(c, max(40, min(widest + 16, 260)))

    def _header_changed(self) -> None:
        self.error.hide()
        self._highlight()

    def _highlight(self) -> None:
        """The header row bold on blue; the rows above it (titles) greyed out."""
        top = self.header_spin.value() - 1
        preview = self.state.preview
        rows = preview.rows if preview is not None else ()
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                cell = item(text, tooltip=True)  # a fresh cell: no painting left over
                if r == top:
                    paint(cell, bold=True, fill=HEADER_FILL)
                elif r < top:
                    paint(cell, color=MUTED_COLOR)
                self.grid.setItem(r, c, cell)
        if 0 <= top < self.grid.rowCount() and self.grid.columnCount():
            self.grid.scrollTo(self.grid.model().index(top, 0))

    def header_row(self) -> int:
        return self.header_spin.value()

    def validatePage(self) -> bool:
        """Read the header's columns and the mapping proposed for them."""
        path, sheet, header_row = self.state.path, self.sheet_combo.currentText(), \
            self.header_row()
        assert path is not None
        if (sheet, header_row) == (self.state.sheet, self.state.header_row) \
                and self.state.columns is not None:
            return True  # unchanged: keep the mapping the officer may have edited
        _busy()
        try:
            columns = intake.sheet_columns(self.state.ctx.db, path, sheet, header_row)
        except ServiceError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return False
        except Exception as exc:  # a bug: crash dialog, the wizard stays open
            show_error(self, exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.state.forget_from_columns()
        self.state.sheet, self.state.header_row, self.state.columns = sheet, header_row, columns
        return True


def _letter(index: int) -> str:
    """Excel's column letter of a 0-based index ("A"… "Z", "AA"…)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
