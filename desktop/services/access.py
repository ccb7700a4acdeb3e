"""Who is calling and what their role allows (SPEC §8), enforced by every use case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.services.errors import PermissionDenied


class Action(StrEnum):
    """Things a use case may need permission for."""

    READ = "read"
    EDIT_RECORDS = "edit_records"
    PRODUCE_REPORTS = "produce_reports"
    SIGN_REPORTS = "sign_reports"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    EXCHANGE = "exchange"


# Officers keep the records; leaders review, approve and sign (read-only on records);
# admins run the installation. Admin also edits records because a small commune office
# often has one officer who is the administrator too.
PERMISSIONS: dict[str, frozenset[Action]] = {
    "officer": frozenset({Action.READ, Action.EDIT_RECORDS, Action.PRODUCE_REPORTS,
                          Action.EXCHANGE}),
    "leader": frozenset({Action.READ, Action.PRODUCE_REPORTS, Action.SIGN_REPORTS}),
    "admin": frozenset(Action),
}

ACTION_LABELS = {
    Action.READ: "xem dữ liệu",
    Action.EDIT_RECORDS: "sửa hồ sơ",
    Action.PRODUCE_REPORTS: "lập báo cáo",
    Action.SIGN_REPORTS: "ký báo cáo",
    Action.MANAGE_USERS: "quản lý người dùng",
    Action.MANAGE_SETTINGS: "thay đổi cài đặt",
    Action.BACKUP: "sao lưu và khôi phục",
    Action.EXCHANGE: "xuất/nhập gói dữ liệu",
}

ROLE_LABELS = {"officer": "Cán bộ", "leader": "Lãnh đạo", "admin": "Quản trị"}


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a use case runs."""

    username: str
    full_name: str
    role: str
    unit_code: str

    def may(self, action: Action) -> bool:
        """Whether this role allows `action` (views use it to hide what is not allowed)."""
        return action in PERMISSIONS.get(self.role, frozenset())


SYSTEM = Actor(username="system", full_name="HoaNhap", role="admin", unit_code="")


def require(actor: Actor, action: Action) -> None:
    """Raise PermissionDenied unless the actor's role allows `action`."""
    if not actor.may(action):
        role = ROLE_LABELS.get(actor.role, actor.role)
        raise PermissionDenied(
            f"Tài khoản {actor.username} (vai trò {role}) không được phép "
            f"{ACTION_LABELS[action]}."
        )
