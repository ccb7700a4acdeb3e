"""Merging two records of one person (recorded twice: imported and typed in, say).

The officer chooses which record is kept, then, for each field the two records disagree
on, whose value the kept record ends with (`merge_people.merge_preview` proposes one).
Every record of the other person — contacts, evaluations, supports… — moves to the kept
one; the other record leaves the list, its full copy kept in the audit log
(`merge_people.merge_people`, one transaction). A question is asked before merging.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date, format_int
from desktop.services.errors import ServiceError, ValidationError
from desktop.services.merge_people import (
    MergeField,
    merge_people,
    merge_preview,
    records_to_move,
)
from desktop.services.person_queries import get_person
from desktop.services.person_views import PersonView
from desktop.views.context import AppContext
from desktop.views.forms import HINT_STYLE, FormDialog, WrappedLabel
from desktop.views.person import common

# Fields whose edit touches a date a signed report may have counted.
_LOCK_FIELDS = ("received_on", "ended_on", "adjustment_reason")


class _Choice(QWidget):
    """A radio button with its value beside it, wrapped: clicking either chooses it."""

    def __init__(self, name: str, value: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.radio = QRadioButton()
        self.radio.setObjectName(name)
        self.text = QLabel(value or empty)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if not value:
            self.text.setStyleSheet(HINT_STYLE + " font-style: italic;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.radio.setChecked(True)
        super().mousePressEvent(event)


class MergePeopleDialog(FormDialog):
    """Keep one of two records; afterwards `result_value` is the kept person's view."""

    def __init__(self, ctx: AppContext, first_id: str, second_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Merge two records of one person"))
        self.setObjectName("merge_people_dialog")
        self.ctx = ctx
        self.people: dict[str, PersonView] = {
            pid: get_person(ctx.db, ctx.actor, pid, ctx.today()).person
            for pid in (first_id, second_id)}
        self.counts = {pid: records_to_move(ctx.db, ctx.actor, pid) for pid in self.people}
        self.ids = (first_id, second_id)
        self._kept = first_id
        self.merge_fields: tuple[MergeField, ...] = ()
        self.choices: dict[str, str] = {}  # field key → "keep" / "drop", as now shown
        self._touched: set[str] = set()  # fields the officer chose by hand
        self._groups: list[QButtonGroup] = []
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Merge…"))
        column = common.column_of(self)
        column.insertWidget(0, self._intro())
        column.insertWidget(1, self._keep_box())
        column.insertWidget(2, self._fields_box(), 1)
        column.insertWidget(3, self._moves_box())
        reason = QLineEdit()
        reason.setPlaceholderText(self.tr("Why a signed report's period is changed"))
        self.add_field("adjustment_reason", self.tr("Reason"), reason)
        self.set_row_visible("adjustment_reason", False)
        busiest = max(self.ids, key=lambda pid: (sum(self.counts[pid].values()),
                                                 pid == first_id))
        (self.keep_first if busiest == first_id else self.keep_second).setChecked(True)
        self.resize(980, 720)

    # Building ------------------------------------------------------------------------------
    def _intro(self) -> QLabel:
        intro = WrappedLabel("merge_intro")
        intro.setText(self.tr(
            "Use this when one person was recorded twice. One record is kept; the other "
            "leaves the list, and everything recorded on it moves to the kept one. Nothing "
            "is lost: a full copy of the other record is kept in the audit log."))
        return intro

    def _person_text(self, pid: str) -> str:
        p = self.people[pid]
        moved = sum(self.counts[pid].values())
        id_text = self.tr("ID number {0}").format(p.id_number) if p.id_number else \
            self.tr("no ID number")
        return self.tr("{0}, born {1}, {2} — {3}; recorded on {4}; {5} records "
                       "(contacts, evaluations…)").format(
            p.full_name, p.birth_display, id_text, p.status_label,
            format_date(p.created_at.date()), format_int(moved))

    def _keep_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Which record is kept?"))
        self.keep_first = QRadioButton(self._person_text(self.ids[0]))
        self.keep_first.setObjectName("keep_first")
        self.keep_second = QRadioButton(self._person_text(self.ids[1]))
        self.keep_second.setObjectName("keep_second")
        group = QButtonGroup(self)
        column = QVBoxLayout(box)
        for button, pid in ((self.keep_first, self.ids[0]), (self.keep_second, self.ids[1])):
            group.addButton(button)
            button.toggled.connect(lambda on, kept=pid: self._keep_changed(kept) if on else None)
            column.addWidget(button)
        return box

    def _fields_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Values of the kept record"))
        self.fields_hint = WrappedLabel("fields_hint")
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        column = QVBoxLayout(box)
        column.addWidget(self.fields_hint)
        column.addWidget(scroll, 1)
        return box

    def _moves_box(self) -> QLabel:
        self.moves = WrappedLabel("merge_moves")
        return self.moves

    # Choosing ------------------------------------------------------------------------------
    def keep_id(self) -> str:
        return self._kept

    def drop_id(self) -> str:
        return self.ids[1] if self._kept == self.ids[0] else self.ids[0]

    def _keep_changed(self, kept: str) -> None:
        if kept == self._kept and self.merge_fields:
            return
        self._kept = kept
        flipped = {k: "keep" if v == "drop" else "drop" for k, v in self.choices.items()}
        try:
            self.merge_fields = merge_preview(self.ctx.db, self.ctx.actor, self.keep_id(),
                                        self.drop_id())
        except ServiceError as exc:
            self.general_error.setText(exc.message)
            self.general_error.show()
            return
        # A value chosen by hand stays chosen whichever record is kept (its side swaps);
        # the others take the proposal for the new pair.
        self.choices = {f.key: flipped[f.key] if f.key in self._touched else f.default
                        for f in self.merge_fields}
        self._fill_fields()
        self._fill_moves()

    def _fill_fields(self) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted by the event loop
                widget.deleteLater()
        self._groups = []
        keep, drop = self.people[self.keep_id()], self.people[self.drop_id()]
        headers = ("", self.tr("Kept record ({0})").format(keep.full_name),
                   self.tr("Other record ({0})").format(drop.full_name))
        for c, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            label.setWordWrap(True)
            self.grid.addWidget(label, 0, c)
        differing = [f for f in self.merge_fields if f.differs]
        empty = self.tr("(empty)")
        for r, f in enumerate(differing, start=1):
            name = QLabel(f.label)
            name.setWordWrap(True)
            self.grid.addWidget(name, r, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self.grid_host)
            for c, (side, value) in enumerate((("keep", f.keep), ("drop", f.drop)), start=1):
                choice = _Choice(f"{side}_{f.key}", value, empty)
                choice.radio.setChecked(self.choices[f.key] == side)
                choice.radio.toggled.connect(
                    lambda on, key=f.key, s=side: self._chosen(key, s) if on else None)
                group.addButton(choice.radio)
                self.grid.addWidget(choice, r, c)
            self._groups.append(group)
        self.grid.setRowStretch(len(differing) + 1, 1)
        same = len(self.merge_fields) - len(differing)
        self.fields_hint.setText(self.tr(
            "For each field the two records disagree on, choose the value to keep. The "
            "other {0} fields are the same in both records.").format(same) if differing
            else self.tr("The two records agree on every field."))

    def _chosen(self, key: str, side: str) -> None:
        self.choices[key] = side
        self._touched.add(key)

    def _fill_moves(self) -> None:
        counts = self.counts[self.drop_id()]
        labels = {
            "judgments": self.tr("judgments"), "status_changes": self.tr("history steps"),
            "team_members": self.tr("helper team members"), "contacts": self.tr("contacts"),
            "supports": self.tr("supports"), "violations": self.tr("violations"),
            "models": self.tr("community models"), "evaluations": self.tr("evaluations"),
            "excused_weeks": self.tr("excused weeks"),
        }
        moved = [f"{labels.get(k, k)}: {format_int(n)}" for k, n in counts.items() if n]
        drop = self.people[self.drop_id()]
        self.moves.setText(self.tr(
            "Merging will move from {0}'s other record to the kept one: {1}. Where the kept "
            "record already has one for the same quarter or week, it stays in force and the "
            "other is kept aside, not deleted.").format(
            drop.full_name, ", ".join(moved) if moved else self.tr("nothing")))

    def choose(self, key: str, side: str) -> None:
        """Choose whose value field `key` gets ("keep": the kept record's, "drop")."""
        button = self.grid_host.findChild(QRadioButton, f"{side}_{key}")
        assert button is not None, key
        button.setChecked(True)

    # Merging -------------------------------------------------------------------------------
    def show_validation(self, exc: ValidationError) -> None:
        """A signed period: ask for the reason in the row that was hidden until now."""
        if exc.field in _LOCK_FIELDS:
            self.set_row_visible("adjustment_reason", True)
            exc = ValidationError("adjustment_reason", exc.message)
        super().show_validation(exc)

    def submit(self) -> None:
        keep, drop = self.people[self.keep_id()], self.people[self.drop_id()]
        if not common.confirm(self, self.tr("Merge the records"), self.tr(
                "Merge the record of {0} (born {1}) into the kept record of {2} (born {3})? "
                "The other record leaves the list and everything on it moves to the kept "
                "one.").format(drop.full_name, drop.birth_display, keep.full_name,
                               keep.birth_display)):
            return
        reason = self.field("adjustment_reason")
        assert isinstance(reason, QLineEdit)
        ctx, choices = self.ctx, dict(self.choices)
        if self.run_service(lambda: merge_people(
                ctx.db, ctx.actor, keep.id, drop.id, choices, today=ctx.today(),
                adjustment_reason=reason.text() or None)):
            moved = sum(self.counts[drop.id].values())
            QMessageBox.information(self, self.tr("Records merged"), self.tr(
                "{0} now has one record; {1} records were moved to it.").format(
                keep.full_name, format_int(moved)))

    @property
    def kept_id(self) -> str:
        return self.keep_id()

