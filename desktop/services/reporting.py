"""The Reports screen's use cases (SPEC §5.5): choose a form and period, preview its
figures, write the PDF and XLSX, sign, verify a received PDF, copy files for the USB stick.

Everything here composes the report engine (`desktop.reports`); nothing computes a figure
or lays out a page. Choosing and previewing live in `report_preview` and are re-exported
here, so the screen has one service to call. A report is produced once (`produce`: one
snapshot, then every file from it); signing renders that stored snapshot again with the
signer's name and a visible stamp, writes the signed file beside the unsigned one and
locks the period (`mark_signed`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from desktop.db import Database
from desktop.files import write_atomically
from desktop.models import ReportRecord, Setting
from desktop.reports.certificates import CertificateInfo, SigningError
from desktop.reports.forms import RenderOptions, render_pdf
from desktop.reports.snapshot import (
    ReportSnapshot,
    list_reports,
    load_snapshot,
    mark_signed,
    produce_snapshot,
    record_file_hashes,
    sha256_hex,
)
from desktop.reports.verification import VerificationResult, verify_pdf
from desktop.services import signing_keys, validation
from desktop.services.access import Action, Actor, require
from desktop.services.errors import NotFound, ServiceError, ValidationError
from desktop.services.locking import ReportRecordInfo, report_info
from desktop.services.report_preview import (
    FigureLine,
    FigureSection,
    FormChoice,
    Kind,
    ReportPreview,
    available_forms,
    current_period,
    period_text,
    preview,
    resolve_period,
)

if TYPE_CHECKING:  # pyHanko loads when a report is signed, not when the app starts
    from desktop.reports.signing import ReportSigner

__all__ = [
    "FigureLine", "FigureSection", "FormChoice", "Kind", "ProducedReport", "ReportFiles",
    "ReportPreview", "SignedReport", "SignerChoice", "VerificationResult", "available_forms",
    "copy_files", "current_period", "has_unit_certificate", "period_text", "preview",
    "produce", "produced_reports", "report_files", "resolve_period", "sign", "verify_file",
]

ProgressCallback = Callable[[int, int, str], None]
SignerKind = Literal["unit", "p12", "token"]
FORMATS = ("pdf", "xlsx")


# --- producing files -----------------------------------------------------------------------

@dataclass(frozen=True)
class ReportFiles:
    """Where a report's files are (or would be) in a folder."""

    pdf: Path
    xlsx: Path
    signed_pdf: Path


def report_files(info: ReportRecordInfo, folder: Path) -> ReportFiles:
    """The file names of a stored report: ASCII only, so any USB stick takes them."""
    period = info.period_code.replace("..", "_")
    stem = f"{info.form}_{info.unit_code}_{period}_lan{info.revision}"
    return ReportFiles(folder / f"{stem}.pdf", folder / f"{stem}.xlsx",
                       folder / f"{stem}_da-ky.pdf")


@dataclass(frozen=True)
class ProducedReport:
    """A report just stored, with the files written from its one snapshot."""

    info: ReportRecordInfo
    unit_name: str
    period_label: str
    pdf_path: Path | None
    xlsx_path: Path | None


