"""Writing and opening `.hnp` packages: round trips, and every hostile input rejected.

Each rejection must be a `PackageRejected` whose Vietnamese message names what is wrong,
because that message is all the officer at the import screen gets.
"""

from __future__ import annotations

import base64
import json
import random
import re
import unicodedata
import warnings
import zipfile
from typing import Any

import pytest

from desktop import __version__
from desktop.db import head_revision
from desktop.handoff import archive, crypto
from desktop.handoff.package import (
    PackageRejected,
    RecipientRef,
    build_package,
    open_package,
    package_file_name,
)
from desktop.services.errors import ServiceError, ValidationError
from tests.handoff.package_helpers import (
    CREATED,
    IDENTITY,
    KEY,
    OTHER_KEY,
    PASSPHRASE,
    RECIPIENT,
    REPORTS,
    TABLES,
    fields,
    forge,
    key_fingerprint,
    knowing,
    members,
    open_plain,
    plain_package,
    replace,
    rezip,
    unknown,
)

NFC_TABLES = {table: [{k: unicodedata.normalize("NFC", v) if isinstance(v, str) else v
                       for k, v in record.items()} for record in records]
              for table, records in TABLES.items()}


def rejected(data: bytes, match: str, **kwargs: Any) -> None:
    """Opening `data` raises PackageRejected whose message contains `match`."""
    options: dict[str, Any] = {"passphrase": None, "identities": [], "registry": unknown}
    options.update(kwargs)
    with pytest.raises(PackageRejected) as caught:
        open_package(data, **options)
    assert match in caught.value.message


# ---------------------------------------------------------------- round trips


def test_plain_round_trip_keeps_tables_reports_and_manifest() -> None:
    opened = open_plain(plain_package())
    assert opened.tables == NFC_TABLES
    assert opened.reports == REPORTS
    assert (opened.encrypted, opened.key_status) == (False, "new")
    assert opened.fingerprint == key_fingerprint(KEY)
    m = opened.manifest
    assert (m.kind, m.unit.code, m.created_by, m.recipient) == ("full", "26001", "canbo", None)
    assert (m.schema_version, m.app_version) == (head_revision(), __version__)
    assert m.created_at == CREATED
    assert m.created_at.utcoffset() is not None
    assert {f.path: f.records for f in m.files} == {
        "data/contacts.jsonl": 1, "data/judgments.jsonl": 1, "data/persons.jsonl": 2,
        "reports/bao-cao-quy-4.pdf": 0, "reports/bieu-tong-hop.xlsx": 0}


def test_package_to_a_recipient_is_encrypted_and_opens_with_its_identity() -> None:
    data = build_package(fields(recipient=RecipientRef("26", "Công an tỉnh")), TABLES,
                         REPORTS, KEY, encrypt_to=[RECIPIENT])
    assert data.startswith(b"age-encryption.org/v1\n")
    assert b"manifest.json" not in data
    assert "Thanh Bình".encode() not in data
    opened = open_package(data, passphrase=None, identities=[IDENTITY], registry=unknown)
    assert opened.encrypted
    assert opened.tables == NFC_TABLES
    assert opened.manifest.recipient == RecipientRef("26", "Công an tỉnh")


def test_package_to_a_passphrase_opens_with_it() -> None:
    data = build_package(fields(), TABLES, {}, KEY, passphrase=PASSPHRASE)
    assert b"-> scrypt " in data[:200]
    opened = open_package(data, passphrase=PASSPHRASE, identities=[], registry=unknown)
    assert opened.encrypted
    assert (opened.tables, opened.reports) == (NFC_TABLES, {})


def test_data_lines_are_canonical_json() -> None:
    data = dict(members(plain_package()))["data/persons.jsonl"]
    first = data.split(b"\n")[0].decode("utf-8")
    assert first.startswith('{"birth_date":"1985-04-12","deleted_at":null,"full_name":'
                            '"Nguyễn Văn An",')  # sorted, no spaces, NFC, not \u-escaped
    assert unicodedata.is_normalized("NFC", first)
    assert data.endswith(b"\n")


def test_manifest_sig_signs_the_exact_manifest_bytes() -> None:
    items = dict(members(plain_package()))
    KEY.public_key().verify(items["manifest.sig"], items["manifest.json"])
    assert json.loads(items["manifest.json"])["created_at"] == "2026-11-23T10:15:00+07:00"


def test_a_registered_matching_key_is_known() -> None:
    assert open_plain(plain_package(), knowing(KEY)).key_status == "known"


