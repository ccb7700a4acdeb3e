"""`hoanhap --self-test`: prove on this computer that the installed application works.

The installer build runs it on the bundle it has just made, and a technician can run it on
a new office PC. It goes through what an office does in its first weeks, on throw-away
data in a temporary folder (the office's own database is never opened):

database and migrations → an encrypted database → demo data → HCD-13 of the last full
quarter → the unit's certificate → signing the PDF → verifying the signature → a full USB
package exported and imported into a second database → Qt's platform plugin and the
Vietnamese translations.

Each step prints one Vietnamese line — "✓ step — detail", "✗ step : reason", or
"– step : bỏ qua: …" — and the exit code is 0 only when no step failed. A step whose input
failed is reported as not run rather than hidden, so the lines always tell what was proven.

Qt-free: the GUI check lives in `desktop.views.selfcheck` and the heavy libraries
(Faker, reportlab, pyHanko) are imported by the step that needs them, so a module
missing from a frozen bundle fails that step with its name instead of the whole test.
"""

from __future__ import annotations

import io
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO, cast

from sqlalchemy import func, select

from desktop import __version__
from desktop.db import Database, current_revision, head_revision, open_database
from desktop.services import units, users
from desktop.services.access import Actor
from desktop.services.errors import ServiceError

if TYPE_CHECKING:
    from desktop.reports.layout import SignatureBox

DEMO_PERSONS = 15
DEMO_SEED = 7
FORM = "HCD-13"
# The second database stands for the provincial office that receives the package.
RECEIVER_CODE = "TINH-KT"

State = Literal["ok", "failed", "skipped"]
MARKS: dict[State, str] = {"ok": "✓", "failed": "✗", "skipped": "–"}


class StepFailed(Exception):
    """A step ran but did not achieve what it proves; `reason` is Vietnamese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StepSkipped(Exception):
    """A step that cannot run in this build (a feature not shipped yet)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class StepResult:
    """One printed line: the step, how it went and what it found (or why it failed)."""

    key: str
    title: str
    state: State
    detail: str = ""
    seconds: float = 0.0

    def line(self) -> str:
        """The line as printed: the detail after "—" on success, the reason after ":"."""
        mark = MARKS[self.state]
        if self.state == "ok":
            took = f"{self.seconds:.1f}".replace(".", ",")  # Vietnamese decimal comma
            return f"{mark} {self.title} — {self.detail} ({took} giây)"
        return f"{mark} {self.title} : {self.detail}"


@dataclass
class _Run:
    """What the steps hand each other, and the folder everything is written into."""

    folder: Path
    today: date
    databases: list[Database] = field(default_factory=list)
    db: Database | None = None
    leader: Actor | None = None
    pdf: bytes = b""
    signature_box: SignatureBox | None = None
    signer_name: str = ""
    unit_name: str = ""
    report_id: str = ""
    password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    signed: bytes = b""

    def open(self, name: str) -> Database:
        db = open_database(self.folder / name)
        self.databases.append(db)
        return db

    def open_encrypted(self, path: Path, key: bytes) -> Database:
        db = open_database(path, key=key)
        self.databases.append(db)
        return db

    def office(self) -> Database:
        assert self.db is not None  # guaranteed by the step's `needs`
        return self.db

    def leader_actor(self) -> Actor:
        if self.leader is None:
            self.leader = _demo_login(self.office(), "lanhdao")
        return self.leader

    def close(self) -> None:
        for db in self.databases:
            db.close()
        self.databases.clear()


@dataclass(frozen=True)
class Step:
    """A named check, the steps whose results it uses, and the function doing it."""

    key: str
    title: str
    run: Callable[[_Run], str]
    needs: tuple[str, ...] = ()


def _demo_login(db: Database, username: str) -> Actor:
    from desktop.demo.generator import DEMO_PASSWORD

    return users.login(db, username, DEMO_PASSWORD)


def _person_count(db: Database, unit_code: str) -> int:
    from desktop.models import Person

    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Person)
                                  .where(Person.unit_code == unit_code)) or 0)