def write_report_file(path: Path, data: bytes) -> Path:
    """Write beside the target, flush it to the disk, then rename: neither a failed write
    nor a power cut leaves half a file (a signed PDF is recorded as signed right after)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp {path}: {exc.strerror or exc}. Hãy chọn thư "
                           "mục khác hoặc giải phóng dung lượng đĩa.") from exc
    return path


def _check_formats(formats: Collection[str]) -> list[str]:
    wanted = [f for f in FORMATS if f in formats]
    if not wanted or set(formats) - set(FORMATS):
        raise ValidationError("formats", "Hãy chọn ít nhất một loại tệp: PDF hoặc XLSX.")
    return wanted


class _Steps:
    """Numbered progress reports; the callback may raise to cancel between steps."""

    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback, self.total, self.done = callback, total, 0

    def __call__(self, text: str) -> None:
        if self.callback is not None:
            self.callback(self.done, self.total, text)
        self.done += 1


def render_options(actor: Actor, signer_name: str | None = None) -> RenderOptions:
    """The signer's name printed when the unit has no chief on file: a leader's own."""
    if signer_name is None and actor.may(Action.SIGN_REPORTS):
        signer_name = actor.full_name
    return RenderOptions(signer_name=signer_name)


def _write_files(snap: ReportSnapshot, actor: Actor, files: ReportFiles,
                 wanted: list[str], step: _Steps) -> dict[str, tuple[Path, str]]:
    """Each wanted file from the one snapshot: {"pdf": (path, sha256), "xlsx": …}."""
    from desktop.reports.xlsx import write_xlsx  # openpyxl: loaded on first use

    written: dict[str, tuple[Path, str]] = {}
    if "pdf" in wanted:
        step("Đang dàn trang tệp PDF…")
        pdf = render_pdf(snap, render_options(actor)).pdf
        written["pdf"] = (write_report_file(files.pdf, pdf), sha256_hex(pdf))
    if "xlsx" in wanted:
        step("Đang ghi tệp XLSX…")
        xlsx = write_xlsx(snap)
        written["xlsx"] = (write_report_file(files.xlsx, xlsx), sha256_hex(xlsx))
    return written


def produce(db: Database, actor: Actor, form: str, period: str, unit_code: str | None,
            out_dir: Path, formats: Collection[str],
            progress_cb: ProgressCallback | None = None) -> ProducedReport:
    """Store the report's snapshot (a new revision), write the PDF and/or XLSX from it into
    `out_dir`, and record the files' hashes."""
    require(actor, Action.PRODUCE_REPORTS)
    wanted = _check_formats(formats)
    step = _Steps(progress_cb, 1 + len(wanted) + 1)
    step("Đang tính số liệu…")
    snap = produce_snapshot(db, actor, form, period, unit_code)
    info = _info(db, snap.report_id)
    written = _write_files(snap, actor, report_files(info, out_dir), wanted, step)
    step("Đang lưu mã kiểm tra của tệp…")
    info = record_file_hashes(db, actor, snap.report_id,
                              pdf_sha256=written["pdf"][1] if "pdf" in written else None,
                              xlsx_sha256=written["xlsx"][1] if "xlsx" in written else None)
    return ProducedReport(info, snap.unit.name, snap.period.label_vi,
                          written["pdf"][0] if "pdf" in written else None,
                          written["xlsx"][0] if "xlsx" in written else None)


def _info(db: Database, report_id: str) -> ReportRecordInfo:
    with db.reading() as session:
        row = session.get(ReportRecord, report_id)
        if row is None or row.deleted_at is not None:
            raise NotFound(f"Không tìm thấy báo cáo mã {report_id}.")
        return report_info(row)


def produced_reports(db: Database, actor: Actor) -> list[ReportRecordInfo]:
    """Every stored report of the units held, latest period first."""
    return list_reports(db, actor)


# --- signing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SignerChoice:
    """Which key signs: the unit's certificate, an officer's .p12/.pfx file, or a token."""

    kind: SignerKind
    p12_path: Path | None = None
    token_lib: str = ""
    token_label: str = ""
    key_label: str = ""


@dataclass(frozen=True)
class SignedReport:
    """A signed report: its record (now locking its period) and the signed file."""

    info: ReportRecordInfo
    path: Path
    signer_name: str
    signed_at: datetime
    certificate: CertificateInfo


def has_unit_certificate(db: Database) -> bool:
    """Whether the unit's own certificate exists (else signing with it creates it)."""
    with db.reading() as session:
        return session.get(Setting, signing_keys.UNIT_CERTIFICATE_KEY) is not None


def _required(field: str, value: str, label: str) -> str:
    return validation.text(field, value, required=True, max_len=500, label=label)


