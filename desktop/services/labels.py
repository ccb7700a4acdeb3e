"""Vietnamese labels of the stored codes (statuses, reasons, penalties…), in one place.

Views, reports and service messages all read these dicts, so a code is never shown under
two different names. Keep this a plain module of dicts: other services add theirs here.
"""

from __future__ import annotations

STATUS_LABELS: dict[str, str] = {
    "expected": "Chờ tiếp nhận",
    "received": "Đã tiếp nhận",
    "managed": "Đang quản lý",
    "absent": "Vắng mặt",
    "ended": "Kết thúc quản lý",
}

END_REASON_LABELS: dict[str, str] = {
    "expunged": "Được xóa án tích",
    "moved": "Chuyển nơi cư trú",
    "abroad": "Định cư ở nước ngoài",
    "missing": "Bị tuyên bố mất tích",
    "died": "Chết",
    "new_sentence": "Bị kết án tù mới",
}

RELEASE_TYPE_LABELS: dict[str, str] = {
    "completed": "Chấp hành xong án phạt tù",
    "amnesty": "Được đặc xá",
    "conditional": "Được tha tù trước thời hạn có điều kiện",
}

PENALTY_LABELS: dict[str, str] = {
    "prison": "Tù có thời hạn",
    "life": "Tù chung thân",
    "death_commuted": "Tử hình được ân giảm",
    "non_custodial": "Cải tạo không giam giữ",
    "suspended": "Tù cho hưởng án treo",
    "fine": "Phạt tiền",
    "warning": "Cảnh cáo",
}

GENDER_LABELS: dict[str, str] = {
    "male": "Nam",
    "female": "Nữ",
}

RECIPIENT_LEVEL_LABELS: dict[str, str] = {
    "district": "Công an cấp huyện",
    "province": "Công an cấp tỉnh",
}

PERIOD_CONVENTION_LABELS: dict[str, str] = {
    "calendar": "Theo tháng dương lịch",
    "cutoff": "Từ ngày 15 tháng trước đến ngày 14 tháng báo cáo",
}

# --- support team, contacts, evaluations, support, violations, community models ---------

TEAM_ROLE_LABELS: dict[str, str] = {
    "police": "Cán bộ Công an",
    "mass_org": "Đại diện tổ chức chính trị - xã hội",
    "party_member": "Đảng viên chi bộ khu dân cư",
    "family": "Đại diện gia đình",
    "other": "Thành viên khác",
}

CONTACT_FORM_LABELS: dict[str, str] = {
    "home_visit": "Đến nhà",
    "office": "Tại trụ sở",
    "workplace": "Tại nơi làm việc",
    "phone": "Qua điện thoại",
}

RISK_SIGN_LABELS: dict[str, str] = {
    "bad_company": "Giao du với đối tượng xấu",
    "substance_use": "Sử dụng rượu bia, chất kích thích",
    "conflict": "Mâu thuẫn, xung đột",
    "leaving_area": "Có biểu hiện bỏ địa phương",
}

SUPPORT_KIND_LABELS: dict[str, str] = {
    "counselling": "Tư vấn tâm lý",
    "legal_procedures": "Trợ giúp thủ tục pháp lý",
    "residence_registration": "Đăng ký cư trú",
    "civil_status": "Đăng ký hộ tịch",
    "id_card": "Cấp thẻ căn cước",
    "judicial_record": "Cấp phiếu lý lịch tư pháp",
    "expungement_application": "Làm thủ tục xóa án tích",
    "vocational_training": "Học nghề",
    "job_referral": "Giới thiệu việc làm",
    "loan": "Vay vốn",
    "hardship_aid": "Trợ cấp khó khăn",
    "social_protection": "Đưa vào cơ sở bảo trợ xã hội",
    "other": "Hỗ trợ khác",
}

LOAN_PURPOSE_LABELS: dict[str, str] = {
    "business": "Sản xuất, kinh doanh",
    "training": "Học nghề",
}

LOAN_STATUS_LABELS: dict[str, str] = {
    "requested": "Đã đề nghị vay",
    "approved": "Đã được duyệt",
    "disbursed": "Đã giải ngân",
    "repaid": "Đã trả hết nợ",
    "rejected": "Không được duyệt",
}

VIOLATION_KIND_LABELS: dict[str, str] = {
    "administrative": "Vi phạm hành chính",
    "new_crime": "Phạm tội mới",
    "other": "Vi phạm khác",
}

# Short names for tables and charts; the full HCD-09 wording is the rule set's
# `classification_labels`, which can change with the law.
CLASSIFICATION_SHORT_LABELS: dict[str, str] = {
    "A": "Loại A – tốt",
    "B": "Loại B – còn khó khăn",
    "C": "Loại C – có nguy cơ",
    "D": "Loại D – đang bị tạm giữ, giáo dục",
}

COMMUNITY_KIND_LABELS: dict[str, str] = {
    "model": "Mô hình",
    "exemplary": "Điển hình cá nhân",
}

COMMUNITY_STATUS_LABELS: dict[str, str] = {
    "active": "Đang hoạt động",
    "ended": "Đã kết thúc",
}
