"""Settings → Audit trail: any user can check the chain; a row edited directly in the
database file is named as the first broken entry (issue #7, SPEC §8)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.formatting import format_int
from desktop.views.context import AppContext
from desktop.views.settings import SettingsPage
from desktop.views.settings.audit_section import BROKEN_STYLE, OK_STYLE, AuditSection
from tests.views.test_settings import make_page

JOB_MS = 20_000


def _check(qtbot: QtBot, page: SettingsPage) -> AuditSection:
    page.show_section("audit")
    section = page.audit
    assert page.sections["audit"] is section
    qtbot.mouseClick(section.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.result is not None, timeout=JOB_MS)
    assert section.check_button.isEnabled()
    return section


def _tamper(ctx: AppContext, seq: int) -> tuple[str, str]:
    """Change who wrote entry `seq`, as someone with the file but not the app would."""
    with closing(sqlite3.connect(ctx.db.path)) as conn:
        action, entity = conn.execute("SELECT action, entity FROM audit WHERE seq = ?",
                                      (seq,)).fetchone()
        conn.execute("UPDATE audit SET actor = 'ke_gian' WHERE seq = ?", (seq,))
        conn.commit()
    return action, entity


@pytest.mark.parametrize("who", ["ctx", "leader_ctx"])
def test_every_role_can_check_an_intact_trail(qtbot: QtBot, who: str,
                                              request: pytest.FixtureRequest) -> None:
    ctx: AppContext = request.getfixturevalue(who)
    page, _ = make_page(qtbot, ctx)
    section = _check(qtbot, page)
    assert section.result is not None
    assert section.result.intact
    assert section.result.entries > 100  # the demo's history
    assert format_int(section.result.entries) in section.headline.text()
    assert section.headline.styleSheet() == OK_STYLE
    assert section.details.text() == ""


def test_an_edited_row_is_named_as_the_first_broken_entry(qtbot: QtBot,
                                                          ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    _tamper(ctx, 40)
    _tamper(ctx, 90)  # a later edit: the first one is what the user must find
    section = _check(qtbot, page)
    assert section.result is not None
    assert not section.result.intact
    assert section.headline.styleSheet() == BROKEN_STYLE
    assert "40" in section.headline.text()
    assert "nội dung đã bị sửa" in section.headline.text()  # the service's reason
    assert "ke_gian" in section.details.text()  # the entry as it is now stored
    # Checking again after the answer gives the same answer (nothing was repaired).
    section = _check(qtbot, page)
    assert section.result is not None
    assert section.result.broken is not None
    assert section.result.broken.seq == 40


def test_a_deleted_row_is_named_as_missing(qtbot: QtBot, ctx: AppContext) -> None:
    page, _ = make_page(qtbot, ctx)
    with closing(sqlite3.connect(ctx.db.path)) as conn:
        conn.execute("DELETE FROM audit WHERE seq = 12")
        conn.commit()
    section = _check(qtbot, page)
    assert section.result is not None
    assert section.result.broken is not None
    assert section.result.broken.seq == 12
    assert "12" in section.details.text()