# --- the steps -------------------------------------------------------------------------

def _database(run: _Run) -> str:
    run.db = run.open("van-phong.db")
    revision, head = current_revision(run.db.engine), head_revision()
    if revision != head:
        raise StepFailed(f"lược đồ ở phiên bản {revision}, cần {head}")
    return f"lược đồ phiên bản {revision}"


def _encryption(run: _Run) -> str:
    """An encrypted database round-trips: the key file's password and recovery code give
    the key, the key opens the file, and the plain SQLite driver cannot read it."""
    import sqlite3

    from desktop.security import keyfile

    path = run.folder / "ma-hoa.db"
    key, code = keyfile.new_database_key(), keyfile.new_recovery_code()
    keys = keyfile.keyfile_path(path)
    keyfile.create_keyfile(keys, key, "quantri", run.password, code)
    open_database(path, key=key).close()
    try:
        with closing(sqlite3.connect(path)) as plain:
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        raise StepFailed("tệp mã hóa lại đọc được bằng SQLite thường")
    except sqlite3.DatabaseError:
        pass  # "file is not a database": what a thief's tools see
    if keyfile.unwrap(keys, "quantri", run.password) != key or \
            keyfile.unwrap_with_recovery(keys, code) != key:
        raise StepFailed("mật khẩu hoặc mã khôi phục không cho lại đúng khóa")
    db = run.open_encrypted(path, key)
    revision = current_revision(db.engine)
    if revision != head_revision():
        raise StepFailed(f"lược đồ ở phiên bản {revision}, cần {head_revision()}")
    return f"SQLCipher, lược đồ {revision}; SQLite thường không đọc được tệp"


def _demo(run: _Run) -> str:
    from desktop.demo import DemoOptions, generate_demo

    summary = generate_demo(run.office(), DemoOptions(persons=DEMO_PERSONS, years=2,
                                                      seed=DEMO_SEED, today=run.today))
    code = summary.unit_codes[0]
    made = _person_count(run.office(), code)
    if made != DEMO_PERSONS:
        raise StepFailed(f"tạo được {made} người thay vì {DEMO_PERSONS}")
    return f"{made} người, đơn vị {code}"


def _report(run: _Run) -> str:
    from desktop.reports.forms import RenderOptions, render_pdf
    from desktop.reports.snapshot import produce_snapshot
    from desktop.rules.periods import previous_quarter, quarter_of

    db, leader = run.office(), run.leader_actor()
    unit = units.home_unit(db)
    assert unit is not None  # the demo step made it
    convention, year_start = unit.period_convention, unit.year_start_month
    period = previous_quarter(quarter_of(run.today, convention, year_start), convention,
                              year_start)
    snap = produce_snapshot(db, leader, FORM, period.code)
    run.signer_name = snap.unit.police_chief or leader.full_name
    run.unit_name, run.report_id = snap.unit.name, snap.report_id
    # Rendered once, with the signer's name printed, exactly as the signing step needs it.
    rendered = render_pdf(snap, RenderOptions(issued_on=run.today, number="",
                                              signer_name=run.signer_name))
    if not rendered.pdf.startswith(b"%PDF-"):
        raise StepFailed("tệp tạo ra không phải PDF")
    run.pdf, run.signature_box = rendered.pdf, rendered.signature_box
    pages = f", {rendered.page_count} trang" if rendered.page_count else ""
    return f"{period.label_vi} ({period.code}){pages}, {len(rendered.pdf) // 1024} KB"


def _certificate(run: _Run) -> str:
    from desktop.services import signing_keys

    db = run.office()
    info = signing_keys.ensure_unit_certificate(db, run.leader_actor(), run.password)
    known = {c.fingerprint for c in signing_keys.known_signers(db)}
    if info.fingerprint not in known:
        raise StepFailed("chứng thư vừa tạo không có trong danh sách người ký đã biết")
    return f"{info.common_name}, vân tay {info.fingerprint[:16]}…"


