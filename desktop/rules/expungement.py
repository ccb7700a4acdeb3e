"""Expected expungement of a conviction (xóa án tích), Penal Code 2015 amended 2017.

Art. 70 (automatic) and Art. 71 (Chapters XIII and XXVI: by court decision only) count the
waiting period from the day the main penalty, every supplementary penalty and the other
parts of the judgment (fines, damages, court fees) are ALL completed — the latest of those
dates. The result is an *expected* date ("dự kiến"): the product never states that a
record has been expunged. While a condition is unfinished or a date is unknown the date
is unknown too, and the result names each missing condition so the officer can chase it.

The period ends on the anniversary of the completion day (Civil Code Art. 147–148: the
first day is not counted, the period ends at the end of the corresponding day), and a
completion on 29 February ends on 28 February of a common year (see `dates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from desktop.formatting import format_date
from desktop.rules.dates import add_years
from desktop.rules.errors import RuleInputError
from desktop.rules.ruleset import THAHS_2025, RuleSet

MAIN_PENALTIES = (
    "prison",
    "life",
    "death_commuted",
    "non_custodial",
    "suspended",
    "fine",
    "warning",
)
_LIGHT = frozenset({"warning", "fine", "non_custodial", "suspended"})
_LONGEST = frozenset({"life", "death_commuted"})

# Art. 70(2)(b)-(c): "up to 5 years" and "over 5 up to 15 years", in months.
_UP_TO_5_YEARS = 60
_UP_TO_15_YEARS = 180

# Penal Code 2015, special part: first article of each chapter XIII … XXVI, and the last
# article of the code. Chapter XIII starts at Art. 108 and XXVI ends at Art. 425.
_CHAPTER_STARTS = (
    (108, 13),
    (123, 14),
    (157, 15),
    (168, 16),
    (181, 17),
    (188, 18),
    (235, 19),
    (247, 20),
    (260, 21),
    (330, 22),
    (352, 23),
    (367, 24),
    (392, 25),
    (421, 26),
)
_LAST_ARTICLE = 425

MISSING_OBLIGATIONS = "chưa chấp hành xong nghĩa vụ dân sự (tiền phạt, bồi thường, án phí)"
MISSING_SUPPLEMENTARY = "chưa hết hình phạt bổ sung"
MISSING_PROBATION_END = "thiếu ngày hết thời gian thử thách"
MISSING_MAIN_COMPLETED = "thiếu ngày chấp hành xong hình phạt chính"
MISSING_PRISON_TERM = "thiếu thời hạn phạt tù"


@dataclass(frozen=True)
class ExpungementResult:
    """The expected expungement date, or None with the reasons it cannot be computed yet."""

    expected_on: date | None
    article: Literal["70", "71"]
    waiting_years: int | None
    missing: tuple[str, ...]

    @property
    def by_court_decision(self) -> bool:
        """Art. 71: the person must apply and the court decides; nothing is automatic."""
        return self.article == "71"

    @property
    def label_vi(self) -> str:
        """What the person page shows: dự kiến 12/03/2027, or chưa xác định and what is missing.

        Art. 71 dates add "(do Tòa án quyết định)": the court decides, nothing is automatic.
        """
        if self.expected_on is None:
            return "chưa xác định: " + "; ".join(self.missing)
        label = f"dự kiến {format_date(self.expected_on)}"
        return f"{label} (do Tòa án quyết định)" if self.by_court_decision else label


def penal_code_chapter(article: int) -> int | None:
    """The chapter (13–26) of a Penal Code 2015 special-part article, None outside it."""
    if not _CHAPTER_STARTS[0][0] <= article <= _LAST_ARTICLE:
        return None
    return max(chapter for first, chapter in _CHAPTER_STARTS if first <= article)


def expungement_article(chapter: int | None, rs: RuleSet = THAHS_2025) -> Literal["70", "71"]:
    """Art. 71 for the chapters it lists, otherwise Art. 70.

    An unknown chapter (offence not entered yet) is taken as Art. 70: almost every person
    managed falls under it, and the result is only ever shown as expected.
    """
    return "71" if chapter in rs.art71_chapters else "70"


def sentence_band(main_penalty: str, prison_months: int | None) -> str | None:
    """The Art. 70(2)/71(2) band key; None when a prison term's length is not known."""
    if main_penalty not in MAIN_PENALTIES:
        raise RuleInputError("main_penalty", f"Loại hình phạt chính “{main_penalty}” không hợp lệ.")
    if prison_months is not None and prison_months < 0:
        raise RuleInputError("prison_months", "Thời hạn phạt tù không được âm.")
    if main_penalty in _LIGHT:
        return "light"
    if main_penalty in _LONGEST:
        return "over15"
    if prison_months is None:
        return None
    if prison_months <= _UP_TO_5_YEARS:
        return "upto5"
    return "5to15" if prison_months <= _UP_TO_15_YEARS else "over15"


