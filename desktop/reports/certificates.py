"""Certificates for report signatures (REPORTS §5): the unit's own, officers' and tokens'.

The unit certificate is self-signed — a commune office has no CA of its own and no network
to reach one — so what makes it worth anything is that the receiving office knows its
SHA-256 fingerprint. Everything here is pure: bytes in, bytes or plain dataclasses out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop.services.errors import ServiceError
from desktop.text import nfc, tidy_spaces

# RSA rather than ECDSA: both verify in pdfsig and pyHanko, but RSA is what every PDF
# reader (Adobe, Foxit, the ministry's tools) and every Vietnamese CA token supports.
RSA_KEY_BITS = 3072

# A receiving PC whose clock runs a little behind must not see a "not yet valid" cert.
_BACKDATE = timedelta(days=1)


class SigningError(ServiceError):
    """A signing or certificate problem the user can act on (wrong password, no token…)."""


@dataclass(frozen=True)
class CertificateInfo:
    """What the app shows and compares about a signer's certificate."""

    common_name: str
    organisation: str
    issuer_common_name: str
    fingerprint: str  # SHA-256 of the DER certificate, lower-case hex
    not_before: datetime  # UTC
    not_after: datetime  # UTC
    self_signed: bool  # issuer = subject, as for the unit certificate the app makes

    def valid_on(self, when: datetime) -> bool:
        """Whether `when` (timezone-aware) falls inside the validity period."""
        return self.not_before <= when <= self.not_after


@dataclass(frozen=True)
class KeyMaterial:
    """A private key with its certificate and any chain certificates, from a PKCS#12."""

    private_key: PrivateKeyTypes
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def fingerprint(der: bytes) -> str:
    """SHA-256 of a DER certificate as lower-case hex (what the registry stores)."""
    return hashlib.sha256(der).hexdigest()


def _name_part(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return ""
    value = values[0].value
    return nfc(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)


def certificate_info(certificate: x509.Certificate | bytes) -> CertificateInfo:
    """The facts shown about a certificate (cryptography object or DER bytes)."""
    cert = (x509.load_der_x509_certificate(certificate)
            if isinstance(certificate, bytes) else certificate)
    der = cert.public_bytes(serialization.Encoding.DER)
    return CertificateInfo(
        common_name=_name_part(cert.subject, NameOID.COMMON_NAME),
        organisation=_name_part(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer_common_name=_name_part(cert.issuer, NameOID.COMMON_NAME),
        fingerprint=fingerprint(der),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        self_signed=cert.issuer == cert.subject,
    )


def _subject(common_name: str, unit_name: str, province: str) -> x509.Name:
    parts = [(NameOID.COUNTRY_NAME, "VN"), (NameOID.STATE_OR_PROVINCE_NAME, province),
             (NameOID.ORGANIZATION_NAME, unit_name), (NameOID.COMMON_NAME, common_name)]
    # x509.NameAttribute encodes str as UTF8String, so Vietnamese names survive intact.
    return x509.Name([x509.NameAttribute(oid, tidy_spaces(nfc(value)))
                      for oid, value in parts if tidy_spaces(value)])


def create_unit_certificate(common_name: str, unit_name: str, province: str, password: str,
                            valid_years: int = 10, now: datetime | None = None) -> bytes:
    """A new self-signed RSA certificate for report signing, as password-protected PKCS#12.

    Key usage is digitalSignature + nonRepudiation (what PDF validators expect of a
    document-signing certificate); it is not a CA, so it cannot vouch for anyone else.
    """
    if not tidy_spaces(common_name):
        raise SigningError("Chứng thư số phải có tên người/đơn vị ký.")
    if not password:
        raise SigningError("Chứng thư số phải được bảo vệ bằng mật khẩu.")
    start = (now or datetime.now(UTC)) - _BACKDATE
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    subject = _subject(common_name, unit_name, province)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * valid_years + valid_years // 4))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False,
            crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        tidy_spaces(nfc(common_name)).encode("utf-8"), key, cert, None,
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )


def read_pkcs12(p12: bytes, password: str) -> KeyMaterial:
    """Open a .p12/.pfx; SigningError says in Vietnamese why it cannot be used."""
    # A PKCS#12 file is one DER SEQUENCE; anything else was never a certificate file, and
    # telling the user "wrong password" for it would send them hunting for a password.
    if not p12.startswith(b"\x30"):
        raise SigningError("Tệp không phải là chứng thư số dạng .p12/.pfx.")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(
            p12, password.encode("utf-8") if password else None)
    except ValueError as exc:
        raise SigningError("Mật khẩu của chứng thư số không đúng "
                           "(hoặc tệp .p12/.pfx đã hỏng).") from exc
    if key is None or cert is None:
        raise SigningError("Tệp chứng thư số không chứa khóa bí mật để ký.")
    return KeyMaterial(private_key=key, certificate=cert, chain=tuple(extra))


def certificate_der(certificate: x509.Certificate) -> bytes:
    """The DER encoding, which the registry stores and fingerprints are taken over."""
    return certificate.public_bytes(serialization.Encoding.DER)
