"""Report signatures: PAdES signing with a visible stamp, verification, pdfsig, PKCS#11."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID
from PIL import Image
from pyhanko.pdf_utils.generic import TextStringObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop.commands.verify_cmd import verify
from desktop.reports.certificates import (
    SigningError,
    certificate_info,
    create_unit_certificate,
    read_pkcs12,
)
from desktop.reports.layout import FONT_BOLD as BOLD
from desktop.reports.layout import SignatureBox, register_fonts
from desktop.reports.signing import Pkcs11Signer, ReportSigner, load_p12_signer, sign_pdf
from desktop.reports.stamp import PADDING, _fit, render_stamp, stamp_lines
from desktop.reports.verification import verify_pdf
from desktop.services.errors import ServiceError

PASSWORD = "mật-khẩu-2026"
UNIT = "Công an phường Thanh Bình"
SIGNER = "Nguyễn Văn Á"
TITLE = "Bao cao so 05/BC-CAX"  # ASCII, so it sits in the file verbatim and can be altered
WHEN = datetime(2026, 11, 26, 10, 15, tzinfo=timezone(timedelta(hours=7)))
BOX = SignatureBox(page_index=0, x1=330, y1=170, x2=530, y2=230)

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None,
                                  reason="poppler's pdfsig is not installed (apt poppler-utils)")
needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                    reason="poppler's pdftoppm is not installed (poppler-utils)")


def make_report() -> bytes:
    """A one-page report in Liberation Serif with Vietnamese text and a signature block."""
    register_fonts()
    out = BytesIO()
    canvas = Canvas(out, invariant=True)
    canvas.setTitle(TITLE)
    canvas.setFont(BOLD, 14)
    canvas.drawCentredString(297, 760, "BÁO CÁO")
    canvas.setFont("LiberationSerif", 13)
    canvas.drawString(85, 720, "Kết quả quản lý người chấp hành xong án phạt tù quý IV")
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(430, 260, "TRƯỞNG CÔNG AN")
    canvas.drawCentredString(430, 150, SIGNER)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def unit_p12() -> bytes:
    return create_unit_certificate(UNIT, UNIT, "Tỉnh Thái Nguyên", PASSWORD)


@pytest.fixture(scope="module")
def signer(unit_p12: bytes) -> ReportSigner:
    return load_p12_signer(unit_p12, PASSWORD)


@pytest.fixture(scope="module")
def report() -> bytes:
    return make_report()


@pytest.fixture(scope="module")
def signed(report: bytes, signer: ReportSigner) -> bytes:
    return sign_pdf(report, signer, BOX, SIGNER, WHEN)


def altered(pdf: bytes) -> bytes:
    """`pdf` with one byte of the (signed) document title changed."""
    at = pdf.index(TITLE.encode("ascii")) + len("Bao cao so 0")
    assert pdf[at:at + 1] == b"5"
    return pdf[:at] + b"6" + pdf[at + 1:]


def pdfsig(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "checked.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, check=False)
    return run.stdout.decode("utf-8", "replace") + run.stderr.decode("utf-8", "replace")


def run_verify(pdf: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "received.pdf"
    path.write_bytes(pdf)
    code = verify(argparse.Namespace(file=path, db=None))
    return code, capsys.readouterr().out


# --- certificates -----------------------------------------------------------------------

def test_unit_certificate_names_the_unit_in_vietnamese(unit_p12: bytes) -> None:
    material = read_pkcs12(unit_p12, PASSWORD)
    info = certificate_info(material.certificate)
    assert (info.common_name, info.organisation, info.self_signed) == (UNIT, UNIT, True)
    usage = material.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature
    assert usage.content_commitment
    assert not usage.key_cert_sign
    assert material.certificate.public_key().key_size == 3072  # type: ignore[union-attr]
    assert info.not_after - info.not_before > timedelta(days=3650)


def test_wrong_p12_password_is_a_clear_service_error(unit_p12: bytes) -> None:
    with pytest.raises(ServiceError, match="Mật khẩu của chứng thư số không đúng"):
        load_p12_signer(unit_p12, "sai-mat-khau")


def test_a_file_that_is_not_a_p12_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "anh.p12"
    path.write_bytes(b"%PDF-1.4 not a certificate")
    with pytest.raises(SigningError, match="không phải là chứng thư số"):
        load_p12_signer(path, PASSWORD)
    with pytest.raises(SigningError, match="Không đọc được tệp chứng thư số"):
        load_p12_signer(tmp_path / "missing.p12", PASSWORD)


# --- signing and our own verification ---------------------------------------------------

def test_signing_appends_and_verifies_valid(report: bytes, signed: bytes) -> None:
    assert signed.startswith(report)  # incremental: the original bytes are untouched
    result = verify_pdf(signed)
    assert (result.signed, result.intact, result.covers_whole_file) == (True, True, True)
    assert result.signer_name == SIGNER
    assert result.signing_time == WHEN
    assert result.known_signer is None
    assert result.status_vi == "Hợp lệ"
    assert result.problems == ()


def test_known_signer_only_when_registered(signed: bytes, unit_p12: bytes) -> None:
    mine = certificate_info(read_pkcs12(unit_p12, PASSWORD).certificate)
    other = certificate_info(read_pkcs12(
        create_unit_certificate("Khác", "Công an xã Khác", "Tỉnh Khác", "pw"), "pw").certificate)
    assert verify_pdf(signed, [other, mine]).known_signer is True
    assert verify_pdf(signed, [mine]).signer_fingerprint == mine.fingerprint
    unknown = verify_pdf(signed, [other])
    assert unknown.known_signer is False
    assert unknown.valid
    assert unknown.status_vi == "Không rõ người ký"
    assert any("chưa có trong danh sách người ký" in p for p in unknown.problems)


def test_one_changed_byte_is_reported_altered(signed: bytes) -> None:
    result = verify_pdf(altered(signed))
    assert result.signed
    assert not result.intact
    assert result.status_vi == "Đã bị sửa đổi"
    assert any("đã bị thay đổi sau khi ký" in p for p in result.problems)


def test_content_appended_after_signing_is_reported(signed: bytes) -> None:
    writer = IncrementalPdfFileWriter(BytesIO(signed))
    writer.root["/Lang"] = TextStringObject("vi")
    writer.update_root()  # type: ignore[no-untyped-call]
    out = BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    result = verify_pdf(out.getvalue())
    assert result.intact
    assert not result.covers_whole_file
    assert result.status_vi == "Đã bị sửa đổi"


def test_unsigned_pdf(report: bytes) -> None:
    result = verify_pdf(report)
    assert not result.signed
    assert result.status_vi == "Không có chữ ký"


def test_garbage_is_not_a_pdf() -> None:
    with pytest.raises(SigningError, match="không phải PDF"):
        verify_pdf(b"hello")


def test_second_signature_gets_its_own_field(signed: bytes, signer: ReportSigner) -> None:
    box = SignatureBox(page_index=0, x1=85, y1=170, x2=285, y2=230)
    twice = sign_pdf(signed, signer, box, "Trần Văn Trưởng", WHEN + timedelta(hours=1))
    result = verify_pdf(twice)
    assert result.valid
    assert result.signer_name == "Trần Văn Trưởng"
    assert b"/T (HoaNhapSignature2)" in twice[len(signed):]


def test_expired_certificate_refuses_to_sign(report: bytes) -> None:
    old = create_unit_certificate(UNIT, UNIT, "Tỉnh Thái Nguyên", PASSWORD, valid_years=1,
                                  now=datetime(2020, 1, 1, tzinfo=UTC))
    with pytest.raises(SigningError, match="chỉ có hiệu lực từ"):
        sign_pdf(report, load_p12_signer(old, PASSWORD), BOX, SIGNER, WHEN)


def test_naive_time_is_taken_as_local_time(report: bytes, signer: ReportSigner) -> None:
    naive = datetime(2026, 11, 26, 8, 5)
    result = verify_pdf(sign_pdf(report, signer, BOX, SIGNER, naive))
    assert result.signing_time == naive.astimezone()


def _ca_issued_p12(password: str) -> bytes:
    """An officer's certificate as a Vietnamese CA issues it: CA chain, CRL and OCSP URLs."""
    def name(cn: str, org: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])

    start = datetime.now(UTC) - timedelta(days=1)
    ca_key, key = rsa.generate_private_key(65537, 2048), rsa.generate_private_key(65537, 2048)
    ca_name = name("CA Thử Nghiệm", "Nhà cung cấp")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(start)
          .not_valid_after(start + timedelta(days=3000))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    url = x509.UniformResourceIdentifier
    leaf = (x509.CertificateBuilder().subject_name(name("Nguyễn Văn Cán", UNIT))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(start).not_valid_after(start + timedelta(days=365))
            .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                [url("http://crl.example.vn/ca.crl")], None, None, None)]), critical=False)
            .add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
                AuthorityInformationAccessOID.OCSP, url("http://ocsp.example.vn"))]),
                critical=False)
            .sign(ca_key, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(
        b"officer", key, leaf, [ca], serialization.BestAvailableEncryption(password.encode()))


def test_ca_issued_certificate_verifies_offline(report: bytes) -> None:
    """No network: revocation URLs in the certificate must not turn into problems."""
    signed = sign_pdf(report, load_p12_signer(_ca_issued_p12("pw"), "pw"), BOX,
                      "Nguyễn Văn Cán", WHEN)
    result = verify_pdf(signed)
    assert result.valid
    assert result.problems == ()
    assert result.certificate is not None
    assert result.certificate.issuer_common_name == "CA Thử Nghiệm"
    assert not result.certificate.self_signed


# --- the visible stamp ------------------------------------------------------------------

def test_stamp_lines_are_vietnamese_nfc() -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n A\u0301"
    assert stamp_lines(decomposed, UNIT, WHEN) == [
        ("Ký số bởi: ", SIGNER), ("Đơn vị: ", UNIT), ("Thời gian: ", "10:15 ngày 26/11/2026")]


def test_long_unit_names_wrap_inside_the_box() -> None:
    register_fonts()
    lines = stamp_lines(SIGNER, "Công an xã Thanh Bình, huyện Phú Bình, tỉnh Thái Nguyên",
                        WHEN)
    size, rows = _fit(lines, 150 - 2 * PADDING, 60 - 2 * PADDING)
    assert sum(len(r) for r in rows) > len(lines)  # it wrapped rather than overflowed
    assert all(pdfmetrics.stringWidth(row, BOLD, size) <= 150 - 2 * PADDING
               for r in rows for row in r)


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="poppler's pdftotext is not installed (poppler-utils)")
def test_stamp_pdf_carries_the_text(tmp_path: Path) -> None:
    path = tmp_path / "stamp.pdf"
    path.write_bytes(render_stamp(200, 60, stamp_lines(SIGNER, UNIT, WHEN)))
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "Ký số bởi: Nguyễn Văn Á" in text
    assert "Đơn vị: Công an phường Thanh Bình" in text
    assert "Thời gian: 10:15 ngày 26/11/2026" in text


