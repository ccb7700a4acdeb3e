"""The `hoanhap` command line as a user runs it: real subprocesses, exit codes, output."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.reports.figures import FIGURE_KEYS

TODAY = "2026-11-26"


def hoanhap(*args: str | Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                            capture_output=True, text=True, timeout=600, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    hoanhap("demo", "--db", path, "--seed", "1", "--units", "2", "--persons", "30",
            "--today", TODAY, check=True)
    return path


def figures_json(db: Path, *extra: str) -> dict[str, Any]:
    result = hoanhap("figures", "--db", db, *extra, "--json", check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_figures_print_every_key_and_the_identity_holds(demo_db: Path) -> None:
    doc = figures_json(demo_db, "--period", "2025-Y")
    assert len(doc["units"]) == 2
    for block in [*doc["units"], doc["total"]]:
        f = block["figures"]
        assert list(f) == list(FIGURE_KEYS)
        assert f["managed_at_end"] == f["managed_at_start"] + f["received"] - f["ended"]
        assert f["managed_during"] == f["managed_at_start"] + f["received"]
        assert f["received"] == (f["received_completed"] + f["received_amnesty"]
                                 + f["received_conditional"])
    # The demo is meant to show every case: people under management, arrivals, ends.
    total = doc["total"]["figures"]
    assert total["managed_at_end"] > 0
    assert total["received"] > 0
    assert total["ended"] > 0
    assert total["weeks_due"] >= total["weeks_covered"] > 0
    # The total is the sum of the units.
    for key in ("managed_at_end", "received", "ended", "weeks_due", "loan_amount_vnd"):
        assert total[key] == sum(b["figures"][key] for b in doc["units"])


def test_figures_by_year_split_sums_to_whole(demo_db: Path) -> None:
    doc = figures_json(demo_db, "--period", "2024-01-01..2026-06-30", "--by-year")
    block = doc["units"][0]
    years = block["by_year"]
    assert len(years) >= 3
    assert sum(y["figures"]["received"] for y in years) == block["figures"]["received"]
    assert years[0]["period"]["start"] == "2024-01-01"
    assert years[-1]["period"]["end"] == "2026-06-30"


def test_demo_is_deterministic_for_a_seed(tmp_path: Path, demo_db: Path) -> None:
    again = tmp_path / "again.db"
    hoanhap("demo", "--db", again, "--seed", "1", "--units", "2", "--persons", "30",
            "--today", TODAY, check=True)
    assert figures_json(again, "--period", "2025-Y") == figures_json(demo_db, "--period",
                                                                     "2025-Y")
    other = tmp_path / "other.db"
    hoanhap("demo", "--db", other, "--seed", "2", "--persons", "5", "--today", TODAY,
            check=True)
    codes = {u["unit_code"] for u in figures_json(other, "--period", "2025-Y")["units"]}
    assert codes.isdisjoint({u["unit_code"] for u in figures_json(demo_db, "--period",
                                                                   "2025-Y")["units"]})


def test_demo_covers_every_status_and_end_reason(demo_db: Path) -> None:
    con = sqlite3.connect(demo_db)
    statuses = {r[0] for r in con.execute("select distinct status from persons")}
    reasons = {r[0] for r in con.execute("select distinct end_reason from persons "
                                         "where end_reason is not null")}
    grades = {r[0] for r in con.execute("select distinct classification from evaluations")}
    kinds = {r[0] for r in con.execute("select distinct kind from supports")}
    violations = {r[0] for r in con.execute("select distinct kind from violations")}
    excused = con.execute("select count(*) from excused_weeks").fetchone()[0]
    con.close()
    assert statuses == {"expected", "received", "managed", "absent", "ended"}
    assert reasons == {"expunged", "moved", "abroad", "missing", "died", "new_sentence"}
    assert grades == {"A", "B", "C", "D"}
    assert {"loan", "hardship_aid", "counselling"} <= kinds
    assert violations == {"administrative", "new_crime"}
    assert excused > 0


def test_check_passes_then_detects_an_edited_audit_row(demo_db: Path, tmp_path: Path) -> None:
    assert hoanhap("check", "--db", demo_db).returncode == 0
    copy = tmp_path / "tampered.db"
    copy.write_bytes(demo_db.read_bytes())
    con = sqlite3.connect(copy)
    con.execute("update audit set actor = 'someone_else' where seq = 3")
    con.commit()
    con.close()
    result = hoanhap("check", "--db", copy)
    assert result.returncode == 1
    assert "mục số 3" in result.stdout


def test_init_creates_unit_and_admin(tmp_path: Path) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("mat-khau-rat-dai\n", encoding="utf-8")
    db = tmp_path / "office.db"
    # --plain: this test reads the file directly (encrypted init: tests/security/).
    result = hoanhap("init", "--db", db, "--unit-code", "19001", "--unit-name",
                     "Công an phường Phan Đình Phùng", "--province", "Tỉnh Thái Nguyên",
                     "--admin", "quantri", "--admin-password-file", secret, "--plain")
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(db)
    assert con.execute("select code, name, is_home from units").fetchall() == [
        ("19001", "Công an phường Phan Đình Phùng", 1)]
    (role, pw_hash), = con.execute("select role, password_hash from users").fetchall()
    con.close()
    assert role == "admin"
    assert pw_hash.startswith("$argon2id$")
    # A second init on the same database is refused, with one clear line.
    again = hoanhap("init", "--db", db, "--unit-code", "19002", "--unit-name", "X",
                    "--province", "Y", "--admin", "a", "--admin-password-file", secret)
    assert again.returncode == 1
    assert len(again.stderr.strip().splitlines()) == 1
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("figures", "--period", "2025-Q5"), 1, "quý"),
        (("figures", "--period", "2025-Y", "--unit", "99999"), 1, "99999"),
        (("figures",), 2, "lỗi cú pháp"),
        (("frobnicate",), 2, "lỗi cú pháp"),
    ],
)
def test_errors_are_one_vietnamese_line(demo_db: Path, args: tuple[str, ...], code: int,
                                        needle: str) -> None:
    full = args if args[0] == "frobnicate" else (args[0], "--db", str(demo_db), *args[1:])
    result = hoanhap(*full)
    assert result.returncode == code
    assert needle.lower() in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_missing_database_is_a_user_error(tmp_path: Path) -> None:
    result = hoanhap("figures", "--db", tmp_path / "nope.db", "--period", "2025-Y")
    assert result.returncode == 1
    assert "Không tìm thấy" in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_demo_refuses_an_existing_file(demo_db: Path) -> None:
    result = hoanhap("demo", "--db", demo_db)
    assert result.returncode == 1
    assert "đã tồn tại" in result.stderr
