"""The printed recovery sheet: one A4 page with the recovery code and what to do with it.

Written as a PDF (reportlab, like every printed form) for the office to print and lock
away; the bundle has no Qt print support. The code is set in Courier: it is ASCII only,
and a fixed-width face keeps its groups aligned for reading aloud.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

from desktop.text import nfc

INSTRUCTIONS = (
    "Mã này mở được cơ sở dữ liệu HoaNhap được mã hóa khi mọi mật khẩu đều bị quên.",
    "Ai có mã này cùng tệp dữ liệu thì đọc được toàn bộ hồ sơ: cất bản này trong tủ có khóa",
    "của đơn vị; không chụp ảnh, không gửi qua mạng, không dán cạnh máy tính.",
    "Cách dùng: ở màn hình đăng nhập, bấm «Quên mật khẩu? Dùng mã khôi phục», gõ mã",
    "(chữ hoa hay thường, dấu gạch ngang có hay không đều được) rồi đặt mật khẩu mới.",
    "Khi quản trị viên tạo mã khôi phục mới, mã trên tờ này hết tác dụng: hãy hủy tờ này.",
)


def recovery_sheet_pdf(code: str, unit_name: str, database: Path, made_on: date) -> bytes:
    """The sheet as PDF bytes."""
    from desktop.reports.typeset import FONT, FONT_BOLD, register_fonts

    register_fonts()
    out = BytesIO()
    page = Canvas(out, pagesize=A4, pageCompression=1)
    page.setTitle("HoaNhap - Mã khôi phục")
    width, height = A4
    y = height - 3 * cm
    page.setFont(FONT_BOLD, 16)
    page.drawCentredString(width / 2, y, nfc("MÃ KHÔI PHỤC CƠ SỞ DỮ LIỆU HOANHAP"))
    page.setFont(FONT, 12)
    y -= 1.4 * cm
    for label, value in (("Đơn vị", unit_name or "—"), ("Tệp cơ sở dữ liệu", str(database)),
                         ("Ngày tạo mã", f"{made_on:%d/%m/%Y}")):
        page.drawString(2.5 * cm, y, nfc(f"{label}: {value}"))
        y -= 0.7 * cm
    y -= 1.2 * cm
    page.setFont("Courier-Bold", 20)  # 34 characters fit the frame
    page.drawCentredString(width / 2, y, code)
    page.rect(2 * cm, y - 0.8 * cm, width - 4 * cm, 2.2 * cm)
    y -= 2.4 * cm
    page.setFont(FONT, 12)
    for line in INSTRUCTIONS:
        page.drawString(2.5 * cm, y, nfc(line))
        y -= 0.65 * cm
    page.showPage()
    page.save()
    return out.getvalue()