def test_file_name_uses_vietnam_time() -> None:
    assert package_file_name("26001", "changes", CREATED) == "26001_changes_20261123-101500.hnp"


def test_build_requires_exactly_one_protection() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        build_package(fields(), TABLES, {}, KEY)
    with pytest.raises(ValueError, match="exactly one"):
        build_package(fields(), TABLES, {}, KEY, passphrase=PASSPHRASE, plain=True)


@pytest.mark.parametrize(("reports", "expected"), [
    ({"báo cáo.pdf": b"%PDF"}, "Tên tệp báo cáo “báo cáo.pdf” không dùng được"),
    ({"bc.docx": b"x"}, "không dùng được"),
    ({"BC.pdf": b"1", "bc.pdf": b"2"}, "trùng tên"),
])
def test_build_refuses_report_names_a_reader_would_refuse(reports: dict[str, bytes],
                                                           expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        build_package(fields(), TABLES, reports, KEY, plain=True)


def test_build_refuses_what_a_reader_would_refuse() -> None:
    huge = {"persons": [{"id": "p-1", "note": base64.b64encode(random.Random(2).randbytes(
        800_000)).decode()}]}
    with pytest.raises(ServiceError, match="Bản ghi p-1 của bảng persons dài quá 1 MB"):
        build_package(fields(), huge, {}, KEY, plain=True)
    with pytest.raises(ValidationError, match="Khóa nhận gói không hợp lệ: age1sai"):
        build_package(fields(), TABLES, {}, KEY, encrypt_to=["age1sai"])
    with pytest.raises(ValidationError, match="không được để trống"):
        build_package(fields(), TABLES, {}, KEY, passphrase="  ")
    with pytest.raises(ValueError, match="invalid table name"):
        build_package(fields(), {"../x": []}, {}, KEY, plain=True)


# ---------------------------------------------------------------- tampering


def _flip(content: bytes, at: int) -> bytes:
    return content[:at] + bytes([content[at] ^ 0x01]) + content[at + 1:]


@pytest.mark.parametrize("name", [n for n, _ in members(plain_package())])
def test_one_flipped_byte_in_any_member_is_rejected(name: str) -> None:
    items = members(plain_package())
    content = dict(items)[name]
    if name == "manifest.json":
        # Still valid JSON ("canbo" → "canbn"): only the signature can notice.
        at = content.index(b'"canbo"') + 5
        expected = "Chữ ký số của gói không đúng"
    elif name == "manifest.sig":
        at, expected = 10, "Chữ ký số của gói không đúng"
    else:
        at, expected = len(content) // 2, f"Tệp {name} không khớp với manifest.json"
    rejected(rezip(replace(items, name, _flip(content, at))), expected)


def test_another_keys_valid_signature_is_rejected() -> None:
    items = members(plain_package())
    foreign = OTHER_KEY.sign(dict(items)["manifest.json"])
    rejected(rezip(replace(items, "manifest.sig", foreign)), "Chữ ký số của gói không đúng")


def test_a_resigned_package_from_a_registered_unit_is_rejected_as_a_key_change() -> None:
    items = replace(members(plain_package()), "data/persons.jsonl", b'{"id":"x"}\n')
    rejected(forge(items, OTHER_KEY), "Khóa ký của đơn vị 26001", registry=knowing(KEY))
    rejected(forge(items, OTHER_KEY), "đã thay đổi", registry=knowing(KEY))


def test_a_missing_file_is_rejected() -> None:
    items = [(n, c) for n, c in members(plain_package()) if n != "data/judgments.jsonl"]
    rejected(rezip(items), "Thiếu tệp data/judgments.jsonl")


@pytest.mark.parametrize(("name", "expected"), [
    ("data/extra.jsonl", "không được liệt kê"),
    ("reports/them.pdf", "không được liệt kê"),
    ("notes.txt", "tệp không được phép “notes.txt”"),
    ("data/Persons.jsonl", "tệp không được phép"),
    ("data/", "tệp không được phép"),
    ("reports/x.exe", "tệp không được phép"),
])
def test_an_extra_file_is_rejected(name: str, expected: str) -> None:
    rejected(rezip([*members(plain_package()), (name, b"{}\n")]), expected)


def test_a_duplicate_name_is_rejected() -> None:
    items = members(plain_package())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we want
        rejected(rezip([*items, ("data/persons.jsonl", b"{}\n")]), "xuất hiện hai lần")


def test_a_wrong_record_count_is_rejected() -> None:
    def three_persons(manifest: dict[str, Any]) -> None:
        entry = next(f for f in manifest["files"] if f["path"] == "data/persons.jsonl")
        entry["records"] = 3
    rejected(forge(members(plain_package()), edit=three_persons),
             "Tệp data/persons.jsonl có 2 bản ghi nhưng manifest.json ghi 3")


@pytest.mark.parametrize("name", [
    "../evil.jsonl", "data/../../evil.jsonl", "/etc/passwd", "data\\persons.jsonl",
    "C:/Windows/evil.pdf", "data/./persons.jsonl", "data//persons.jsonl",
    "reports/../manifest.json",
])
def test_path_traversal_names_are_rejected(name: str) -> None:
    rejected(rezip([*members(plain_package()), (name, b"{}\n")]), "tên tệp nguy hiểm")


def test_a_name_with_a_nul_byte_is_rejected() -> None:
    # zipfile cuts names at NUL when writing, so the byte is put into the archive by hand.
    data = rezip([*members(plain_package()), ("data/persons.jsonl#.exe", b"{}\n")])
    rejected(data.replace(b"persons.jsonl#.exe", b"persons.jsonl\0.exe"), "tên tệp nguy hiểm")


def test_a_zip_bomb_is_rejected_before_it_is_inflated() -> None:
    bomb = b"\0" * (20 * 1024 * 1024)  # deflates about 1000:1
    rejected(rezip([*members(plain_package()), ("data/bomb.jsonl", bomb)]), "bom nén")


def test_limits_on_total_size_and_entry_count(monkeypatch: pytest.MonkeyPatch) -> None:
    data = plain_package()
    monkeypatch.setattr(archive, "MAX_TOTAL", 2000)
    rejected(data, "vượt quá 500 MB")
    monkeypatch.setattr(archive, "MAX_TOTAL", 500 * 1024 * 1024)
    monkeypatch.setattr(archive, "MAX_ENTRIES", 3)
    rejected(data, "vượt giới hạn 3")


def test_an_oversized_manifest_is_rejected() -> None:
    items = replace(members(plain_package()), "manifest.json",
                    b'{"pad":"' + b"x" * (1024 * 1024) + b'"}')
    rejected(rezip(items, compress=zipfile.ZIP_STORED), "manifest.json quá lớn")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_file_is_rejected(keep: float) -> None:
    data = plain_package()
    rejected(data[:int(len(data) * keep)], "bị hỏng hoặc bị cắt cụt")


def test_a_truncated_encrypted_file_is_rejected() -> None:
    data = build_package(fields(), TABLES, REPORTS, KEY, encrypt_to=[RECIPIENT])
    rejected(data[:-40], "bị hỏng hoặc bị cắt cụt", identities=[IDENTITY])


def test_not_a_package_at_all() -> None:
    rejected(b"%PDF-1.7 hello", "không phải gói HoaNhap")


# ---------------------------------------------------------------- keys and passphrases


def test_a_wrong_passphrase_is_rejected() -> None:
    data = build_package(fields(), TABLES, {}, KEY, passphrase=PASSPHRASE)
    rejected(data, crypto.WRONG_KEY, passphrase="sai-mat-khau")
    rejected(data, "hãy nhập mật khẩu")


def test_an_excessive_passphrase_work_factor_is_refused_at_once() -> None:
    data = build_package(fields(), TABLES, {}, KEY, passphrase=PASSPHRASE)
    hostile = re.sub(rb"(-> scrypt \S+) \d+\n", rb"\1 40\n", data, count=1)
    rejected(hostile, crypto.EXCESSIVE_WORK, passphrase=PASSPHRASE)


def test_a_package_for_another_unit_is_rejected() -> None:
    other_identity, _ = crypto.new_age_identity()
    data = build_package(fields(), TABLES, {}, KEY, encrypt_to=[RECIPIENT])
    rejected(data, crypto.WRONG_KEY, identities=[other_identity])


def test_a_key_change_for_a_registered_unit_is_rejected() -> None:
    rejected(plain_package(OTHER_KEY), "Khóa ký của đơn vị 26001 (Công an phường Thanh "
             "Bình) đã thay đổi", registry=knowing(KEY))


# ---------------------------------------------------------------- manifest fields


def _edited(edit: Any) -> bytes:
    return forge(members(plain_package()), edit=edit)


def test_an_unknown_format_version_is_named() -> None:
    rejected(_edited(lambda m: m.update(format_version=2)), "định dạng phiên bản 2")


def test_an_unknown_schema_version_is_named() -> None:
    rejected(_edited(lambda m: m.update(schema_version="9999")), "phiên bản '9999'")


def test_an_older_known_schema_version_is_accepted() -> None:
    opened = open_plain(_edited(lambda m: m.update(schema_version="0001")))
    assert opened.manifest.schema_version == "0001"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda m: m.update(format="zip"), "không phải gói HoaNhap"),
    (lambda m: m.update(format_version="1"), "phiên bản '1'"),
    (lambda m: m.update(format_version=True), "phiên bản True"),
    (lambda m: m.update(schema_version=["0003"]), "phiên bản ['0003']"),
    (lambda m: m.update(format={"a": 1}), "không phải gói HoaNhap"),
    (lambda m: m.pop("unit"), "thiếu trường “unit”"),
    (lambda m: m.update(extra=1), "trường không biết “extra”"),
    (lambda m: m.update(kind="everything"), "“kind”"),
    (lambda m: m.update(package_id="not-a-uuid"), "“package_id” phải là UUID"),
    (lambda m: m.update(created_at="2026-11-23T10:15:00"), "có múi giờ"),
    (lambda m: m.update(recipient=["26"]), "“recipient” phải là một đối tượng"),
    (lambda m: m["unit"].update(code=26001), "“unit.code”"),
    (lambda m: m["unit"].update(code="../26"), "“unit.code”"),
    (lambda m: m["files"][0].update(bytes="54"), "“files[0].bytes”"),
    (lambda m: m["files"][0].update(records=True), "“files[0].records”"),
    (lambda m: m["files"][0].update(sha256="ABC"), "“files[0].sha256”"),
    (lambda m: m["files"].append(m["files"][0]), "được liệt kê hai lần"),
    (lambda m: m["files"].append({**m["files"][0], "path": "manifest.sig"}),
     "liệt kê tệp không được phép"),
    (lambda m: m["signing_key"].update(algorithm="rsa"), "“signing_key.algorithm”"),
    (lambda m: m["signing_key"].update(fingerprint="0" * 64), "không khớp với khóa"),
    (lambda m: m["signing_key"].update(public_key="AAAA"), "không phải khóa Ed25519"),
])
def test_wrong_manifest_fields_are_named(edit: Any, expected: str) -> None:
    rejected(_edited(edit), expected)


