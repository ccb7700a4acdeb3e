"""SQLAlchemy 2 typed models of every entity of SPEC §3, one module per aggregate."""

from desktop.models.admin import ROLES, AuditEntry, ReportRecord, Setting, User
from desktop.models.assistance import (
    COMMUNITY_KINDS,
    LOAN_PURPOSES,
    LOAN_STATUSES,
    SUPPORT_KINDS,
    VIOLATION_KINDS,
    CommunityModel,
    Support,
    Violation,
)
from desktop.models.base import Base, RecordMixin, new_id, utcnow
from desktop.models.care import (
    CONTACT_FORMS,
    CORE_TEAM_ROLES,
    RISK_SIGNS,
    TEAM_ROLES,
    ContactLog,
    Evaluation,
    ExcusedWeek,
    TeamMember,
)
from desktop.models.handoff import (
    KEY_STATUSES,
    Conflict,
    ImportedPackage,
    SentPackage,
    UnitKey,
)
from desktop.models.person import (
    END_REASONS,
    MAIN_PENALTIES,
    RELEASE_TYPES,
    STATUSES,
    Judgment,
    Person,
    StatusChange,
)
from desktop.models.unit import Unit

__all__ = [
    "COMMUNITY_KINDS",
    "CONTACT_FORMS",
    "CORE_TEAM_ROLES",
    "END_REASONS",
    "KEY_STATUSES",
    "LOAN_PURPOSES",
    "LOAN_STATUSES",
    "MAIN_PENALTIES",
    "RELEASE_TYPES",
    "RISK_SIGNS",
    "ROLES",
    "STATUSES",
    "SUPPORT_KINDS",
    "TEAM_ROLES",
    "VIOLATION_KINDS",
    "AuditEntry",
    "Base",
    "CommunityModel",
    "Conflict",
    "ContactLog",
    "Evaluation",
    "ExcusedWeek",
    "ImportedPackage",
    "Judgment",
    "Person",
    "RecordMixin",
    "ReportRecord",
    "SentPackage",
    "Setting",
    "StatusChange",
    "Support",
    "TeamMember",
    "Unit",
    "UnitKey",
    "User",
    "Violation",
    "new_id",
    "utcnow",
]
