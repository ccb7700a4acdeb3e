"""The import wizard's check: every row read and judged, nothing written yet.

`intake.analyse` runs on a worker thread (`run_job`), with a busy bar and a Stop button on
the page. The page then shows the counts, the rows with their status and what will be done
with each, and the problems (row, column, value, problem) of the rejected rows, which can
be saved as an .xlsx to correct and import again.

For a row that may be someone already on record the officer decides: skip it (the
default), link it to one of the records found (only that record's empty fields are filled),
or create a new record anyway. The records found are shown beside the row — name, birth,
place of origin, ID number — so they can be told apart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.db import Database
from desktop.formatting import format_int
from desktop.intake.analysis import Decision, IntakeAnalysis, IntakeRow
from desktop.services import intake
from desktop.services.access import Actor
from desktop.services.errors import ServiceError
from desktop.services.intake import ColumnMapping
from desktop.services.person_views import PersonRow, birth_display
from desktop.views.errors import show_error
from desktop.views.forms import ERROR_STYLE, WrappedLabel
from desktop.views.intake.common import (
    DUPLICATE_COLOR,
    MUTED_COLOR,
    WARNING_COLOR,
    ImportState,
    item,
    make_table,
    paint,
    save_bytes,
    size_columns,
)
from desktop.views.worker import Job, run_job

LINK = "link:"  # combo data of "link to <person id>"


def _analyse(db: Database, actor: Actor, state: tuple[Any, ...]) -> tuple[IntakeAnalysis,
                                                                          dict[str, str]]:
    """Worker thread: the analysis and the places of origin of the records it found."""
    path, sheet, header_row, mapping, today = state
    analysis = intake.analyse(db, actor, path, sheet, header_row, mapping, today)
    return analysis, intake.candidate_origins(db, actor, analysis)


def _decision_data(decision: Decision) -> str:
    return LINK + decision[1] if isinstance(decision, tuple) else decision


def _decision(data: str) -> Decision:
    if data.startswith(LINK):
        return ("link", data[len(LINK):])
    return "create" if data == "create" else "skip"


class AnalysisPage(QWizardPage):
    """Counts, rows with their decisions, the records they may duplicate, the problems."""

    ROW, STATUS, NAME, BIRTH, ID_NUMBER, DECISION, DETAILS = range(7)
    P_ROW, P_COLUMN, P_VALUE, P_PROBLEM = range(4)

    def __init__(self, state: ImportState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.job: Job | None = None
        self._token = 0
        self._rows: list[IntakeRow] = []
        self._filling = False
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr(
            "Each row is checked with the same rules as a record typed in, and compared "
            "with the people already recorded. Nothing has been written yet."))
        self.summary = WrappedLabel("analysis_summary", "")
        self.remarks = WrappedLabel("analysis_remarks", ERROR_STYLE)
        self.remarks.hide()
        self.error = WrappedLabel("analysis_error", ERROR_STYLE)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(self._busy_row())
        for widget in (self.error, self.summary, self.remarks):
            layout.addWidget(widget)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysis_tabs")
        self.tabs.addTab(self._rows_tab(), "")
        self.problems = make_table("problems", [
            self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")],
            stretch=self.P_PROBLEM)
        size_columns(self.problems, {self.P_ROW: "00000", self.P_COLUMN: "Ngày ra trại (x)",
                                     self.P_VALUE: "001085012345 x"})
        self.tabs.addTab(self.problems, "")
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._buttons())
        self._retitle_tabs(0, 0)

    # Building ------------------------------------------------------------------------------
    def _busy_row(self) -> QHBoxLayout:
        self.busy = QProgressBar()
        self.busy.setObjectName("analysis_busy")
        self.busy.setRange(0, 0)  # the service reports no steps: a busy bar
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(240)
        self.status = QLabel()
        self.status.setObjectName("analysis_status")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stop_analysis")
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.busy)
        row.addWidget(self.status, 1)
        row.addWidget(self.stop_button)
        return row

    def _rows_tab(self) -> QWidget:
        self.rows = make_table("intake_rows", [
            self.tr("Row"), self.tr("Status"), self.tr("Full name"), self.tr("Date of birth"),
            self.tr("ID number"), self.tr("What to do"), self.tr("Details")],
            stretch=self.DETAILS)
        size_columns(self.rows, {
            self.ROW: "00000", self.STATUS: "Possibly on record", self.NAME:
            "Nguyễn Thị Phương Thảo", self.BIRTH: "00/00/0000", self.ID_NUMBER: "000000000000",
            self.DECISION: "Link to Nguyễn Văn An (00/00/0000)"})
        self.rows.itemChanged.connect(self._create_toggled)
        self.rows.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.row_box = QGroupBox()
        self.row_details = QLabel()  # plain: its box layout gives it the height it needs
        self.row_details.setObjectName("row_details")
        self.row_details.setWordWrap(True)
        self.row_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.candidates_hint = QLabel()
        self.candidates_hint.setObjectName("candidates_hint")
        self.candidates_hint.setWordWrap(True)
        self.candidates = make_table("candidates", [
            "", self.tr("Full name"), self.tr("Date of birth"), self.tr("Place of origin"),
            self.tr("ID number"), self.tr("Status")], stretch=5)
        size_columns(self.candidates, {0: "Row 00000 of the file", 1: "Nguyễn Thị Phương Thảo",
                                       2: "00/00/0000", 3: "Xã Tân Cương, tỉnh Thái Nguyên",
                                       4: "000000000000"})
        lines = 4 * self.candidates.verticalHeader().defaultSectionSize()
        self.candidates.setFixedHeight(lines + self.candidates.horizontalHeader().sizeHint()
                                       .height() + 2 * self.candidates.frameWidth())
        box = QVBoxLayout(self.row_box)
        box.addWidget(self.row_details)
        box.addWidget(self.candidates_hint)
        box.addWidget(self.candidates)
        box.addStretch(1)
        for label in (self.row_details, self.candidates_hint):
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        # The same height whatever row is selected: the rows above must not jump.
        self.row_box.setMinimumHeight(self.row_box.sizeHint().height())
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.rows, 1)
        column.addWidget(self.row_box)
        return tab

    def _buttons(self) -> QHBoxLayout:
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.setObjectName("check_again")
        self.recheck_button.setToolTip(self.tr(
            "Read the file again, for example after correcting it in Excel."))
        self.recheck_button.clicked.connect(self.start)
        self.export_button = QPushButton(self.tr("Export rejected rows…"))
        self.export_button.setObjectName("export_rejected")
        self.export_button.setToolTip(self.tr(
            "Save the rejected rows as an Excel file with a column saying what to correct; "
            "correct them there and import that file."))
        self.export_button.clicked.connect(self.export_rejected)
        self.export_status = QLabel()
        self.export_status.setObjectName("export_status")
        self.export_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.recheck_button)
        row.addWidget(self.export_button)
        row.addWidget(self.export_status, 1)
        return row

    def _retitle_tabs(self, rows: int, problems: int) -> None:
        self.tabs.setTabText(0, self.tr("Rows ({0})").format(format_int(rows)))
        self.tabs.setTabText(1, self.tr("Problems ({0})").format(format_int(problems)))

    # Running the check -----------------------------------------------------------------------
    def initializePage(self) -> None:
        """Check the rows, unless this very choice was checked already (back and forth)."""
        if self.state.analysis is None:
            self.start()
        else:
            self._show(self.state.analysis)

    def cleanupPage(self) -> None:
        """Going back: a running check is no longer wanted."""
        if self.running:
            self.stop()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self) -> None:
        """Run the check on a worker thread; the page is complete when it is done."""
        s = self.state
        assert s.path is not None
        assert s.mapping is not None
        if self.job is not None:
            self.job.cancel()
        self._token += 1
        token = self._token
        s.forget_analysis()
        self._clear()
        self._set_running(True, self.tr("Checking the rows… (a long list takes a while)"))
        db, actor = s.ctx.db, s.ctx.actor
        args = (s.path, s.sheet, s.header_row, ColumnMapping(s.mapping.fields), s.ctx.today())
        self.job = run_job(self, lambda _progress: _analyse(db, actor, args),
                           lambda result: self._done(token, result),
                           lambda exc: self._failed(token, exc))

    def stop(self) -> None:
        """Stop the check; the officer can run it again."""
        if self.job is not None:
            self.job.cancel()
        self._token += 1  # whatever arrives from the stopped job is ignored
        self._set_running(False, self.tr("The check was stopped. Press “Check again” to "
                                         "run it."))

    def _set_running(self, running: bool, text: str) -> None:
        if not running:
            self.job = None
        self.busy.setVisible(running)
        self.stop_button.setVisible(running)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.recheck_button.setEnabled(not running)
        self.completeChanged.emit()

    def _done(self, token: int, result: tuple[IntakeAnalysis, dict[str, str]]) -> None:
        if token != self._token:
            return
        analysis, origins = result
        self.state.analysis, self.state.origins = analysis, origins
        self.state.decisions = intake.default_decisions(analysis)
        self._set_running(False, "")
        self._show(analysis)

    def _failed(self, token: int, exc: BaseException) -> None:
        if token != self._token:
            return
        self._set_running(False, "")
        if isinstance(exc, ServiceError):
            self.error.setText(exc.message)
            self.error.show()
        else:
            show_error(self, exc)

    def isComplete(self) -> bool:
        return self.state.analysis is not None and not self.running

    # Showing the result ----------------------------------------------------------------------
    def _clear(self) -> None:
        self.error.hide()
        self.remarks.hide()
        self.summary.setText("")
        self.export_status.setText("")
        self.export_button.setEnabled(False)
        self.rows.setRowCount(0)
        self.problems.setRowCount(0)
        self._rows = []
        self._show_row(-1)
        self._retitle_tabs(0, 0)

    def _show(self, analysis: IntakeAnalysis) -> None:
        counts = analysis.counts
        self.summary.setText(self.tr(
            "{0} rows read from sheet «{1}»: {2} new, {3} possibly already on record, "
            "{4} rejected.").format(
            format_int(len(analysis.rows)), analysis.sheet, format_int(counts.new),
            format_int(counts.duplicate), format_int(counts.rejected)))
        self.remarks.setVisible(bool(analysis.remarks))
        self.remarks.setText("\n".join(analysis.remarks))
        self.export_button.setEnabled(counts.rejected > 0)
        self._fill_rows(analysis)
        self._fill_problems(analysis)
        problems = sum(len(r.problems) for r in analysis.rows)
        self._retitle_tabs(len(analysis.rows), problems)
        first = next((i for i, r in enumerate(self._rows) if r.status == "duplicate"), 0)
        if self._rows:
            self.rows.setCurrentCell(first, self.ROW)
        self._show_row(self.rows.currentRow())

    def _fill_rows(self, analysis: IntakeAnalysis) -> None:
        self._filling = True
        self._rows = list(analysis.rows)
        self.rows.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            name, birth, id_number = self._identity(analysis, row)
            cells = (str(row.row_number), self._status_text(row), name, birth, id_number)
            for c, text in enumerate(cells):
                self.rows.setItem(r, c, item(text, tooltip=c == self.NAME))
            paint(self.rows.item(r, self.STATUS), color=self._status_color(row))
            details = "; ".join([p.message for p in row.problems] or
                                [t for t in (row.explanation, *row.notes) if t])
            self.rows.setItem(r, self.DETAILS, item(details, tooltip=True))
            self._decision_cell(r, row)
        self._filling = False

    def _identity(self, analysis: IntakeAnalysis, row: IntakeRow) -> tuple[str, str, str]:
        """Name, birth, ID number as read, or as written when the row could not be read."""
        if row.person is not None:
            return row.person.full_name, birth_display(row.person.birth_date), \
                row.person.id_number
        cells = row.shown_cells

        def written(*fields: str) -> str:
            found = [cells[i] for f in fields for i in analysis.mapping.columns_of(f)
                     if i < len(cells) and cells[i]]
            return " ".join(found)

        return (written("full_name") or written("family_name", "given_name"),
                written("birth_date", "birth_male", "birth_female"), written("id_number"))

    def _status_text(self, row: IntakeRow) -> str:
        if row.status == "new":
            return self.tr("New")
        if row.status == "duplicate":
            return self.tr("Possibly on record") if row.existing else \
                self.tr("Repeated in the file")
        return self.tr("Rejected")

    @staticmethod
    def _status_color(row: IntakeRow) -> Any:
        return {"new": None, "duplicate": DUPLICATE_COLOR}.get(row.status, WARNING_COLOR)

    def _decision_cell(self, r: int, row: IntakeRow) -> None:
        decision = self.state.decisions.get(row.row_number, row.default_decision)
        if row.status == "rejected":
            cell = item(self.tr("Not imported"))
            paint(cell, color=MUTED_COLOR)
            self.rows.setItem(r, self.DECISION, cell)
        elif row.status == "new":
            cell = QTableWidgetItem()
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            creating = decision == "create"
            cell.setCheckState(Qt.CheckState.Checked if creating else Qt.CheckState.Unchecked)
            cell.setText(self._create_text(creating))
            self.rows.setItem(r, self.DECISION, cell)
        else:
            self.rows.setItem(r, self.DECISION, item(""))
            combo = self._decision_combo(row)
            combo.setCurrentIndex(max(0, combo.findData(_decision_data(decision))))
            self._decide(row.row_number, combo.currentData())  # what the combo could offer
            self.rows.setCellWidget(r, self.DECISION, combo)

    def _create_text(self, creating: bool) -> str:
        return self.tr("Create a record") if creating else self.tr("Skip")

    def _decision_combo(self, row: IntakeRow) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"decision_{row.row_number}")
        combo.addItem(self.tr("Skip"), "skip")
        for person in row.existing:
            combo.addItem(self.tr("Link to {0} ({1})").format(
                person.full_name, person.birth_display), LINK + person.id)
        typed_id = row.person.id_number if row.person is not None else ""
        if not any(p.id_number and p.id_number == typed_id for p in row.existing):
            # Two records may not share an ID number: creating is not offered then.
            combo.addItem(self.tr("Create a new record anyway"), "create")
        combo.setToolTip(self.tr(
            "Skip: nothing is written for this row. Link: the existing record keeps "
            "everything it has; only its empty fields are filled from the row."))
        combo.currentIndexChanged.connect(
            lambda _i, number=row.row_number, box=combo: self._decide(number,
                                                                      box.currentData()))
        return combo

    def _decide(self, row_number: int, data: str) -> None:
        self.state.decisions[row_number] = _decision(data)

    def _create_toggled(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != self.DECISION or not self._rows:
            return
        row = self._rows[cell.row()]
        if row.status != "new":
            return
        creating = cell.checkState() == Qt.CheckState.Checked
        self.state.decisions[row.row_number] = "create" if creating else "skip"
        self._filling = True
        cell.setText(self._create_text(creating))
        self._filling = False

    def _fill_problems(self, analysis: IntakeAnalysis) -> None:
        problems = [p for r in analysis.rows for p in r.problems]
        self.problems.setRowCount(len(problems))
        for r, p in enumerate(problems):
            for c, text in enumerate((str(p.row_number), p.column, p.value, p.problem)):
                self.problems.setItem(r, c, item(text, tooltip=True))
            paint(self.problems.item(r, self.P_PROBLEM), color=WARNING_COLOR)

    def _show_row(self, r: int) -> None:
        """The selected row in full: its problems or notes, and, for a possible duplicate,
        the row beside the records (and earlier rows of the file) it may be."""
        row = self._rows[r] if 0 <= r < len(self._rows) else None
        analysis = self.state.analysis
        self.row_box.setTitle(self.tr("Row {0}").format(row.row_number) if row else
                              self.tr("Selected row"))
        self._show_details(row)
        if row is None or analysis is None or row.status != "duplicate":
            self.candidates.hide()
            self.candidates_hint.setText(self.tr(
                "Select a row marked “Possibly on record” to compare it with the records "
                "already kept."))
            self.candidates_hint.setHidden(row is not None and bool(row.problems))
            return
        self.candidates_hint.show()
        lines: list[tuple[str, ...]] = [self._file_line(row)]
        lines += [self._file_line(analysis.row(n)) for n in row.same_as_rows]
        lines += [self._record_line(p) for p in row.existing]
        self.candidates.setRowCount(len(lines))
        for i, line in enumerate(lines):
            for c, text in enumerate(line):
                self.candidates.setItem(i, c, item(text, tooltip=True))
        paint(self.candidates.item(0, 0), bold=True)
        self.candidates_hint.setText(self.tr(
            "Row {0} of the file (first line) and what it may be. Compare them with the "
            "papers, then choose in “What to do”.").format(row.row_number))
        self.candidates.show()

    def _show_details(self, row: IntakeRow | None) -> None:
        if row is None or not (row.problems or row.notes):
            self.row_details.hide()
            return
        self.row_details.setStyleSheet(ERROR_STYLE if row.problems else "")
        self.row_details.setText("\n".join(
            [p.message for p in row.problems]
            or [self.tr("Read with a remark: {0}").format(n) for n in row.notes]))
        self.row_details.show()

    def _file_line(self, row: IntakeRow) -> tuple[str, ...]:
        person = row.person
        if person is None:
            return (self.tr("Row {0} of the file").format(row.row_number), "", "", "", "", "")
        return (self.tr("Row {0} of the file").format(row.row_number), person.full_name,
                birth_display(person.birth_date), person.place_of_origin, person.id_number,
                self.tr("In the file"))

    def _record_line(self, person: PersonRow) -> tuple[str, ...]:
        return (self.tr("Record kept"), person.full_name, person.birth_display,
                self.state.origins.get(person.id, ""), person.id_number or "",
                person.status_label_vi)

    # Decisions and the rejected rows --------------------------------------------------------
    def decisions(self) -> dict[int, Decision]:
        """What to do with each row, as the officer left it."""
        return dict(self.state.decisions)

    def row_index(self, row_number: int) -> int:
        """The table row showing the file's row `row_number`."""
        return next(i for i, r in enumerate(self._rows) if r.row_number == row_number)

    def export_rejected(self) -> None:
        """Save the rejected rows with a column saying what to correct."""
        analysis = self.state.analysis
        if analysis is None:
            return
        suggested = analysis.path.with_name(f"{analysis.path.stem}_dong_bi_tu_choi.xlsx")
        saved = save_bytes(self, self.tr("Save the rejected rows"), suggested,
                           intake.rejected_rows_xlsx(analysis))
        if saved is not None:
            self.export_status.setText(self.tr("Saved: {0}").format(saved))
