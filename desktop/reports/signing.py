"""PAdES signatures on report PDFs (REPORTS §5), from a PKCS#12 file or a PKCS#11 token.

Both kinds of key sit behind `ReportSigner`, so the report screens never care where the
key lives. Signing appends an incremental update: the original bytes stay a prefix of the
result, which is what lets a validator prove nothing before the signature was changed.
There is no network, so no timestamp server and no revocation data are involved.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner, Signer, SimpleSigner
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.stamp import BaseStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from desktop.formatting import format_date
from desktop.reports.certificates import (
    CertificateInfo,
    KeyMaterial,
    SigningError,
    certificate_info,
    read_pkcs12,
)
from desktop.reports.layout import SignatureBox
from desktop.reports.stamp import render_stamp, stamp_lines, stamp_style
from desktop.text import nfc

if TYPE_CHECKING:
    from pkcs11 import Session as Pkcs11Session

FIELD_PREFIX = "HoaNhapSignature"


class ReportSigner(ABC):
    """A signing key, wherever it lives; `open()` yields a ready pyHanko signer."""

    @abstractmethod
    def open(self) -> AbstractContextManager[Signer]:
        """Make the key usable (unlock a token) for the duration of a `with` block."""

    def certificate(self) -> CertificateInfo:
        """The signer's certificate (opens the token briefly for a PKCS#11 key)."""
        with self.open() as signer:
            return _info_of(signer)


