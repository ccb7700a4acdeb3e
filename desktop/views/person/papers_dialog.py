"""Print a paper about the person shown (HCD-02, 05, 07, 08, 10, 11) as a PDF.

The officer picks the paper (and the quarter for HCD-08) and a folder; the PDF is written
there from a stored snapshot (`services.person_papers`) and can be opened to print, sign
by hand and stamp.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.services import person_papers
from desktop.services.person_views import PersonView
from desktop.services.reporting import ProducedReport
from desktop.views.context import AppContext
from desktop.views.forms import FormDialog
from desktop.views.person.dialogs.evaluation import default_quarter, recent_quarters
from desktop.views.reports.page import default_output_dir


class PersonPaperDialog(FormDialog):
    """Choose a paper and a folder; Save writes the PDF and offers to open it."""

    def __init__(self, ctx: AppContext, person: PersonView,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Print a paper – {0}").format(person.full_name), parent)
        self.ctx, self.person = ctx, person
        self.setMinimumWidth(620)
        self.paper = QComboBox()
        for choice in person_papers.paper_choices():
            self.paper.addItem(choice.title, choice)
        self.add_field("form", self.tr("&Paper"), self.paper)
        self.quarter = QComboBox()
        current = default_quarter(ctx.today(), ctx.unit)
        for quarter in recent_quarters(ctx.today(), ctx.unit):
            self.quarter.addItem(quarter.label_vi, quarter.code)
        self.quarter.setCurrentIndex(max(0, self.quarter.findData(current.code)))
        self.add_field("quarter", self.tr("&Quarter"), self.quarter)
        self.folder = QLineEdit(str(default_output_dir()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        row = QWidget()
        row.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.folder, 1)
        line.addWidget(browse)
        self.add_field("out_dir", self.tr("&Folder"), row)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Create PDF"))
        self.paper.currentIndexChanged.connect(self._show_quarter)
        self._show_quarter()

    def _chosen(self) -> person_papers.PaperChoice:
        choice = self.paper.currentData()
        assert isinstance(choice, person_papers.PaperChoice)
        return choice

    def _show_quarter(self, *_: object) -> None:
        self.set_row_visible("quarter", self._chosen().needs_quarter)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the output folder"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def submit(self) -> None:
        ctx, pid, choice = self.ctx, self.person.id, self._chosen()
        quarter = self.quarter.currentData() if choice.needs_quarter else None
        folder = Path(self.folder.text().strip() or default_output_dir())
        if self.run_service(lambda: person_papers.produce_person_paper(
                ctx.db, ctx.actor, choice.code, pid, folder, quarter)):
            self._offer_to_open(self.result_value)

    def _offer_to_open(self, produced: ProducedReport) -> None:
        path = produced.pdf_path
        assert path is not None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Paper created"),
                          self.tr("{0} was written to\n{1}\n\nPrint it, have it signed and "
                                  "stamped.").format(produced.info.form, path),
                          QMessageBox.StandardButton.Close, self.parentWidget())
        opener = box.addButton(self.tr("Open"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        if box.clickedButton() is opener:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
