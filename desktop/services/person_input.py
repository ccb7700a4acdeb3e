"""What the reception form sends for a person and a judgment, and how it is checked.

Validation turns the form's input into column values or raises `ValidationError` naming the
field; it never touches the database except `check_unique_id`, which needs the unit's
people. Use cases validate everything first and write afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.formatting import format_date
from desktop.models import MAIN_PENALTIES, RELEASE_TYPES, Person
from desktop.rules.identity import GENDERS, BirthDate, check_id_number, parse_birth_date
from desktop.services import validation
from desktop.services.access import Actor
from desktop.services.errors import ValidationError
from desktop.services.labels import GENDER_LABELS, PENALTY_LABELS, RELEASE_TYPE_LABELS
from desktop.services.person_views import birth_display
from desktop.text import fold, tidy_person_name

MIN_AGE_AT_RELEASE, MAX_AGE_AT_RELEASE = 14, 100
# The longest total prison term Vietnamese law allows for several crimes (Penal Code Art. 55).
MAX_PRISON_MONTHS = 30 * 12
_PHONE = re.compile(r"\+?[0-9][0-9 .\-]*")


@dataclass(frozen=True)
class PersonInput:
    """The person's profile as typed; `birth_date` is "YYYY-MM-DD", "dd/mm/yyyy" or "YYYY"."""

    full_name: str
    gender: str
    birth_date: str
    id_number: str = ""
    other_names: str = ""
    ethnicity: str = "Kinh"
    religion: str = ""
    place_of_origin: str = ""
    permanent_address: str = ""
    current_address: str = ""
    residential_area: str = ""
    phone: str = ""
    education: str = ""
    occupation: str = ""
    family_situation: str = ""
    release_date: date | None = None
    release_type: str = "completed"
    prison: str = ""
    certificate_number: str = ""


@dataclass(frozen=True)
class JudgmentInput:
    """The judgment as typed; `prison_months` is the main prison term, None for life."""

    court: str = ""
    judgment_number: str = ""
    judgment_date: date | None = None
    offences: str = ""
    penal_articles: str = ""
    chapter: int | None = None
    main_penalty: str = "prison"
    prison_months: int | None = None
    probation_until: date | None = None
    supplementary: str = ""
    supplementary_until: date | None = None
    obligations: str = ""
    obligations_done_on: date | None = None
    prior_convictions: int = 0


# Free-text fields: (maximum length, keeps line breaks). Lengths follow the columns.
_PERSON_TEXTS: dict[str, tuple[int, bool]] = {
    "other_names": (200, False), "ethnicity": (50, False), "religion": (50, False),
    "place_of_origin": (300, False), "permanent_address": (300, False),
    "current_address": (300, False), "residential_area": (100, False),
    "education": (50, False), "occupation": (100, False), "family_situation": (4000, True),
    "prison": (200, False), "certificate_number": (50, False),
}
_JUDGMENT_TEXTS: dict[str, tuple[int, bool]] = {
    "court": (200, False), "judgment_number": (50, False), "offences": (2000, True),
    "penal_articles": (100, False), "supplementary": (2000, True),
    "obligations": (2000, True),
}


def _texts(source: object, spec: dict[str, tuple[int, bool]]) -> dict[str, Any]:
    return {
        name: validation.text(name, getattr(source, name), max_len=n, multiline=multi)
        for name, (n, multi) in spec.items()
    }


def _birth(raw: str, release_date: date | None, today: date) -> BirthDate:
    """A plausible date of birth: not in the future, 14 to 100 years old at release."""
    if not raw.strip():
        raise ValidationError("birth_date", "Ngày sinh không được để trống.")
    birth = validation.rule(parse_birth_date, raw)
    if birth.earliest > today:
        raise ValidationError(
            "birth_date",
            f"Ngày sinh ({birth.display}) không được sau ngày hôm nay ({format_date(today)}).",
        )
    at = release_date or today
    age = birth.age_at(at)
    if not MIN_AGE_AT_RELEASE <= age <= MAX_AGE_AT_RELEASE:
        raise ValidationError(
            "birth_date",
            f"Với ngày sinh {birth.display}, người này {age} tuổi vào ngày ra trại "
            f"{format_date(at)}; tuổi khi ra trại phải từ {MIN_AGE_AT_RELEASE} đến "
            f"{MAX_AGE_AT_RELEASE}. Hãy kiểm tra lại ngày sinh và ngày ra trại.",
        )
    return birth


def _id_number(raw: str, gender: str, birth_year: int) -> tuple[str | None, bool]:
    """(number, is legacy CMND); empty is allowed, since not everyone has one yet."""
    if not raw.strip():
        return None, False
    check = validation.rule(check_id_number, raw, gender, birth_year)
    if check.problems:
        raise ValidationError("id_number", " ".join(check.problems))
    return check.normalized, check.legacy


