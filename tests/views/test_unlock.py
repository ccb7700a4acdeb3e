"""Start-up on an encrypted database: the login that unlocks it, the recovery code, the
first run that creates it, and Settings → Security → encrypting the open database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.security import keyfile
from desktop.services import encryption
from desktop.views import unlock
from desktop.views.context import AppContext
from desktop.views.recovery_code import RecoveryCodeDialog
from desktop.views.settings.encryption import ConfirmPasswordDialog, EncryptionBox
from desktop.views.unlock import RecoveryDialog, UnlockDialog
from tests.security.encrypted import (
    ADMIN,
    PASSWORD,
    Office,
    file_hashes,
    make_office,
    use_cheap_kdf,
)


@pytest.fixture(autouse=True)
def _cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    use_cheap_kdf(monkeypatch)


@pytest.fixture
def office(tmp_path: Path) -> Office:
    return make_office(tmp_path / "office.db")


def type_in(dialog: QDialog, **fields: str) -> None:
    for name, value in fields.items():
        edit = dialog.findChild(QLineEdit, name)
        assert edit is not None, name
        edit.setText(value)


def test_a_wrong_password_is_shown_and_the_database_stays_closed(
        qtbot: QtBot, office: Office) -> None:
    dialog = UnlockDialog(office.path)
    qtbot.addWidget(dialog)
    before = file_hashes(office.path)
    type_in(dialog, username=ADMIN, password="sai-mat-khau")
    dialog.try_login()
    message = dialog.findChild(QLabel, "message")
    assert message is not None
    assert "không đúng" in message.text()
    assert "Còn 4 lần thử" in message.text()
    assert dialog.db is None
    assert dialog.actor is None
    assert dialog.findChild(QLineEdit, "password").text() == ""  # type: ignore[union-attr]
    assert file_hashes(office.path) == before
    dialog.show()


def test_the_right_password_opens_the_database_and_signs_in(qtbot: QtBot,
                                                            office: Office) -> None:
    dialog = UnlockDialog(office.path)
    qtbot.addWidget(dialog)
    type_in(dialog, username=ADMIN, password=PASSWORD)
    dialog.try_login()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.role == "admin"
    assert dialog.db is not None
    assert dialog.db.key is not None
    dialog.db.close()


def test_a_damaged_key_file_is_explained_in_the_dialog(qtbot: QtBot, office: Office) -> None:
    office.keys.write_text("{", encoding="utf-8")
    dialog = UnlockDialog(office.path)
    qtbot.addWidget(dialog)
    type_in(dialog, username=ADMIN, password=PASSWORD)
    dialog.try_login()
    assert "bị hỏng" in dialog.findChild(QLabel, "message").text()  # type: ignore[union-attr]
    assert dialog.db is None


def test_the_recovery_code_gives_a_new_password_and_signs_in(qtbot: QtBot,
                                                            office: Office) -> None:
    dialog = RecoveryDialog(office.path)
    qtbot.addWidget(dialog)
    type_in(dialog, recovery_code="not a code", username=ADMIN, new_password="mat-khau-moi-1",
            password_repeat="mat-khau-moi-1")
    dialog.submit()
    assert "28 ký tự" in dialog.error_text("recovery_code")
    assert dialog.db is None
    type_in(dialog, recovery_code=office.recovery_code.lower())
    dialog.show()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == ADMIN
    assert dialog.db is not None
    dialog.db.close()
    encryption.unlock(office.path, ADMIN, "mat-khau-moi-1").db.close()


def test_the_login_offers_the_recovery_code(qtbot: QtBot, office: Office,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = UnlockDialog(office.path)
    qtbot.addWidget(dialog)
    opened: list[Path] = []
    monkeypatch.setattr(RecoveryDialog, "exec",
                        lambda self: opened.append(self.path) or QDialog.DialogCode.Rejected)
    button = dialog.findChild(QPushButton, "use_recovery_code")
    assert button is not None
    button.click()
    assert opened == [office.path]
    assert dialog.actor is None


def test_abandoning_the_first_run_leaves_no_database_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.views.setup_wizard import FirstRunWizard

    seen: list[bool] = []

    def reject(self: FirstRunWizard) -> int:
        seen.append(self.db.key is not None)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunWizard, "exec", reject)
    assert unlock.open_office(tmp_path / "hoanhap.db") is None
    assert seen == [True]  # the wizard ran on a new encrypted database
    assert list(tmp_path.iterdir()) == []


def test_an_encrypted_database_starts_with_the_unlock_dialog(
        office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    def sign_in(self: UnlockDialog) -> int:
        type_in(self, username=ADMIN, password=PASSWORD)
        self.try_login()
        return self.result()

    monkeypatch.setattr(UnlockDialog, "exec", sign_in)
    opened = unlock.open_office(office.path)
    assert opened is not None
    db, actor = opened
    db.close()
    assert actor.username == ADMIN


def test_settings_encrypts_the_open_demo_database(
        qtbot: QtBot, admin_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    box = EncryptionBox(admin_ctx)
    qtbot.addWidget(box)
    box.show()
    encrypt = box.findChild(QPushButton, "encrypt_database")
    assert encrypt is not None
    assert encrypt.isVisible()
    assert "chưa được mã hóa" in box.state.text()
    shown: list[str] = []

    def confirm(self: ConfirmPasswordDialog) -> int:
        type_in(self, password="hoanhap-demo")
        self.submit()
        return self.result()

    monkeypatch.setattr(ConfirmPasswordDialog, "exec", confirm)
    monkeypatch.setattr(RecoveryCodeDialog, "exec",
                        lambda self: shown.append(self.view.code) or 1)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text: told.append(text))
    encrypt.click()
    db = admin_ctx.db
    assert db.key is not None
    assert encryption.database_state(db.path) == "encrypted"
    assert len(shown) == 1
    assert keyfile.unwrap_with_recovery(keyfile.keyfile_path(db.path), shown[0]) == db.key
    assert "canbo, lanhdao" in told[0]
    assert not encrypt.isVisible()
    assert box.findChild(QPushButton, "new_recovery_code").isVisible()  # type: ignore[union-attr]


def test_a_wrong_password_does_not_encrypt(qtbot: QtBot, admin_ctx: AppContext) -> None:
    dialog = ConfirmPasswordDialog(admin_ctx)
    qtbot.addWidget(dialog)
    type_in(dialog, password="sai-mat-khau")
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.general_error.text() != ""
    assert admin_ctx.db.key is None
    assert encryption.database_state(admin_ctx.db.path) == "plain"


def test_the_recovery_code_dialog_waits_for_the_written_down_box(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(keyfile.new_recovery_code(), "Công an phường Thanh Bình",
                                tmp_path / "hoanhap.db")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # Escape does not skip it
    pdf = dialog.view.sheet_pdf()
    assert pdf.startswith(b"%PDF-")
    dialog.view.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
