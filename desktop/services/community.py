"""Community models (mô hình) and exemplary individuals (điển hình), counted in reports.

A model is a group activity of the commune (a self-management team, a reintegration club…);
an exemplary individual is one of the unit's people recognised for their progress, so it
must name that person. Neither is deleted when it stops: it is ended, and the reports count
the models active at a period's end (REPORTS.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from desktop.db import Database
from desktop.formatting import format_date
from desktop.models import COMMUNITY_KINDS, CommunityModel, Person
from desktop.services import records, validation
from desktop.services.access import Action, Actor, require
from desktop.services.casework import free_text, label, person_in_care, today_or
from desktop.services.errors import ValidationError
from desktop.services.labels import COMMUNITY_KIND_LABELS, COMMUNITY_STATUS_LABELS


@dataclass(frozen=True)
class CommunityModelView:
    """A model or exemplary individual; `person_name` is set for an exemplary individual."""

    id: str
    version: int
    kind: str
    kind_label: str
    name: str
    start_date: date
    end_date: date | None
    members: str
    status: str
    status_label: str
    person_id: str | None
    person_name: str


def model_view(m: CommunityModel, person_name: str = "") -> CommunityModelView:
    """The plain view of a community model row."""
    return CommunityModelView(
        id=m.id, version=m.version, kind=m.kind, kind_label=label(COMMUNITY_KIND_LABELS, m.kind),
        name=m.name, start_date=m.start_date, end_date=m.end_date, members=m.members,
        status=m.status, status_label=label(COMMUNITY_STATUS_LABELS, m.status),
        person_id=m.person_id, person_name=person_name,
    )


def add_community_model(db: Database, actor: Actor, kind: str, name: str, start_date: date,
                        members: str = "", person_id: str | None = None,
                        today: date | None = None) -> CommunityModelView:
    """Register a model, or an exemplary individual (which needs `person_id`)."""
    require(actor, Action.EDIT_RECORDS)
    code = validation.one_of("kind", kind, COMMUNITY_KINDS, COMMUNITY_KIND_LABELS,
                             label="Loại mô hình")
    clean_name = validation.text("name", name, required=True, max_len=200,
                                 label="Tên mô hình, điển hình")
    clean_members = free_text("members", members)
    validation.not_future("start_date", start_date, today_or(today))
    if code == "exemplary" and not person_id:
        raise ValidationError("person_id", "Điển hình cá nhân phải chọn người được ghi nhận.")
    with db.transaction() as session:
        person_name = ""
        if person_id:
            person = person_in_care(session, actor, person_id, doing="ghi nhận điển hình")
            if person.received_on is not None:
                validation.not_before("start_date", start_date, person.received_on,
                                      "ngày tiếp nhận người này")
            person_name = person.full_name
        row = records.create(session, actor, CommunityModel, kind=code, name=clean_name,
                             start_date=start_date, members=clean_members, status="active",
                             person_id=person_id or None)
        return model_view(row, person_name)


def end_community_model(db: Database, actor: Actor, model_id: str, end_date: date,
                        today: date | None = None) -> CommunityModelView:
    """The model stopped (or the recognition lapsed) on `end_date`, its last active day."""
    require(actor, Action.EDIT_RECORDS)
    validation.not_future("end_date", end_date, today_or(today))
    with db.transaction() as session:
        row = records.get_owned(session, CommunityModel, model_id, actor)
        if row.end_date is not None:
            raise ValidationError("end_date", f"“{row.name}” đã kết thúc từ ngày "
                                              f"{format_date(row.end_date)}.")
        validation.not_before("end_date", end_date, row.start_date, "ngày bắt đầu")
        records.update(session, actor, row, {"end_date": end_date, "status": "ended"},
                       action="end")
        person = session.get(Person, row.person_id) if row.person_id else None
        return model_view(row, person.full_name if person is not None else "")


def delete_community_model(db: Database, actor: Actor, model_id: str, reason: str = "") -> None:
    """Remove a model entered by mistake (one that really ran is ended, not deleted)."""
    require(actor, Action.EDIT_RECORDS)
    why = validation.text("reason", reason, max_len=500)
    with db.transaction() as session:
        row = records.get_owned(session, CommunityModel, model_id, actor)
        records.soft_delete(session, actor, row, why)


def list_community_models(db: Database, actor: Actor, kind: str | None = None,
                          active_on: date | None = None) -> list[CommunityModelView]:
    """The unit's models and exemplary individuals, newest first; `active_on` keeps those
    running on that day, `kind` one kind only."""
    require(actor, Action.READ)
    query = (select(CommunityModel, Person.full_name)
             .outerjoin(Person, Person.id == CommunityModel.person_id)
             .where(CommunityModel.unit_code == actor.unit_code,
                    CommunityModel.deleted_at.is_(None)))
    if kind is not None:
        query = query.where(CommunityModel.kind == validation.one_of(
            "kind", kind, COMMUNITY_KINDS, COMMUNITY_KIND_LABELS, label="Loại mô hình"))
    if active_on is not None:
        query = query.where(CommunityModel.start_date <= active_on, or_(
            CommunityModel.end_date.is_(None), CommunityModel.end_date >= active_on))
    query = query.order_by(CommunityModel.start_date.desc(), CommunityModel.name)
    with db.reading() as session:
        return [model_view(m, name or "") for m, name in session.execute(query)]
