"""`hoanhap report`: produce a form's snapshot and write it as PDF and/or XLSX, optionally
signing the PDF (PAdES, `desktop.reports.signing`) and locking the period.

One snapshot per run: `--out a.pdf --out a.xlsx` writes both files from the same stored
figures, so they cannot disagree. The papers about one person (`--person`: HCD-02, 05,
07, 08, 10, 11) are PDF only and signed by hand: signing digitally would lock a period.
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.commands.opening import open_db
from desktop.commands.setup import read_secret
from desktop.db import Database
from desktop.files import write_atomically
from desktop.reports.catalog import FormDef, form_for_cli
from desktop.reports.forms import RenderOptions, render_pdf
from desktop.reports.person_contents import PersonRequest
from desktop.reports.snapshot import (
    ReportSnapshot,
    mark_signed,
    produce_snapshot,
    record_file_hashes,
    sha256_hex,
)
from desktop.reports.xlsx import write_xlsx
from desktop.services import units, users
from desktop.services.access import Action, Actor, require

SUFFIXES = (".pdf", ".xlsx")


def _day(option: str, text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise CommandError(f"{option} phải có dạng YYYY-MM-DD (đã cho {text}).") from None


def _check_subject(form: FormDef, args: argparse.Namespace) -> None:
    """The options a form takes: a person for a person's paper, a period for the others."""
    person = form.scope == "person"
    if person and not args.person:
        raise CommandError(f"Mẫu {form.code} lập cho một người: thêm --person MÃ (mã hồ sơ "
                           "hoặc số CCCD).")
    if not person and args.person:
        raise CommandError(f"Mẫu {form.code} là báo cáo của đơn vị: bỏ --person.")
    if (not person or form.code == "HCD-08") and not args.period:
        raise CommandError(f"Mẫu {form.code} cần kỳ báo cáo: thêm --period (ví dụ "
                           f"{'2026-Q3' if 'quarter' in form.kinds else '2026-M07'}).")
    if form.code not in ("HCD-10", "HCD-11") and (args.reason or args.end_date):
        raise CommandError("--reason và --end-date chỉ dùng cho mẫu hcd10, hcd11.")


def _form(args: argparse.Namespace) -> FormDef:
    form = form_for_cli(args.form, args.all_units)
    _check_subject(form, args)
    return form


def _person(form: FormDef, args: argparse.Namespace) -> PersonRequest | None:
    if form.scope != "person":
        return None
    return PersonRequest(args.person.strip(), reason=args.reason or None,
                         end_date=_day("--end-date", args.end_date))


def _outputs(form: FormDef, args: argparse.Namespace) -> list[Path]:
    outs = [Path(p) for p in args.out]
    for out in outs:
        if out.suffix.lower() not in SUFFIXES:
            raise CommandError(f"Tệp kết quả {out} phải có đuôi .pdf hoặc .xlsx.")
        if form.scope == "person" and out.suffix.lower() != ".pdf":
            raise CommandError(f"Mẫu {form.code} là giấy tờ về một người: chỉ có bản PDF.")
    signing = args.sign_p12 is not None
    if signing and form.scope == "person":
        raise CommandError(f"Mẫu {form.code} ký tay, đóng dấu trên bản in; không ký số "
                           "(bỏ --sign-p12).")
    if signing and not any(o.suffix.lower() == ".pdf" for o in outs):
        raise CommandError("Ký số chỉ áp dụng cho tệp PDF: hãy thêm --out TỆP.pdf.")
    if signing and args.sign_pass_file is None:
        raise CommandError("Thiếu --sign-pass-file (tệp chứa mật khẩu của tệp .p12).")
    return outs


