"""The reads the import wizard makes between its steps: columns proposed, origins shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.db import Database
from desktop.services import intake
from desktop.services.access import Actor
from desktop.services.errors import ServiceError

from .sheets import TODAY, messy_rows, row_counts, write_xlsx

AddPerson = Callable[..., str]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "danh_sach.xlsx", messy_rows(), merges=["A2:J2"])


def test_sheet_columns_propose_the_guess_then_the_remembered_choice(
        db: Database, officer: Actor, messy: Path) -> None:
    before = row_counts(db)
    proposed = intake.sheet_columns(db, messy)
    assert row_counts(db) == before  # reads only
    assert (proposed.header.row, proposed.remembered) == (4, False)
    assert proposed.mapping.fields[:3] == (None, "full_name", "birth_date")
    chosen = proposed.mapping.with_field(9, "occupation")  # "Ghi chú" read as occupation
    intake.remember_mapping(db, officer, proposed.header, chosen)
    again = intake.sheet_columns(db, messy, "Danh sách", 4)
    assert again.remembered
    assert again.mapping == chosen


def test_sheet_columns_of_a_row_without_titles(db: Database, messy: Path) -> None:
    columns = intake.sheet_columns(db, messy, header_row=5)  # the first data row
    assert (columns.header.row, columns.header.columns[3].label) == (5, "Nam")
    assert columns.mapping.mapped() == ()
    assert intake.REQUIRED[0] in columns.mapping.missing(intake.REQUIRED)


def test_sheet_columns_refuse_a_sheet_without_a_header(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(ServiceError, match="Không tìm thấy dòng tiêu đề"):
        intake.sheet_columns(db, path)


def test_candidate_origins_name_where_each_match_comes_from(
        db: Database, officer: Actor, messy: Path, add_person: AddPerson) -> None:
    known = add_person("Trần Thị Bình", birth_date="1990-03-02", gender="female",
                       place_of_origin="Hà Nội")
    add_person("Trần Thị Bình", birth_date="1990-03-02", gender="female",
               place_of_origin="Hà Nội", unit_code="99999")  # another unit's: never shown
    analysis = intake.analyse(db, officer, messy, today=TODAY)
    assert [p.id for p in analysis.row(6).existing] == [known]
    assert intake.candidate_origins(db, officer, analysis) == {known: "Hà Nội"}
