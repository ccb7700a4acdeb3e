"""The Excel import wizard (issue #6): a list of people into the records, checked first.

Steps: file (or save the empty template) → sheet and header row → columns → check →
confirm → result. Only "Import" on the confirmation step writes, in one transaction
(`services.intake.commit`); cancelling anywhere before it writes nothing. Opened from the
People page ("Import from Excel…") for roles that may edit records.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from desktop.intake.analysis import IntakeResult
from desktop.views.context import AppContext
from desktop.views.intake.analysis_page import AnalysisPage
from desktop.views.intake.common import ImportState
from desktop.views.intake.file_pages import FilePage, SheetPage
from desktop.views.intake.finish_pages import ConfirmPage, ResultPage
from desktop.views.intake.mapping_page import MappingPage


class ImportWizard(QWizard):
    """After it closes, `import_result` holds what was written (None: nothing was)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.state = ImportState(ctx)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page = FilePage(self.state)
        self.sheet_page = SheetPage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.analysis_page = AnalysisPage(self.state)
        self.confirm_page = ConfirmPage(self.state)
        self.result_page = ResultPage(self.state)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.analysis_page,
                     self.confirm_page, self.result_page):
            self.addPage(page)
        if path is not None:
            self.file_page.path_edit.setText(str(path))
        self.resize(1100, 760)

    @property
    def import_result(self) -> IntakeResult | None:
        return self.state.result

    def reject(self) -> None:
        """Cancel (or Escape): refused while the import is being written; stops a check."""
        if self.confirm_page.busy:
            return
        if self.analysis_page.running:
            self.analysis_page.stop()
        super().reject()
