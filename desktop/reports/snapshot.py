"""Report snapshots: the figures of a report, frozen, hashed and stored (REPORTS.md §3).

`produce_snapshot` computes a form's figures once, writes them as canonical JSON (sorted
keys, UTF-8, no spaces) with its SHA-256 into a `ReportRecord`, and returns them. The PDF,
the XLSX and the USB package all render from that stored snapshot, so the three can never
disagree. Signing (`mark_signed`) locks the report's period for its unit
(`services.locking`); a signed snapshot is never rewritten. A paper about one person
(HCD-02 … HCD-11) is stored the same way, with the person's data, but never locks a period.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.models import ReportRecord, Unit, new_id, utcnow
from desktop.reports.catalog import NARRATIVE_SECTIONS, FormDef, get_form
from desktop.reports.contents import adjustments_for, collect
from desktop.reports.person_contents import PersonRequest, collect_person
from desktop.rules.periods import Period, parse_period
from desktop.services import records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.audit import write_audit
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.locking import SIGNED, ReportRecordInfo, period_from_code, report_info

SCHEMA = 1
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class UnitInfo:
    """The issuing unit as printed on the report: names, place, signers, recipients."""

    code: str
    name: str
    province: str
    place_name: str
    parent_agency: str
    recipient_name: str
    police_chief: str
    police_chief_title: str
    chairperson: str
    chairperson_title: str
    signer_prefix: str
    doc_symbol: str
    report_recipients: tuple[str, ...]
    period_convention: str
    year_start_month: int

    @classmethod
    def of(cls, unit: Unit) -> UnitInfo:
        """The unit row's printable fields; recipients are one per line."""
        lines = tuple(line.strip() for line in unit.report_recipients.splitlines() if line.strip())
        values = {name: getattr(unit, name) for name in cls.__dataclass_fields__}
        return cls(**{**values, "report_recipients": lines})

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UnitInfo:
        """The unit as stored in a snapshot."""
        return cls(**{**data, "report_recipients": tuple(data["report_recipients"])})


@dataclass(frozen=True)
class ReportSnapshot:
    """A stored report's figures and everything printed around them.

    `data` is the snapshot exactly as stored (parsed back from `snapshot_json`); `figures`
    is its main figure set (the unit's, or the all-unit total of a consolidation).
    """

    report_id: str
    form: str
    revision: int
    period: Period
    unit: UnitInfo
    figures: Mapping[str, Any]
    data: Mapping[str, Any]
    snapshot_json: str
    sha256: str
    produced_at: datetime
    produced_by: str

    @property
    def form_def(self) -> FormDef:
        """The form's definition (scope, summary line)."""
        return get_form(self.form)

    @property
    def qr_payload(self) -> str:
        """What the QR code on the last page holds: form, unit, period (and the person of a
        person's paper), snapshot hash."""
        person = self.data.get("person_id")
        subject = f"person={person};" if person else ""
        return (f"HOANHAP;form={self.form};unit={self.unit.code};period={self.period.code};"
                f"{subject}rev={self.revision};sha256={self.sha256}")


def canonical_json(data: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, non-ASCII kept: the same data always gives the same text."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256_hex(payload: str | bytes) -> str:
    """SHA-256 of the UTF-8 text (or of the bytes), as 64 lowercase hex digits."""
    raw = payload.encode("utf-8") if isinstance(payload, str) else payload
    return hashlib.sha256(raw).hexdigest()


def _unit(session: Session, code: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.code == code, Unit.deleted_at.is_(None)))
    if unit is None:
        raise NotFound(f"Không có đơn vị mã {code} trong cơ sở dữ liệu.")
    return unit


def _issuer(session: Session, actor: Actor, form: FormDef, unit_code: str | None) -> Unit:
    """The unit the report is about; a consolidation is issued by the actor's own unit."""
    if form.scope == "all_units":
        if unit_code not in (None, actor.unit_code):
            raise ValidationError("unit", f"Mẫu {form.code} tổng hợp mọi đơn vị; "
                                          "không chọn một đơn vị riêng.")
        return _unit(session, actor.unit_code)
    return _unit(session, unit_code or actor.unit_code)


def _period(unit: Unit, form: FormDef, period: str | Period | None) -> Period:
    if period is None:
        raise ValidationError("period", f"Mẫu {form.code} cần kỳ báo cáo (ví dụ 2026-Q3).")
    if isinstance(period, str):
        period = validation.rule(parse_period, period, unit.period_convention,
                                 unit.year_start_month)
    form.check_period(period)
    return period


