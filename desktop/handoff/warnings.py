"""Things a person should know before importing a package that do not stop the import.

Rejections (wrong key, tampering, bad types) are `PackageRejected`; these are the softer
facts the preview shows: the file was not encrypted, the signing key is new, it was
meant for another unit, a previous `changes` package is missing, or the sender's audit
chain in the package does not hold.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.handoff.container import OpenedPackage
from desktop.handoff.records import parse_lines
from desktop.models import AuditEntry, ImportedPackage
from desktop.services.audit import entry_digest


def package_warnings(session: Session, opened: OpenedPackage, home: str | None) -> list[str]:
    """Vietnamese sentences, most important first (empty when nothing is unusual)."""
    m = opened.manifest
    found: list[str] = []
    if opened.key_status == "new":
        found.append(f"Khóa ký của đơn vị {m.unit.code} ({m.unit.name}) chưa được đăng ký ở "
                     f"máy này. Vân tay: {opened.fingerprint_display}. Chỉ nhập sau khi đã "
                     "gọi điện đối chiếu vân tay với đơn vị gửi.")
    if not opened.encrypted:
        found.append("Gói này KHÔNG được mã hóa (chỉ dùng để thử nghiệm).")
    if m.recipient is not None and home is not None and m.recipient.code != home:
        found.append(f"Gói này gửi cho đơn vị {m.recipient.code} ({m.recipient.name}), "
                     f"không phải đơn vị {home} của máy này.")
    if m.kind == "changes" and m.since_package_id is not None and session.get(
            ImportedPackage, m.since_package_id) is None:
        found.append(f"Gói thay đổi này nối tiếp gói {m.since_package_id}, gói đó chưa được "
                     "nhập ở máy này: có thể thiếu một số thay đổi. Hãy nhập gói đó trước, "
                     "hoặc xin đơn vị gửi một gói đầy đủ.")
    if m.kind in ("full", "changes") and "audit" in opened.tables:
        found += _audit_chain_warnings(opened)
    return found


def _audit_chain_warnings(opened: OpenedPackage) -> list[str]:
    # The sender's audit entries are not merged into our own chain (their sequence numbers
    # and links belong to the sender's database), but their hashes can still be checked.
    entries = [AuditEntry(**values) for values in parse_lines("audit", opened.tables["audit"])]
    previous: AuditEntry | None = None
    for entry in sorted(entries, key=lambda e: e.seq):
        if entry_digest(entry) != entry.entry_hash:
            return [f"Nhật ký của đơn vị gửi: mục số {entry.seq} không khớp mã băm "
                    "(đã bị sửa sau khi ghi)."]
        if previous is not None and previous.seq + 1 == entry.seq \
                and entry.prev_hash != previous.entry_hash:
            return [f"Nhật ký của đơn vị gửi: mục số {entry.seq} không nối đúng với mục trước."]
        previous = entry
    return []

