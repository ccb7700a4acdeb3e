"""HoaNhap (Hòa Nhập): offline records and reports for commune police reintegration work."""

__version__ = "0.1.0"