def _phone(raw: str) -> str:
    phone = validation.text("phone", raw, max_len=30)
    digits = sum(ch.isdigit() for ch in phone)
    if phone and (not _PHONE.fullmatch(phone) or not 8 <= digits <= 15):
        raise ValidationError(
            "phone",
            f"Số điện thoại “{phone}” không hợp lệ: chỉ gồm 8 đến 15 chữ số, có thể có dấu +"
            " ở đầu, dấu cách, dấu chấm hoặc gạch ngang.",
        )
    return phone


def validate_person(p: PersonInput, today: date) -> dict[str, Any]:
    """Person column values from the form, or ValidationError naming the first bad field."""
    values = _texts(p, _PERSON_TEXTS)
    full_name = tidy_person_name(validation.text("full_name", p.full_name, required=True))
    gender = validation.one_of("gender", p.gender, GENDERS, GENDER_LABELS)
    release_date = validation.required_date("release_date", p.release_date)
    birth = _birth(p.birth_date, release_date, today)
    id_number, id_legacy = _id_number(p.id_number, gender, birth.year)
    values.update(
        full_name=full_name, name_folded=fold(full_name), gender=gender,
        birth_date=birth.iso, id_number=id_number, id_legacy=id_legacy,
        phone=_phone(p.phone), release_date=release_date,
        release_type=validation.one_of("release_type", p.release_type, RELEASE_TYPES,
                                       RELEASE_TYPE_LABELS),
    )
    return values


def _prison_months(main_penalty: str, months: int | None) -> int | None:
    """A fixed prison term needs its length; life and commuted death have none."""
    if main_penalty in ("life", "death_commuted"):
        if months is not None:
            raise ValidationError(
                "prison_months",
                f"{PENALTY_LABELS[main_penalty]} không có thời hạn tính bằng tháng: "
                "hãy để trống ô thời hạn tù.",
            )
        return None
    required = main_penalty == "prison"
    return validation.int_range("prison_months", months, 1, MAX_PRISON_MONTHS,
                                required=required)


def _judgment_dates(j: JudgmentInput, today: date) -> dict[str, Any]:
    """The judgment's dates: none of the later ones may precede the judgment itself."""
    judged = j.judgment_date
    if judged is not None:
        validation.not_future("judgment_date", judged, today)
    later = {"probation_until": j.probation_until,
             "supplementary_until": j.supplementary_until,
             "obligations_done_on": j.obligations_done_on}
    for name, d in later.items():
        if d is not None and judged is not None:
            validation.not_before(name, d, judged, "ngày tuyên án")
    # Obligations are recorded as done only once they are: a future date is a typing slip.
    if j.obligations_done_on is not None:
        validation.not_future("obligations_done_on", j.obligations_done_on, today)
    return {"judgment_date": judged, **later}


def validate_judgment(j: JudgmentInput, today: date) -> dict[str, Any]:
    """Judgment column values from the form, or ValidationError naming the first bad field."""
    values = _texts(j, _JUDGMENT_TEXTS)
    penalty = validation.one_of("main_penalty", j.main_penalty, MAIN_PENALTIES, PENALTY_LABELS)
    values.update(
        main_penalty=penalty,
        prison_months=_prison_months(penalty, j.prison_months),
        chapter=validation.int_range("chapter", j.chapter, 1, 26),
        prior_convictions=validation.int_range("prior_convictions", j.prior_convictions, 0,
                                               99, required=True),
        **_judgment_dates(j, today),
    )
    return values


def judgment_before_release(judgment_date: date | None, release_date: date | None) -> None:
    """A person cannot be released from a judgment pronounced after the release."""
    if judgment_date is not None and release_date is not None and judgment_date > release_date:
        raise ValidationError(
            "judgment_date",
            f"Ngày tuyên án ({format_date(judgment_date)}) không được sau ngày ra trại "
            f"({format_date(release_date)}).",
        )


def check_unique_id(session: Session, actor: Actor, id_number: str | None,
                    exclude_id: str | None = None) -> None:
    """Refuse an ID number another live person of the unit already has, naming that person."""
    if id_number is None:
        return
    query = select(Person).where(
        Person.unit_code == actor.unit_code, Person.id_number == id_number,
        Person.deleted_at.is_(None),
    )
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    other = session.scalars(query.limit(1)).first()
    if other is not None:
        raise ValidationError(
            "id_number",
            f"Số CCCD/CMND {id_number} đã có trong hồ sơ của {other.full_name} "
            f"(sinh {birth_display(other.birth_date)}). Hãy mở hồ sơ đó thay vì tạo hồ sơ mới.",
        )
