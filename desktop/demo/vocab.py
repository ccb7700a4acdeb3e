"""Vietnamese vocabulary for demo data: names, places, offences, phrases officers write."""

from __future__ import annotations

FAMILY_NAMES = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4),
    ("Phan", 4), ("Vũ", 4), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
    ("Ngô", 2), ("Dương", 1), ("Lý", 1), ("Đinh", 1), ("Trịnh", 1), ("Lương", 1),
)
MIDDLE_MALE = ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân")
MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hùng", "Huy", "Khánh", "Long",
    "Mạnh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Tùng", "Việt",
    "Vinh", "Hoàng", "Lâm", "Toàn", "Trung", "Thành", "Khoa", "Đạt",
)
GIVEN_FEMALE = (
    "Anh", "Ánh", "Chi", "Dung", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai",
    "Nga", "Ngọc", "Nhung", "Phương", "Thảo", "Trang", "Tuyết", "Yến",
)
PROVINCES = (
    ("Thái Nguyên", "019"), ("Bắc Ninh", "027"), ("Phú Thọ", "025"), ("Nghệ An", "040"),
    ("Thanh Hóa", "038"), ("Hải Phòng", "031"), ("Quảng Ninh", "022"), ("Lâm Đồng", "068"),
    ("Đồng Nai", "075"), ("Cần Thơ", "092"), ("Hưng Yên", "033"), ("Ninh Bình", "037"),
)
COMMUNES = (
    "Thanh Bình", "Tân Lập", "Hòa Bình", "Quang Trung", "Đông Hưng", "Phú Xuân", "Yên Ninh",
    "Tân Thịnh", "Gia Sàng", "Hoàng Văn Thụ", "Trưng Vương", "Phan Đình Phùng", "Đồng Quang",
    "Túc Duyên", "Quyết Thắng", "Tích Lương", "Cam Giá", "Hương Sơn", "Phú Lâm", "An Khánh",
)
RESIDENTIAL_AREAS = (
    "Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 5", "Tổ dân phố 7",
    "Thôn Đông", "Thôn Đoài", "Thôn Trung", "Xóm Mới",
)
PRISONS = (
    "Trại giam Phú Sơn 4", "Trại giam Ngọc Lý", "Trại giam Thanh Xuân", "Trại giam Xuân Nguyên",
    "Trại giam Tân Lập", "Trại giam Hoàng Tiến",
)
# (offence, Penal Code article, chapter, (min months, max months))
OFFENCES = (
    ("Trộm cắp tài sản", "173", 16, (6, 48)),
    ("Lừa đảo chiếm đoạt tài sản", "174", 16, (12, 120)),
    ("Cướp giật tài sản", "171", 16, (24, 120)),
    ("Cố ý gây thương tích", "134", 14, (12, 96)),
    ("Tàng trữ trái phép chất ma túy", "249", 20, (24, 180)),
    ("Mua bán trái phép chất ma túy", "251", 20, (36, 240)),
    ("Gây rối trật tự công cộng", "318", 21, (6, 36)),
    ("Đánh bạc", "321", 21, (6, 36)),
    ("Giết người", "123", 14, (96, 240)),
    ("Vi phạm quy định về tham gia giao thông đường bộ", "260", 21, (12, 60)),
)
MASS_ORGS = ("Hội Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Nông dân", "MTTQ")
FAMILY_RELATIONS = ("Bố", "Mẹ", "Vợ", "Chồng", "Anh trai", "Chị gái")
WORK_NOTES = (
    "Đang làm phụ hồ tại công trình trong xã", "Làm ruộng cùng gia đình",
    "Chạy xe ôm công nghệ", "Làm công nhân khu công nghiệp", "Đang tìm việc làm",
    "Học nghề sửa chữa xe máy", "Buôn bán nhỏ tại chợ",
)
MOODS = ("Tinh thần ổn định, vui vẻ", "Còn tự ti, ít giao tiếp", "Ổn định, hợp tác tốt",
         "Lo lắng về việc làm", "Có tiến bộ rõ rệt")
ADVICE = (
    "Động viên tiếp tục ổn định việc làm, tránh xa bạn bè xấu",
    "Hướng dẫn làm thủ tục đăng ký thường trú",
    "Giới thiệu tham gia lớp học nghề của huyện",
    "Nhắc nhở chấp hành nghĩa vụ dân sự còn lại",
    "Phối hợp với gia đình theo dõi, giúp đỡ",
)
EXCUSE_REASONS = ("Đi làm ăn xa có báo cáo", "Nằm viện điều trị", "Đi làm việc tại tỉnh khác",
                  "Về quê chăm bố mẹ ốm")
MODEL_NAMES = (
    "Mô hình «Tổ tự quản giúp người lầm lỡ»", "Câu lạc bộ «Hoàn lương»",
    "Mô hình «Gia đình hỗ trợ người chấp hành xong án phạt tù»",
    "Mô hình «Doanh nghiệp nhận người hoàn lương vào làm việc»",
)
