"""`hoanhap import-excel` and `hoanhap excel-template`: an office's Excel list, headless.

`import-excel` prints the preview (the columns it recognised, one line per problem or
duplicate, the counts) and then imports the new rows in one transaction; `--dry-run`
stops after the preview and writes nothing. Exit code 0 when no row was rejected, 1
otherwise (the rejected rows can be written with `--rejected-out` to fix and re-import).
"""

from __future__ import annotations

import argparse

from desktop.commands.errors import CommandError
from desktop.commands.exchange_cmd import cli_actor
from desktop.commands.opening import open_db
from desktop.intake.analysis import IntakeAnalysis, IntakeResult
from desktop.intake.mapping import target_label
from desktop.services import intake


def _print_preview(analysis: IntakeAnalysis) -> None:
    header = analysis.header
    print(f"Tệp {analysis.path.name}, trang «{analysis.sheet}», dòng tiêu đề "
          f"{header.row} (dữ liệu từ dòng {header.data_start}).")
    mapped = [f"{c.letter} «{c.text}» → {target_label(f)}"
              for c, f in zip(header.columns, analysis.mapping.fields, strict=True) if f]
    print("Cột được nhập: " + "; ".join(mapped) + ".")
    for remark in analysis.remarks:
        print(f"Lưu ý: {remark}")
    for row in analysis.rows:
        for problem in row.problems:
            print(problem.message)
        if row.status == "duplicate":
            print(row.explanation)
        for note in row.notes:
            print(f"Dòng {row.row_number}, {note}")
    counts = analysis.counts
    print(f"Tổng cộng {len(analysis.rows)} dòng: {counts.new} mới, {counts.duplicate} trùng, "
          f"{counts.rejected} bị từ chối.")


def _print_result(result: IntakeResult) -> None:
    print(f"Đã nhập {len(result.created)} hồ sơ mới ({result.expected} chờ tiếp nhận, "
          f"{result.received} đã tiếp nhận); bỏ qua {len(result.skipped)} dòng trùng; "
          f"{len(result.rejected)} dòng bị từ chối không được nhập.")


def import_excel(args: argparse.Namespace) -> int:
    """Preview the file, then (unless --dry-run) import its new rows."""
    db = open_db(args)
    try:
        actor = cli_actor(db, args.user, args.password_file)
        analysis = intake.analyse(db, actor, args.file, sheet=args.sheet,
                                  header_row=args.header_row)
        _print_preview(analysis)
        if args.rejected_out is not None and analysis.counts.rejected:
            args.rejected_out.write_bytes(intake.rejected_rows_xlsx(analysis))
            print(f"Đã ghi các dòng bị từ chối vào {args.rejected_out}.")
        if args.dry_run:
            print("Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.")
        else:
            _print_result(intake.commit(db, actor, analysis,
                                        intake.default_decisions(analysis)))
    finally:
        db.close()
    return 0 if analysis.counts.rejected == 0 else 1


def excel_template(args: argparse.Namespace) -> int:
    """Write the blank template."""
    if args.out.suffix.lower() != ".xlsx":
        raise CommandError(f"--out phải là tệp .xlsx (đã cho {args.out}).")
    args.out.write_bytes(intake.template_xlsx())
    print(f"Đã ghi tệp mẫu {args.out}.")
    return 0
