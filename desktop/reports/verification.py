"""Checking the digital signature of a report PDF received from another office (REPORTS §5).

Unit certificates are self-signed, so there is no CA chain to judge. "Valid" here means:
the signature is cryptographically sound and covers the whole file (nothing was changed or
appended after signing). Whether the *signer* is someone we know is a separate answer:
their certificate's SHA-256 fingerprint is, or is not, in the registry of known signers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import TYPE_CHECKING

from desktop.reports.certificates import CertificateInfo, SigningError, certificate_info
from desktop.text import nfc

# pyHanko takes most of a second to import: it loads when a PDF is checked, so that the
# result type can be imported (by the Reports screen) without it.
if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko_certvalidator import ValidationContext

STATUS_VALID = "Hợp lệ"
STATUS_ALTERED = "Đã bị sửa đổi"
STATUS_UNKNOWN_SIGNER = "Không rõ người ký"
STATUS_UNSIGNED = "Không có chữ ký"


@dataclass(frozen=True)
class VerificationResult:
    """What the app tells the user about a received PDF's signature (the last one)."""

    signed: bool
    intact: bool  # every signature's digest and cryptography hold
    covers_whole_file: bool  # nothing was appended after the last signature
    signer_name: str
    signer_fingerprint: str
    signing_time: datetime | None  # as the signer's computer claimed it: no timestamp server
    known_signer: bool | None  # None when no registry was given
    problems: tuple[str, ...]  # Vietnamese, one sentence each
    certificate: CertificateInfo | None = None

    @property
    def valid(self) -> bool:
        """Cryptographically valid over the whole file, whoever signed it."""
        return self.signed and self.intact and self.covers_whole_file

    @property
    def status_vi(self) -> str:
        """One word for the result column: Hợp lệ / Đã bị sửa đổi / Không rõ người ký…"""
        if not self.signed:
            return STATUS_UNSIGNED
        if not self.valid:
            return STATUS_ALTERED
        if self.known_signer is False:
            return STATUS_UNKNOWN_SIGNER
        return STATUS_VALID


@dataclass(frozen=True)
class _Checked:
    """One embedded signature, checked."""

    intact: bool
    whole_file: bool
    name: str
    info: CertificateInfo | None
    time: datetime | None
    problems: list[str]


def _read(pdf: bytes) -> PdfFileReader:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(BytesIO(pdf))
    except (PdfError, ValueError, KeyError) as exc:
        raise SigningError("Tệp không phải PDF hợp lệ hoặc đã bị hỏng, không kiểm tra được "
                           "chữ ký.") from exc


def _context(embedded: EmbeddedPdfSignature, when: datetime | None) -> ValidationContext:
    # Trusting the signer's own certificate lets pyHanko finish its checks (key usage,
    # validity at the claimed signing time) without a CA; who the signer is gets judged
    # against the registry instead. No fetching: the office has no network.
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[embedded.signer_cert], allow_fetching=False,
                             moment=when)


def _check(embedded: EmbeddedPdfSignature) -> _Checked:
    """Integrity, coverage and signer of one signature; never raises for a bad signature."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    cert = embedded.signer_cert
    info = certificate_info(cert.dump()) if cert is not None else None
    when = embedded.self_reported_timestamp
    field_name = embedded.sig_object.get("/Name")
    name = nfc(str(field_name)) if field_name else (info.common_name if info else "")
    try:
        status = validate_pdf_signature(embedded, _context(embedded, when))
    except (SignatureValidationError, PdfError, ValueError, KeyError) as exc:
        return _Checked(False, False, name, info, when,
                        [f"Chữ ký số bị hỏng, không đọc được ({exc})."])
    problems = []
    if not status.intact:
        problems.append("Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).")
    elif not status.valid:
        problems.append("Chữ ký số không khớp với chứng thư số của người ký.")
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not whole:
        problems.append("Tệp đã được ghi thêm nội dung sau khi ký: chữ ký không bao trùm "
                        "toàn bộ tệp.")
    if status.intact and status.valid and not status.trusted:
        problems.append("Chứng thư số không dùng được để ký vào thời điểm ký (hết hạn, "
                        "chưa có hiệu lực hoặc sai mục đích sử dụng).")
    return _Checked(status.intact and status.valid, whole, name, info, when, problems)


def _known(info: CertificateInfo | None,
           known: Iterable[CertificateInfo] | None) -> tuple[bool | None, list[str]]:
    if known is None:
        return None, []
    if info is not None and info.fingerprint in {k.fingerprint for k in known}:
        return True, []
    who = f"{info.common_name} ({info.organisation})" if info else "không rõ"
    return False, [f"Người ký {who} chưa có trong danh sách người ký đã biết của đơn vị."]


def verify_pdf(pdf: bytes, known: Iterable[CertificateInfo] | None = None) -> VerificationResult:
    """Check every signature of `pdf`; the result describes the last one.

    Earlier signatures still count: if any of them is broken, the file is "altered".
    Raises SigningError when `pdf` is not a readable PDF at all.
    """
    signatures = _read(pdf).embedded_signatures
    if not signatures:
        return VerificationResult(False, False, False, "", "", None, None,
                                  ("Tệp không có chữ ký số.",))
    checked = [_check(s) for s in signatures]
    last = checked[-1]
    problems = list(last.problems)
    # An earlier signature never covers the whole file (later ones were appended after
    # it); only its integrity matters.
    problems += [f"Chữ ký thứ {n} ({earlier.name}) không còn nguyên vẹn."
                 for n, earlier in enumerate(checked[:-1], start=1) if not earlier.intact]
    known_signer, unknown = _known(last.info, known)
    return VerificationResult(
        signed=True, intact=all(c.intact for c in checked),
        covers_whole_file=last.whole_file, signer_name=last.name,
        signer_fingerprint=last.info.fingerprint if last.info else "",
        signing_time=last.time, known_signer=known_signer,
        problems=tuple(dict.fromkeys(problems + unknown)), certificate=last.info,
    )
