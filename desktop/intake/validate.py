"""Checking drafted rows with the person services' own rules, and finding repeats in a file.

A row is checked by exactly the functions the reception screens use
(`persons.validate_person_and_judgment`, `check_reception`, `check_expectation`), so an
imported person obeys the same rules as one typed in. Duplicates inside the file use the
same "may be the same person" definition as the reception screen
(`person_queries.same_person`).

How an imported person enters the case lifecycle — nothing is invented:
- a row with a reception date ("Ngày tiếp nhận") is `received` on that date;
- any other row is `expected`: the office received the list (the notice) on the day of the
  import, and the person is expected on the release date, or today when that has passed.
  The officer records the real reception with the usual "receive" step, so no reception
  is counted in a month it did not happen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.intake.drafts import RowDraft
from desktop.intake.header import Header
from desktop.intake.mapping import ColumnMapping
from desktop.intake.parsing import RowProblem
from desktop.intake.workbook import shown
from desktop.services import persons
from desktop.services.errors import ValidationError
from desktop.services.person_input import JudgmentInput, PersonInput
from desktop.services.person_queries import Identity, identity_of, same_person
from desktop.services.validation import field_label

# Service fields that come from another intake column.
_SOURCES: dict[str, tuple[str, ...]] = {
    "full_name": ("full_name", "family_name", "given_name"),
    "gender": ("gender", "birth_male", "birth_female"),
    "birth_date": ("birth_date", "birth_male", "birth_female"),
    "main_penalty": ("sentence",), "prison_months": ("sentence",),
    "expected_on": ("release_date",), "notice_received_on": ("release_date",),
}


@dataclass(frozen=True)
class RowValues:
    """Validated column values of a person (with lifecycle fields) and of the judgment."""

    person: dict[str, Any]
    judgment: dict[str, Any] | None
    on_date: date  # the date of the first history step


def row_values(person: PersonInput, judgment: JudgmentInput | None, received_on: date | None,
               today: date) -> RowValues:
    """A row's values as the services would store them, or their ValidationError."""
    values, judgment_values = persons.validate_person_and_judgment(person, judgment, today)
    release: date = values["release_date"]
    if received_on is not None:
        persons.check_reception(received_on, release, today)
        values.update(status="received", received_on=received_on)
        return RowValues(values, judgment_values, received_on)
    expected_on = max(release, today)
    persons.check_expectation(today, expected_on, release, today)
    values.update(status="expected", notice_received_on=today, expected_on=expected_on)
    return RowValues(values, judgment_values, today)


def _problem(draft: RowDraft, header: Header, mapping: ColumnMapping,
             error: ValidationError) -> RowProblem:
    """The service's message, placed at the column the field was read from."""
    for source in _SOURCES.get(error.field, (error.field,)):
        columns = mapping.columns_of(source)
        if columns:
            i = columns[0]
            value = shown(draft.cells[i]) if i < len(draft.cells) else ""
            return RowProblem(draft.row_number, header.columns[i].text, value, error.message)
    return RowProblem(draft.row_number, field_label(error.field), "", error.message)


def check_drafts(drafts: Sequence[RowDraft], header: Header, mapping: ColumnMapping,
                 today: date) -> list[tuple[RowProblem, ...]]:
    """Each row's problems: its unreadable cells, else the first rule it breaks."""
    result = []
    for draft in drafts:
        problems = draft.problems
        if draft.person is not None:
            try:
                row_values(draft.person, draft.judgment, draft.received_on, today)
            except ValidationError as exc:
                problems = (_problem(draft, header, mapping, exc),)
        result.append(problems)
    return result


def repeats_in_file(people: Sequence[tuple[int, Identity]]) -> dict[int, tuple[int, ...]]:
    """For each row, the earlier rows of the file that may be the same person.

    Rows are grouped by folded name and by ID number first, so a file of thousands of
    rows is not compared pair by pair.
    """
    by_key: dict[tuple[str, str], list[tuple[int, Identity]]] = defaultdict(list)
    found: dict[int, tuple[int, ...]] = {}
    for number, ident in people:
        keys = [("name", ident.name_key)]
        if ident.id_number:
            keys.append(("id", ident.id_number))
        earlier = {n for k in keys for n, other in by_key[k] if same_person(other, ident)}
        if earlier:
            found[number] = tuple(sorted(earlier))
        for k in keys:
            by_key[k].append((number, ident))
    return found


def identities(drafts: Sequence[RowDraft]) -> list[tuple[int, Identity]]:
    """(row number, identity) of the rows that could be read."""
    return [(d.row_number, identity_of(d.person)) for d in drafts if d.person is not None]
