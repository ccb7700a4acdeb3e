"""Build a demo database: units, users and people whose histories cover every case the app handles.

The first people of each unit follow fixed scenarios (every status and end reason);
the rest are drawn at random. Everything derives from the seed and `today`, so the same
command on the same day gives the same figures.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker
from sqlalchemy.orm import Session

from desktop.db import Database
from desktop.demo import vocab
from desktop.demo.history import simulate_person
from desktop.demo.people import identity, sentence
from desktop.models import CommunityModel, Unit
from desktop.services import units as unit_service
from desktop.services import users as user_service
from desktop.services.access import Actor
from desktop.services.audit import write_audit

DEMO_PASSWORD = "hoanhap-demo"
SCENARIOS = (
    "expected", "received", "absent_noshow", "absent_left", "ended:expunged", "ended:moved",
    "ended:abroad", "ended:missing", "ended:died", "ended:new_sentence",
)


@dataclass(frozen=True)
class DemoOptions:
    """What `hoanhap demo` was asked for."""

    persons: int = 40
    units: int = 1
    years: int = 3
    seed: int = 1
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class DemoSummary:
    """What was created, for the CLI to print."""

    unit_codes: tuple[str, ...]
    persons: int
    usernames: tuple[str, ...]
    password: str


def unit_identity(rng: random.Random, index: int) -> tuple[str, str, str, str]:
    """(code, commune name, province, province ID prefix) — derived from the seed."""
    province, prefix = rng.choice(vocab.PROVINCES)
    commune = rng.choice(vocab.COMMUNES)
    code = f"{rng.randint(100, 320):03d}{index:02d}"
    return code, commune, province, prefix


def generate_demo(db: Database, options: DemoOptions) -> DemoSummary:
    """Fill an initialised-or-empty database with demo data; the first unit becomes home."""
    rng = random.Random(options.seed)
    fake = Faker("vi_VN")
    fake.seed_instance(options.seed)
    codes: list[str] = []
    admin: Actor | None = None
    for index in range(options.units):
        code, commune, province, prefix = unit_identity(rng, index)
        if admin is None:
            admin = _initialise_home(db, code, commune, province)
        else:
            _add_unit(db, admin, code, commune, province)
        codes.append(code)
        actor = Actor("canbo", "Cán bộ demo", "officer", code)
        _fill_unit(db, rng, fake, actor, (province, prefix), commune, options)
    assert admin is not None
    return DemoSummary(tuple(codes), options.persons * options.units,
                       ("admin", "canbo", "lanhdao"), DEMO_PASSWORD)


def _initialise_home(db: Database, code: str, commune: str, province: str) -> Actor:
    admin = unit_service.initialize(
        db, unit_code=code, unit_name=f"Công an phường {commune}", province=f"Tỉnh {province}",
        admin_username="admin", admin_full_name="Quản trị hệ thống", admin_password=DEMO_PASSWORD,
        place_name=commune, recipient_name=f"Công an tỉnh {province}",
    )
    user_service.create_user(db, admin, "canbo", "Nguyễn Văn Cường", "officer", DEMO_PASSWORD)
    user_service.create_user(db, admin, "lanhdao", "Trần Quốc Hưng", "leader", DEMO_PASSWORD)
    return admin


def _add_unit(db: Database, admin: Actor, code: str, commune: str, province: str) -> None:
    # Further units stand for communes an aggregator holds; they are not home units.
    with db.transaction() as s:
        unit = Unit(code=code, unit_code=code, name=f"Công an xã {commune}",
                    province=f"Tỉnh {province}", place_name=commune, is_home=False)
        s.add(unit)
        s.flush()
        write_audit(s, admin, "create", "units", unit.id, {"code": (None, code)}, code)


def _fill_unit(db: Database, rng: random.Random, fake: Faker, actor: Actor,
               province: tuple[str, str], commune: str, options: DemoOptions) -> None:
    today = options.today
    window_start = today - timedelta(days=365 * options.years)
    with db.transaction() as s:
        for index in range(options.persons):
            scenario = SCENARIOS[index] if index < len(SCENARIOS) else "managed"
            release = _release_date(rng, scenario, window_start, today)
            ident = identity(rng, fake, release, province, commune)
            simulate_person(s, rng, actor, index, scenario, ident, sentence(rng, release),
                            release, today)
        _community_models(s, rng, actor, window_start, today)
        write_audit(s, actor, "demo_data", "units", None,
                    {"persons": (None, options.persons)})


def _release_date(rng: random.Random, scenario: str, window_start: date, today: date) -> date:
    if scenario == "expected":
        return today + timedelta(days=rng.randint(5, 55))
    if scenario == "received":
        return today - timedelta(days=rng.randint(2, 6))
    # Some people were released before the window so that reports start with a stock.
    earliest = window_start - timedelta(days=500)
    latest = today - timedelta(days=20)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days))


def _community_models(s: Session, rng: random.Random, actor: Actor, start: date,
                      today: date) -> None:
    for name in rng.sample(vocab.MODEL_NAMES, k=rng.randint(2, 3)):
        begun = start + timedelta(days=rng.randrange(max(1, (today - start).days - 60)))
        s.add(CommunityModel(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), unit_code=actor.unit_code,
            kind="model", name=name, start_date=begun, members="Công an, MTTQ, Hội Phụ nữ",
        ))