def waiting_years(
    main_penalty: str, prison_months: int | None, chapter: int | None, rs: RuleSet = THAHS_2025
) -> int | None:
    """Years to wait after completing everything (Art. 70(2) or 71(2)); None if unknown."""
    band = sentence_band(main_penalty, prison_months)
    if band is None:
        return None
    table = (
        rs.expunge_years_art71
        if expungement_article(chapter, rs) == "71"
        else rs.expunge_years_art70
    )
    return table[band]


def _completion(
    main_penalty: str,
    main_completed_on: date | None,
    has_supplementary: bool,
    supplementary_until: date | None,
    has_obligations: bool,
    obligations_done_on: date | None,
) -> tuple[date | None, list[str]]:
    """The day everything was completed (latest date), or None with what is missing."""
    missing: list[str] = []
    if main_completed_on is None:
        # A suspended sentence is completed when its probation ends (Art. 70(2)).
        suspended = main_penalty == "suspended"
        missing.append(MISSING_PROBATION_END if suspended else MISSING_MAIN_COMPLETED)
    if has_supplementary and supplementary_until is None:
        missing.append(MISSING_SUPPLEMENTARY)
    if has_obligations and obligations_done_on is None:
        missing.append(MISSING_OBLIGATIONS)
    if missing:
        return None, missing
    dates = [main_completed_on, supplementary_until if has_supplementary else None]
    dates.append(obligations_done_on if has_obligations else None)
    return max(d for d in dates if d is not None), missing


def expected_expungement(
    main_penalty: str,
    prison_months: int | None,
    chapter: int | None,
    main_completed_on: date | None,
    has_supplementary: bool,
    supplementary_until: date | None,
    has_obligations: bool,
    obligations_done_on: date | None,
    reoffended_on: date | None = None,
    rs: RuleSet = THAHS_2025,
) -> ExpungementResult:
    """The expected expungement date of one judgment (SPEC §2, §4)."""
    years = waiting_years(main_penalty, prison_months, chapter, rs)
    completed_on, missing = _completion(
        main_penalty,
        main_completed_on,
        has_supplementary,
        supplementary_until,
        has_obligations,
        obligations_done_on,
    )
    if years is None:
        missing.append(MISSING_PRISON_TERM)
    expected = None if completed_on is None or years is None else add_years(completed_on, years)
    # A new crime up to the last day of the waiting period restarts it from the completion
    # of the new judgment; one committed after that day leaves the old record expunged.
    if reoffended_on is not None and (expected is None or reoffended_on <= expected):
        missing.append(
            f"phạm tội mới ngày {format_date(reoffended_on)}:"
            " thời hạn tính lại từ khi chấp hành xong bản án mới"
        )
        expected = None
    return ExpungementResult(expected, expungement_article(chapter, rs), years, tuple(missing))


def judgment_part_present(text: str, until: date | None) -> bool:
    """Whether a judgment imposes a supplementary penalty or civil obligation.

    Written either as words or only as an end/completion date: either one means it exists
    and must be finished before the waiting period can run.
    """
    return bool(text.strip()) or until is not None


def expected_expungement_of_case(
    *,
    main_penalty: str,
    prison_months: int | None,
    chapter: int | None,
    release_type: str,
    release_date: date | None,
    probation_until: date | None,
    supplementary: str,
    supplementary_until: date | None,
    obligations: str,
    obligations_done_on: date | None,
    first_new_crime: date | None,
    rs: RuleSet,
) -> ExpungementResult:
    """The expected expungement of a released person's case — the one definition the person
    page, the dashboard and the report figures share.

    A suspended sentence or a conditional early release (Penal Code Art. 66) is served only
    when the probation ends; any other main penalty on the day of release.
    """
    conditional = main_penalty == "suspended" or release_type == "conditional"
    return expected_expungement(
        main_penalty=main_penalty,
        prison_months=prison_months,
        chapter=chapter,
        main_completed_on=probation_until if conditional else release_date,
        has_supplementary=judgment_part_present(supplementary, supplementary_until),
        supplementary_until=supplementary_until,
        has_obligations=judgment_part_present(obligations, obligations_done_on),
        obligations_done_on=obligations_done_on,
        reoffended_on=first_new_crime,
        rs=rs,
    )
