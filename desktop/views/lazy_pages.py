"""The main window's pages, each built the first time it is shown (or asked for).

Building every page at start-up cost most of a second on the benchmark PC — the people
list, the reports list, the settings forms, the person page and the modules behind them
(the Excel import, PDF and signing libraries) — before the window could appear, although
the user sees only the dashboard first. A page is therefore registered with a factory and
made on demand; `built()` lists the pages that exist, for the window's bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtWidgets import QStackedWidget, QWidget

PageFactory = Callable[[], QWidget]


class LazyPages(Mapping[str, QWidget]):
    """Pages by key, in registration order; `pages[key]` builds the page if needed."""

    def __init__(self, stack: QStackedWidget,
                 on_built: Callable[[str, QWidget], None] | None = None) -> None:
        self._stack = stack
        self._factories: dict[str, PageFactory] = {}
        self._built: dict[str, QWidget] = {}
        self._on_built = on_built

    def add(self, key: str, page: QWidget | PageFactory) -> None:
        """Register a page: a ready widget, or a factory that builds it when first needed."""
        if isinstance(page, QWidget):
            self._factories[key] = lambda: page
            self._materialise(key)
        else:
            self._factories[key] = page

    def built(self) -> dict[str, QWidget]:
        """The pages that exist now, by key."""
        return dict(self._built)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def _materialise(self, key: str) -> QWidget:
        page = self._factories[key]()
        self._built[key] = page
        self._stack.addWidget(page)
        if self._on_built is not None:
            self._on_built(key, page)
        return page

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        return page if page is not None else self._materialise(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def __contains__(self, key: object) -> bool:
        return key in self._factories
