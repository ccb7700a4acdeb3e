"""Period locking: a signed report freezes the figures of its period (SPEC §3, REPORTS.md §3).

Once a report of a unit is signed, every record of that unit dated inside the report's
period [start, end] is part of a signed figure. Creating, editing or deleting such a record
is refused unless the officer gives a reason; the change is then kept as an `Adjustment`
that the unit's next report lists, while the signed snapshot stays exactly as it was.

`check_unlocked` is the one check; the write services call it through `guard`, which also
remembers which locks a reason overrode so the adjustment rows can be written once the
record has its id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models import RecordMixin, ReportRecord
from desktop.models.admin import Adjustment
from desktop.rules.periods import Period, PeriodKind
from desktop.services import records, validation
from desktop.services.access import Actor
from desktop.services.errors import PeriodLocked

SIGNED = "signed"
_KINDS: dict[str, PeriodKind] = {"M": "month", "Q": "quarter", "H": "half", "Y": "year"}


@dataclass(frozen=True)
class ReportRecordInfo:
    """A stored report without its snapshot text: what lists and lock messages show."""

    id: str
    unit_code: str
    form: str
    period_code: str
    period_start: date
    period_end: date
    revision: int
    snapshot_sha256: str
    pdf_sha256: str | None
    xlsx_sha256: str | None
    produced_by: str
    produced_at: datetime
    signer: str | None
    signature_state: str
    signed_at: datetime | None

    @property
    def period(self) -> Period:
        """The report's period, rebuilt from its stored code and dates."""
        return period_from_code(self.period_code, self.period_start, self.period_end)

    @property
    def signed(self) -> bool:
        """Whether the report is signed, and so locks its period."""
        return self.signature_state == SIGNED


def period_from_code(code: str, start: date, end: date) -> Period:
    """The Period stored as (code, start, end): the kind is read from the code's letter.

    The dates are kept as stored rather than parsed again, because the unit's period
    convention may have changed since the report was made.
    """
    if ".." in code:
        return Period(code, "custom", start, end)
    letter = code[5:6] if len(code) > 5 else "Y"
    return Period(code, _KINDS.get(letter, "custom"), start, end)


def report_info(row: ReportRecord) -> ReportRecordInfo:
    """The plain view of a report row."""
    return ReportRecordInfo(
        id=row.id, unit_code=row.unit_code, form=row.form, period_code=row.period_code,
        period_start=row.period_start, period_end=row.period_end, revision=row.revision,
        snapshot_sha256=row.snapshot_sha256, pdf_sha256=row.pdf_sha256,
        xlsx_sha256=row.xlsx_sha256, produced_by=row.produced_by, produced_at=row.created_at,
        signer=row.signer, signature_state=row.signature_state, signed_at=row.signed_at,
    )


def locked_period_for(session: Session, unit_code: str, day: date) -> ReportRecordInfo | None:
    """The signed report of `unit_code` whose period contains `day`, if any.

    When several signed reports cover the day (a month inside a signed quarter), the one
    signed first is named: it is the figure that was frozen first.
    """
    row = session.scalar(
        select(ReportRecord).where(
            ReportRecord.unit_code == unit_code, ReportRecord.deleted_at.is_(None),
            ReportRecord.signature_state == SIGNED,
            ReportRecord.period_start <= day, ReportRecord.period_end >= day,
        ).order_by(ReportRecord.signed_at, ReportRecord.id).limit(1)
    )
    return report_info(row) if row is not None else None


def _lock_message(lock: ReportRecordInfo) -> str:
    period = lock.period
    return (
        f"Kỳ báo cáo {period.label_vi} ({lock.form}, {period.dates_vi}) đã ký và khóa; "
        "chỉ được điều chỉnh kèm lý do."
    )


def clean_reason(adjustment_reason: str | None) -> str:
    """The reason as stored: NFC, tidy, at most 500 characters; empty when none was given."""
    return validation.text("adjustment_reason", adjustment_reason, max_len=500,
                           label="Lý do điều chỉnh")


def check_unlocked(session: Session, actor: Actor, day: date | None, field: str,
                   adjustment_reason: str | None) -> ReportRecordInfo | None:
    """Refuse a write dated `day` inside a locked period of the actor's unit, unless a
    reason is given; returns the lock the reason overrides (None when `day` is free)."""
    if day is None:
        return None
    lock = locked_period_for(session, actor.unit_code, day)
    if lock is None:
        return None
    if not clean_reason(adjustment_reason):
        raise PeriodLocked(field, _lock_message(lock))
    return lock