def _narrative(form: FormDef, narrative: Mapping[str, str] | None) -> dict[str, str]:
    """The officer's replacement texts, checked: only HCD-13 has narrative sections."""
    if not narrative:
        return {}
    if form.base != "HCD-13":
        raise ValidationError("narrative", f"Mẫu {form.code} không có phần nội dung viết.")
    unknown = set(narrative) - set(NARRATIVE_SECTIONS)
    if unknown:
        raise ValidationError("narrative", f"Không có phần “{', '.join(sorted(unknown))}” "
                                           "trong báo cáo HCD-13.")
    return {key: validation.text(f"narrative.{key}", value, max_len=20_000, multiline=True,
                                 label=NARRATIVE_SECTIONS[key])
            for key, value in narrative.items() if value.strip()}


def _next_revision(session: Session, unit: Unit, form: FormDef, period: Period) -> int:
    """Previous max + 1; refused once a revision is signed (its figures are frozen)."""
    same = (ReportRecord.unit_code == unit.code, ReportRecord.form == form.code,
            ReportRecord.period_code == period.code)
    signed = session.scalar(select(ReportRecord).where(
        *same, ReportRecord.deleted_at.is_(None), ReportRecord.signature_state == SIGNED))
    if signed is not None:
        raise ServiceError(
            f"Báo cáo {form.code} {period.label_vi} đã được ký (lần lập {signed.revision}); "
            "không lập lại được. Các điều chỉnh sẽ được liệt kê trong báo cáo kỳ sau.")
    return int(session.scalar(select(func.max(ReportRecord.revision)).where(*same)) or 0) + 1


def _period_json(period: Period) -> dict[str, str]:
    return {"code": period.code, "kind": period.kind, "start": period.start.isoformat(),
            "end": period.end.isoformat(), "label": period.label_vi}


def _store(session: Session, actor: Actor, unit: Unit, form: FormDef, period: Period,
           data: dict[str, Any], now: datetime) -> ReportSnapshot:
    text = canonical_json(data)
    digest = sha256_hex(text)
    row = ReportRecord(
        id=new_id(), unit_code=unit.code, version=1, created_at=now, updated_at=now,
        form=form.code, period_code=period.code, period_start=period.start,
        period_end=period.end, revision=data["revision"], snapshot_json=text,
        snapshot_sha256=digest, produced_by=actor.username, signature_state="unsigned",
    )
    session.add(row)
    session.flush()
    write_audit(session, actor, "produce", "reports", row.id,
                {"form": (None, form.code), "period_code": (None, period.code),
                 "revision": (None, row.revision), "snapshot_sha256": (None, digest)},
                unit_code=unit.code)
    return _from_row(row)


def _subject(form: FormDef, person: PersonRequest | None) -> None:
    """A paper about one person needs the person; a unit's report takes none."""
    if form.scope == "person" and person is None:
        raise ValidationError("person", f"Mẫu {form.code} lập cho một người: hãy chọn người.")
    if form.scope != "person" and person is not None:
        raise ValidationError("person", f"Mẫu {form.code} là báo cáo của đơn vị, không lập "
                                        "cho một người.")


def _contents(session: Session, actor: Actor, form: FormDef, unit: Unit,
              period: str | Period | None,
              person: PersonRequest | None) -> tuple[Period, dict[str, Any]]:
    """The period and what the snapshot carries besides its header fields."""
    if person is not None:
        # A person's paper corrects nothing in the unit's figures: no adjustments list.
        chosen, data = collect_person(session, actor, form, unit, period, person)
        return chosen, {"adjustments": [], **data}
    chosen = _period(unit, form, period)
    # Corrections to signed periods concern the statistics, which a list does not print.
    adjustments = adjustments_for(session, form, unit.code, chosen) if form.statistics else []
    return chosen, {"adjustments": adjustments, **collect(session, form, unit, chosen)}


def produce_snapshot(db: Database, actor: Actor, form: str, period: str | Period | None,
                     unit_code: str | None = None,
                     narrative: Mapping[str, str] | None = None,
                     person: PersonRequest | None = None) -> ReportSnapshot:
    """Compute `form` for the unit (the actor's by default) over `period`, store it as a
    new revision of that report, and return the stored snapshot. A person's paper takes
    `person`; its period may be None (then it is the day or range the paper is about)."""
    require(actor, Action.PRODUCE_REPORTS)
    form_def = get_form(form)
    texts = _narrative(form_def, narrative)
    _subject(form_def, person)
    with db.transaction() as session:
        unit = _issuer(session, actor, form_def, unit_code)
        chosen, contents = _contents(session, actor, form_def, unit, period, person)
        now = utcnow()
        data: dict[str, Any] = {
            "schema": SCHEMA, "form": form_def.code, "scope": form_def.scope,
            "unit": asdict(UnitInfo.of(unit)), "period": _period_json(chosen),
            "revision": _next_revision(session, unit, form_def, chosen),
            "produced_at": now.isoformat(), "produced_by": actor.username, **contents,
        }
        if texts:
            data["narrative"] = texts
        return _store(session, actor, unit, form_def, chosen, data, now)


