"""One demo person's identity and judgment, drawn from a seeded random generator."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, timedelta

from faker import Faker

from desktop.demo import vocab


@dataclass(frozen=True)
class Identity:
    """Profile fields of a demo person."""

    full_name: str
    gender: str
    birth_date: str
    id_number: str | None
    place_of_origin: str
    address: str
    residential_area: str
    phone: str


def weighted_family_name(rng: random.Random) -> str:
    names = [name for name, _ in vocab.FAMILY_NAMES]
    weights = [weight for _, weight in vocab.FAMILY_NAMES]
    return rng.choices(names, weights)[0]


def person_name(rng: random.Random, gender: str) -> str:
    middle = vocab.MIDDLE_MALE if gender == "male" else vocab.MIDDLE_FEMALE
    given = vocab.GIVEN_MALE if gender == "male" else vocab.GIVEN_FEMALE
    return f"{weighted_family_name(rng)} {rng.choice(middle)} {rng.choice(given)}"


def id_number(rng: random.Random, province_code: str, gender: str, birth_year: int) -> str:
    """A 12-digit căn cước whose 4th digit encodes gender and century, 5th–6th the year."""
    century_digit = {19: 0, 20: 2}[birth_year // 100] + (1 if gender == "female" else 0)
    return f"{province_code}{century_digit}{birth_year % 100:02d}{rng.randrange(10**6):06d}"


def identity(rng: random.Random, fake: Faker, release: date, province: tuple[str, str],
             commune: str) -> Identity:
    gender = "male" if rng.random() < 0.88 else "female"
    age = rng.choices([rng.randint(18, 25), rng.randint(26, 45), rng.randint(46, 68)],
                      [25, 55, 20])[0]
    year = release.year - age
    if rng.random() < 0.12:
        birth = str(year)  # old records often know only the year
    else:
        birth = (date(year, 1, 1) + timedelta(days=rng.randrange(365))).isoformat()
    ident: str | None = id_number(rng, province[1], gender, year)
    if rng.random() < 0.05:
        ident = None
    area = rng.choice(vocab.RESIDENTIAL_AREAS)
    origin_province = rng.choice(vocab.PROVINCES) if rng.random() < 0.3 else province
    return Identity(
        full_name=person_name(rng, gender), gender=gender, birth_date=birth, id_number=ident,
        place_of_origin=f"{rng.choice(vocab.COMMUNES)}, {origin_province[0]}",
        address=f"{fake.street_address()}, {area}, {commune}, {province[0]}",
        residential_area=area, phone=_phone(fake.phone_number()),
    )


# Vietnamese mobile prefixes (Viettel, Vinaphone, Mobifone, Vietnamobile): Faker's vi_VN
# numbers mix landline shapes and "+84-" forms that read oddly and that the person form
# refuses ("(02)8657070").
MOBILE_PREFIXES = ("086", "096", "097", "098", "032", "033", "035", "037", "038", "039",
                   "088", "091", "094", "083", "084", "085", "089", "090", "093", "070",
                   "076", "077", "078", "079", "092", "056", "058")


def _phone(faked: str) -> str:
    """A mobile number as officers write it ("0912 345 678"), derived from Faker's draw so
    the rest of the demo (names, addresses) stays what it was for each seed."""
    n = int.from_bytes(hashlib.sha256(faked.encode()).digest()[:8], "big")
    digits = MOBILE_PREFIXES[n % len(MOBILE_PREFIXES)] + f"{n // 97 % 10**7:07d}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


@dataclass(frozen=True)
class Sentence:
    """Judgment fields of a demo person."""

    offence: str
    article: str
    chapter: int
    main_penalty: str
    prison_months: int | None
    judgment_date: date
    has_obligations: bool
    obligations_done_on: date | None


def sentence(rng: random.Random, release: date) -> Sentence:
    offence, article, chapter, (low, high) = rng.choice(vocab.OFFENCES)
    months = rng.randint(low, high)
    penalty = "prison"
    if rng.random() < 0.02:
        penalty, months = "life", 0
    served = months if penalty == "prison" else rng.randint(240, 300)
    judged = release - timedelta(days=int(served * 30.4) + rng.randint(30, 200))
    has_obligations = rng.random() < 0.6
    done = None
    if has_obligations and rng.random() < 0.7:
        done = release + timedelta(days=rng.randint(-200, 300))
    return Sentence(offence, article, chapter, penalty, months or None, judged,
                    has_obligations, done)
