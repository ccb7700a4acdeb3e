"""The forms HoaNhap produces, with the periods and scope each accepts.

A form code names both the paper form and its scope: `HCD-13` is one commune's report,
`HCD-13-TH` ("tổng hợp") the consolidation over every unit the installation holds, one
row per commune plus a totals row (REPORTS.md §1). The papers about one person (HCD-02,
05, 07, 08, 10, 11) have the scope "person"; Form 01 of Decision 22/2023 (`QD22-01`) is a
commune's monthly list. Neither carries the statistics of REPORTS.md §3 (`statistics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop.rules.periods import Period, PeriodKind
from desktop.services.errors import ValidationError

Scope = Literal["unit", "all_units", "person"]

_KIND_WORDS: dict[str, str] = {
    "month": "tháng", "quarter": "quý", "half": "6 tháng", "year": "năm",
    "custom": "khoảng thời gian tự chọn",
}


@dataclass(frozen=True)
class FormDef:
    """One producible form: its stored code, the paper form it prints, scope and periods."""

    code: str
    base: str
    scope: Scope
    kinds: tuple[PeriodKind, ...]
    summary: str  # the title's summary line, completed with the period label
    # Whether the snapshot's figures are the statistics of REPORTS.md §3 (the rows of
    # forms.rows): the statistical forms' previews and XLSX read them; a list or a paper
    # about one person has figures of its own.
    statistics: bool = True

    def check_period(self, period: Period) -> None:
        """Refuse a period this form is not made for (HCD-12 is monthly, HCD-09 quarterly)."""
        if period.kind not in self.kinds:
            allowed = ", ".join(_KIND_WORDS[k] for k in self.kinds)
            raise ValidationError(
                "period", f"Mẫu {self.base} lập theo {allowed}; kỳ {period.code} không phù hợp."
            )


_REINTEGRATION = (
    "người chấp hành xong án phạt tù, người được đặc xá tái hòa nhập cộng đồng"
)
_RESULTS = f"kết quả công tác quản lý, giáo dục, giúp đỡ {_REINTEGRATION}"
_FIGURES = f"số liệu quản lý, giáo dục, giúp đỡ {_REINTEGRATION}"
_HCD09 = f"Danh sách phân loại {_REINTEGRATION}"
_MULTI: tuple[PeriodKind, ...] = ("quarter", "half", "year", "custom")

_RELEASED = "người chấp hành xong án phạt tù"
FORM01 = "QD22-01"


def _person_form(code: str, kinds: tuple[PeriodKind, ...], summary: str) -> FormDef:
    return FormDef(code, code, "person", kinds, summary, statistics=False)


FORMS: dict[str, FormDef] = {
    f.code: f
    for f in (
        FormDef("HCD-13", "HCD-13", "unit", _MULTI, _RESULTS[:1].upper() + _RESULTS[1:]),
        FormDef("HCD-13-TH", "HCD-13", "all_units", _MULTI, f"Tổng hợp {_RESULTS}"),
        FormDef("HCD-12", "HCD-12", "unit", ("month",), f"Thống kê {_FIGURES}"),
        FormDef("HCD-12-TH", "HCD-12", "all_units", ("month",), f"Tổng hợp {_FIGURES}"),
        FormDef("HCD-09", "HCD-09", "unit", ("quarter",), _HCD09),
        # The person's period: the book's range (HCD-02), the quarter (HCD-08), or the day
        # the paper is about (reception, team decision, end of management).
        _person_form("HCD-02", ("month", "quarter", "half", "year", "custom"),
                     f"Phiếu thông tin {_RELEASED}"),
        _person_form("HCD-05", ("custom",), "Chấp hành pháp luật, không tái phạm tội"),
        _person_form("HCD-07", ("custom",), f"Về việc phân công người giúp đỡ {_RELEASED}"),
        _person_form("HCD-08", ("quarter",), f"Kết quả giúp đỡ {_RELEASED}"),
        _person_form("HCD-10", ("custom",),
                     f"Về việc kết thúc quản lý, giúp đỡ {_RELEASED}"),
        _person_form("HCD-11", ("custom",),
                     f"Về việc kết thúc quản lý, giúp đỡ {_RELEASED}"),
        FormDef(FORM01, FORM01, "unit", ("month",),
                f"{_RELEASED[:1].upper()}{_RELEASED[1:]} đủ điều kiện và có nhu cầu vay vốn "
                "Ngân hàng Chính sách xã hội", statistics=False),
    )
}

# Command-line names (REPORTS.md §1 spells them hcd13, hcd12, hcd09, form01).
CLI_NAMES = {
    "hcd13": "HCD-13", "hcd12": "HCD-12", "hcd09": "HCD-09", "hcd02": "HCD-02",
    "hcd05": "HCD-05", "hcd07": "HCD-07", "hcd08": "HCD-08", "hcd10": "HCD-10",
    "hcd11": "HCD-11", "form01": FORM01,
}


def get_form(code: str) -> FormDef:
    """The form with this code, or a ValidationError listing the codes that exist."""
    form = FORMS.get(code.strip().upper())
    if form is None:
        raise ValidationError("form", f"Không có mẫu báo cáo “{code}”; các mẫu: "
                                      f"{', '.join(FORMS)}.")
    return form


def form_for_cli(name: str, all_units: bool) -> FormDef:
    """The form a command line asks for: `hcd13 --all-units` is HCD-13-TH."""
    code = CLI_NAMES.get(name.lower())
    if code is None:
        raise ValidationError("form", f"Mẫu “{name}” chưa được hỗ trợ; các mẫu: "
                                      f"{', '.join(CLI_NAMES)}.")
    if all_units:
        consolidated = FORMS.get(f"{code}-TH")
        if consolidated is None:
            raise ValidationError("form", f"Mẫu {code} không có bản tổng hợp nhiều đơn vị.")
        return consolidated
    return FORMS[code]


# The narrative sections of HCD-13, in print order; the officer may replace any of them.
NARRATIVE_SECTIONS: dict[str, str] = {
    "general": "I. TÌNH HÌNH CHUNG",
    "results": "II. KẾT QUẢ THỰC HIỆN",
    "assessment": "III. ĐÁNH GIÁ",
    "direction": "IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ",
}