@pytest.mark.parametrize(("body", "expected"), [
    (b"\xff\xfe{}", "manifest.json: không phải văn bản UTF-8"),
    (b"[1, 2]", "phải là một đối tượng JSON"),
    (b'{"format": "a", "format": "hoanhap-package"}', "khóa “format” xuất hiện hai lần"),
    (b"[" * 100_000, "manifest.json: JSON"),
])
def test_a_malformed_manifest_is_rejected(body: bytes, expected: str) -> None:
    items = replace(members(plain_package()), "manifest.json", body)
    rejected(rezip(items), expected)


def test_a_short_signature_file_is_rejected() -> None:
    items = replace(members(plain_package()), "manifest.sig", b"\0" * 63)
    rejected(rezip(items), "manifest.sig phải dài đúng 64 byte")


# ---------------------------------------------------------------- data lines


@pytest.mark.parametrize(("content", "expected"), [
    (b"[1,2]\n", "dòng 1: phải là một đối tượng JSON"),
    (b'{"id":"a"}\n"text"\n', "dòng 2: phải là một đối tượng JSON"),
    (b'{"name":"Nguy\xe1\xbb"}\n', "dòng 1: không phải văn bản UTF-8"),
    ('{"name":"Nguye\u0302\u0303n"}\n'.encode(), "không ở dạng chuẩn Unicode NFC"),
    (b'{"id":"a","id":"b"}\n', "dòng 1: JSON không hợp lệ (khóa “id” xuất hiện hai lần)"),
    (b'{"amount":NaN}\n', "giá trị NaN không phải JSON chuẩn"),
    (b'{"id":"a",}\n', "dòng 1: JSON không hợp lệ ở ký tự thứ 11"),
    (b'{"id":"a"}\n\n', "dòng 2: JSON không hợp lệ"),
    (b'{"id":"a"}', "không kết thúc bằng ký tự xuống dòng"),
    (b'{"x":' + b"[" * 50_000 + b"\n", "dòng 1: JSON"),
    (b'{"note":"' + base64.b64encode(random.Random(1).randbytes(800_000)) + b'"}\n',
     "dòng dài quá 1 MB"),  # random, so that it is not refused as a zip bomb first
])
def test_bad_data_lines_are_rejected_naming_file_and_line(content: bytes, expected: str) -> None:
    items = replace(members(plain_package()), "data/contacts.jsonl", content)
    rejected(forge(items), expected)
    rejected(forge(items), "Tệp data/contacts.jsonl")