def _sign(run: _Run) -> str:
    from desktop.reports.signing import sign_pdf
    from desktop.reports.snapshot import mark_signed, sha256_hex
    from desktop.services import signing_keys

    db, leader = run.office(), run.leader_actor()
    assert run.signature_box is not None  # set by the report step, which this needs
    signer = signing_keys.unit_signer(db, leader, run.password)
    when = datetime.now(UTC)
    run.signed = sign_pdf(run.pdf, signer, run.signature_box, run.signer_name, when,
                          unit_name=run.unit_name)
    # Recording the signature locks the period: the same path a leader's click takes.
    mark_signed(db, leader, run.report_id, run.signer_name, when, sha256_hex(run.signed))
    return f"ký bởi {run.signer_name}, {len(run.signed) // 1024} KB"


def _verify(run: _Run) -> str:
    from desktop.reports import verification
    from desktop.services import signing_keys

    result = verification.verify_pdf(run.signed, signing_keys.known_signers(run.office()))
    if not result.valid:
        why = "; ".join(result.problems) or result.status_vi
        raise StepFailed(f"chữ ký không hợp lệ trên toàn bộ tệp ({why})")
    if result.known_signer is not True:
        raise StepFailed("người ký không có trong danh sách người ký đã biết")
    return f"{result.status_vi}, phủ toàn bộ tệp, người ký {result.signer_name}"


def _exchange(run: _Run) -> str:
    try:
        from desktop.services import exchange
    except ImportError as exc:
        raise StepSkipped(f"bỏ qua: chưa có ({exc})") from exc
    if not all(hasattr(exchange, name) for name in ("export_package", "import_package")):
        raise StepSkipped("bỏ qua: chưa có chức năng xuất/nhập gói trong bản này")
    db = run.office()
    officer = _demo_login(db, "canbo")
    passphrase = secrets.token_urlsafe(18)
    outbox = run.folder / "usb"
    outbox.mkdir()
    sent = exchange.export_package(db, officer, outbox, "full", passphrase=passphrase)
    receiver_db = run.open("tinh.db")
    receiver = units.initialize(
        receiver_db, unit_code=RECEIVER_CODE, unit_name="Công an tỉnh (tự kiểm tra)",
        province="Tỉnh kiểm tra", admin_username="quantri", admin_full_name="Quản trị tỉnh",
        admin_password=secrets.token_urlsafe(18))
    result = exchange.import_package(receiver_db, receiver, sent.path, passphrase=passphrase,
                                     accept_new_key=True)
    if not result.applied:
        raise StepFailed(f"gói không được nhập: {result.message}")
    here, there = _person_count(db, officer.unit_code), _person_count(receiver_db,
                                                                      officer.unit_code)
    if here != there:
        raise StepFailed(f"gửi {here} người nhưng cơ sở dữ liệu nhận có {there}")
    size = sent.path.stat().st_size // 1024
    return f"{there} người sang cơ sở dữ liệu thứ hai, gói mã hóa {size} KB"


def _gui(_run: _Run) -> str:
    from desktop.views.selfcheck import check_qt

    try:
        return check_qt()
    except RuntimeError as exc:
        raise StepFailed(str(exc)) from exc


STEPS: tuple[Step, ...] = (
    Step("database", "Tạo cơ sở dữ liệu tạm và cập nhật lược đồ", _database),
    Step("encryption", "Cơ sở dữ liệu mã hóa (mật khẩu, mã khôi phục)", _encryption),
    Step("demo", f"Tạo dữ liệu mẫu ({DEMO_PERSONS} người)", _demo, ("database",)),
    Step("report", f"Lập báo cáo {FORM} quý trước (PDF)", _report, ("demo",)),
    Step("certificate", "Tạo chứng thư số của đơn vị", _certificate, ("demo",)),
    Step("sign", "Ký số báo cáo", _sign, ("report", "certificate")),
    Step("verify", "Kiểm tra chữ ký số", _verify, ("sign",)),
    Step("exchange", "Xuất gói đầy đủ và nhập vào cơ sở dữ liệu thứ hai", _exchange,
         ("demo",)),
    # Last: a Qt platform plugin that cannot load aborts the whole process (qFatal), so
    # every other line is already printed by then.
    Step("gui", "Giao diện Qt (nền tảng offscreen) và bản dịch tiếng Việt", _gui),
)


