"""The Reports screen's use cases: forms offered, previews equal to the figure computation,
files written from one snapshot, signing with each kind of key, verifying, copying."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.db import Database, open_database
from desktop.reports import certificates
from desktop.reports.certificates import SigningError, create_unit_certificate
from desktop.reports.figures import (
    compute_figures,
    compute_figures_by_unit,
    compute_figures_by_year,
)
from desktop.reports.forms.rows import figure_rows, value_of
from desktop.reports.snapshot import sha256_hex
from desktop.rules.periods import Convention
from desktop.services import locking, reporting
from desktop.services.access import Actor
from desktop.services.errors import PermissionDenied, ServiceError, ValidationError
from desktop.services.reporting import SignerChoice
from tests.reports.report_helpers import demo_copy, pdf_pages

PASSWORD = "khoa-don-vi-2026"


@pytest.fixture(autouse=True)
def _smaller_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """2048-bit keys: the real size is tested in tests/reports; here it only costs time."""
    monkeypatch.setattr(certificates, "RSA_KEY_BITS", 2048)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[Database, tuple[str, ...]]]:
    """A private copy of the two-unit demo (40 people each); the first unit is home."""
    path, codes = demo_copy(tmp_path)
    database = open_database(path)
    yield database, codes
    database.close()


def _officer(code: str) -> Actor:
    return Actor("canbo", "Nguyễn Văn Cường", "officer", code)


def _leader(code: str) -> Actor:
    return Actor("lanhdao", "Trần Quốc Hưng", "leader", code)


def _produce(demo: tuple[Database, tuple[str, ...]], out: Path, actor: Actor | None = None,
             form: str = "HCD-13", period: str = "2026-Q3") -> reporting.ProducedReport:
    db, codes = demo
    return reporting.produce(db, actor or _officer(codes[0]), form, period, None, out,
                             {"pdf", "xlsx"})


# --- forms and periods ---------------------------------------------------------------------

def test_consolidated_forms_only_when_several_units_are_held(
        demo: tuple[Database, tuple[str, ...]], db: Database, officer: Actor) -> None:
    many, codes = demo
    offered = reporting.available_forms(many, _officer(codes[0]))
    assert [f.code for f in offered] == ["HCD-13", "HCD-13-TH", "HCD-12", "HCD-12-TH",
                                         "HCD-09"]
    assert [f.code for f in offered if f.consolidated] == ["HCD-13-TH", "HCD-12-TH"]
    assert [f.code for f in reporting.available_forms(db, officer)] == [
        "HCD-13", "HCD-12", "HCD-09"]
    with pytest.raises(ValidationError, match="không có bảng số liệu"):
        reporting.preview(db, officer, "HCD-02", "2026-01-01..2026-03-01")
    hcd12 = next(f for f in offered if f.code == "HCD-12")
    assert hcd12.kinds == ("month",)
    assert hcd12.label.startswith("HCD-12 – ")


def test_period_codes_and_their_dates_in_each_convention() -> None:
    text = reporting.period_text("quarter", 2026, 1)
    assert text == "2026-Q1"
    cutoff = reporting.resolve_period(text, Convention.CUTOFF, 12)
    assert (cutoff.start, cutoff.end) == (date(2025, 12, 15), date(2026, 3, 14))
    calendar = reporting.resolve_period(text, Convention.CALENDAR, 12)
    assert (calendar.start, calendar.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert reporting.period_text("month", 2026, 7) == "2026-M07"
    assert reporting.period_text("half", 2026, 2) == "2026-H2"
    assert reporting.period_text("year", 2026) == "2026-Y"
    assert reporting.period_text("custom", 0, start=date(2021, 3, 22),
                                 end=date(2025, 10, 31)) == "2021-03-22..2025-10-31"
    with pytest.raises(ValidationError) as exc:
        reporting.resolve_period("2026-03-01..2026-02-01", Convention.CUTOFF, 12)
    assert exc.value.field == "period"
    november = reporting.current_period("year", date(2026, 11, 20), Convention.CUTOFF, 11)
    assert (november.code, november.start) == ("2027-Y", date(2026, 11, 15))


# --- preview -------------------------------------------------------------------------------

def test_preview_carries_the_figures_of_the_one_computation(
        demo: tuple[Database, tuple[str, ...]]) -> None:
    db, codes = demo
    shown = reporting.preview(db, _officer(codes[0]), "HCD-13", "2026-Q3")
    with db.reading() as s:
        expected = compute_figures(s, shown.period, codes[0]).to_json_dict()["figures"]
    assert isinstance(expected, dict)
    assert (shown.unit_code, shown.columns) == (codes[0], ("Số liệu",))
    assert (shown.period.start, shown.period.end) == (date(2026, 6, 15), date(2026, 9, 14))
    for row in figure_rows():
        assert shown.value(row.key) == value_of(expected, row.key), row.key
    lines = [line for s in shown.sections for line in s.lines if line.key]
    assert [(line.key, line.values) for line in lines] == [
        (row.key, (value_of(expected, row.key),)) for row in figure_rows()]
    assert shown.value("managed_at_end") > 0  # type: ignore[operator]
    assert shown.labels["by_gender.female"] == "Giới tính: Nữ"
    assert set(shown.labels) == {row.key for row in figure_rows()}


def test_preview_of_a_multi_year_range_has_one_column_per_year(
        demo: tuple[Database, tuple[str, ...]]) -> None:
    db, codes = demo
    shown = reporting.preview(db, _officer(codes[0]), "HCD-13", "2024-03-01..2026-10-31")
    assert shown.columns == ("Năm 2024", "Năm 2025", "Năm 2026", "Tổng")
    with db.reading() as s:
        years = compute_figures_by_year(s, shown.period, codes[0])
        whole = compute_figures(s, shown.period, codes[0])
    line = next(x for s in shown.sections for x in s.lines if x.key == "received")
    assert line.values == (*(y.values["received"] for y in years), whole.values["received"])


def test_preview_of_a_consolidation_has_one_column_per_unit_and_the_total(
        demo: tuple[Database, tuple[str, ...]]) -> None:
    db, codes = demo
    shown = reporting.preview(db, _officer(codes[0]), "HCD-12-TH", "2026-M10")
    assert shown.unit_code is None
    with db.reading() as s:
        per_unit = compute_figures_by_unit(s, shown.period)
        total = compute_figures(s, shown.period, None)
    line = next(x for s in shown.sections for x in s.lines if x.key == "managed_at_end")
    assert line.values == (*(per_unit[c].values["managed_at_end"] for c in sorted(per_unit)),
                           total.values["managed_at_end"])
    assert shown.columns[-1] == "Tổng cộng"


def test_preview_refuses_a_period_the_form_does_not_take(
        demo: tuple[Database, tuple[str, ...]]) -> None:
    db, codes = demo
    with pytest.raises(ValidationError, match="HCD-12 lập theo tháng") as exc:
        reporting.preview(db, _officer(codes[0]), "HCD-12", "2026-Q3")
    assert exc.value.field == "period"
    with pytest.raises(ValidationError, match="không đúng định dạng"):
        reporting.preview(db, _officer(codes[0]), "HCD-13", "quý 3")


# --- producing -----------------------------------------------------------------------------

def test_produce_writes_both_files_from_one_snapshot(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    steps: list[tuple[int, int, str]] = []
    out = tmp_path / "Tài liệu" / "HoaNhap"  # created on demand
    made = reporting.produce(db, _officer(codes[0]), "HCD-13", "2026-Q3", None, out,
                             ("xlsx", "pdf"), lambda d, t, text: steps.append((d, t, text)))
    assert made.pdf_path == out / f"HCD-13_{codes[0]}_2026-Q3_lan1.pdf"
    assert made.xlsx_path is not None
    assert made.xlsx_path.suffix == ".xlsx"
    assert made.info.pdf_sha256 == sha256_hex(made.pdf_path.read_bytes())
    assert made.info.xlsx_sha256 == sha256_hex(made.xlsx_path.read_bytes())
    assert [s[0] for s in steps] == [0, 1, 2, 3]
    assert {s[1] for s in steps} == {4}
    assert made.period_label == "quý III năm 2026"
    text = " ".join(" ".join(pdf_pages(made.pdf_path.read_bytes(), tmp_path)).split())
    assert f"{made.unit_name} báo cáo kết quả" in text
    again = _produce(demo, out)
    assert again.info.revision == 2
    assert [r.revision for r in reporting.produced_reports(db, _officer(codes[0]))] == [2, 1]


def test_produce_only_what_was_asked_and_nothing_when_cancelled(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = reporting.produce(db, _officer(codes[0]), "HCD-12", "2026-M10", None, tmp_path,
                             {"xlsx"})
    assert made.pdf_path is None
    assert made.info.pdf_sha256 is None
    with pytest.raises(ValidationError) as exc:
        reporting.produce(db, _officer(codes[0]), "HCD-12", "2026-M10", None, tmp_path, ())
    assert exc.value.field == "formats"

    class Stop(Exception):
        pass

    def cancel(done: int, total: int, text: str) -> None:
        raise Stop()

    with pytest.raises(Stop):
        reporting.produce(db, _officer(codes[0]), "HCD-09", "2026-Q3", None, tmp_path,
                          {"pdf"}, cancel)
    assert [r.form for r in reporting.produced_reports(db, _officer(codes[0]))] == ["HCD-12"]


def test_unwritable_folder_is_a_clear_error(demo: tuple[Database, tuple[str, ...]],
                                           tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ServiceError, match="Không ghi được tệp"):
        _produce(demo, blocker / "sub")


# --- signing -------------------------------------------------------------------------------

def test_leader_signs_with_the_unit_certificate_and_locks_the_period(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = _produce(demo, tmp_path)
    assert made.pdf_path is not None
    assert not reporting.has_unit_certificate(db)
    done = reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                          SignerChoice("unit"), PASSWORD)
    assert reporting.has_unit_certificate(db)  # created on first use
    assert done.path == tmp_path / f"{made.pdf_path.stem}_da-ky.pdf"
    assert done.info.signed
    assert done.info.pdf_sha256 == sha256_hex(done.path.read_bytes())
    assert done.certificate.organisation == made.unit_name
    result = reporting.verify_file(db, done.path)
    assert (result.status_vi, result.covers_whole_file) == ("Hợp lệ", True)
    with db.reading() as s:
        lock = locking.locked_period_for(s, codes[0], date(2026, 8, 1))
    assert lock is not None
    assert lock.id == made.info.id
    with pytest.raises(ServiceError, match="đã được ký"):
        reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                       SignerChoice("unit"), PASSWORD)


def test_wrong_password_and_officers_cannot_sign(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = _produce(demo, tmp_path)
    assert made.pdf_path is not None
    with pytest.raises(PermissionDenied):
        reporting.sign(db, _officer(codes[0]), made.info.id, made.pdf_path,
                       SignerChoice("unit"), PASSWORD)
    first = _produce(demo, tmp_path, form="HCD-12", period="2026-M10")
    assert first.pdf_path is not None
    reporting.sign(db, _leader(codes[0]), first.info.id, first.pdf_path, SignerChoice("unit"),
                   PASSWORD)
    with pytest.raises(SigningError):
        reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                       SignerChoice("unit"), "sai-mat-khau")
    with pytest.raises(ValidationError) as exc:
        reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                       SignerChoice("unit"), "")
    assert exc.value.field == "secret"
    assert not list(tmp_path.glob(f"{made.pdf_path.stem}_da-ky.pdf"))
    stored = {r.id: r for r in reporting.produced_reports(db, _leader(codes[0]))}
    assert not stored[made.info.id].signed


def test_signing_with_an_officers_p12_names_them_and_registers_them(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = _produce(demo, tmp_path, form="HCD-09")
    assert made.pdf_path is not None
    p12 = tmp_path / "le-thi-binh.p12"
    p12.write_bytes(create_unit_certificate("Lê Thị Bình", made.unit_name, "Tỉnh X", "pw-123"))
    done = reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                          SignerChoice("p12", p12_path=p12), "pw-123")
    assert done.signer_name == "Lê Thị Bình" == done.info.signer
    result = reporting.verify_file(db, done.path)
    assert result.valid
    assert result.known_signer is True
    assert "Lê Thị Bình" in "\n".join(pdf_pages(done.path.read_bytes(), tmp_path))


def test_token_and_file_choices_name_the_missing_field(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = _produce(demo, tmp_path, form="HCD-12", period="2026-M10")
    assert made.pdf_path is not None

    def field_of(choice: SignerChoice) -> str:
        with pytest.raises(ValidationError) as exc:
            reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,  # type: ignore[arg-type]
                           choice, "1234")
        return exc.value.field

    assert field_of(SignerChoice("token", token_label="t", key_label="k")) == "token_lib"
    assert field_of(SignerChoice("token", token_lib="/x.so", key_label="k")) == "token_label"
    assert field_of(SignerChoice("token", token_lib="/x.so", token_label="t")) == "key_label"
    assert field_of(SignerChoice("p12")) == "p12_path"
    assert field_of(SignerChoice("p12", p12_path=tmp_path / "missing.p12")) == "p12_path"
    with pytest.raises(SigningError, match="Không tìm thấy thư viện PKCS#11"):
        reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                       SignerChoice("token", "", "/khong/co/lib.so", "t", "k"), "1234")


# --- verifying and copying -----------------------------------------------------------------

def test_verify_tells_unsigned_altered_and_not_a_pdf(
        demo: tuple[Database, tuple[str, ...]], tmp_path: Path) -> None:
    db, codes = demo
    made = _produce(demo, tmp_path)
    assert made.pdf_path is not None
    assert reporting.verify_file(db, made.pdf_path).status_vi == "Không có chữ ký"
    done = reporting.sign(db, _leader(codes[0]), made.info.id, made.pdf_path,
                          SignerChoice("unit"), PASSWORD)
    data = bytearray(done.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(data))
    assert reporting.verify_file(db, altered).status_vi == "Đã bị sửa đổi"
    with pytest.raises(SigningError, match="không phải tệp PDF"):
        reporting.verify_file(db, made.xlsx_path)  # type: ignore[arg-type]
    with pytest.raises(ServiceError, match="Không đọc được tệp"):
        reporting.verify_file(db, tmp_path / "missing.pdf")


def test_copy_files_to_a_folder(demo: tuple[Database, tuple[str, ...]],
                                tmp_path: Path) -> None:
    made = _produce(demo, tmp_path / "out")
    usb = tmp_path / "usb"
    usb.mkdir()
    files = [p for p in (made.pdf_path, made.xlsx_path) if p is not None]
    copies = reporting.copy_files(files, usb)
    assert [c.read_bytes() for c in copies] == [f.read_bytes() for f in files]
    with pytest.raises(ServiceError, match="hãy cắm lại USB"):
        reporting.copy_files(files, tmp_path / "gone")