def _actor(db: Database, args: argparse.Namespace) -> Actor:
    """The logged-in account (--user/--password-file); without one, the command line acts
    as an officer of the home unit, who may produce reports but never sign them."""
    if args.user:
        if args.password_file is None:
            raise CommandError("Thiếu --password-file cho tài khoản --user.")
        return users.login(db, args.user, read_secret(args.password_file))
    home = units.home_unit(db)
    if home is None:
        raise CommandError("Cơ sở dữ liệu chưa có đơn vị: hãy chạy hoanhap init trước.")
    if args.sign_p12 is not None:
        raise CommandError("Ký báo cáo cần tài khoản lãnh đạo: thêm --user TÊN "
                           "--password-file TỆP.")
    return Actor(username="cli", full_name="Dòng lệnh HoaNhap", role="officer",
                 unit_code=home.code)


def _write(path: Path, data: bytes) -> None:
    """Never half a file (`write_atomically`); a failure is said in one line."""
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise CommandError(f"Không ghi được tệp {path}: {exc.strerror or exc}.") from exc


def _sign(snap: ReportSnapshot, actor: Actor, args: argparse.Namespace,
          options: RenderOptions) -> tuple[bytes, str, datetime]:
    # Imported on use: the PAdES module pulls in pyHanko, which only signing needs.
    from desktop.reports import signing

    signer = signing.load_p12_signer(args.sign_p12, read_secret(args.sign_pass_file))
    name = snap.unit.police_chief or actor.full_name
    rendered = render_pdf(snap, RenderOptions(options.issued_on, options.number, name))
    when = datetime.now(UTC)
    signed = signing.sign_pdf(rendered.pdf, signer, rendered.signature_box, name, when,
                              unit_name=snap.unit.name)
    return signed, name, when


def _options(args: argparse.Namespace, actor: Actor) -> RenderOptions:
    """The header's number and date as given; a signer's own name when the unit has none."""
    issued = _day("--date", args.date)
    signer = actor.full_name if actor.may(Action.SIGN_REPORTS) else None
    return RenderOptions(issued_on=issued, number=args.number.strip(), signer_name=signer)


def _produce_files(db: Database, actor: Actor, snap: ReportSnapshot,
                   args: argparse.Namespace, outs: list[Path],
                   options: RenderOptions) -> list[str]:
    done = []
    for out in outs:
        if out.suffix.lower() == ".xlsx":
            data = write_xlsx(snap)
            _write(out, data)
            record_file_hashes(db, actor, snap.report_id, xlsx_sha256=sha256_hex(data))
        elif args.sign_p12 is not None:
            data, name, when = _sign(snap, actor, args, options)
            _write(out, data)
            mark_signed(db, actor, snap.report_id, name, when, sha256_hex(data))
        else:
            data = render_pdf(snap, options).pdf
            _write(out, data)
            record_file_hashes(db, actor, snap.report_id, pdf_sha256=sha256_hex(data))
        done.append(str(out))
    return done


def _done_line(snap: ReportSnapshot, signed: bool, files: list[str]) -> str:
    """What was made: the form, its period or its person, the unit, the files, the hash."""
    person = snap.data.get("person")
    about = person["full_name"] if person else snap.period.label_vi
    state = "đã ký số, kỳ báo cáo đã khóa" if signed else "chưa ký"
    return (f"Đã lập {snap.form} {about} – {snap.unit.name} (lần lập {snap.revision}, "
            f"{state}): {', '.join(files)}. SHA-256 số liệu: {snap.sha256}")


def report(args: argparse.Namespace) -> int:
    """Produce the report, write every --out file, sign the PDF when asked."""
    form = _form(args)
    outs = _outputs(form, args)
    person = _person(form, args)
    db = open_db(args)
    try:
        actor = _actor(db, args)
        if args.sign_p12 is not None:
            require(actor, Action.SIGN_REPORTS)  # refuse before any work is done
        options = _options(args, actor)
        snap = produce_snapshot(db, actor, form.code, args.period, args.unit, person=person)
        files = _produce_files(db, actor, snap, args, outs, options)
    finally:
        db.close()
    print(_done_line(snap, args.sign_p12 is not None, files))
    return 0