# --- running ---------------------------------------------------------------------------

def _reason(exc: BaseException) -> str:
    """One line for the user: our own messages as they are, anything else with its type."""
    if isinstance(exc, StepFailed | StepSkipped):
        return exc.reason
    if isinstance(exc, ServiceError):
        return exc.message
    message = getattr(exc, "message", None)
    return f"{type(exc).__name__}: {message if isinstance(message, str) else exc}"


def _run_step(step: Step, run: _Run, done: dict[str, StepResult]) -> StepResult:
    # A needed step that was not in the list counts as not achieved, like a failed one.
    blocked = [done[key].title if key in done else key for key in step.needs
               if key not in done or done[key].state != "ok"]
    if blocked:
        titles = ", ".join(f"“{title}”" for title in blocked)
        return StepResult(step.key, step.title, "failed",
                          f"không chạy được vì bước {titles} không đạt")
    started = time.perf_counter()
    try:
        detail = step.run(run)
    except StepSkipped as exc:
        return StepResult(step.key, step.title, "skipped", exc.reason)
    except Exception as exc:  # every failure is a line, never a traceback
        return StepResult(step.key, step.title, "failed", _reason(exc))
    return StepResult(step.key, step.title, "ok", detail, time.perf_counter() - started)


def run_self_test(out: TextIO, today: date | None = None,
                  steps: tuple[Step, ...] = STEPS) -> list[StepResult]:
    """Run every step in a temporary folder, printing each line as soon as it is known."""
    frozen = "bản cài đặt" if getattr(sys, "frozen", False) else "mã nguồn"
    print(f"HoaNhap {__version__} — tự kiểm tra ({frozen}, {sys.platform})", file=out,
          flush=True)
    results: list[StepResult] = []
    done: dict[str, StepResult] = {}
    with tempfile.TemporaryDirectory(prefix="hoanhap-tu-kiem-tra-",
                                     ignore_cleanup_errors=True) as folder:
        run = _Run(Path(folder), today or date.today())
        try:
            for step in steps:
                result = _run_step(step, run, done)
                done[step.key] = result
                results.append(result)
                print(result.line(), file=out, flush=True)
        finally:
            run.close()  # before the folder goes: Windows cannot delete open files
    print(summary(results), file=out, flush=True)
    return results


def summary(results: list[StepResult]) -> str:
    """The closing line: everything passed, or which steps failed."""
    failed = [r.title for r in results if r.state == "failed"]
    if not failed:
        skipped = sum(r.state == "skipped" for r in results)
        extra = f" ({skipped} bước bỏ qua)" if skipped else ""
        return f"Kết quả: ĐẠT — {len(results) - skipped}/{len(results)} bước{extra}."
    return f"Kết quả: KHÔNG ĐẠT — {len(failed)} bước lỗi: {'; '.join(failed)}."


def exit_code(results: list[StepResult]) -> int:
    """0 only when no step failed."""
    return 1 if any(r.state == "failed" for r in results) else 0


def _output() -> TextIO:
    """Where the lines go: the console, or — in the windowed Windows build, which has no
    console (sys.stdout is None) — a file in the log folder that the technician can open."""
    stream = cast("TextIO | None", sys.stdout)
    if stream is None:
        from desktop.config import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return open(folder / "tu-kiem-tra.txt", "w", encoding="utf-8")
    if isinstance(stream, io.TextIOWrapper) and not stream.isatty():
        # Piped to the build script on Windows the locale code page cannot encode "✓" or
        # Vietnamese; UTF-8 is what build.py decodes.
        stream.reconfigure(encoding="utf-8", errors="replace")
    return stream


def main() -> int:
    """Entry point of `hoanhap --self-test`."""
    out = _output()
    try:
        return exit_code(run_self_test(out))
    finally:
        if out is not sys.stdout:
            out.close()
