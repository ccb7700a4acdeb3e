"""Excel intake end to end: preview, decisions, one all-or-nothing import, re-import."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.db import Database
from desktop.intake.analysis import IntakeAnalysis
from desktop.models import AuditEntry, Judgment, Person, Setting, StatusChange
from desktop.services import intake
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError

from .sheets import TODAY, live_people, messy_rows, row_counts, write_xlsx

AddPerson = Callable[..., str]


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    # Column E formatted as Text after the numbers were typed: Excel keeps them numbers.
    return write_xlsx(tmp_path / "danh_sach.xlsx", messy_rows(), merges=["A2:J2"],
                      text_columns=["E"])


def analyse(db: Database, actor: Actor, path: Path, **kw: object) -> IntakeAnalysis:
    return intake.analyse(db, actor, path, today=TODAY, **kw)  # type: ignore[arg-type]


def test_preview_of_a_messy_list(db: Database, officer: Actor, messy: Path) -> None:
    a = analyse(db, officer, messy)
    assert (a.header.row, a.header.data_start) == (4, 5)
    assert [(r.row_number, r.status) for r in a.rows] == [
        (5, "new"), (6, "new"), (8, "rejected"), (9, "rejected"), (10, "new"),
        (11, "duplicate")]
    assert (a.counts.new, a.counts.duplicate, a.counts.rejected) == (3, 1, 2)
    assert [p.message for p in a.row(8).problems] == [
        "Dòng 8, cột «Ngày sinh», giá trị «31/02/1985»: ngày không tồn tại"]
    (id_problem,) = a.row(9).problems
    assert (id_problem.column, id_problem.value) == ("Số CCCD", "001188012345")
    assert "Chữ số thứ 4" in id_problem.problem
    assert "giới tính là nam" in id_problem.problem
    assert a.row(11).same_as_rows == (5,)
    first = a.row(5).person
    assert first is not None
    assert first.full_name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", first.full_name)
    assert first.id_number == "001085012345"  # the zeros Excel dropped, restored
    assert any("đã khôi phục thành 001085012345" in n for n in a.row(5).notes)
    assert a.remarks == ()


def test_import_writes_exactly_what_the_preview_counted(db: Database, officer: Actor,
                                                        messy: Path) -> None:
    before = row_counts(db)
    a = analyse(db, officer, messy)
    result = intake.commit(db, officer, a)
    assert len(result.created) == a.counts.new == 3
    assert (result.expected, result.received) == (3, 0)
    assert result.skipped == (11,)
    assert result.rejected == (8, 9)
    after = row_counts(db)
    assert after["persons"] - before["persons"] == 3
    assert after["judgments"] - before["judgments"] == 3
    assert after["status_changes"] - before["status_changes"] == 3
    people = {p.full_name: p for p in live_people(db)}
    assert sorted(people) == ["Hoàng Văn Em", "Nguyễn Văn An", "Trần Thị Bình"]
    an, binh, em = people["Nguyễn Văn An"], people["Trần Thị Bình"], people["Hoàng Văn Em"]
    assert (an.id_number, an.birth_date, an.gender) == ("001085012345", "1985-04-12", "male")
    assert an.place_of_origin == "Xã Tân Cương"  # trailing space trimmed
    assert binh.release_date == date(2024, 4, 19)  # from an Excel serial number
    assert (em.birth_date, em.gender, em.ethnicity) == ("1975", "male", "")
    # Released long ago but no reception date in the file: expected since the import.
    assert (an.status, an.notice_received_on, an.expected_on) == ("expected", TODAY, TODAY)
    with db.reading() as s:
        life = s.scalar(select(Judgment).where(Judgment.person_id == em.id))
        assert life is not None
        assert (life.main_penalty, life.prison_months) == ("life", None)
        note = s.scalar(select(StatusChange.note).where(StatusChange.person_id == binh.id))
        assert note is not None
        assert "danh_sach.xlsx" in note
        assert "dòng 6" in note
        assert "Có con nhỏ" in note
        sources = s.scalars(select(AuditEntry.changes).where(
            AuditEntry.action == "import_excel", AuditEntry.entity == "persons")).all()
        assert len(sources) == 3
        assert all("danh_sach.xlsx" in c for c in sources)
        summary = s.scalar(select(AuditEntry.changes).where(AuditEntry.entity == "intake"))
        assert summary is not None
        assert json.loads(summary)["created"] == [None, 3]


def test_reimporting_the_same_file_creates_nothing(db: Database, officer: Actor,
                                                   messy: Path) -> None:
    intake.commit(db, officer, analyse(db, officer, messy))
    before = row_counts(db)
    again = analyse(db, officer, messy)
    assert (again.counts.new, again.counts.duplicate, again.counts.rejected) == (0, 4, 2)
    assert any("đã được nhập" in r for r in again.remarks)
    assert again.row(6).existing[0].full_name == "Trần Thị Bình"
    result = intake.commit(db, officer, again)
    assert result.created == ()
    after = row_counts(db)
    for table in ("persons", "judgments", "status_changes"):
        assert after[table] == before[table]


def test_analyse_writes_nothing(db: Database, officer: Actor, messy: Path) -> None:
    before = row_counts(db)
    analyse(db, officer, messy)
    assert row_counts(db) == before


def test_one_failing_row_imports_nothing(db: Database, officer: Actor, messy: Path) -> None:
    before = row_counts(db)
    a = analyse(db, officer, messy)
    # Creating the repeated row as well would give two people one ID number.
    with pytest.raises(ServiceError, match=r"^Dòng 11: .*001085012345.*Chưa nhập dòng nào"):
        intake.commit(db, officer, a, {11: "create"})
    assert row_counts(db) == before


def test_rejected_rows_cannot_be_created(db: Database, officer: Actor, messy: Path) -> None:
    a = analyse(db, officer, messy)
    with pytest.raises(ValidationError, match="Dòng 8 bị từ chối"):
        intake.commit(db, officer, a, {8: "create"})
    with pytest.raises(ValidationError, match="không có dòng 99"):
        intake.commit(db, officer, a, {99: "skip"})
    with pytest.raises(ValidationError, match="không hợp lệ"):
        intake.commit(db, officer, a, {5: "maybe"})  # type: ignore[dict-item]


def test_link_fills_only_empty_fields(db: Database, officer: Actor, messy: Path,
                                      add_person: AddPerson) -> None:
    existing = add_person("Nguyễn Văn An", id_number="001085012345", occupation="Thợ hồ")
    a = analyse(db, officer, messy)
    assert [p.id for p in a.row(5).existing] == [existing]
    assert a.row(5).status == "duplicate"
    result = intake.commit(db, officer, a, {5: ("link", existing)})
    assert result.linked == (existing,)
    with db.reading() as s:
        person = s.get(Person, existing)
        assert person is not None
        assert person.place_of_origin == "Xã Tân Cương"  # was empty: filled
        assert person.occupation == "Thợ hồ"  # never overwritten
        assert person.status == "managed"
        judgment = s.scalar(select(Judgment).where(Judgment.person_id == existing))
        assert judgment is not None
        assert judgment.prison_months == 42


def test_rows_with_a_reception_date_are_received(db: Database, officer: Actor,
                                                 tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "cu.xlsx", [
        ["Họ và tên", "Giới tính", "Năm sinh", "Ngày ra trại", "Ngày tiếp nhận", "Mức án"],
        ["Đỗ Văn Phúc", "Nam", 1980, "01/02/2023", "03/02/2023", "2 năm"],
        ["Vũ Thị Giang", "Nữ", 1992, "15/01/2027", None, "2 năm"],  # notice ahead of release
        ["Bùi Văn Hùng", "Nam", 1970, "01/02/2023", "01/01/2023", "2 năm"],
    ])
    a = analyse(db, officer, path)
    assert [r.status for r in a.rows] == ["new", "new", "rejected"]
    assert "không được trước ngày ra trại" in a.rows[2].problems[0].problem
    assert a.rows[2].problems[0].column == "Ngày tiếp nhận"
    result = intake.commit(db, officer, a)
    assert (result.received, result.expected) == (1, 1)
    people = {p.full_name: p for p in live_people(db)}
    assert (people["Đỗ Văn Phúc"].status, people["Đỗ Văn Phúc"].received_on) == (
        "received", date(2023, 2, 3))
    giang = people["Vũ Thị Giang"]
    assert (giang.status, giang.expected_on) == ("expected", date(2027, 1, 15))


def test_birth_year_under_nam_nu_gives_the_gender(db: Database, officer: Actor,
                                                  tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "nn.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", None, "Ngày ra trại", "Mức án"],
        [None, None, "Nam", "Nữ", None, None],
        [1, "Trần Thị Bình", None, 1990, "19/04/2024", "18 tháng"],
        [2, "Lê Văn Cường", 1985, None, "19/04/2024", "18 tháng"],
        [3, "Ngô Văn Hai", 1985, 1986, "19/04/2024", "18 tháng"],
    ], merges=["A1:A2", "B1:B2", "C1:D1", "E1:E2", "F1:F2"])
    a = analyse(db, officer, path)
    assert a.remarks == ()  # gender comes from the Nam/Nữ columns
    first, second, third = a.rows
    assert first.person is not None
    assert second.person is not None
    assert (first.person.gender, first.person.birth_date) == ("female", "1990")
    assert (second.person.gender, second.person.birth_date) == ("male", "1985")
    assert third.status == "rejected"
    assert "cả cột Nam và cột Nữ" in third.problems[0].problem


def test_missing_columns_are_named_and_rows_rejected(db: Database, officer: Actor,
                                                     tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "thieu.xlsx", [
        ["Họ và tên", "Năm sinh", "Ngày ra trại", "Tội danh"],
        ["Đỗ Văn Phúc", 1980, "01/02/2023", "Trộm cắp tài sản"],
    ])
    a = analyse(db, officer, path)
    assert any("«Giới tính»" in r for r in a.remarks)
    (row,) = a.rows
    assert row.status == "rejected"
    assert row.problems[0].column == "Giới tính"
    # The judgment has no sentence: it is kept in the note rather than invented.
    assert row.judgment is None
    assert "Tội danh: Trộm cắp tài sản" in row.note


@pytest.mark.parametrize(("cell", "gender"), [(1085012345, "Nữ"), (12345678, "Nam")])
def test_id_numbers_that_cannot_be_restored_are_problems(db: Database, officer: Actor,
                                                         tmp_path: Path, cell: int,
                                                         gender: str) -> None:
    path = write_xlsx(tmp_path / "id.xlsx", [
        ["Họ và tên", "Giới tính", "Ngày sinh", "Số CMND/CCCD", "Ngày ra trại", "Mức án"],
        ["Đỗ Thị Phúc", gender, "12/04/1985", cell, "01/02/2023", "2 năm"],
    ])
    (row,) = analyse(db, officer, path).rows
    assert row.status == "rejected"
    assert "không thể khôi phục chắc chắn" in row.problems[0].problem


def test_a_person_recorded_after_the_preview_stops_the_import(
        db: Database, officer: Actor, messy: Path, add_person: AddPerson) -> None:
    a = analyse(db, officer, messy)
    add_person("Hoàng Văn Em", birth_date="1975")
    before = row_counts(db)
    with pytest.raises(ServiceError, match=r"Dòng 10: .*xem trước lại"):
        intake.commit(db, officer, a)
    assert row_counts(db) == before


def test_leaders_cannot_import(db: Database, leader: Actor, messy: Path) -> None:
    with pytest.raises(PermissionDenied):
        analyse(db, leader, messy)


def test_the_chosen_mapping_is_remembered(db: Database, officer: Actor,
                                          tmp_path: Path) -> None:
    rows = [["Họ và tên", "Giới tính", "Năm sinh", "Ngày ra trại", "Ý kiến tổ dân phố"],
            ["Đỗ Văn Phúc", "Nam", 1980, "01/02/2023", "Chấp hành tốt"]]
    first = analyse(db, officer, write_xlsx(tmp_path / "a.xlsx", rows))
    assert first.mapping.fields[4] is None
    assert not first.mapping_remembered
    chosen = first.mapping.with_field(4, "note")
    intake.commit(db, officer, analyse(db, officer, tmp_path / "a.xlsx", mapping=chosen))
    rows[1][0] = "Đỗ Văn Quý"
    later = analyse(db, officer, write_xlsx(tmp_path / "b.xlsx", rows))
    assert later.mapping_remembered
    assert later.mapping == chosen
    assert later.rows[0].note == "Chấp hành tốt"
    with db.reading() as s:
        keys = s.scalars(select(Setting.key).where(Setting.key.like("intake_mapping:%"))).all()
    assert len(keys) == 1
    assert len(keys[0]) == len("intake_mapping:") + 40


def test_no_header_found(db: Database, officer: Actor, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(ServiceError, match="Không tìm thấy dòng tiêu đề"):
        analyse(db, officer, path)


def test_sheet_with_the_list_is_chosen(db: Database, officer: Actor, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.append(["Công văn gửi kèm"])
    data = book.create_sheet("DS")
    data.append(["Họ và tên", "Giới tính", "Năm sinh", "Ngày ra trại"])
    data.append(["Đỗ Văn Phúc", "Nam", 1980, datetime(2023, 2, 1)])
    book.save(tmp_path / "two.xlsx")
    a = analyse(db, officer, tmp_path / "two.xlsx")
    assert (a.sheet, a.sheet_names, a.counts.new) == ("DS", ("Sheet", "DS"), 1)


def test_cancelling_midway_writes_nothing(db: Database, officer: Actor, messy: Path) -> None:
    class Stop(Exception):
        pass

    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append((done, total, text))
        if done == 2:
            raise Stop

    before = row_counts(db)
    with pytest.raises(Stop):
        intake.commit(db, officer, analyse(db, officer, messy), progress_cb=progress)
    assert seen == [(0, 3, "Dòng 5"), (1, 3, "Dòng 6"), (2, 3, "Dòng 10")]
    assert row_counts(db) == before


def test_linking_to_someone_of_another_unit_imports_nothing(
        db: Database, officer: Actor, messy: Path, add_person: AddPerson) -> None:
    foreign = add_person("Nguyễn Văn An", id_number="001085012345", unit_code="99999")
    before = row_counts(db)
    with pytest.raises(ServiceError, match=r"^Dòng 5: Không tìm thấy"):
        intake.commit(db, officer, analyse(db, officer, messy), {5: ("link", foreign)})
    assert row_counts(db) == before


def test_preview_sheet_for_the_wizard(messy: Path) -> None:
    preview = intake.preview_sheet(messy, limit=5)
    assert (preview.sheet, preview.header_row) == ("Danh sách", 4)
    assert len(preview.rows) == 5
    assert preview.rows[4][2] == "12/04/1985"  # a date cell, as Excel shows it


def test_imported_persons_timeline_names_the_file(db: Database, officer: Actor,
                                                  messy: Path) -> None:
    from desktop.services.timeline import person_timeline

    result = intake.commit(db, officer, analyse(db, officer, messy))
    texts = [e.text for e in person_timeline(db, officer, result.created[0])]
    assert any("danh_sach.xlsx" in t for t in texts), texts
    assert not any("source" in t for t in texts)
