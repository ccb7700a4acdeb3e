"""Profile and judgment, read-only, with the case's status history; edits go through dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import format_date
from desktop.services.person_views import (
    JudgmentView,
    PersonDetail,
    PersonView,
    StatusChangeView,
)
from desktop.views.context import AppContext
from desktop.views.person.common import (
    MUTED_STYLE,
    RecordTable,
    button_row,
    edit_button,
    months_text,
    placeholder,
)
from desktop.views.person.tabs import PersonTab


def _dated(text: str, day_text: str, template: str) -> str:
    """"Án phí 200.000 đồng (fulfilled on 01/06/2022)", or just the part that is known."""
    if text and day_text:
        return f"{text} ({template.format(day_text)})"
    return text or (template.format(day_text) if day_text else "")


class FieldGroup(QGroupBox):
    """A titled form of read-only values; `set` fills one by its key."""

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__(title)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        for key, caption in rows:
            value = QLabel()
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
            self.values[key] = value

    def set(self, key: str, text: str) -> None:
        self.values[key].setText(placeholder(text))


class ProfileTab(PersonTab):
    """The person's profile, release and judgment as recorded, and how the case moved."""

    def __init__(self, ctx: AppContext, changed: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, changed, parent)
        self.edit_profile = edit_button(ctx, self.tr("Edit profile…"), "edit_profile",
                                        self._edit_profile)
        self.edit_judgment = edit_button(ctx, self.tr("Edit judgment…"), "edit_judgment",
                                         self._edit_judgment)
        self.profile = FieldGroup(self.tr("Profile"), self._profile_rows())
        self.release = FieldGroup(self.tr("Release"), self._release_rows())
        self.judgment = FieldGroup(self.tr("Judgment"), self._judgment_rows())
        self.no_judgment = QLabel(self.tr("No judgment has been entered yet."))
        self.no_judgment.setObjectName("no_judgment")
        self.no_judgment.setStyleSheet(MUTED_STYLE)
        self.history = RecordTable("status_history", [
            self.tr("Date"), self.tr("Change"), self.tr("Reason / note"), self.tr("Recorded by"),
        ], stretch=2)
        self._lay_out()

    def _profile_rows(self) -> list[tuple[str, str]]:
        return [
            ("full_name", self.tr("Full name")), ("other_names", self.tr("Other names")),
            ("gender", self.tr("Gender")), ("birth", self.tr("Date of birth")),
            ("id_number", self.tr("ID number")), ("ethnicity", self.tr("Ethnicity")),
            ("religion", self.tr("Religion")), ("place_of_origin", self.tr("Place of origin")),
            ("permanent_address", self.tr("Permanent address")),
            ("current_address", self.tr("Current address")),
            ("residential_area", self.tr("Residential area")), ("phone", self.tr("Phone")),
            ("education", self.tr("Education")), ("occupation", self.tr("Occupation")),
            ("family_situation", self.tr("Family situation")),
        ]

    def _release_rows(self) -> list[tuple[str, str]]:
        return [
            ("release_date", self.tr("Release date")), ("release_type", self.tr("Release type")),
            ("prison", self.tr("Prison")), ("certificate_number", self.tr("Certificate number")),
        ]

    def _judgment_rows(self) -> list[tuple[str, str]]:
        return [
            ("court", self.tr("Court")), ("judgment", self.tr("Judgment")),
            ("offences", self.tr("Offences")), ("articles", self.tr("Penal Code articles")),
            ("main_penalty", self.tr("Main penalty")),
            ("probation_until", self.tr("Probation until")),
            ("supplementary", self.tr("Supplementary penalties")),
            ("obligations", self.tr("Civil obligations")),
            ("prior_convictions", self.tr("Prior convictions")),
        ]

    def _lay_out(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)
        grid.addLayout(button_row(self.edit_profile, self.edit_judgment), 0, 0, 1, 2)
        grid.addWidget(self.profile, 1, 0, 2, 1)
        grid.addWidget(self.release, 1, 1)
        right = QVBoxLayout()
        right.addWidget(self.no_judgment)
        right.addWidget(self.judgment)
        right.addStretch(1)
        grid.addLayout(right, 2, 1)
        history = QGroupBox(self.tr("Case history"))
        QVBoxLayout(history).addWidget(self.history)
        self.history.setMinimumHeight(140)
        grid.addWidget(history, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        QVBoxLayout(self).addWidget(scroll)

    def title(self) -> str:
        return self.tr("Profile && judgment")

    def load(self, detail: PersonDetail) -> None:
        self.detail = detail
        self._show_person(detail.person)
        self._show_judgment(detail.judgment)
        self.history.set_rows([
            (c.id, [format_date(c.on_date), self._change(c),
                    "; ".join(t for t in (c.reason_label, c.note) if t), c.by_user])
            for c in reversed(detail.history)
        ])

    @staticmethod
    def _change(c: StatusChangeView) -> str:
        """"Đã tiếp nhận → Đang quản lý"; the opening status alone when there is no step."""
        if not c.from_label or c.from_status == c.to_status:
            return c.to_label
        return f"{c.from_label} → {c.to_label}"

    def _show_person(self, p: PersonView) -> None:
        for key in ("full_name", "other_names", "ethnicity", "religion", "place_of_origin",
                    "permanent_address", "current_address", "residential_area", "phone",
                    "education", "occupation", "family_situation"):
            self.profile.set(key, getattr(p, key))
        self.profile.set("gender", p.gender_label)
        self.profile.set("birth", p.birth_display)
        legacy = " " + self.tr("(old 9-digit ID card)") if p.id_legacy else ""
        self.profile.set("id_number", (p.id_number or "") + (legacy if p.id_number else ""))
        self.release.set("release_date", format_date(p.release_date))
        self.release.set("release_type", p.release_type_label)
        self.release.set("prison", p.prison)
        self.release.set("certificate_number", p.certificate_number)

    def _show_judgment(self, j: JudgmentView | None) -> None:
        self.judgment.setVisible(j is not None)
        self.no_judgment.setVisible(j is None)
        self.edit_judgment.setText(self.tr("Edit judgment…") if j else self.tr("Enter judgment…"))
        if j is None:
            return
        number = " ".join(t for t in (j.judgment_number,
                                      self.tr("of {0}").format(format_date(j.judgment_date))
                                      if j.judgment_date else "") if t)
        self.judgment.set("court", j.court)
        self.judgment.set("judgment", number)
        self.judgment.set("offences", j.offences)
        chapter = self.tr("chapter {0}").format(j.chapter) if j.chapter else ""
        self.judgment.set("articles", ", ".join(t for t in (j.penal_articles, chapter) if t))
        term = months_text(j.prison_months)
        self.judgment.set("main_penalty", f"{j.main_penalty_label} {term}".strip())
        self.judgment.set("probation_until", format_date(j.probation_until))
        self.judgment.set("supplementary", _dated(
            j.supplementary, format_date(j.supplementary_until), self.tr("until {0}")))
        self.judgment.set("obligations", _dated(
            j.obligations, format_date(j.obligations_done_on), self.tr("fulfilled on {0}")))
        self.judgment.set("prior_convictions", str(j.prior_convictions))

    def _edit_profile(self) -> None:
        from desktop.views.person.profile_dialogs import ProfileDialog

        assert self.detail is not None
        self.run_dialog(ProfileDialog(self.ctx, self.detail.person, self))

    def _edit_judgment(self) -> None:
        from desktop.views.person.profile_dialogs import JudgmentDialog

        assert self.detail is not None
        self.run_dialog(JudgmentDialog(self.ctx, self.person_id, self.detail.person.full_name,
                                       self.detail.judgment, self))
