"""The ZIP inside a package: written canonically, read in memory with hard limits.

A package comes from a USB stick that has been in other hands, so reading assumes the
worst: names that climb out of a folder, zip bombs, duplicate or unexpected entries,
lying sizes, truncation. Nothing is ever extracted to disk; every member is read into
memory after its declared sizes passed the limits below, and zipfile checks each CRC.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from desktop.handoff.manifest import VIETNAM, PackageRejected, loads_strict
from desktop.services.errors import ServiceError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_TOTAL = 500 * 1024 * 1024  # uncompressed bytes of all members together
MAX_RATIO = 200  # uncompressed / compressed, per member
# Below this size a high ratio is harmless (and common: a small file of repeated JSON
# keys deflates far beyond 200:1), so the ratio is checked only for larger members.
RATIO_FLOOR = 1024 * 1024
MAX_ENTRIES = 10_000
MAX_MANIFEST = 1024 * 1024
MAX_LINE = 1024 * 1024

TABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
REPORT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(?:pdf|xlsx)")
_DATA_PATH = re.compile(r"data/(" + TABLE_NAME.pattern + r")\.jsonl")
_REPORT_PATH = re.compile(r"reports/(" + REPORT_NAME.pattern + r")")
_DRIVE = re.compile(r"^[A-Za-z]:")

# What zipfile (and zlib under it) raise on a damaged or truncated archive.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               ValueError, NotImplementedError, RuntimeError, struct.error, OverflowError,
               IndexError, KeyError)
CORRUPT = "Gói bị hỏng hoặc bị cắt cụt: không đọc được tệp ZIP bên trong"


# ---------------------------------------------------------------- writing


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Mapping):
        return {unicodedata.normalize("NFC", str(k)): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def jsonl(table: str, records: Sequence[Mapping[str, object]]) -> bytes:
    """One canonical JSON object per line: NFC strings, sorted keys, no spaces, UTF-8.

    A line longer than a reader accepts (MAX_LINE) is refused here, naming the record,
    rather than producing a package that every reader would reject.
    """
    lines = []
    for record in records:
        line = json.dumps(_nfc(record), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"), allow_nan=False).encode("utf-8")
        if len(line) > MAX_LINE:
            raise ServiceError(f"Bản ghi {record.get('id')} của bảng {table} dài quá 1 MB; "
                               "không đưa được vào gói.")
        lines.append(line + b"\n")
    return b"".join(lines)


def write_zip(members: Iterable[tuple[str, bytes]], when: datetime) -> bytes:
    """A deflated ZIP of `members` in the given order, every entry stamped `when`."""
    stamp = when.astimezone(VIETNAM).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # a plain readable file for unzip tools
            zf.writestr(info, data)
    return buffer.getvalue()


def check_written(archive: bytes) -> None:
    """Refuse (ServiceError) a ZIP we just wrote if a reader would refuse its entries."""
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        try:
            _check_entries(zf.infolist())
        except PackageRejected as exc:
            raise ServiceError(f"Không lập được gói: {exc.message}") from None


def sha256(data: bytes) -> str:
    """Hex SHA-256, as written in the manifest's `files`."""
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- reading


def data_table(path: str) -> str | None:
    """The table name of "data/<table>.jsonl", or None for any other path."""
    match = _DATA_PATH.fullmatch(path)
    return match.group(1) if match else None


def report_name(path: str) -> str | None:
    """The report name of "reports/<name>.pdf|.xlsx", or None for any other path."""
    match = _REPORT_PATH.fullmatch(path)
    return match.group(1) if match else None


def _unsafe(name: str) -> bool:
    # A trailing "/" only marks a directory entry (refused later as not allowed), not a trick.
    parts = name.removesuffix("/").split("/")
    return (name.startswith("/") or "\\" in name or bool(_DRIVE.match(name))
            or any(p in ("", ".", "..") for p in parts) or any(ord(c) < 32 for c in name))


def _check_name(info: zipfile.ZipInfo, seen: set[str]) -> None:
    name = info.filename
    # zipfile cuts a name at a NUL byte; a name that differs from what is stored is a trick.
    if info.orig_filename != name or _unsafe(name):
        shown = info.orig_filename.encode("unicode_escape").decode("ascii")
        raise PackageRejected(f"Gói chứa tên tệp nguy hiểm “{shown}” (đường dẫn ra ngoài "
                              "thư mục); gói bị từ chối.")
    if name not in (MANIFEST, SIGNATURE) and not data_table(name) and not report_name(name):
        raise PackageRejected(f"Gói chứa tệp không được phép “{name}”; gói chỉ được có "
                              "manifest.json, manifest.sig, data/*.jsonl và reports/*.pdf|xlsx.")
    # Names differing only in case would overwrite each other on a Windows disk.
    if name.casefold() in seen:
        raise PackageRejected(f"Tệp “{name}” xuất hiện hai lần trong gói.")
    seen.add(name.casefold())


