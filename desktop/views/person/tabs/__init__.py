"""The tabs of the person page, one module each, sharing the `PersonTab` contract."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from desktop.services.access import Action
from desktop.services.errors import PeriodLocked
from desktop.services.person_views import PersonDetail
from desktop.views import errors
from desktop.views.context import AppContext
from desktop.views.person import common


class PersonTab(QWidget):
    """One tab: `load` refills it for a person; after a saved change it calls `changed`,
    and the page refreshes every tab and tells the other pages (Navigator.data_changed)."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.changed = ctx, changed
        self.detail: PersonDetail | None = None

    @property
    def person_id(self) -> str:
        assert self.detail is not None, "a tab acts only once a person is shown"
        return self.detail.person.id

    @property
    def can_edit(self) -> bool:
        return self.ctx.may(Action.EDIT_RECORDS)

    def title(self) -> str:
        """The tab's caption (with a count where one helps)."""
        raise NotImplementedError

    def load(self, detail: PersonDetail) -> None:
        """Show the records of `detail.person` (read fresh from the services)."""
        raise NotImplementedError

    def run_dialog(self, dialog: QDialog) -> object | None:
        """Show a FormDialog; on save report the change and return the saved value."""
        if not common.exec_dialog(dialog):
            return None
        self.changed()
        return getattr(dialog, "result_value", None)

    def run_action(self, action: Callable[[], object]) -> bool:
        """Call a service directly (delete, set responsible); a refusal is shown, not raised."""
        try:
            action()
        except Exception as exc:  # show_error tells known errors from bugs
            errors.show_error(self, exc)
            return False
        self.changed()
        return True

    def run_delete(self, delete: Callable[[str | None], object]) -> bool:
        """Delete through `delete(adjustment_reason)`; a record in a signed period asks for
        the reason (listed in the next report) and tries again, instead of only refusing."""
        try:
            delete(None)
        except PeriodLocked as locked:
            reason = self._adjustment_reason(locked.message)
            if reason is None:
                return False
            return self.run_action(lambda: delete(reason))
        except Exception as exc:  # show_error tells known errors from bugs
            errors.show_error(self, exc)
            return False
        self.changed()
        return True

    def _adjustment_reason(self, message: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Reason for the adjustment"),
            self.tr("{0}\n\nTo delete it anyway, give the reason. The signed figures stay as "
                    "they are; the deletion is listed under “adjustments” in the unit's next "
                    "report.").format(message), QLineEdit.EchoMode.Normal)
        return text.strip() or None if ok else None