def _ink(image: Image.Image, box: tuple[float, float, float, float], dpi: int) -> int:
    """Dark-ish pixels inside a PDF-point box of an A4 page image (origin bottom-left)."""
    scale = dpi / 72
    x1, y1, x2, y2 = box
    top = image.height - y2 * scale
    crop = image.convert("L").crop((int(x1 * scale) + 3, int(top) + 3,
                                    int(x2 * scale) - 3, int(image.height - y1 * scale) - 3))
    return sum(crop.histogram()[:160])


@needs_pdftoppm
def test_stamp_is_visible_on_the_page(signed: bytes, tmp_path: Path) -> None:
    (tmp_path / "signed.pdf").write_bytes(signed)
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(tmp_path / "signed.pdf"),
                    str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png")
    assert _ink(image, (BOX.x1, BOX.y1, BOX.x2, BOX.y2), 100) > 300  # three lines of text
    assert _ink(image, (85, 170, 285, 230), 100) == 0  # nothing drawn outside the box


# --- poppler's pdfsig -------------------------------------------------------------------

@needs_pdfsig
def test_pdfsig_accepts_the_signature(signed: bytes, tmp_path: Path) -> None:
    out = pdfsig(signed, tmp_path)
    assert "Signature Validation: Signature is Valid." in out
    assert f"Signer Certificate Common Name: {UNIT}" in out
    assert "Total document signed" in out
    assert "Signing Hash Algorithm: SHA-256" in out
    assert "ETSI.CAdES.detached" in out  # PAdES


