"""Which column of an office's list feeds which field of a person or judgment.

Headers are matched after `header_key` (diacritics, case, punctuation and spacing ignored):
"HỌ VÀ TÊN", "Họ và tên" and "Ho va ten " are one header. An exact alias wins; otherwise
a header starting with an alias of two words or more ("Họ và tên người chấp hành xong án")
matches the longest such alias; one-word aliases ("Tên", "Tổ") must match exactly, so
"Tổ giúp đỡ" is not taken for a residential area.

The mapping is an editable frozen dataclass: the wizard changes one column at a time with
`with_field`. Several columns may feed one field (a name split over "Họ" and "Tên", an
address over two columns): their non-empty values are joined with a space.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from desktop.services.errors import ValidationError
from desktop.services.validation import FIELD_LABELS
from desktop.text import fold

# Target fields in the order the template lists them. Most are PersonInput/JudgmentInput
# fields; the others are intake-only: family/given name halves, a birth year written in a
# "Nam" or "Nữ" sub-column, the sentence as written, and the reception date.
TARGETS: tuple[str, ...] = (
    "full_name", "family_name", "given_name", "other_names", "gender", "birth_date",
    "birth_male", "birth_female", "id_number", "ethnicity", "religion", "place_of_origin",
    "permanent_address", "current_address", "residential_area", "phone", "education",
    "occupation", "family_situation", "court", "judgment_number", "judgment_date",
    "offences", "penal_articles", "sentence", "prison", "release_date", "release_type",
    "certificate_number", "received_on", "note",
)

_EXTRA_LABELS = {
    "family_name": "Họ và tên đệm", "given_name": "Tên",
    "birth_male": "Năm sinh (cột Nam)", "birth_female": "Năm sinh (cột Nữ)",
    "sentence": "Mức án",
}


def target_label(field: str) -> str:
    """The field in Vietnamese, as the wizard's drop-down and the messages name it."""
    return _EXTRA_LABELS.get(field) or FIELD_LABELS.get(field, field)


ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("Họ và tên", "Họ tên", "Tên", "Họ và tên khai sinh", "Họ tên khai sinh",
                  "Họ tên người chấp hành xong án phạt tù", "Họ tên phạm nhân"),
    "family_name": ("Họ", "Họ và tên đệm", "Họ đệm", "Họ và chữ đệm", "Họ và đệm"),
    "other_names": ("Tên gọi khác", "Tên khác", "Bí danh"),
    "gender": ("Giới tính", "Nam/Nữ", "Phái", "Giới"),
    "birth_date": ("Ngày sinh", "Năm sinh", "Ngày, tháng, năm sinh", "Sinh ngày", "Sinh năm",
                   "Ngày tháng năm sinh", "NS"),
    "id_number": ("Số CCCD", "CCCD", "Số định danh", "CMND", "Số CMND/CCCD", "Số CCCD/CMND",
                  "CMND/CCCD", "CCCD/CMND", "Số CMND", "Số định danh cá nhân", "Căn cước",
                  "Số căn cước", "Căn cước công dân", "Số căn cước công dân",
                  "Chứng minh nhân dân", "Số chứng minh nhân dân", "Mã định danh"),
    "ethnicity": ("Dân tộc",),
    "religion": ("Tôn giáo",),
    "place_of_origin": ("Quê quán", "Nguyên quán"),
    "permanent_address": ("Nơi thường trú", "HKTT", "Thường trú", "Hộ khẩu thường trú",
                          "Nơi đăng ký HKTT", "Nơi ĐKHKTT", "Nơi đăng ký thường trú"),
    "current_address": ("Nơi cư trú", "Nơi ở hiện nay", "Địa chỉ", "Nơi ở hiện tại",
                        "Chỗ ở hiện nay", "Nơi ở", "Nơi về cư trú", "Địa chỉ cư trú"),
    "residential_area": ("Thôn/Tổ", "Tổ dân phố", "Thôn", "Tổ", "Xóm", "Ấp", "Khu phố",
                         "Thôn, tổ dân phố", "Thôn/Tổ dân phố", "Thôn/Xóm", "Thôn/Bản"),
    "phone": ("SĐT", "Điện thoại", "Số điện thoại", "ĐT", "Số ĐT", "Điện thoại liên hệ"),
    "education": ("Trình độ học vấn", "Học vấn", "Trình độ văn hóa", "Văn hóa", "TĐVH"),
    "occupation": ("Nghề nghiệp", "Nghề", "Việc làm", "Công việc", "Nghề nghiệp hiện nay"),
    "family_situation": ("Hoàn cảnh gia đình", "Hoàn cảnh"),
    "court": ("Tòa án", "Tòa án xét xử", "Tòa xử", "Tòa án tuyên án"),
    "judgment_number": ("Số bản án", "Bản án số"),
    "judgment_date": ("Ngày tuyên án", "Ngày bản án", "Ngày xét xử"),
    "offences": ("Tội danh", "Tội", "Phạm tội"),
    "penal_articles": ("Điều luật", "Điều luật áp dụng", "Điều", "Điều khoản"),
    "sentence": ("Mức án", "Án phạt", "Hình phạt", "Hình phạt chính", "Thời hạn tù", "Án tù",
                 "Mức hình phạt"),
    "prison": ("Trại giam", "Nơi chấp hành án", "Nơi chấp hành án phạt tù", "Trại",
               "Nơi giam giữ", "Cơ sở giam giữ"),
    "release_date": ("Ngày ra trại", "Ngày chấp hành xong", "Ngày CHX", "Ngày CHXAPT",
                     "Ngày chấp hành xong án phạt tù", "Ngày ra tù", "Ngày hết án",
                     "Ngày được tha", "Ngày tha", "Ngày đặc xá", "Ngày được đặc xá"),
    "release_type": ("Đặc xá", "Hình thức ra trại", "Diện ra trại", "Diện",
                     "Hình thức chấp hành xong"),
    "certificate_number": ("Số giấy chứng nhận", "Giấy chứng nhận", "Số GCN", "GCN",
                           "Số giấy CN", "Số giấy chứng nhận chấp hành xong án phạt tù"),
    "received_on": ("Ngày tiếp nhận", "Ngày trình diện", "Ngày về địa phương",
                    "Ngày về cư trú"),
    "note": ("Ghi chú", "GC"),
}