@dataclass(frozen=True)
class Guard:
    """The locks a write touches (each with the date field that hit it) and the reason."""

    hits: tuple[tuple[str, date, ReportRecordInfo], ...]
    reason: str

    def record(self, session: Session, actor: Actor, row: RecordMixin, action: str) -> None:
        """Write one adjustment per overridden lock, naming the changed record."""
        seen: set[tuple[str, str]] = set()
        for field, day, lock in self.hits:
            # An edit moving a date within one locked period is one adjustment, not two.
            if (lock.id, field) in seen:
                continue
            seen.add((lock.id, field))
            records.create(session, actor, Adjustment, report_id=lock.id,
                           entity=records.entity_name(type(row)), entity_id=row.id,
                           action=action, field=field, day=day, reason=self.reason,
                           created_by=actor.username)


def guard(session: Session, actor: Actor, adjustment_reason: str | None,
          *dated: tuple[str, date | None]) -> Guard:
    """Check every (field, date) a write touches — for an edit, the old and the new date."""
    hits = []
    for field, day in dated:
        lock = check_unlocked(session, actor, day, field, adjustment_reason)
        if lock is not None and day is not None:
            hits.append((field, day, lock))
    return Guard(tuple(hits), clean_reason(adjustment_reason) if hits else "")


@dataclass(frozen=True)
class AdjustmentInfo:
    """One recorded adjustment, for the next report's "adjustments" section."""

    id: str
    report_id: str
    report_form: str
    report_period_code: str
    report_period_start: date
    report_period_end: date
    entity: str
    entity_id: str
    action: str
    field: str
    day: date
    reason: str
    created_by: str
    created_at: datetime

    @property
    def report_period(self) -> Period:
        """The locked period the adjustment changed."""
        return period_from_code(self.report_period_code, self.report_period_start,
                                self.report_period_end)


def adjustments_since(session: Session, unit_code: str, after: datetime | None,
                      before_day: date) -> list[AdjustmentInfo]:
    """The unit's adjustments to periods ending before `before_day`, made after `after`."""
    stmt = (
        select(Adjustment, ReportRecord.form, ReportRecord.period_code,
               ReportRecord.period_start, ReportRecord.period_end)
        .join(ReportRecord, ReportRecord.id == Adjustment.report_id)
        .where(Adjustment.unit_code == unit_code, Adjustment.deleted_at.is_(None),
               ReportRecord.period_end < before_day)
        .order_by(Adjustment.created_at, Adjustment.id)
    )
    if after is not None:
        stmt = stmt.where(Adjustment.created_at > after)
    return [
        AdjustmentInfo(
            id=a.id, report_id=a.report_id, report_form=form, report_period_code=code,
            report_period_start=start, report_period_end=end, entity=a.entity,
            entity_id=a.entity_id, action=a.action, field=a.field, day=a.day,
            reason=a.reason, created_by=a.created_by, created_at=a.created_at,
        )
        for a, form, code, start, end in session.execute(stmt)
    ]


def last_signed_before(session: Session, unit_code: str, form: str,
                       before_day: date) -> ReportRecordInfo | None:
    """The latest signed report of this form whose period ended before `before_day`."""
    row = session.scalar(
        select(ReportRecord).where(
            ReportRecord.unit_code == unit_code, ReportRecord.form == form,
            ReportRecord.deleted_at.is_(None), ReportRecord.signature_state == SIGNED,
            ReportRecord.period_end < before_day,
        ).order_by(ReportRecord.period_end.desc(), ReportRecord.revision.desc()).limit(1)
    )
    return report_info(row) if row is not None else None


def signed_reports(session: Session, unit_code: str,
                   forms: Iterable[str] | None = None) -> list[ReportRecordInfo]:
    """The unit's signed reports, oldest period first (optionally of some forms only)."""
    stmt = select(ReportRecord).where(
        ReportRecord.unit_code == unit_code, ReportRecord.deleted_at.is_(None),
        ReportRecord.signature_state == SIGNED,
    )
    if forms is not None:
        stmt = stmt.where(ReportRecord.form.in_(list(forms)))
    return [report_info(r) for r in session.scalars(stmt.order_by(ReportRecord.period_start))]