@needs_pdfsig
def test_pdfsig_rejects_a_changed_byte(signed: bytes, tmp_path: Path) -> None:
    out = pdfsig(altered(signed), tmp_path)
    assert "Signature is Valid" not in out
    assert re.search(r"Signature Validation: (Digest Mismatch|Signature is Invalid)", out)


# --- hoanhap verify ---------------------------------------------------------------------

def test_cli_valid_signature_exits_0(signed: bytes, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_verify(signed, tmp_path, capsys)
    assert code == 0
    assert "Kết quả: Hợp lệ" in out
    assert f"Người ký: {SIGNER}" in out
    assert "Chữ ký nguyên vẹn: có" in out
    assert "Chữ ký bao trùm toàn bộ tệp: có" in out


def test_cli_altered_exits_1(signed: bytes, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_verify(altered(signed), tmp_path, capsys)
    assert code == 1
    assert "Kết quả: Đã bị sửa đổi" in out
    assert "Chữ ký nguyên vẹn: không" in out


def test_cli_unsigned_exits_1(report: bytes, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_verify(report, tmp_path, capsys)
    assert code == 1
    assert "Kết quả: Không có chữ ký" in out


# --- PKCS#11 (SoftHSM2 standing in for a Vietnamese CA USB token) ------------------------

SOFTHSM_LIBS = ("/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/local/lib/softhsm/libsofthsm2.so")


def _softhsm_lib() -> str | None:
    return next((p for p in (os.environ.get("SOFTHSM2_LIB", ""), *SOFTHSM_LIBS)
                 if p and Path(p).is_file()), None)


def _tool(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, bytes]]:
    """A SoftHSM2 token "hoanhap" (PIN 1234) holding key + certificate labelled "signer"."""
    pytest.importorskip("pkcs11", reason="python-pkcs11 is not installed")
    lib = _softhsm_lib()
    if lib is None or shutil.which("softhsm2-util") is None:
        pytest.skip("SoftHSM2 is not installed (apt softhsm2)")
    if shutil.which("pkcs11-tool") is None:
        pytest.skip("pkcs11-tool is not installed (apt opensc)")
    root = tmp_path_factory.mktemp("softhsm")
    (root / "tokens").mkdir()
    conf = root / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {root / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(conf)  # read by every SoftHSM user, ours included
    _tool("softhsm2-util", "--init-token", "--free", "--label", "hoanhap", "--pin", "1234",
          "--so-pin", "5678")
    material = read_pkcs12(create_unit_certificate("Lê Thị Bình", "Công an xã An Phú",
                                                   "Tỉnh Thái Nguyên", "pw"), "pw")
    key, cert = root / "key.der", root / "cert.der"
    key.write_bytes(material.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    der = material.certificate.public_bytes(serialization.Encoding.DER)
    cert.write_bytes(der)
    for path, kind in ((key, "privkey"), (cert, "cert")):
        _tool("pkcs11-tool", "--module", lib, "--token-label", "hoanhap", "--login",
              "--pin", "1234", "--write-object", str(path), "--type", kind,
              "--label", "signer", "--id", "01")
    yield lib, der
    if saved is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = saved


def test_pkcs11_token_signs_verifiably(token: tuple[str, bytes], report: bytes,
                                       tmp_path: Path) -> None:
    lib, der = token
    hsm = Pkcs11Signer(lib, "hoanhap", "1234", "signer")
    assert hsm.certificate().common_name == "Lê Thị Bình"
    signed = sign_pdf(report, hsm, BOX, "Lê Thị Bình", WHEN)
    result = verify_pdf(signed, [certificate_info(der)])
    assert result.valid
    assert result.known_signer is True
    assert result.status_vi == "Hợp lệ"
    if shutil.which("pdfsig") is not None:
        out = pdfsig(signed, tmp_path)
        assert "Signature Validation: Signature is Valid." in out
        assert "Signer Certificate Common Name: Lê Thị Bình" in out


def test_pkcs11_wrong_pin_and_missing_token(token: tuple[str, bytes]) -> None:
    lib, _ = token
    with pytest.raises(SigningError, match="Mã PIN của thiết bị ký số không đúng"):
        Pkcs11Signer(lib, "hoanhap", "0000", "signer").certificate()
    with pytest.raises(SigningError, match="“khong-co”"):
        Pkcs11Signer(lib, "khong-co", "1234", "signer").certificate()
    with pytest.raises(SigningError, match="Không tìm thấy thư viện PKCS#11"):
        Pkcs11Signer("/khong/co/lib.so", "hoanhap", "1234", "signer").certificate()
