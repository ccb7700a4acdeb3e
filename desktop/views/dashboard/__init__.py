"""The dashboard (SPEC §5.1): today's work for the commune police, with small charts."""

from desktop.views.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
