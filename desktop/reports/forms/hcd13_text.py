"""The HCD-13 narrative, pre-filled from the snapshot's figures in Vietnamese sentences.

The officer usually rewrites parts of it (the assessment, the proposals); each section is
one entry of a dict keyed as `catalog.NARRATIVE_SECTIONS`, and any entry the officer
supplies replaces the generated one. Every number comes from the snapshot.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.formatting import format_date, format_decimal, format_int
from desktop.models import END_REASONS, RELEASE_TYPES, SUPPORT_KINDS
from desktop.reports.forms.common import period_phrase
from desktop.reports.snapshot import ReportSnapshot
from desktop.services.labels import END_REASON_LABELS, RELEASE_TYPE_LABELS, SUPPORT_KIND_LABELS


def _n(value: Any) -> str:
    return format_int(int(value or 0))


def _pct(value: Any, places: int) -> str:
    return format_decimal(float(value), places) if value is not None else ""


def _parts(f: Mapping[str, Any], keys: list[tuple[str, str]]) -> str:
    """"chấp hành xong án phạt tù 3 người, được đặc xá 1 người" for the non-zero keys."""
    return ", ".join(f"{text.lower()} {_n(f[key])} người" for key, text in keys if f[key])


def _general(snap: ReportSnapshot) -> list[str]:
    f = snap.figures
    received = _parts(f, [(f"received_{t}", RELEASE_TYPE_LABELS[t]) for t in RELEASE_TYPES])
    ended = _parts(f, [(f"ended_{r}", END_REASON_LABELS[r]) for r in END_REASONS])
    flows = (f"Đầu kỳ, đơn vị đang quản lý {_n(f['managed_at_start'])} người. Trong kỳ "
             + (f"đã tiếp nhận {_n(f['received'])} người ({received})" if f["received"]
                else "không tiếp nhận người nào")
             + ("; kết thúc quản lý " + f"{_n(f['ended'])} người ({ended})." if f["ended"]
                else "; không có trường hợp kết thúc quản lý."))
    gender = f["by_gender"]
    stock = (f"Tính đến ngày {format_date(snap.period.end)}, đơn vị đang quản lý "
             f"{_n(f['managed_at_end'])} người (nam {_n(gender['male'])}, nữ "
             f"{_n(gender['female'])}).")
    if f["expected_not_arrived"]:
        stock += (f" Có {_n(f['expected_not_arrived'])} người đã có thông báo của trại giam "
                  "nhưng chưa về địa phương trình báo.")
    return [flows, stock]


def _education(f: Mapping[str, Any]) -> str:
    text = (f"1. Công tác quản lý, giáo dục: {_n(f['teams_complete'])}/"
            f"{_n(f['managed_at_end'])} người đang quản lý có tổ giúp đỡ đủ 4 thành phần.")
    if f["weeks_due"]:
        text += (f" Tổ giúp đỡ đã gặp gỡ, nắm tình hình {_n(f['weeks_covered'])}/"
                 f"{_n(f['weeks_due'])} tuần phải gặp (đạt "
                 f"{_pct(f['contact_coverage_pct'], 1)}%), trong đó {_n(f['weeks_excused'])} "
                 "tuần được miễn có lý do.")
    text += (f" Kết quả phân loại cuối các quý trong kỳ: loại A {_n(f['class_A'])}, loại B "
             f"{_n(f['class_B'])}, loại C {_n(f['class_C'])}, loại D {_n(f['class_D'])} lượt "
             f"người; chưa đánh giá {_n(f['class_missing'])} lượt người.")
    return text


def _support(f: Mapping[str, Any]) -> str:
    done = [f"{SUPPORT_KIND_LABELS[k].lower()} {_n(f[f'support_{k}'])} lượt "
            f"({_n(f[f'support_{k}_people'])} người)" for k in SUPPORT_KINDS if f[f"support_{k}"]]
    text = ("2. Công tác hỗ trợ, giúp đỡ: đã phối hợp " + "; ".join(done) + "."
            if done else "2. Công tác hỗ trợ, giúp đỡ: trong kỳ chưa có hoạt động hỗ trợ.")
    return text + (f" Vay vốn {_n(f['loan_count'])} khoản, tổng số tiền "
                   f"{_n(f['loan_amount_vnd'])} đồng; trợ cấp khó khăn "
                   f"{_n(f['hardship_amount_vnd'])} đồng.")


def _violations(f: Mapping[str, Any]) -> str:
    text = f"3. Vi phạm, tái phạm: có {_n(f['violations_admin'])} lượt vi phạm hành chính; "
    if f["reoffended"]:
        text += (f"{_n(f['reoffended'])} người phạm tội mới, tỷ lệ tái phạm "
                 f"{_pct(f['reoffending_rate_pct'], 2)}%.")
    else:
        text += "không có người tái phạm tội."
    return text


def _results(snap: ReportSnapshot) -> list[str]:
    f = snap.figures
    other = (f"4. Kết quả khác: dự kiến trong 90 ngày tới có "
             f"{_n(f['expunged_expected_next_90d'])} người đủ điều kiện được xóa án tích; địa "
             f"phương duy trì {_n(f['models_active'])} mô hình, ghi nhận "
             f"{_n(f['exemplary_people'])} điển hình cá nhân.")
    return [_education(f), _support(f), _violations(f), other]


def _assessment(snap: ReportSnapshot) -> list[str]:
    f = snap.figures
    weak = []
    if f["contact_coverage_pct"] is not None and f["weeks_covered"] < f["weeks_due"]:
        weak.append("còn tuần tổ giúp đỡ chưa gặp gỡ được người được giúp đỡ")
    if f["class_missing"]:
        weak.append(f"còn {_n(f['class_missing'])} lượt người chưa được đánh giá, phân loại")
    if f["reoffended"]:
        weak.append("vẫn còn trường hợp tái phạm tội")
    good = ("1. Ưu điểm: công tác quản lý, giáo dục, giúp đỡ được triển khai theo quy định; "
            "các tổ giúp đỡ duy trì gặp gỡ, nắm tình hình, kịp thời hỗ trợ người chấp hành "
            "xong án phạt tù ổn định cuộc sống.")
    bad = ("2. Tồn tại, hạn chế: " + "; ".join(weak) + "." if weak
           else "2. Tồn tại, hạn chế: chưa phát hiện tồn tại đáng kể.")
    return [good, bad]


def _direction(snap: ReportSnapshot) -> list[str]:
    return [
        "1. Phương hướng: tiếp tục duy trì gặp gỡ hằng tuần, đánh giá, phân loại đúng hạn "
        "hằng quý; phối hợp các ban, ngành, đoàn thể hỗ trợ học nghề, việc làm, vay vốn; "
        "chủ động phòng ngừa tái phạm tội.",
        "2. Kiến nghị: đề nghị cấp trên tiếp tục quan tâm hướng dẫn, bố trí kinh phí hỗ trợ "
        "hoạt động của các tổ giúp đỡ.",
    ]


def intro(snap: ReportSnapshot) -> str:
    """The opening sentence before section I."""
    return (f"Thực hiện Luật Thi hành án hình sự, Nghị định số 49/2020/NĐ-CP và Thông tư số "
            f"10/2024/TT-BCA, {snap.unit.name} báo cáo kết quả công tác quản lý, giáo dục, "
            f"giúp đỡ người chấp hành xong án phạt tù tái hòa nhập cộng đồng "
            f"{period_phrase(snap.period)} như sau:")


def narrative(snap: ReportSnapshot,
              override: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Each section's paragraphs: the officer's text (from the call, else stored with the
    snapshot) where given, one paragraph per line; the generated sentences otherwise."""
    generated = {"general": _general(snap), "results": _results(snap),
                 "assessment": _assessment(snap), "direction": _direction(snap)}
    texts = {**snap.data.get("narrative", {}), **(override or {})}
    for key, value in texts.items():
        if key in generated and value.strip():
            generated[key] = [line.strip() for line in value.splitlines() if line.strip()]
    return generated