_PUNCTUATION = re.compile(r"[^\w]+")


def header_key(text: str) -> str:
    """The key headers are compared by: folded, punctuation and runs of spaces as one space."""
    return _PUNCTUATION.sub(" ", fold(text).replace("_", " ")).strip()


_EXACT: dict[str, str] = {header_key(a): f for f, aliases in ALIASES.items() for a in aliases}
# Longest first, so "Ngày chấp hành xong án phạt tù" is tried before "Ngày chấp hành xong".
_PREFIXES: tuple[tuple[str, str], ...] = tuple(sorted(
    ((k, f) for k, f in _EXACT.items() if " " in k), key=lambda kf: -len(kf[0])))
_MALE, _FEMALE = header_key("Nam"), header_key("Nữ")
# "Họ tên cha", "Nơi ở của người thân": a header about someone else, not the person.
_SOMEONE_ELSE = ("cha", "me", "bo", "vo", "chong", "con", "nguoi than", "than nhan",
                 "nguoi giam ho", "nguoi bao lanh", "cua")


def match_header(text: str) -> str | None:
    """The field a header names, or None."""
    key = header_key(text)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    for prefix, field in _PREFIXES:
        if key.startswith(prefix + " "):
            rest = key[len(prefix) + 1:]
            if any(rest == w or rest.startswith(w + " ") for w in _SOMEONE_ELSE):
                return None
            return field
    return None


def match_column(label: str, group: str = "") -> str | None:
    """The field of a column with header `label` under the merged group header `group`.

    The Vietnamese layout "Năm sinh" over two sub-columns "Nam" and "Nữ" (the year written
    in the column of the person's gender) gives `birth_male` / `birth_female`.
    """
    if group and match_header(group) == "birth_date":
        key = header_key(label)
        if key == _MALE:
            return "birth_male"
        if key == _FEMALE:
            return "birth_female"
    return match_header(label) or (match_header(group) if group else None)


@dataclass(frozen=True)
class ColumnMapping:
    """The target field of each column (None: not imported), by 0-based column index."""

    fields: tuple[str | None, ...]

    def __post_init__(self) -> None:
        for field in self.fields:
            if field is not None and field not in TARGETS:
                raise ValidationError("mapping", f"Trường «{field}» không có trong danh sách "
                                                 "các trường nhập được.")

    def columns_of(self, field: str) -> tuple[int, ...]:
        """The columns feeding `field`, left to right."""
        return tuple(i for i, f in enumerate(self.fields) if f == field)

    def mapped(self) -> tuple[int, ...]:
        """The columns that are imported."""
        return tuple(i for i, f in enumerate(self.fields) if f is not None)

    def with_field(self, column: int, field: str | None) -> ColumnMapping:
        """The mapping with `column` feeding `field` (None: not imported)."""
        if not 0 <= column < len(self.fields):
            raise ValidationError("mapping", f"Không có cột số {column + 1}.")
        fields = list(self.fields)
        fields[column] = field
        return replace(self, fields=tuple(fields))

    def missing(self, required: Iterable[str]) -> list[str]:
        """The `required` fields no column feeds (names and birth count in any form)."""
        present = set(self.fields)
        if {"family_name", "given_name"} & present:
            present.add("full_name")
        if {"birth_male", "birth_female"} & present:
            present |= {"birth_date", "gender"}
        return [f for f in required if f not in present]


def auto_map(labels: Sequence[tuple[str, str]]) -> ColumnMapping:
    """The mapping guessed from each column's (label, group) header.

    A field found twice keeps its first column, unless the columns are side by side under
    one merged header (their values are then joined); "Tên" beside a "Họ" column is the
    given name.
    """
    fields: list[str | None] = []
    for i, (label, group) in enumerate(labels):
        field = match_column(label, group)
        same_merge = i > 0 and fields[i - 1] == field and labels[i - 1] == (label, group)
        if field is not None and field in fields and not same_merge:
            field = None
        fields.append(field)
    if "family_name" in fields:
        fields = ["given_name" if f == "full_name" and header_key(labels[i][0]) == "ten"
                  else f for i, f in enumerate(fields)]
    return ColumnMapping(tuple(fields))


def header_signature(labels: Sequence[tuple[str, str]]) -> str:
    """A key identifying a header layout, to remember the mapping a user chose for it."""
    keys = "\n".join(f"{header_key(g)}|{header_key(lbl)}" for lbl, g in labels)
    return hashlib.sha1(keys.encode("utf-8")).hexdigest()
