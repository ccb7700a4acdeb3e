"""`hoanhap verify FILE.pdf [--db PATH]`: check a report's digital signature (REPORTS §5).

Exit 0 when the signature is cryptographically valid over the whole file — even from a
signer the database does not know, which is reported but is a question of trust, not of
integrity — and 1 when the file is unsigned or was altered after signing.
"""

from __future__ import annotations

import argparse

from desktop.commands.opening import open_db
from desktop.formatting import format_datetime
from desktop.reports.certificates import CertificateInfo
from desktop.reports.verification import VerificationResult, verify_pdf
from desktop.services.signing_keys import known_signers


def _yes_no(value: bool) -> str:
    return "có" if value else "không"


def _known_line(result: VerificationResult) -> str:
    if result.known_signer is None:
        return "chưa kiểm tra (dùng --db để so với danh sách người ký của đơn vị)"
    return _yes_no(result.known_signer)


def _lines(result: VerificationResult) -> list[str]:
    """The report, one fact per line, in the order a user reads it."""
    lines = [f"Kết quả: {result.status_vi}"]
    if result.signed:
        cert = result.certificate
        lines += [f"Người ký: {result.signer_name}"]
        if cert is not None:
            kind = "tự cấp" if cert.self_signed else f"cấp bởi {cert.issuer_common_name}"
            lines.append(f"Chứng thư số: {cert.common_name} — {cert.organisation} ({kind})")
        lines += [
            f"Vân tay SHA-256: {result.signer_fingerprint}",
            f"Thời điểm ký (theo máy người ký): {format_datetime(result.signing_time)}",
            f"Chữ ký nguyên vẹn: {_yes_no(result.intact)}",
            f"Chữ ký bao trùm toàn bộ tệp: {_yes_no(result.covers_whole_file)}",
            f"Người ký đã biết: {_known_line(result)}",
        ]
    lines += [f"- {problem}" for problem in result.problems]
    return lines


def _registry(args: argparse.Namespace) -> list[CertificateInfo] | None:
    if getattr(args, "db", None) is None:
        return None
    db = open_db(args)
    try:
        return known_signers(db)
    finally:
        db.close()


def verify(args: argparse.Namespace) -> int:
    """Print what the signature of `args.file` proves; 0 if valid over the whole file."""
    result = verify_pdf(args.file.read_bytes(), _registry(args))
    print(f"Tệp: {args.file}")
    for line in _lines(result):
        print(line)
    return 0 if result.valid else 1