class _KeptKeySigner(SimpleSigner):
    """pyHanko's in-memory signer, keeping the decoded key between signatures.

    SimpleSigner decodes its key again for every raw signature — twice per PDF (size
    estimate, then the real one) — and OpenSSL re-checks an RSA-3072 key each time,
    about 0.4 s, which a leader signing a stack of reports would feel.
    """

    def __init__(self, material: KeyMaterial) -> None:
        store = SimpleCertificateStore()  # type: ignore[no-untyped-call]  # unannotated init
        store.register_multiple([translate_pyca_cryptography_cert_to_asn1(c)
                                 for c in material.chain])
        super().__init__(
            signing_cert=translate_pyca_cryptography_cert_to_asn1(material.certificate),
            signing_key=translate_pyca_cryptography_key_to_asn1(material.private_key),
            cert_registry=store)
        self._key = material.private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        """RSA PKCS#1 v1.5 with the kept key; anything else the way pyHanko does it."""
        try:
            algo = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        except ValueError:
            algo = ""
        if algo == "rsassa_pkcs1v15" and isinstance(self._key, RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        return super().sign_raw(data, digest_algorithm)


class P12Signer(ReportSigner):
    """A key from a .p12/.pfx file, already decrypted in memory."""

    def __init__(self, material: KeyMaterial) -> None:
        self._signer = _KeptKeySigner(material)

    @contextmanager
    def open(self) -> Iterator[Signer]:
        """Nothing to unlock: the password was checked when the file was loaded."""
        yield self._signer


def load_p12_signer(source: Path | bytes, password: str) -> ReportSigner:
    """A signer from a .p12/.pfx file or its bytes; SigningError on a wrong password."""
    if isinstance(source, Path):
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise SigningError(f"Không đọc được tệp chứng thư số {source.name}: "
                               f"{exc.strerror or exc}") from exc
    else:
        data = source
    return P12Signer(read_pkcs12(data, password))


class Pkcs11Signer(ReportSigner):
    """A key on a PKCS#11 USB token (how Vietnamese CAs issue officers' keys).

    The token session is opened per `open()` and closed afterwards, so a token pulled out
    between two signatures gives a clear message instead of a dead session.
    """

    def __init__(self, lib_path: str | Path, token_label: str, pin: str, key_label: str,
                 cert_label: str | None = None) -> None:
        self.lib_path = str(lib_path)
        self.token_label = token_label
        self._pin = pin
        self.key_label = key_label
        self.cert_label = cert_label or key_label

    @contextmanager
    def open(self) -> Iterator[Signer]:
        """Log in to the token and yield a signer bound to the key and its certificate."""
        session = self._session()  # first: it reports a missing python-pkcs11 clearly
        from pyhanko.sign.pkcs11 import PKCS11Signer

        try:
            signer = PKCS11Signer(session, key_label=self.key_label,
                                  cert_label=self.cert_label)
            with _token_errors(self.token_label):
                _ = signer.signing_cert  # find the key and certificate now, not mid-sign
            yield signer
        finally:
            session.close()

    def _session(self) -> Pkcs11Session:
        try:  # optional dependency, loaded only when a token is actually used
            from pyhanko.config.pkcs11 import TokenCriteria
            from pyhanko.sign.pkcs11 import open_pkcs11_session
        except ImportError as exc:
            raise SigningError("Máy này chưa cài thư viện python-pkcs11 nên không dùng được "
                               "thiết bị ký số (USB token).") from exc
        if not Path(self.lib_path).is_file():
            raise SigningError(f"Không tìm thấy thư viện PKCS#11 của thiết bị ký số "
                               f"({self.lib_path}); hãy cài phần mềm đi kèm thiết bị.")
        with _token_errors(self.token_label):
            return open_pkcs11_session(self.lib_path,
                                       token_criteria=TokenCriteria(label=self.token_label),
                                       user_pin=self._pin)
        raise AssertionError("unreachable")  # pragma: no cover - _token_errors re-raises


@contextmanager
def _token_errors(token_label: str) -> Iterator[None]:
    """Turn python-pkcs11's exceptions into Vietnamese messages the user can act on."""
    import pkcs11.exceptions as p11

    try:
        yield
    except p11.PinIncorrect as exc:
        raise SigningError("Mã PIN của thiết bị ký số không đúng.") from exc
    except p11.PinLocked as exc:
        raise SigningError("Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần.") from exc
    except p11.PKCS11Error as exc:
        raise SigningError(f"Không dùng được thiết bị ký số “{token_label}”: "
                           f"hãy kiểm tra thiết bị đã cắm, nhãn và khóa ký ({exc}).") from exc


def _info_of(signer: Signer) -> CertificateInfo:
    cert = signer.signing_cert
    if cert is None:
        raise SigningError("Khóa ký không có chứng thư số đi kèm.")
    return certificate_info(cert.dump())


class _TimedPdfSigner(PdfSigner):
    """PdfSigner that records the caller's signing time instead of reading the clock.

    The stamp shows `when`, so the /M entry and signing-time attribute must say the same.
    """

    def __init__(self, meta: PdfSignatureMetadata, signer: Signer, when: datetime,
                 style: BaseStampStyle, spec: fields.SigFieldSpec) -> None:
        super().__init__(meta, signer, stamp_style=style, new_field_spec=spec)
        self._when = when

    def init_signing_session(self, pdf_out: BasePdfFileWriter,
                             existing_fields_only: bool = False) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._when
        return session


def _writer(pdf: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(BytesIO(pdf))
    except (PdfError, ValueError) as exc:
        raise SigningError("Tệp cần ký không phải PDF hợp lệ.") from exc


def _free_field_name(writer: IncrementalPdfFileWriter) -> str:
    """The first HoaNhapSignatureN not yet in the form (a report may be signed twice)."""
    taken = {name for name, _, _ in fields.enumerate_sig_fields(writer.prev)}
    n = 1
    while f"{FIELD_PREFIX}{n}" in taken:
        n += 1
    return f"{FIELD_PREFIX}{n}"


def _field_spec(name: str, box: SignatureBox) -> fields.SigFieldSpec:
    rect = (round(min(box.x1, box.x2)), round(min(box.y1, box.y2)),
            round(max(box.x1, box.x2)), round(max(box.y1, box.y2)))
    if rect[2] - rect[0] < 20 or rect[3] - rect[1] < 10:
        raise ValueError(f"signature box too small: {box!r}")
    return fields.SigFieldSpec(name, on_page=box.page_index, box=rect)


def _check_validity(info: CertificateInfo, when: datetime) -> None:
    if not info.valid_on(when):
        raise SigningError(
            f"Chứng thư số của {info.common_name} chỉ có hiệu lực từ "
            f"{format_date(info.not_before.date())} đến {format_date(info.not_after.date())}.")


def sign_pdf(pdf: bytes, signer: ReportSigner, box: SignatureBox, signer_name: str,
             when: datetime, *, unit_name: str | None = None,
             reason: str | None = None) -> bytes:
    """Sign `pdf` (PAdES, SHA-256) with a visible stamp at `box`; return the new file.

    The stamp reads "Ký số bởi: `signer_name`", the unit (the certificate's organisation
    unless `unit_name` is given) and `when`; a naive `when` is taken as local time.
    """
    moment = when if when.tzinfo is not None else when.astimezone()
    writer = _writer(pdf)
    spec = _field_spec(_free_field_name(writer), box)
    if not 0 <= box.page_index < int(writer.root["/Pages"]["/Count"]):
        raise ValueError(f"no page {box.page_index} in the document")
    with signer.open() as pyhanko_signer:
        info = _info_of(pyhanko_signer)
        _check_validity(info, moment)
        x1, y1, x2, y2 = spec.box or (0, 0, 0, 0)
        stamp = render_stamp(x2 - x1, y2 - y1, stamp_lines(
            signer_name, info.organisation if unit_name is None else unit_name, moment))
        meta = PdfSignatureMetadata(
            field_name=spec.sig_field_name, md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES, name=nfc(signer_name),
            reason=nfc(reason) if reason else None)
        pdf_signer = _TimedPdfSigner(meta, pyhanko_signer, moment, stamp_style(stamp), spec)
        try:
            output = pdf_signer.sign_pdf(writer)
        except PyHankoSigningError as exc:
            raise SigningError(f"Không ký được tài liệu: {exc}") from exc
    return bytes(output.getvalue())
