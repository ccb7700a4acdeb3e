"""How dates, money and numbers are shown to Vietnamese users (SPEC §1): one definition."""

from __future__ import annotations

from datetime import date, datetime


def format_date(d: date | None) -> str:
    """`dd/MM/yyyy`, or an empty string for a missing date."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_datetime(t: datetime | None) -> str:
    """`dd/MM/yyyy HH:mm` in local time."""
    if t is None:
        return ""
    local = t.astimezone() if t.tzinfo is not None else t
    return f"{format_date(local.date())} {local:%H:%M}"


def format_int(n: int | None) -> str:
    """Thousands separated by `.` as Vietnamese writes them: 1.500.000."""
    return "" if n is None else f"{n:,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """Money in đồng: `1.500.000 ₫`."""
    return "" if amount is None else f"{format_int(amount)} ₫"


def format_decimal(x: float | None, places: int = 1) -> str:
    """A decimal with a comma, as Vietnamese writes it: 87,5."""
    return "" if x is None else f"{x:.{places}f}".replace(".", ",")


def parse_date_vn(text: str) -> date | None:
    """Parse `dd/MM/yyyy` (also `d/M/yyyy`); None when it is not a valid date."""
    parts = text.strip().split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        return None
    try:
        return date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        return None