def _from_row(row: ReportRecord) -> ReportSnapshot:
    """The snapshot of a stored report, refused if its text no longer matches its hash."""
    if sha256_hex(row.snapshot_json) != row.snapshot_sha256:
        raise ServiceError(f"Số liệu của báo cáo {row.form} {row.period_code} (lần lập "
                           f"{row.revision}) không khớp mã kiểm tra: dữ liệu đã bị sửa.")
    data = json.loads(row.snapshot_json)
    period = period_from_code(data["period"]["code"], date.fromisoformat(data["period"]["start"]),
                              date.fromisoformat(data["period"]["end"]))
    return ReportSnapshot(
        report_id=row.id, form=row.form, revision=row.revision, period=period,
        unit=UnitInfo.from_json(data["unit"]), figures=data["figures"], data=data,
        snapshot_json=row.snapshot_json, sha256=row.snapshot_sha256,
        produced_at=datetime.fromisoformat(data["produced_at"]), produced_by=row.produced_by,
    )


def _report(session: Session, report_id: str) -> ReportRecord:
    row = session.get(ReportRecord, report_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(f"Không tìm thấy báo cáo mã {report_id}.")
    return row


def load_snapshot(db: Database, actor: Actor, report_id: str) -> ReportSnapshot:
    """A stored report's snapshot, to render its PDF or XLSX again."""
    require(actor, Action.READ)
    with db.reading() as session:
        return _from_row(_report(session, report_id))


def _check_hash(field: str, value: str | None) -> str | None:
    if value is not None and not _SHA256.fullmatch(value):
        raise ValidationError(field, "Mã SHA-256 phải gồm 64 chữ số thập lục phân viết thường.")
    return value


def record_file_hashes(db: Database, actor: Actor, report_id: str,
                       pdf_sha256: str | None = None,
                       xlsx_sha256: str | None = None) -> ReportRecordInfo:
    """Remember the hashes of the files written from a snapshot.

    The PDF hash of a signed report is the signed file's and never changes afterwards.
    """
    require(actor, Action.PRODUCE_REPORTS)
    values = {k: v for k, v in (("pdf_sha256", _check_hash("pdf_sha256", pdf_sha256)),
                                ("xlsx_sha256", _check_hash("xlsx_sha256", xlsx_sha256)))
              if v is not None}
    with db.transaction() as session:
        row = _report(session, report_id)
        if row.signature_state == SIGNED and values.get("pdf_sha256", row.pdf_sha256) \
                != row.pdf_sha256:
            raise ServiceError("Báo cáo đã ký: không thay được tệp PDF đã ký.")
        records.update(session, actor, row, values, action="file_hashes")
        return report_info(row)


def mark_signed(db: Database, actor: Actor, report_id: str, signer: str,
                signed_at: datetime, pdf_sha256: str | None) -> ReportRecordInfo:
    """Record the report as signed, which locks its period for its unit."""
    require(actor, Action.SIGN_REPORTS)
    name = validation.text("signer", signer, required=True, max_len=200, label="Người ký")
    if signed_at.tzinfo is None:
        raise ValidationError("signed_at", "Thời điểm ký phải có múi giờ.")
    digest = _check_hash("pdf_sha256", pdf_sha256)
    with db.transaction() as session:
        row = _report(session, report_id)
        if row.unit_code != actor.unit_code:
            raise NotFound(f"Không tìm thấy báo cáo mã {report_id} của đơn vị "
                           f"{actor.unit_code}.")
        if row.signature_state == SIGNED:
            raise ServiceError(f"Báo cáo {row.form} {row.period_code} đã được ký trước đó.")
        if get_form(row.form).scope == "person":
            # Signing locks the unit's period (services.locking): a paper about one person
            # must not freeze every record dated that day.
            raise ServiceError(f"Mẫu {row.form} là giấy tờ về một người: ký tay, đóng dấu "
                               "trên bản in; không ký số và khóa kỳ báo cáo.")
        values: dict[str, Any] = {"signature_state": SIGNED, "signer": name,
                                  "signed_at": signed_at}
        if digest is not None:
            values["pdf_sha256"] = digest
        records.update(session, actor, row, values, action="sign")
        return report_info(row)


def list_reports(db: Database, actor: Actor,
                 unit_code: str | None = None) -> list[ReportRecordInfo]:
    """Stored reports (of one unit, or of every unit held), latest period first."""
    require(actor, Action.READ)
    stmt = select(ReportRecord).where(ReportRecord.deleted_at.is_(None))
    if unit_code is not None:
        stmt = stmt.where(ReportRecord.unit_code == unit_code)
    stmt = stmt.order_by(ReportRecord.period_start.desc(), ReportRecord.form,
                         ReportRecord.revision.desc())
    with db.reading() as session:
        return [report_info(r) for r in session.scalars(stmt)]
