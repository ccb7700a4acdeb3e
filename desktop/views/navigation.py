"""How pages ask the main window to move elsewhere, without importing it."""

from __future__ import annotations

from typing import Protocol


class Navigator(Protocol):
    """Implemented by MainWindow; pages receive it at construction."""

    def open_person(self, person_id: str) -> None:
        """Show the person page of `person_id`."""

    def show_page(self, key: str) -> None:
        """Switch to a top-level page: "dashboard", "people", "settings"."""

    def data_changed(self) -> None:
        """A page changed records: other pages refresh when next shown."""
