"""Demo people carry phone numbers an officer would write, which the person form accepts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.db import open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.services import person_queries, users
from desktop.services.person_input import _phone as checked_phone


def test_demo_phones_are_mobile_numbers_the_form_accepts(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo.db")
    try:
        generate_demo(db, DemoOptions(persons=25, seed=3, today=date(2026, 11, 26)))
        actor = users.login(db, "canbo", "hoanhap-demo")
        people = person_queries.list_people(db, actor)
        phones = [person_queries.get_person(db, actor, p.id, date(2026, 11, 26)).person.phone
                  for p in people]
    finally:
        db.close()
    assert phones
    for phone in phones:
        assert re.fullmatch(r"0\d{3} \d{3} \d{3}", phone), phone
        assert checked_phone(phone) == phone
