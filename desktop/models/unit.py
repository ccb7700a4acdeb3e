"""The commune/ward unit that owns records, with its report signers and settings."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, RecordMixin


class Unit(RecordMixin, Base):
    """A commune or ward police office (or an imported one, on an aggregator)."""

    __tablename__ = "units"

    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str] = mapped_column(String(200))
    # Where the unit's place name appears in "Thanh Bình, ngày … tháng … năm …".
    place_name: Mapped[str] = mapped_column(String(100), default="")
    is_home: Mapped[bool] = mapped_column(Boolean, default=False)
    # District or province police: both appear in real plans (SPEC §1).
    recipient_level: Mapped[str] = mapped_column(String(20), default="province")
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    parent_agency: Mapped[str] = mapped_column(String(200), default="")
    police_chief: Mapped[str] = mapped_column(String(200), default="")
    police_chief_title: Mapped[str] = mapped_column(String(100), default="TRƯỞNG CÔNG AN")
    chairperson: Mapped[str] = mapped_column(String(200), default="")
    chairperson_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")
    # TM./KT./Q. authority prefix of Decree 30 signature blocks.
    signer_prefix: Mapped[str] = mapped_column(String(100), default="TM. ỦY BAN NHÂN DÂN")
    doc_symbol: Mapped[str] = mapped_column(String(40), default="BC-CAX")
    report_recipients: Mapped[str] = mapped_column(Text, default="")
    period_convention: Mapped[str] = mapped_column(String(20), default="cutoff")
    year_start_month: Mapped[int] = mapped_column(Integer, default=12)
    contact_interval_days: Mapped[int] = mapped_column(Integer, default=7)
    rule_set_name: Mapped[str] = mapped_column(String(40), default="auto")
    loan_violation_free_months: Mapped[int] = mapped_column(Integer, default=12)