def _check_sizes(info: zipfile.ZipInfo) -> None:
    if info.flag_bits & 0x1:
        raise PackageRejected(f"Tệp “{info.filename}” trong gói được mã hóa kiểu ZIP; "
                              "gói HoaNhap không dùng kiểu này.")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PackageRejected(f"Tệp “{info.filename}” dùng kiểu nén không được hỗ trợ.")
    if info.filename == MANIFEST and info.file_size > MAX_MANIFEST:
        raise PackageRejected("manifest.json quá lớn (giới hạn 1 MB).")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise PackageRejected(f"Tệp “{info.filename}” có tỉ lệ nén bất thường (bom nén); "
                              "gói bị từ chối.")


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise PackageRejected(f"Gói có {len(infos)} tệp, vượt giới hạn {MAX_ENTRIES}.")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info, seen)
        _check_sizes(info)
        total += info.file_size
        if total > MAX_TOTAL:
            raise PackageRejected("Dữ liệu trong gói vượt quá 500 MB khi giải nén; "
                                  "gói bị từ chối.")
    for required in (MANIFEST, SIGNATURE):
        if required not in seen:
            raise PackageRejected(f"Gói thiếu tệp {required}.")


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with zf.open(info) as member:
            # zipfile never returns more than the declared size; +1 would reveal if it did.
            data = member.read(info.file_size + 1)
    except _ZIP_ERRORS:
        raise PackageRejected(f"{CORRUPT} (tệp “{info.filename}”).") from None
    if len(data) != info.file_size:
        raise PackageRejected(f"{CORRUPT} (tệp “{info.filename}” không đủ độ dài).")
    return data


def read_members(archive: bytes) -> dict[str, bytes]:
    """Every member of the ZIP by name, after the name, count and size checks."""
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            infos = zf.infolist()
            _check_entries(infos)
            return {info.filename: _read_member(zf, info) for info in infos}
    except _ZIP_ERRORS:
        raise PackageRejected(f"{CORRUPT}.") from None


def _not_nfc(value: object) -> bool:
    # Iterative: a record nested ~1000 deep must not turn into a RecursionError here.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not unicodedata.is_normalized("NFC", item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("duplicate key")  # the strict reading names it
    return found


def _refuse_constant(name: str) -> object:
    raise ValueError(name)


def _fast_object(line: bytes) -> dict[str, object] | None:
    """The object of a well-formed line, read at C speed; None for anything the strict
    reading must look at (and then explain): bad UTF-8 or JSON, a duplicate key,
    NaN/Infinity, deep nesting, not an object, or text that may not be NFC.

    When the line has no \\u escape, its strings differ from its text only by escapes of
    ASCII quotes, slashes and control characters, which compose with no mark: if the
    whole text is NFC, so is every string in it (`jsonl` writes non-ASCII unescaped).
    """
    try:
        text = line.decode("utf-8")
        value = json.loads(text, object_pairs_hook=_unique_keys,
                           parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError included
        return None
    if type(value) is not dict:
        return None
    if "\\u" in text or not (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return None
    return value


def parse_jsonl(path: str, raw: bytes, records: int) -> list[dict[str, object]]:
    """The objects of a data file; PackageRejected names the file and line of any fault."""
    if raw and not raw.endswith(b"\n"):
        raise PackageRejected(f"Tệp {path}: dòng cuối không kết thúc bằng ký tự xuống dòng.")
    lines = raw.split(b"\n")[:-1] if raw else []
    if len(lines) != records:
        raise PackageRejected(f"Tệp {path} có {len(lines)} bản ghi nhưng manifest.json ghi "
                              f"{records}.")
    result: list[dict[str, object]] = []
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            raise PackageRejected(f"Tệp {path}, dòng {number}: dòng dài quá 1 MB.")
        fast = _fast_object(line)
        if fast is not None:
            result.append(fast)
            continue
        where = f"Tệp {path}, dòng {number}"
        value = loads_strict(line, where)
        if not isinstance(value, dict):
            raise PackageRejected(f"{where}: phải là một đối tượng JSON {{…}}.")
        if _not_nfc(value):
            raise PackageRejected(f"{where}: chuỗi ký tự không ở dạng chuẩn Unicode NFC.")
        result.append(value)
    return result
