"""Realistic, deterministic demo data (Faker vi_VN) for trying HoaNhap and for tests."""

from desktop.demo.generator import DemoOptions, DemoSummary, generate_demo

__all__ = ["DemoOptions", "DemoSummary", "generate_demo"]