def _p12_signer(db: Database, actor: Actor, path: Path | None, secret: str) -> ReportSigner:
    """An officer's .p12/.pfx, registered as a known signer so this office recognises it."""
    if path is None or not str(path).strip():
        raise ValidationError("p12_path", "Hãy chọn tệp chứng thư số (.p12 hoặc .pfx).")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("p12_path", f"Không đọc được tệp {path.name}: "
                                          f"{exc.strerror or exc}.") from exc
    from desktop.reports.signing import load_p12_signer

    signing_keys.import_certificate(db, actor, data, secret)
    return load_p12_signer(data, secret)


def _open_signer(db: Database, actor: Actor, choice: SignerChoice,
                 secret: str) -> tuple[ReportSigner, bool]:
    """The key and whether it is a person's own (its name then goes on the stamp)."""
    if not secret:
        raise ValidationError("secret", "Hãy nhập mật khẩu hoặc mã PIN.")
    if choice.kind == "unit":
        if not has_unit_certificate(db):
            signing_keys.ensure_unit_certificate(db, actor, secret)
        return signing_keys.unit_signer(db, actor, secret), False
    if choice.kind == "p12":
        return _p12_signer(db, actor, choice.p12_path, secret), True
    lib = _required("token_lib", choice.token_lib, "Thư viện PKCS#11")
    token = _required("token_label", choice.token_label, "Nhãn thiết bị")
    key = _required("key_label", choice.key_label, "Nhãn khóa ký")
    from desktop.reports.signing import Pkcs11Signer

    return Pkcs11Signer(lib, token, secret, key), True


def sign(db: Database, actor: Actor, report_id: str, pdf_path: Path, signer_choice: SignerChoice,
         secret: str, progress_cb: ProgressCallback | None = None) -> SignedReport:
    """Sign a stored report: render its snapshot with the signer's name and a visible
    stamp, write it beside `pdf_path` (…_da-ky.pdf), then lock the period."""
    from desktop.reports.signing import sign_pdf

    require(actor, Action.SIGN_REPORTS)
    step = _Steps(progress_cb, 3)
    step("Đang mở khóa ký…")
    if _info(db, report_id).signed:
        raise ServiceError("Báo cáo này đã được ký; không ký lại được.")
    snap = load_snapshot(db, actor, report_id)
    signer, personal = _open_signer(db, actor, signer_choice, secret)
    certificate = signer.certificate()
    name = certificate.common_name if personal else (snap.unit.police_chief or actor.full_name)
    step("Đang ký số…")
    rendered = render_pdf(snap, render_options(actor, name))
    when = datetime.now(UTC)
    signed = sign_pdf(rendered.pdf, signer, rendered.signature_box, name, when,
                      unit_name=snap.unit.name)
    step("Đang lưu tệp đã ký…")
    target = write_report_file(pdf_path.with_name(f"{pdf_path.stem}_da-ky.pdf"), signed)
    try:
        info = mark_signed(db, actor, report_id, name, when, sha256_hex(signed))
    except ServiceError:
        target.unlink(missing_ok=True)  # not recorded as signed: leave no signed file behind
        raise
    return SignedReport(info, target, name, when, certificate)


# --- verifying and copying -----------------------------------------------------------------

def verify_file(db: Database, path: Path) -> VerificationResult:
    """Check a PDF's digital signature against the signers this office knows."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ServiceError(f"Không đọc được tệp {path.name}: {exc.strerror or exc}.") from exc
    if not data.startswith(b"%PDF"):
        raise SigningError(f"Tệp {path.name} không phải tệp PDF.")
    return verify_pdf(data, signing_keys.known_signers(db))


def copy_files(paths: Iterable[Path], target: Path) -> list[Path]:
    """Copy report files into `target` (a USB stick's folder); returns the copies."""
    if not target.is_dir():
        raise ServiceError(f"Không tìm thấy thư mục {target}; hãy cắm lại USB rồi chọn lại.")
    copies = []
    for path in paths:
        try:
            copies.append(Path(shutil.copy2(path, target / path.name)))
        except OSError as exc:
            raise ServiceError(f"Không chép được {path.name} vào {target}: "
                               f"{exc.strerror or exc}.") from exc
    return copies
