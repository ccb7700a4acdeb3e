<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add team member – {0}</source>
        <translation>Thêm thành viên tổ giúp đỡ – {0}</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <source>&amp;Member from</source>
        <translation>Tham &amp;gia từ ngày</translation>
    </message>
    <message>
        <source>Directly responsible for the person</source>
        <translation>Là người trực tiếp giúp đỡ</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <source>e.g. nguyenvana (no accents or spaces)</source>
        <translation>ví dụ: nguyenvana (không dấu, không khoảng trắng)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <source>The administrator adds the other users and changes settings. Keep the password safe: without it nobody can add users or change settings.</source>
        <translation>Quản trị viên là người thêm các người dùng khác và thay đổi cài đặt. Hãy giữ mật khẩu cẩn thận: không có mật khẩu này thì không ai thêm được người dùng hay thay đổi được cài đặt.</translation>
    </message>
    <message>
        <source>e.g. quantri</source>
        <translation>ví dụ: quantri</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Lower-case letters without accents, digits and . _ - (no spaces).</source>
        <translation>Chữ thường không dấu, chữ số và các dấu . _ - (không có khoảng trắng).</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>Ít nhất {0} ký tự.</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
</context>
<context>
    <name>AnalysisPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Kiểm tra các dòng</translation>
    </message>
    <message>
        <source>Each row is checked with the same rules as a record typed in, and compared with the people already recorded. Nothing has been written yet.</source>
        <translation>Mỗi dòng được kiểm tra theo cùng quy tắc như hồ sơ nhập bằng tay, và được đối chiếu với những người đã có trong danh sách. Chưa có dữ liệu nào được ghi.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD/CMND</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Cách xử lý</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Read the file again, for example after correcting it in Excel.</source>
        <translation>Đọc lại tệp, ví dụ sau khi đã sửa trong Excel.</translation>
    </message>
    <message>
        <source>Export rejected rows…</source>
        <translation>Xuất các dòng bị loại…</translation>
    </message>
    <message>
        <source>Save the rejected rows as an Excel file with a column saying what to correct; correct them there and import that file.</source>
        <translation>Lưu các dòng bị loại thành tệp Excel, có thêm cột ghi nội dung cần sửa; sửa trực tiếp trong tệp đó rồi nhập tệp đó.</translation>
    </message>
    <message>
        <source>Rows ({0})</source>
        <translation>Dòng ({0})</translation>
    </message>
    <message>
        <source>Problems ({0})</source>
        <translation>Vấn đề ({0})</translation>
    </message>
    <message>
        <source>Checking the rows… (a long list takes a while)</source>
        <translation>Đang kiểm tra các dòng… (danh sách dài sẽ mất một lúc)</translation>
    </message>
    <message>
        <source>The check was stopped. Press “Check again” to run it.</source>
        <translation>Đã dừng kiểm tra. Bấm “Kiểm tra lại” để chạy lại.</translation>
    </message>
    <message>
        <source>{0} rows read from sheet «{1}»: {2} new, {3} possibly already on record, {4} rejected.</source>
        <translation>Đã đọc {0} dòng từ trang tính «{1}»: {2} mới, {3} có thể đã có hồ sơ, {4} bị loại.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Possibly on record</source>
        <translation>Có thể đã có hồ sơ</translation>
    </message>
    <message>
        <source>Repeated in the file</source>
        <translation>Trùng trong tệp</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị loại</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Không nhập</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>Tạo hồ sơ</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Link to {0} ({1})</source>
        <translation>Liên kết với {0} ({1})</translation>
    </message>
    <message>
        <source>Create a new record anyway</source>
        <translation>Vẫn tạo hồ sơ mới</translation>
    </message>
    <message>
        <source>Skip: nothing is written for this row. Link: the existing record keeps everything it has; only its empty fields are filled from the row.</source>
        <translation>Bỏ qua: không ghi gì cho dòng này. Liên kết: hồ sơ đã có giữ nguyên mọi thông tin; chỉ các mục còn trống được điền từ dòng này.</translation>
    </message>
    <message>
        <source>Row {0}</source>
        <translation>Dòng {0}</translation>
    </message>
    <message>
        <source>Selected row</source>
        <translation>Dòng đã chọn</translation>
    </message>
    <message>
        <source>Select a row marked “Possibly on record” to compare it with the records already kept.</source>
        <translation>Chọn một dòng có đánh dấu “Có thể đã có hồ sơ” để so sánh với các hồ sơ đang lưu.</translation>
    </message>
    <message>
        <source>Row {0} of the file (first line) and what it may be. Compare them with the papers, then choose in “What to do”.</source>
        <translation>Dòng {0} của tệp (dòng trên cùng) và các hồ sơ có thể là cùng người. Hãy đối chiếu với giấy tờ, rồi chọn ở cột “Cách xử lý”.</translation>
    </message>
    <message>
        <source>Read with a remark: {0}</source>
        <translation>Đọc được nhưng có lưu ý: {0}</translation>
    </message>
    <message>
        <source>Row {0} of the file</source>
        <translation>Dòng {0} của tệp</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>Hồ sơ đang lưu</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Lưu các dòng bị loại</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <source>Every change, sign-in, import, export, signature and accepted key is written to the audit trail. Each entry is sealed together with the one before it, so an entry changed or deleted directly in the database file breaks the chain. Check it here, or with “hoanhap check” on the command line.</source>
        <translation>Mọi thay đổi, lần đăng nhập, lần nhập, xuất dữ liệu, lần ký số và khóa được chấp nhận đều được ghi vào nhật ký lưu vết. Mỗi mục được niêm phong cùng với mục liền trước, nên nếu một mục bị sửa hoặc xóa trực tiếp trong tệp cơ sở dữ liệu thì chuỗi sẽ bị đứt. Kiểm tra tại đây, hoặc bằng lệnh “hoanhap check” trên dòng lệnh.</translation>
    </message>
    <message>
        <source>Check the audit trail</source>
        <translation>Kiểm tra nhật ký lưu vết</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Đang kiểm tra nhật ký lưu vết…</translation>
    </message>
    <message>
        <source>The audit trail is intact: {0} entries, none changed or removed.</source>
        <translation>Nhật ký lưu vết nguyên vẹn: {0} mục, không mục nào bị sửa hoặc xóa.</translation>
    </message>
    <message>
        <source>The audit trail is broken at entry No. {0}: {1}. Entries from there on cannot be trusted; keep this computer as it is and tell your administrator.</source>
        <translation>Nhật ký lưu vết bị đứt tại mục số {0}: {1}. Không thể tin cậy các mục từ đó trở đi; hãy giữ nguyên hiện trạng máy tính này và báo cho người quản trị.</translation>
    </message>
    <message>
        <source>Entry No. {0} is missing from the database.</source>
        <translation>Mục số {0} bị thiếu trong cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Entry No. {0} as it is now stored: written {1} by “{2}”, action “{3}” on “{4}”.</source>
        <translation>Mục số {0} như đang lưu hiện nay: ghi lúc {1} bởi “{2}”, thao tác “{3}” trên “{4}”.</translation>
    </message>
</context>
<context>
    <name>AutoBackups</name>
    <message>
        <source>Backing up before closing…</source>
        <translation>Đang sao lưu trước khi đóng…</translation>
    </message>
</context>
<context>
    <name>BackupKeyDialog</name>
    <message>
        <source>Backup of another database</source>
        <translation>Bản sao lưu của cơ sở dữ liệu khác</translation>
    </message>
    <message>
        <source>The backup {0} is encrypted with the key of another database (for example the old computer&apos;s), not with the key of the database open now. Its key file {1} is beside it.

Type the user name and password of an account of that database, as they were when the backup was made — or leave them empty and type its recovery code.</source>
        <translation>Bản sao lưu {0} được mã hóa bằng khóa của một cơ sở dữ liệu khác (ví dụ của máy tính cũ), không phải khóa của cơ sở dữ liệu đang mở. Tệp khóa {1} của nó nằm bên cạnh.

Hãy nhập tên đăng nhập và mật khẩu của một tài khoản trong cơ sở dữ liệu đó, như lúc tạo bản sao lưu — hoặc để trống và nhập mã khôi phục của nó.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>or the recovery code</source>
        <translation>hoặc mã khôi phục</translation>
    </message>
    <message>
        <source>Open the backup</source>
        <translation>Mở bản sao lưu</translation>
    </message>
    <message>
        <source>Type a user name and its password, or the recovery code.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu, hoặc mã khôi phục.</translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <source>Made on</source>
        <translation>Thời điểm tạo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>&amp;Back up now to…</source>
        <translation>&amp;Sao lưu ngay vào…</translation>
    </message>
    <message>
        <source>&amp;Restore the selected backup…</source>
        <translation>&amp;Khôi phục bản sao lưu đã chọn…</translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation>Khôi phục từ &amp;tệp…</translation>
    </message>
    <message>
        <source>Backing up to a USB stick and restoring are for administrators.</source>
        <translation>Chỉ người quản trị mới được sao lưu ra USB và khôi phục dữ liệu.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Folder of the automatic backups</source>
        <translation>Thư mục sao lưu tự động</translation>
    </message>
    <message>
        <source>HoaNhap backs the database up by itself when it closes and once a day, and keeps the newest {0} copies (change the number under “Security”). Also keep a copy away from this computer: back up to a USB stick regularly.</source>
        <translation>HoaNhap tự động sao lưu cơ sở dữ liệu khi đóng và mỗi ngày một lần, và giữ {0} bản mới nhất (đổi số lượng này trong mục “Bảo mật”). Hãy giữ thêm một bản ở ngoài máy tính này: thường xuyên sao lưu ra USB.</translation>
    </message>
    <message>
        <source>{0} (not encrypted – made before encryption)</source>
        <translation>{0} (chưa mã hóa – tạo trước khi mã hóa)</translation>
    </message>
    <message>
        <source>{0} kB</source>
        <translation>{0} kB</translation>
    </message>
    <message>
        <source>Where to write the backup (a USB stick)</source>
        <translation>Nơi ghi bản sao lưu (USB)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup written and checked: {0} ({1} kB).</source>
        <translation>Đã ghi và kiểm tra bản sao lưu: {0} ({1} kB).</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>Hãy chọn một bản sao lưu trong danh sách trước.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <source>Databases (*.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu (*.db);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
    <message>
        <source>The backup {0} ({1} kB) passed the integrity check.

Restoring replaces ALL the data on this computer by the data of the backup; what was entered since it was made is lost (the current data is kept beside the database, in case). HoaNhap closes afterwards: start it again and sign in.

Restore now?</source>
        <translation>Bản sao lưu {0} ({1} kB) đã qua kiểm tra toàn vẹn.

Khôi phục sẽ thay thế TOÀN BỘ dữ liệu trên máy tính này bằng dữ liệu của bản sao lưu; những gì đã nhập từ khi tạo bản sao lưu sẽ bị mất (dữ liệu hiện tại được giữ lại bên cạnh cơ sở dữ liệu để phòng khi cần). Sau đó HoaNhap sẽ đóng: hãy mở lại và đăng nhập.

Khôi phục ngay?</translation>
    </message>
    <message>
        <source>{0}

This backup belongs to another database and comes with its own key file: from now on, sign in with the user names, passwords and recovery code of the restored database, not with the current ones.</source>
        <translation>{0}

Bản sao lưu này thuộc một cơ sở dữ liệu khác và có tệp khóa riêng đi kèm: từ nay hãy đăng nhập bằng tên đăng nhập, mật khẩu và mã khôi phục của cơ sở dữ liệu được khôi phục, không dùng các thông tin hiện tại nữa.</translation>
    </message>
    <message>
        <source>Restore the backup?</source>
        <translation>Khôi phục bản sao lưu?</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>{0}

Sign in with an account of the restored database (user names and passwords as they were when the backup was made); its recovery code is the one printed for that database.</source>
        <translation>{0}

Hãy đăng nhập bằng một tài khoản của cơ sở dữ liệu được khôi phục (tên đăng nhập và mật khẩu như lúc tạo bản sao lưu); mã khôi phục là mã đã in cho cơ sở dữ liệu đó.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>The data was restored from {0}. The data replaced is kept in {1}.

HoaNhap will now close. Start it again to continue.</source>
        <translation>Đã khôi phục dữ liệu từ {0}. Dữ liệu bị thay thế được giữ tại {1}.

HoaNhap sẽ đóng ngay bây giờ. Hãy mở lại để tiếp tục.</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <source>Signing certificate</source>
        <translation>Chứng thư số để ký báo cáo</translation>
    </message>
    <message>
        <source>Reports sent to the provincial police are signed digitally. The office that receives them recognises your unit by its certificate.</source>
        <translation>Báo cáo gửi Công an tỉnh được ký số. Cơ quan nhận báo cáo nhận biết đơn vị của bạn qua chứng thư số này.</translation>
    </message>
    <message>
        <source>Create the unit&apos;s certificate now (recommended)</source>
        <translation>Tạo chứng thư số của đơn vị ngay bây giờ (khuyên dùng)</translation>
    </message>
    <message>
        <source>A certificate in the unit&apos;s name is made on this computer, protected by a password. Give the password only to the leaders who sign reports.</source>
        <translation>Một chứng thư số mang tên đơn vị được tạo trên máy này và được bảo vệ bằng mật khẩu. Chỉ giao mật khẩu cho lãnh đạo có thẩm quyền ký báo cáo.</translation>
    </message>
    <message>
        <source>Register a certificate file (.p12, .pfx)</source>
        <translation>Đăng ký tệp chứng thư số (.p12, .pfx)</translation>
    </message>
    <message>
        <source>An officer&apos;s certificate from a certificate authority: reports signed with it are then recognised here. The private key stays in the file.</source>
        <translation>Chứng thư số của cán bộ do tổ chức cung cấp dịch vụ chứng thực cấp: báo cáo ký bằng chứng thư này sẽ được máy này nhận biết. Khóa bí mật vẫn nằm trong tệp, không lưu vào phần mềm.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>Skip this step: the unit&apos;s certificate is created the first time a leader signs a report with it.</source>
        <translation>Bỏ qua bước này: chứng thư số của đơn vị sẽ được tạo vào lần đầu lãnh đạo ký một báo cáo bằng chứng thư số của đơn vị.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Mật khẩu chứng thư số</translation>
    </message>
    <message>
        <source>At least {0} characters. Without it nobody can sign with the unit&apos;s certificate: keep it safe.</source>
        <translation>Ít nhất {0} ký tự. Không có mật khẩu này thì không ai ký được bằng chứng thư số của đơn vị: hãy giữ kỹ.</translation>
    </message>
    <message>
        <source>Certificate password again</source>
        <translation>Nhập lại mật khẩu chứng thư số</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Tệp chứng thư số</translation>
    </message>
    <message>
        <source>The .p12 or .pfx file, e.g. on a USB stick.</source>
        <translation>Tệp .p12 hoặc .pfx, ví dụ trên USB.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Password of the file</source>
        <translation>Mật khẩu của tệp</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <source>Certificate files (*.p12 *.pfx)</source>
        <translation>Tệp chứng thư số (*.p12 *.pfx)</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Confirm the import</source>
        <translation>Xác nhận nhập dữ liệu</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Press “Import” to write the rows below, all at once: if one of them cannot be written, none is.</source>
        <translation>Chưa có dữ liệu nào được ghi. Bấm “Nhập dữ liệu” để ghi tất cả các dòng dưới đây cùng một lúc: nếu có một dòng không ghi được thì không dòng nào được ghi.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>New records to create:</source>
        <translation>Hồ sơ mới sẽ tạo:</translation>
    </message>
    <message>
        <source>Rows linked to a record already kept:</source>
        <translation>Dòng liên kết với hồ sơ đã có:</translation>
    </message>
    <message>
        <source>Rows skipped:</source>
        <translation>Dòng bỏ qua:</translation>
    </message>
    <message>
        <source>Rejected rows, not imported:</source>
        <translation>Dòng bị loại, không nhập:</translation>
    </message>
    <message>
        <source>New records get the status “{0}” from today, or “{1}” when the list gives the date the person reported. A linked record keeps everything it has: only its empty fields are filled from the row. Each record&apos;s history names this file and its row.</source>
        <translation>Hồ sơ mới có trạng thái “{0}” kể từ hôm nay, hoặc “{1}” nếu danh sách có ghi ngày người đó trình diện. Hồ sơ được liên kết giữ nguyên mọi thông tin đã có: chỉ các mục còn trống được điền từ dòng. Lịch sử của mỗi hồ sơ ghi rõ tệp này và dòng tương ứng.</translation>
    </message>
</context>
<context>
    <name>ConfirmPasswordDialog</name>
    <message>
        <source>Encrypt the database</source>
        <translation>Mã hóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database is copied into an encrypted file, checked, and put in place of the plain one, which is kept beside it until you delete it. Your password opens the encrypted database; every other user needs a new password from you afterwards. A recovery code is shown at the end: have paper ready.</source>
        <translation>Cơ sở dữ liệu được sao chép sang một tệp mã hóa, kiểm tra, rồi thay thế cho tệp chưa mã hóa; tệp chưa mã hóa được giữ lại bên cạnh cho đến khi bạn xóa. Mật khẩu của bạn dùng để mở cơ sở dữ liệu đã mã hóa; sau đó mọi người dùng khác cần được bạn cấp mật khẩu mới. Cuối cùng, mã khôi phục sẽ được hiển thị: hãy chuẩn bị sẵn giấy.</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Mật khẩu của bạn</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Mã hóa</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>A conflict is a record that arrived in a package but could not replace the one on this computer (both were changed, or it belongs to another unit). Both versions are kept. Compare them and choose which one stays; the other remains in the log.</source>
        <translation>Xung đột là một bản ghi đến trong gói dữ liệu nhưng không thể thay thế bản ghi trên máy tính này (cả hai đều đã bị sửa, hoặc bản ghi thuộc đơn vị khác). Cả hai phiên bản đều được giữ lại. Hãy so sánh và chọn phiên bản được giữ; phiên bản còn lại vẫn được lưu trong nhật ký.</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Xung đột chưa giải quyết</translation>
    </message>
    <message>
        <source>Show resolved conflicts too</source>
        <translation>Hiện cả xung đột đã giải quyết</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>Ngày phát hiện</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Các mục khác nhau</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Both versions</source>
        <translation>Cả hai phiên bản</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>Chỉ các mục khác nhau</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Trên máy này</translation>
    </message>
    <message>
        <source>In the package</source>
        <translation>Trong gói dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Keep this computer&apos;s version</source>
        <translation>&amp;Giữ phiên bản trên máy này</translation>
    </message>
    <message>
        <source>&amp;Take the package&apos;s version</source>
        <translation>&amp;Lấy phiên bản trong gói dữ liệu</translation>
    </message>
    <message>
        <source>open</source>
        <translation>chưa giải quyết</translation>
    </message>
    <message>
        <source>this computer&apos;s</source>
        <translation>trên máy này</translation>
    </message>
    <message>
        <source>the package&apos;s</source>
        <translation>trong gói dữ liệu</translation>
    </message>
    <message>
        <source>kept {0} version ({1}, {2})</source>
        <translation>đã giữ phiên bản {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>No conflict selected.</source>
        <translation>Chưa chọn xung đột nào.</translation>
    </message>
    <message>
        <source>{0} · from a package of {1} · {2}</source>
        <translation>{0} · từ gói dữ liệu {1} · {2}</translation>
    </message>
    <message>
        <source>On this computer (version {0})</source>
        <translation>Trên máy này (phiên bản {0})</translation>
    </message>
    <message>
        <source>In the package (version {0})</source>
        <translation>Trong gói dữ liệu (phiên bản {0})</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s version of {0}? The package&apos;s version stays in the conflict log.</source>
        <translation>Giữ phiên bản trên máy này của {0}? Phiên bản trong gói dữ liệu vẫn được lưu trong nhật ký xung đột.</translation>
    </message>
    <message>
        <source>Replace this computer&apos;s version of {0} by the package&apos;s? This computer&apos;s version stays in the conflict log.</source>
        <translation>Thay phiên bản trên máy này của {0} bằng phiên bản trong gói dữ liệu? Phiên bản trên máy này vẫn được lưu trong nhật ký xung đột.</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Giải quyết xung đột</translation>
    </message>
    <message>
        <source>Resolved: {0} now holds {1} version.</source>
        <translation>Đã giải quyết: {0} nay giữ phiên bản {1}.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact – {0}</source>
        <translation>Sửa lần gặp – {0}</translation>
    </message>
    <message>
        <source>New contact – {0}</source>
        <translation>Ghi lần gặp – {0}</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves from any field · Esc cancels · Alt+1…Alt+4 tick a risk sign</source>
        <translation>Ctrl+Enter: lưu (từ bất kỳ ô nào) · Esc: hủy · Alt+1…Alt+4: đánh dấu dấu hiệu nguy cơ</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Ngày gặp</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>&amp;Hình thức</translation>
    </message>
    <message>
        <source>Team members who took part</source>
        <translation>Các thành viên tổ giúp đỡ tham gia</translation>
    </message>
    <message>
        <source>&amp;Members present</source>
        <translation>Thành viên &amp;có mặt</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>&amp;Việc làm</translation>
    </message>
    <message>
        <source>&amp;Health</source>
        <translation>&amp;Sức khỏe</translation>
    </message>
    <message>
        <source>Fami&amp;ly</source>
        <translation>&amp;Gia đình</translation>
    </message>
    <message>
        <source>A&amp;ttitude</source>
        <translation>&amp;Thái độ</translation>
    </message>
    <message>
        <source>Moo&amp;d</source>
        <translation>Tâ&amp;m trạng</translation>
    </message>
    <message>
        <source>Risk signs</source>
        <translation>Dấu hiệu nguy cơ</translation>
    </message>
    <message>
        <source>Ad&amp;vice and actions</source>
        <translation>Tư vấn, &amp;biện pháp</translation>
    </message>
    <message>
        <source>What happened at this contact</source>
        <translation>Diễn biến, nội dung buổi gặp</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <source>&amp;Next contact</source>
        <translation>Hẹn gặp &amp;lần sau</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Members present</source>
        <translation>Thành viên có mặt</translation>
    </message>
    <message>
        <source>Summary / situation</source>
        <translation>Nội dung / tình hình</translation>
    </message>
    <message>
        <source>Risk signs</source>
        <translation>Dấu hiệu nguy cơ</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Tuần</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Log contact… (Ctrl+N)</source>
        <translation>Ghi lần gặp… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Excuse a week…</source>
        <translation>Miễn gặp một tuần…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ miễn</translation>
    </message>
    <message>
        <source>Weeks excused from contact</source>
        <translation>Các tuần được miễn gặp</translation>
    </message>
    <message>
        <source>Contacts ({0})</source>
        <translation>Gặp gỡ ({0})</translation>
    </message>
    <message>
        <source>{0}: no week of contact was due yet.</source>
        <translation>Năm {0}: chưa có tuần nào phải gặp.</translation>
    </message>
    <message>
        <source>{0}: covered {1} of {2} weeks ({3}%)</source>
        <translation>Năm {0}: đạt {1}/{2} tuần phải gặp ({3}%)</translation>
    </message>
    <message>
        <source>{0} excused</source>
        <translation>trong đó {0} tuần được miễn</translation>
    </message>
    <message>
        <source>Weeks without contact: {0}</source>
        <translation>Các tuần chưa gặp: {0}</translation>
    </message>
    <message>
        <source>No week without contact.</source>
        <translation>Không có tuần nào chưa gặp.</translation>
    </message>
    <message>
        <source>Delete the contact of {0}? It stays in the history as deleted.</source>
        <translation>Xóa lần gặp ngày {0}? Bản ghi vẫn còn trong lịch sử, đánh dấu là đã xóa.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Xóa lần gặp</translation>
    </message>
    <message>
        <source>Remove this excuse? The week then counts as due again.</source>
        <translation>Bỏ miễn gặp cho tuần này? Khi đó tuần này lại được tính là tuần phải gặp.</translation>
    </message>
    <message>
        <source>Remove excused week</source>
        <translation>Bỏ tuần được miễn</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>never met</source>
        <translation>chưa gặp lần nào</translation>
    </message>
    <message>
        <source>Not met since the reception on {0}</source>
        <translation>Chưa gặp lần nào kể từ khi tiếp nhận ngày {0}</translation>
    </message>
    <message>
        <source>Released, not reported yet</source>
        <translation>Đã ra trại, chưa trình diện</translation>
    </message>
    <message>
        <source>{0} days late</source>
        <translation>Quá hạn {0} ngày</translation>
    </message>
    <message>
        <source>date reached</source>
        <translation>đã đến ngày</translation>
    </message>
    <message>
        <source>court decides</source>
        <translation>do Tòa án quyết định</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>đã ký</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>chưa ký</translation>
    </message>
    <message>
        <source>not produced</source>
        <translation>chưa lập</translation>
    </message>
    <message>
        <source>ended {0} days ago</source>
        <translation>đã hết kỳ {0} ngày</translation>
    </message>
    <message>
        <source>ends in {0} days</source>
        <translation>còn {0} ngày nữa hết kỳ</translation>
    </message>
</context>
<context>
    <name>DashboardCard</name>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>✓ Nothing to do</source>
        <translation>✓ Không có việc cần làm</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Today&apos;s work</source>
        <translation>Việc hôm nay</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Read the figures again (F5)</source>
        <translation>Tải lại số liệu (F5)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Thôn/tổ</translation>
    </message>
    <message>
        <source>Overdue contacts ({0})</source>
        <translation>Quá hạn gặp ({0})</translation>
    </message>
    <message>
        <source>Last met</source>
        <translation>Gặp lần cuối</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <source>Contacts due this week ({0})</source>
        <translation>Cần gặp trong tuần này ({0})</translation>
    </message>
    <message>
        <source>Quarterly evaluations due ({0})</source>
        <translation>Đến hạn đánh giá quý ({0})</translation>
    </message>
    <message>
        <source>Expected arrivals ({0})</source>
        <translation>Sắp về địa phương ({0})</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Ra trại</translation>
    </message>
    <message>
        <source>Check address by</source>
        <translation>Hạn xác minh</translation>
    </message>
    <message>
        <source>Received, team not assigned ({0})</source>
        <translation>Chưa phân công tổ giúp đỡ ({0})</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Assign team by</source>
        <translation>Hạn phân công</translation>
    </message>
    <message>
        <source>Incomplete support teams ({0})</source>
        <translation>Tổ giúp đỡ chưa đủ thành phần ({0})</translation>
    </message>
    <message>
        <source>Missing roles</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>Absent ({0})</source>
        <translation>Vắng mặt ({0})</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Expected expungements ({0})</source>
        <translation>Dự kiến xóa án tích ({0})</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>Ngày dự kiến</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Reports due ({0})</source>
        <translation>Báo cáo đến hạn ({0})</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Expected expungement dates in the next 90 days, and dates already reached while the person is still managed. An expected date is never a decision.</source>
        <translation>Ngày dự kiến xóa án tích trong 90 ngày tới, và những ngày đã đến mà người đó vẫn đang được quản lý. Ngày dự kiến không phải là quyết định xóa án tích.</translation>
    </message>
    <message>
        <source>People under management, by reporting month</source>
        <translation>Số người đang quản lý theo tháng báo cáo</translation>
    </message>
    <message>
        <source>Weekly contact coverage (%), by reporting month</source>
        <translation>Tỷ lệ tuần có gặp gỡ (%) theo tháng báo cáo</translation>
    </message>
    <message>
        <source>Classification by quarter (HCD-09)</source>
        <translation>Xếp loại theo quý (HCD-09)</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <source>Could not load today&apos;s work</source>
        <translation>Không tải được việc hôm nay</translation>
    </message>
    <message>
        <source>{0}, {1} · week {2}</source>
        <translation>{0}, {1} · tuần {2}</translation>
    </message>
    <message>
        <source>Not met for over {0} days, longest first</source>
        <translation>Chưa gặp quá {0} ngày, lâu nhất xếp trước</translation>
    </message>
    <message>
        <source>{0}, {1}: all reports are in</source>
        <translation>{0}, {1}: đã nộp đủ</translation>
    </message>
    <message>
        <source>{0}, {1}: late since {2}</source>
        <translation>{0}, {1}: đã quá hạn nộp {2}</translation>
    </message>
    <message>
        <source>{0}, {1}: due by {2}</source>
        <translation>{0}, {1}: hạn nộp {2}</translation>
    </message>
    <message>
        <source>Reporting month {0}: {1} – {2}</source>
        <translation>Tháng báo cáo {0}: {1} – {2}</translation>
    </message>
    <message>
        <source>People under management at the end</source>
        <translation>Số người đang quản lý cuối kỳ</translation>
    </message>
    <message>
        <source>Weeks with a contact (%)</source>
        <translation>Tuần có gặp gỡ (%)</translation>
    </message>
    <message>
        <source>No evaluation</source>
        <translation>Chưa đánh giá</translation>
    </message>
</context>
<context>
    <name>EncryptionBox</name>
    <message>
        <source>Database encryption</source>
        <translation>Mã hóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Encrypt this database…</source>
        <translation>Mã hóa cơ sở dữ liệu này…</translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation>Tạo mã khôi phục mới…</translation>
    </message>
    <message>
        <source>This database is encrypted. It opens only with a user&apos;s password or the recovery code, and only with its key file {0} beside it: always copy both files together.</source>
        <translation>Cơ sở dữ liệu này đã được mã hóa. Chỉ mở được bằng mật khẩu của người dùng hoặc mã khôi phục, và chỉ khi có tệp khóa {0} nằm bên cạnh: luôn chép cả hai tệp cùng nhau.</translation>
    </message>
    <message>
        <source>This database is not encrypted: anyone who copies the file {0} can read every record with common tools.</source>
        <translation>Cơ sở dữ liệu này chưa được mã hóa: bất kỳ ai sao chép tệp {0} đều có thể đọc mọi hồ sơ bằng các công cụ thông dụng.</translation>
    </message>
    <message>
        <source>The database is now encrypted. The plain copy was kept as {0}: once HoaNhap has opened the encrypted database without trouble, delete it, and delete old backups that are not encrypted.</source>
        <translation>Cơ sở dữ liệu đã được mã hóa. Bản chưa mã hóa được giữ lại tại {0}: khi HoaNhap đã mở được cơ sở dữ liệu mã hóa bình thường, hãy xóa bản đó, đồng thời xóa các bản sao lưu cũ chưa được mã hóa.</translation>
    </message>
    <message>
        <source>Set a new password (Users → Reset password) for: {0}.</source>
        <translation>Hãy đặt mật khẩu mới (Người dùng → Đặt lại mật khẩu) cho: {0}.</translation>
    </message>
    <message>
        <source>Database encrypted</source>
        <translation>Đã mã hóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>The database is encrypted.</source>
        <translation>Cơ sở dữ liệu đã được mã hóa.</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Mã khôi phục mới</translation>
    </message>
    <message>
        <source>Make a new recovery code? The code printed before stops working at once.</source>
        <translation>Tạo mã khôi phục mới? Mã đã in trước đây sẽ hết hiệu lực ngay lập tức.</translation>
    </message>
    <message>
        <source>The new recovery code is in force.</source>
        <translation>Mã khôi phục mới đã có hiệu lực.</translation>
    </message>
</context>
<context>
    <name>EndManagementDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Lý do</translation>
    </message>
    <message>
        <source>&amp;Ended on</source>
        <translation>&amp;Ngày chấm dứt</translation>
    </message>
    <message>
        <source>Decision number, where the person moved…</source>
        <translation>Số quyết định, nơi chuyển đến…</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>End management – {0}</source>
        <translation>Chấm dứt quản lý – {0}</translation>
    </message>
</context>
<context>
    <name>EndMemberDialog</name>
    <message>
        <source>End team membership – {0}</source>
        <translation>Thôi tham gia tổ giúp đỡ – {0}</translation>
    </message>
    <message>
        <source>{0} ({1}), member since {2}.</source>
        <translation>{0} ({1}), là thành viên từ ngày {2}.</translation>
    </message>
    <message>
        <source>&amp;Last day in the team</source>
        <translation>&amp;Ngày cuối cùng trong tổ</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full. Free some space, then try again; nothing you typed has been lost.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng bớt dung lượng rồi thử lại; những gì bạn đã nhập không bị mất.</translation>
    </message>
    <message>
        <source>A file could not be read or written: {0}</source>
        <translation>Không đọc hoặc ghi được tệp: {0}</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>HoaNhap met an unexpected error. Your saved data is safe. Please send the details below to technical support.</source>
        <translation>HoaNhap gặp lỗi ngoài dự kiến. Dữ liệu đã lưu vẫn an toàn. Vui lòng gửi thông tin chi tiết bên dưới cho bộ phận hỗ trợ kỹ thuật.</translation>
    </message>
    <message>
        <source>The details were saved in {0}</source>
        <translation>Thông tin chi tiết đã được lưu tại {0}</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Quarterly evaluation – {0}</source>
        <translation>Đánh giá quý – {0}</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>&amp;Quý</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Evaluated &amp;on</source>
        <translation>&amp;Ngày đánh giá</translation>
    </message>
    <message>
        <source>&amp;Helper&apos;s report</source>
        <translation>&amp;Báo cáo của người giúp đỡ</translation>
    </message>
    <message>
        <source>&amp;Law compliance</source>
        <translation>&amp;Chấp hành pháp luật</translation>
    </message>
    <message>
        <source>&amp;Work and income</source>
        <translation>&amp;Việc làm, thu nhập</translation>
    </message>
    <message>
        <source>&amp;Family</source>
        <translation>&amp;Gia đình</translation>
    </message>
    <message>
        <source>Co&amp;mmunity activities</source>
        <translation>&amp;Hoạt động cộng đồng</translation>
    </message>
    <message>
        <source>Civil obli&amp;gations</source>
        <translation>Nghĩa vụ &amp;dân sự</translation>
    </message>
    <message>
        <source>&amp;Proposals</source>
        <translation>&amp;Kiến nghị, đề xuất</translation>
    </message>
    <message>
        <source>{0} – already evaluated: {1}</source>
        <translation>{0} – đã đánh giá, xếp loại {1}</translation>
    </message>
    <message>
        <source>Replace your changes?</source>
        <translation>Thay nội dung bạn đã sửa?</translation>
    </message>
    <message>
        <source>You changed: {0}.
Fill these fields from the records of the newly chosen quarter, or keep what you wrote?</source>
        <translation>Bạn đã sửa: {0}.
Điền lại các mục này theo số liệu của quý vừa chọn, hay giữ nguyên nội dung bạn đã viết?</translation>
    </message>
    <message>
        <source>Fill from records</source>
        <translation>Điền theo số liệu</translation>
    </message>
    <message>
        <source>Keep what I wrote</source>
        <translation>Giữ nội dung đã viết</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>xếp loại</translation>
    </message>
    <message>
        <source>evaluation date</source>
        <translation>ngày đánh giá</translation>
    </message>
    <message>
        <source>&amp;Helper&apos;s report ({0})</source>
        <translation>&amp;Báo cáo của người giúp đỡ ({0})</translation>
    </message>
    <message>
        <source>This quarter was evaluated on {0} (classification {1}). Saving again corrects that evaluation.</source>
        <translation>Quý này đã được đánh giá ngày {0} (xếp loại {1}). Lưu lại sẽ sửa kết quả đánh giá đó.</translation>
    </message>
    <message>
        <source>Suggested from the quarter&apos;s contacts, support and violations: {0}. This is only a suggestion: the team and the steering committee decide the classification.</source>
        <translation>Gợi ý theo các lần gặp, hỗ trợ và vi phạm trong quý: {0}. Đây chỉ là gợi ý: tổ giúp đỡ và Ban Chỉ đạo quyết định việc xếp loại.</translation>
    </message>
</context>
<context>
    <name>EvaluationsTab</name>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Evaluated on</source>
        <translation>Ngày đánh giá</translation>
    </message>
    <message>
        <source>Helper&apos;s report</source>
        <translation>Báo cáo của người giúp đỡ</translation>
    </message>
    <message>
        <source>Evaluate quarter…</source>
        <translation>Đánh giá quý…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Mở…</translation>
    </message>
    <message>
        <source>Evaluations ({0})</source>
        <translation>Đánh giá ({0})</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Danh sách người</translation>
    </message>
    <message>
        <source>Judgments</source>
        <translation>Bản án</translation>
    </message>
    <message>
        <source>Status changes</source>
        <translation>Thay đổi trạng thái</translation>
    </message>
    <message>
        <source>Support team members</source>
        <translation>Thành viên tổ giúp đỡ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Gặp gỡ</translation>
    </message>
    <message>
        <source>Excused weeks</source>
        <translation>Tuần được miễn gặp</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>Hỗ trợ</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Vi phạm</translation>
    </message>
    <message>
        <source>Community models</source>
        <translation>Mô hình tại cộng đồng</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Report adjustments</source>
        <translation>Điều chỉnh báo cáo</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Nhật ký lưu vết</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <source>full</source>
        <translation>toàn bộ</translation>
    </message>
    <message>
        <source>changes</source>
        <translation>thay đổi</translation>
    </message>
    <message>
        <source>transfer of a person</source>
        <translation>chuyển hồ sơ một người</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>biên nhận</translation>
    </message>
    <message>
        <source>Where to write the key card</source>
        <translation>Nơi ghi thẻ khóa</translation>
    </message>
    <message>
        <source>Choose a key card</source>
        <translation>Chọn thẻ khóa</translation>
    </message>
    <message>
        <source>Key cards (*.json);;All files (*)</source>
        <translation>Thẻ khóa (*.json);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Package passphrase</source>
        <translation>Cụm mật khẩu của gói dữ liệu</translation>
    </message>
    <message>
        <source>The package {0} is locked with a passphrase. Type the passphrase agreed with the office that sent it:</source>
        <translation>Gói dữ liệu {0} được khóa bằng cụm mật khẩu. Nhập cụm mật khẩu đã thống nhất với đơn vị gửi gói dữ liệu này:</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Bản nộp</translation>
    </message>
    <message>
        <source>Units and keys</source>
        <translation>Đơn vị và khóa</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>Trao đổi dữ liệu</translation>
    </message>
    <message>
        <source>Your role may look at the submissions and the units&apos; keys; exporting and importing packages is for officers and administrators.</source>
        <translation>Với vai trò của mình, bạn được xem các bản nộp và khóa của các đơn vị; chỉ cán bộ và người quản trị mới được xuất, nhập gói dữ liệu.</translation>
    </message>
    <message>
        <source>Conflicts ({0})</source>
        <translation>Xung đột ({0})</translation>
    </message>
</context>
<context>
    <name>ExcusedWeekDialog</name>
    <message>
        <source>Week excused from contact – {0}</source>
        <translation>Tuần được miễn gặp – {0}</translation>
    </message>
    <message>
        <source>&amp;Week (any day in it)</source>
        <translation>&amp;Tuần (chọn ngày bất kỳ trong tuần)</translation>
    </message>
    <message>
        <source>Choose or type the reason</source>
        <translation>Chọn hoặc nhập lý do</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Lý do</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>Write a package</source>
        <translation>Ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Full: every record of this unit</source>
        <translation>Toàn bộ: mọi bản ghi của đơn vị này</translation>
    </message>
    <message>
        <source>Changes: only what changed since the last package to this unit</source>
        <translation>Thay đổi: chỉ những gì đã thay đổi kể từ gói dữ liệu gần nhất gửi đơn vị này</translation>
    </message>
    <message>
        <source>This package is the data for a reporting period</source>
        <translation>Gói dữ liệu này là số liệu của một kỳ báo cáo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại gói</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>Đơn vị nhận</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Bảo vệ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Signed reports</source>
        <translation>Báo cáo đã ký</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>&amp;Write the package</source>
        <translation>&amp;Ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ tệp</translation>
    </message>
    <message>
        <source>Optional: signed PDF or XLSX reports to send with the data.</source>
        <translation>Không bắt buộc: các báo cáo PDF hoặc XLSX đã ký, gửi kèm theo dữ liệu.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>Package written</source>
        <translation>Gói dữ liệu đã ghi</translation>
    </message>
    <message>
        <source>Nothing written yet in this session.</source>
        <translation>Chưa ghi gói dữ liệu nào trong phiên làm việc này.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <source>Packages sent and receipts</source>
        <translation>Gói dữ liệu đã gửi và biên nhận</translation>
    </message>
    <message>
        <source>A receipt comes back on the USB stick once the receiving unit has imported the package: import it under “Import”.</source>
        <translation>Biên nhận được gửi lại bằng USB sau khi đơn vị nhận đã nhập gói dữ liệu: hãy nhập biên nhận ở thẻ “Nhập dữ liệu”.</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Ngày ghi</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Gửi đến</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Biên nhận</translation>
    </message>
    <message>
        <source>(anyone with the passphrase)</source>
        <translation>(ai có cụm mật khẩu)</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>đã nhận {0}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Transfer of a person who moved</source>
        <translation>Chuyển hồ sơ người đã chuyển đi nơi khác</translation>
    </message>
    <message>
        <source>The whole case file of a person whose management ended because they moved, for the commune they moved to.</source>
        <translation>Toàn bộ hồ sơ của người đã chấm dứt quản lý do chuyển nơi cư trú, để gửi cho xã, phường nơi người đó chuyển đến.</translation>
    </message>
    <message>
        <source>Write the &amp;transfer package…</source>
        <translation>Ghi gói dữ liệu &amp;chuyển hồ sơ…</translation>
    </message>
    <message>
        <source>{0} (left on {1})</source>
        <translation>{0} (chuyển đi ngày {1})</translation>
    </message>
    <message>
        <source>(nobody has moved away)</source>
        <translation>(không có ai chuyển đi)</translation>
    </message>
    <message>
        <source>Transfer package written: {0}</source>
        <translation>Đã ghi gói dữ liệu chuyển hồ sơ: {0}</translation>
    </message>
    <message>
        <source>Where to write the package</source>
        <translation>Nơi ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Reports to send with the data</source>
        <translation>Báo cáo gửi kèm dữ liệu</translation>
    </message>
    <message>
        <source>Reports (*.pdf *.xlsx)</source>
        <translation>Báo cáo (*.pdf *.xlsx)</translation>
    </message>
    <message>
        <source>Write without encryption?</source>
        <translation>Ghi mà không mã hóa?</translation>
    </message>
    <message>
        <source>The package will NOT be encrypted: anyone who finds the USB stick can read every record. Write it anyway?</source>
        <translation>Gói dữ liệu sẽ KHÔNG được mã hóa: bất kỳ ai nhặt được USB đều có thể đọc mọi hồ sơ. Vẫn ghi?</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>đã mã hóa</translation>
    </message>
    <message>
        <source>NOT encrypted</source>
        <translation>KHÔNG mã hóa</translation>
    </message>
    <message>
        <source>no receiving unit</source>
        <translation>không có đơn vị nhận</translation>
    </message>
    <message>
        <source>Package ({0}, {1}) for {2}:
{3}
Package code: {4}
{5} records.</source>
        <translation>Gói dữ liệu ({0}, {1}) gửi {2}:
{3}
Mã gói dữ liệu: {4}
{5} bản ghi.</translation>
    </message>
    <message>
        <source>The package was written. Copy it to the USB stick if it is not there already.</source>
        <translation>Đã ghi gói dữ liệu. Hãy chép gói dữ liệu vào USB nếu chưa có trên USB.</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the Excel file</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <source>The list of people as a prison, the provincial police or your office keeps it (.xlsx, or the older .xls). Nothing is written until you confirm on the last step.</source>
        <translation>Danh sách người theo mẫu của trại giam, Công an cấp tỉnh hoặc đơn vị của bạn (.xlsx, hoặc định dạng .xls cũ). Chưa có dữ liệu nào được ghi cho đến khi bạn xác nhận ở bước cuối.</translation>
    </message>
    <message>
        <source>Choose a file, or paste its full path</source>
        <translation>Chọn tệp, hoặc dán đường dẫn đầy đủ của tệp</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>No list in the right form yet?</source>
        <translation>Chưa có danh sách đúng mẫu?</translation>
    </message>
    <message>
        <source>Save the empty template: it has the columns HoaNhap reads and one example row (skipped on import). Fill it in with Excel, then choose it here. Lists with other column titles can be imported too: you match their columns on a later step.</source>
        <translation>Lưu tệp mẫu trống: tệp có các cột mà HoaNhap đọc được và một dòng ví dụ (được bỏ qua khi nhập). Điền bằng Excel, rồi chọn tệp đó tại đây. Danh sách có tiêu đề cột khác cũng nhập được: bạn sẽ ghép cột ở bước sau.</translation>
    </message>
    <message>
        <source>Save empty template…</source>
        <translation>Lưu tệp mẫu trống…</translation>
    </message>
    <message>
        <source>Save the empty template</source>
        <translation>Lưu tệp mẫu trống</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>HoaNhap – First-time set-up</source>
        <translation>HoaNhap – Thiết lập lần đầu</translation>
    </message>
    <message>
        <source>Finish set-up</source>
        <translation>Hoàn tất thiết lập</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>e.g. missed when the book was typed in</source>
        <translation>ví dụ: bị bỏ sót khi nhập sổ</translation>
    </message>
    <message>
        <source>Reason for the adjustment</source>
        <translation>Lý do điều chỉnh</translation>
    </message>
    <message>
        <source>The report of this period is already signed, so the signed figures stay as they are. The change is saved with this reason and listed under “adjustments” in the unit&apos;s next report.</source>
        <translation>Báo cáo của kỳ này đã được ký, nên số liệu đã ký được giữ nguyên. Thay đổi được lưu kèm lý do này và được liệt kê ở mục “điều chỉnh” trong báo cáo kỳ sau của đơn vị.</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>&amp;Choose a package…</source>
        <translation>&amp;Chọn gói dữ liệu…</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Gói dữ liệu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Nơi gửi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại gói</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Thời điểm tạo</translation>
    </message>
    <message>
        <source>Package code</source>
        <translation>Mã gói dữ liệu</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Mã hóa</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Khóa ký</translation>
    </message>
    <message>
        <source>What importing will do</source>
        <translation>Kết quả khi nhập</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Có thay đổi</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Cũ hơn</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Only in the package</source>
        <translation>Chỉ có trong gói dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Apply the import</source>
        <translation>&amp;Thực hiện nhập</translation>
    </message>
    <message>
        <source>Write a &amp;receipt for the sender…</source>
        <translation>Ghi &amp;biên nhận cho nơi gửi…</translation>
    </message>
    <message>
        <source>Save the attached reports…</source>
        <translation>Lưu các báo cáo gửi kèm…</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0} – người thực hiện: {1}</translation>
    </message>
    <message>
        <source>This package was already imported on {0}. Importing it again changes nothing.</source>
        <translation>Gói dữ liệu này đã được nhập ngày {0}. Nhập lại cũng không thay đổi gì.</translation>
    </message>
    <message>
        <source>Reports sent with the data: {0}</source>
        <translation>Báo cáo gửi kèm dữ liệu: {0}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>đã mã hóa</translation>
    </message>
    <message>
        <source>NOT encrypted (a test package)</source>
        <translation>KHÔNG mã hóa (gói dữ liệu thử nghiệm)</translation>
    </message>
    <message>
        <source>{0} — NEW: not yet registered on this computer; you will be asked to confirm it.</source>
        <translation>{0} — MỚI: chưa được đăng ký trên máy tính này; bạn sẽ được yêu cầu xác nhận.</translation>
    </message>
    <message>
        <source>{0} — registered, the signature is valid.</source>
        <translation>{0} — đã đăng ký, chữ ký hợp lệ.</translation>
    </message>
    <message>
        <source>Choose a package</source>
        <translation>Chọn gói dữ liệu</translation>
    </message>
    <message>
        <source>HoaNhap packages (*.hnp);;All files (*)</source>
        <translation>Gói dữ liệu HoaNhap (*.hnp);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Reading the package…</source>
        <translation>Đang đọc gói dữ liệu…</translation>
    </message>
    <message>
        <source>Not opened: no passphrase given.</source>
        <translation>Chưa mở gói dữ liệu: chưa nhập cụm mật khẩu.</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Đang kiểm tra gói dữ liệu…</translation>
    </message>
    <message>
        <source>Already imported: nothing to do.</source>
        <translation>Gói dữ liệu đã được nhập trước đây: không có gì cần làm.</translation>
    </message>
    <message>
        <source>Check the figures, then press “Apply the import”. Nothing is written before that.</source>
        <translation>Hãy kiểm tra số liệu, rồi bấm “Thực hiện nhập”. Trước bước đó, chưa có dữ liệu nào được ghi.</translation>
    </message>
    <message>
        <source>Not imported: the sending unit&apos;s key was not confirmed.</source>
        <translation>Chưa nhập: khóa của đơn vị gửi chưa được xác nhận.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Receipt written: {0}</source>
        <translation>Đã ghi biên nhận: {0}</translation>
    </message>
    <message>
        <source>Where to save the reports</source>
        <translation>Nơi lưu các báo cáo</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Đã lưu: {0}</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>The file was not saved</source>
        <translation>Không lưu được tệp</translation>
    </message>
</context>
<context>
    <name>JudgmentDialog</name>
    <message>
        <source>Judgment – {0}</source>
        <translation>Bản án – {0}</translation>
    </message>
    <message>
        <source>&amp;Court</source>
        <translation>Tò&amp;a án</translation>
    </message>
    <message>
        <source>Judgment &amp;number</source>
        <translation>Số &amp;bản án</translation>
    </message>
    <message>
        <source>Judgment &amp;date</source>
        <translation>&amp;Ngày tuyên án</translation>
    </message>
    <message>
        <source>&amp;Offences</source>
        <translation>Tội &amp;danh</translation>
    </message>
    <message>
        <source>e.g. Điều 173</source>
        <translation>ví dụ: Điều 173</translation>
    </message>
    <message>
        <source>Penal Code &amp;articles</source>
        <translation>Điều &amp;luật (BLHS)</translation>
    </message>
    <message>
        <source>Penal Code c&amp;hapter</source>
        <translation>&amp;Chương (BLHS)</translation>
    </message>
    <message>
        <source>&amp;Prior convictions</source>
        <translation>&amp;Số tiền án trước</translation>
    </message>
    <message>
        <source>&amp;Main penalty</source>
        <translation>Hình &amp;phạt chính</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>Prison &amp;term</source>
        <translation>Thờ&amp;i hạn tù</translation>
    </message>
    <message>
        <source>Probation &amp;until</source>
        <translation>&amp;Thử thách đến ngày</translation>
    </message>
    <message>
        <source>&amp;Supplementary penalties</source>
        <translation>&amp;Hình phạt bổ sung</translation>
    </message>
    <message>
        <source>Supplementary served &amp;on</source>
        <translation>Ngày &amp;xong hình phạt bổ sung</translation>
    </message>
    <message>
        <source>Civil o&amp;bligations</source>
        <translation>Nghĩa &amp;vụ dân sự</translation>
    </message>
    <message>
        <source>Obligations &amp;fulfilled on</source>
        <translation>N&amp;gày xong nghĩa vụ dân sự</translation>
    </message>
</context>
<context>
    <name>KeyConfirmDialog</name>
    <message>
        <source>Confirm the key of {0}</source>
        <translation>Xác nhận khóa của {0}</translation>
    </message>
    <message>
        <source>Before accepting it, call that office on a number you already know and ask them to read out the fingerprint shown in their Settings, under “Keys”. Accept only if every group matches.</source>
        <translation>Trước khi chấp nhận, hãy gọi điện cho đơn vị đó theo số điện thoại bạn đã biết từ trước và đề nghị họ đọc vân tay khóa hiển thị trong mục Cài đặt của họ, phần “Khóa”. Chỉ chấp nhận nếu tất cả các nhóm ký tự đều khớp.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Vân tay khóa</translation>
    </message>
    <message>
        <source>The fingerprint matches – accept</source>
        <translation>Vân tay khóa khớp – chấp nhận</translation>
    </message>
    <message>
        <source>This package was signed by a unit whose key is not registered on this computer.</source>
        <translation>Gói dữ liệu này do một đơn vị ký nhưng khóa của đơn vị đó chưa được đăng ký trên máy tính này.</translation>
    </message>
    <message>
        <source>This key card comes from a unit not yet registered on this computer.</source>
        <translation>Thẻ khóa này là của một đơn vị chưa được đăng ký trên máy tính này.</translation>
    </message>
</context>
<context>
    <name>KeysSection</name>
    <message>
        <source>Packages from this unit are signed with its key. Other offices recognise the key by its fingerprint: when one asks, read it to them by phone. The receiving key lets them encrypt packages that only this unit can open; it travels in the key card, which you give them on a USB stick.</source>
        <translation>Các gói dữ liệu của đơn vị này được ký bằng khóa của đơn vị. Các đơn vị khác nhận biết khóa qua vân tay khóa: khi được hỏi, hãy đọc vân tay khóa cho họ qua điện thoại. Khóa nhận cho phép họ mã hóa các gói dữ liệu mà chỉ đơn vị này mới mở được; khóa nhận nằm trong thẻ khóa, được chuyển cho họ bằng USB.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>&amp;Make the keys now</source>
        <translation>&amp;Tạo khóa ngay</translation>
    </message>
    <message>
        <source>&amp;Export the key card…</source>
        <translation>&amp;Xuất thẻ khóa…</translation>
    </message>
    <message>
        <source>This unit&apos;s keys</source>
        <translation>Khóa của đơn vị này</translation>
    </message>
    <message>
        <source>Fingerprint of the signing key</source>
        <translation>Vân tay của khóa ký</translation>
    </message>
    <message>
        <source>Receiving key (age)</source>
        <translation>Khóa nhận (age)</translation>
    </message>
    <message>
        <source>This unit has no keys yet. They are made when the first package or key card is written, or now with the button below.</source>
        <translation>Đơn vị này chưa có khóa. Khóa sẽ được tạo khi ghi gói dữ liệu hoặc thẻ khóa đầu tiên, hoặc tạo ngay bằng nút bên dưới.</translation>
    </message>
    <message>
        <source>The keys of this unit were made.</source>
        <translation>Đã tạo khóa của đơn vị này.</translation>
    </message>
    <message>
        <source>Key card written: {0}</source>
        <translation>Đã ghi thẻ khóa: {0}</translation>
    </message>
</context>
<context>
    <name>LifecycleDialog</name>
    <message>
        <source>Status: {0} → {1}</source>
        <translation>Trạng thái: {0} → {1}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>HoaNhap – Sign in</source>
        <translation>HoaNhap – Đăng nhập</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>The screen was locked after a period without activity. Enter your password to continue.</source>
        <translation>Màn hình đã bị khóa do không sử dụng trong một thời gian. Hãy nhập mật khẩu để tiếp tục.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Today&apos;s work</source>
        <translation>Việc hôm nay</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Danh sách người</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>Trao đổi dữ liệu</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>HoaNhap – {0}</source>
        <translation>HoaNhap – {0}</translation>
    </message>
    <message>
        <source>Signed in: {0} ({1}) · {2}</source>
        <translation>Đăng nhập: {0} ({1}) · {2}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Khóa màn hình</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Ghép cột</translation>
    </message>
    <message>
        <source>For each column of the list, choose the field it fills, or “do not import”. Your choice is remembered for the next list with the same column titles.</source>
        <translation>Với mỗi cột của danh sách, hãy chọn trường thông tin mà cột đó điền vào, hoặc “không nhập”. Lựa chọn của bạn được ghi nhớ cho lần sau với danh sách có cùng tiêu đề cột.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Title in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Nhập vào trường</translation>
    </message>
    <message>
        <source>Examples from the first rows</source>
        <translation>Ví dụ từ các dòng đầu</translation>
    </message>
    <message>
        <source>This is how you matched these columns last time.</source>
        <translation>Đây là cách bạn đã ghép các cột này lần trước.</translation>
    </message>
    <message>
        <source>Matched automatically from the column titles: check each line.</source>
        <translation>Đã tự động ghép theo tiêu đề cột: hãy kiểm tra từng dòng.</translation>
    </message>
    <message>
        <source>— do not import —</source>
        <translation>— không nhập —</translation>
    </message>
    <message>
        <source>No column gives {0}: every row will be rejected without it. Choose the column holding it, if the list has one.</source>
        <translation>Không có cột nào cung cấp {0}: thiếu thông tin này, mọi dòng sẽ bị loại. Hãy chọn cột chứa thông tin này, nếu danh sách có.</translation>
    </message>
</context>
<context>
    <name>MarkAbsentDialog</name>
    <message>
        <source>&amp;Absent since</source>
        <translation>&amp;Vắng mặt từ ngày</translation>
    </message>
    <message>
        <source>What is known: did not report, left for…</source>
        <translation>Thông tin đã biết: không trình diện, đã đi đâu…</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Ghi chú</translation>
    </message>
    <message>
        <source>Mark absent – {0}</source>
        <translation>Ghi nhận vắng mặt – {0}</translation>
    </message>
</context>
<context>
    <name>MemberFields</name>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Tổ chức</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Đ&amp;iện thoại</translation>
    </message>
    <message>
        <source>Pos&amp;ition</source>
        <translation>&amp;Chức vụ</translation>
    </message>
    <message>
        <source>e.g. Chi hội trưởng, bí thư chi bộ</source>
        <translation>ví dụ: Chi hội trưởng, Bí thư chi bộ</translation>
    </message>
</context>
<context>
    <name>MergePeopleDialog</name>
    <message>
        <source>Merge two records of one person</source>
        <translation>Gộp hai hồ sơ của cùng một người</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Gộp…</translation>
    </message>
    <message>
        <source>Why a signed report&apos;s period is changed</source>
        <translation>Lý do điều chỉnh kỳ báo cáo đã ký</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Use this when one person was recorded twice. One record is kept; the other leaves the list, and everything recorded on it moves to the kept one. Nothing is lost: a full copy of the other record is kept in the audit log.</source>
        <translation>Dùng chức năng này khi một người bị ghi thành hai hồ sơ. Một hồ sơ được giữ lại; hồ sơ kia được đưa ra khỏi danh sách, và mọi nội dung đã ghi trong hồ sơ đó được chuyển sang hồ sơ được giữ. Không mất dữ liệu: bản sao đầy đủ của hồ sơ kia được lưu trong nhật ký lưu vết.</translation>
    </message>
    <message>
        <source>ID number {0}</source>
        <translation>Số CCCD/CMND {0}</translation>
    </message>
    <message>
        <source>no ID number</source>
        <translation>chưa có số CCCD/CMND</translation>
    </message>
    <message>
        <source>{0}, born {1}, {2} — {3}; recorded on {4}; {5} records (contacts, evaluations…)</source>
        <translation>{0}, sinh {1}, {2} — {3}; ghi nhận ngày {4}; {5} bản ghi (gặp gỡ, đánh giá…)</translation>
    </message>
    <message>
        <source>Which record is kept?</source>
        <translation>Giữ lại hồ sơ nào?</translation>
    </message>
    <message>
        <source>Values of the kept record</source>
        <translation>Giá trị của hồ sơ được giữ</translation>
    </message>
    <message>
        <source>Kept record ({0})</source>
        <translation>Hồ sơ được giữ ({0})</translation>
    </message>
    <message>
        <source>Other record ({0})</source>
        <translation>Hồ sơ kia ({0})</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>For each field the two records disagree on, choose the value to keep. The other {0} fields are the same in both records.</source>
        <translation>Với mỗi trường mà hai hồ sơ khác nhau, hãy chọn giá trị cần giữ. {0} trường còn lại giống nhau ở cả hai hồ sơ.</translation>
    </message>
    <message>
        <source>The two records agree on every field.</source>
        <translation>Hai hồ sơ giống nhau ở tất cả các trường.</translation>
    </message>
    <message>
        <source>judgments</source>
        <translation>bản án</translation>
    </message>
    <message>
        <source>history steps</source>
        <translation>mốc quá trình quản lý</translation>
    </message>
    <message>
        <source>helper team members</source>
        <translation>thành viên tổ giúp đỡ</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>lần gặp</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>lần hỗ trợ</translation>
    </message>
    <message>
        <source>violations</source>
        <translation>vi phạm</translation>
    </message>
    <message>
        <source>community models</source>
        <translation>mô hình cộng đồng</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>lần đánh giá</translation>
    </message>
    <message>
        <source>excused weeks</source>
        <translation>tuần được miễn gặp</translation>
    </message>
    <message>
        <source>Merging will move from {0}&apos;s other record to the kept one: {1}. Where the kept record already has one for the same quarter or week, it stays in force and the other is kept aside, not deleted.</source>
        <translation>Khi gộp, sẽ chuyển từ hồ sơ kia của {0} sang hồ sơ được giữ: {1}. Nếu hồ sơ được giữ đã có bản ghi cho cùng quý hoặc cùng tuần thì bản ghi đó vẫn giữ hiệu lực, bản ghi kia được để riêng, không bị xóa.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>không có gì</translation>
    </message>
    <message>
        <source>Merge the records</source>
        <translation>Gộp hồ sơ</translation>
    </message>
    <message>
        <source>Merge the record of {0} (born {1}) into the kept record of {2} (born {3})? The other record leaves the list and everything on it moves to the kept one.</source>
        <translation>Gộp hồ sơ của {0} (sinh {1}) vào hồ sơ được giữ của {2} (sinh {3})? Hồ sơ kia sẽ được đưa ra khỏi danh sách và mọi nội dung trong đó được chuyển sang hồ sơ được giữ.</translation>
    </message>
    <message>
        <source>Records merged</source>
        <translation>Đã gộp hồ sơ</translation>
    </message>
    <message>
        <source>{0} now has one record; {1} records were moved to it.</source>
        <translation>{0} nay chỉ còn một hồ sơ; đã chuyển {1} bản ghi sang hồ sơ này.</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Where to write the package</source>
        <translation>Nơi ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Write the package</source>
        <translation>&amp;Ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Bảo vệ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Write without encryption?</source>
        <translation>Ghi mà không mã hóa?</translation>
    </message>
    <message>
        <source>The package will NOT be encrypted: anyone who finds the USB stick can read it. Write it anyway?</source>
        <translation>Gói dữ liệu sẽ KHÔNG được mã hóa: bất kỳ ai nhặt được USB cũng đọc được. Vẫn ghi?</translation>
    </message>
    <message>
        <source>Not written: choose how to encrypt the package.</source>
        <translation>Chưa ghi: hãy chọn cách mã hóa gói dữ liệu.</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>Thư mục {0} không tồn tại.</translation>
    </message>
</context>
<context>
    <name>PasswordSection</name>
    <message>
        <source>Change the password you sign in with ({0}). You need your current password; if you have forgotten it, ask an administrator to reset it.</source>
        <translation>Đổi mật khẩu bạn dùng để đăng nhập ({0}). Cần nhập mật khẩu hiện tại; nếu đã quên, hãy nhờ quản trị viên đặt lại.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation>Ít nhất {0} ký tự.</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one from your next sign-in.</source>
        <translation>Đã đổi mật khẩu. Từ lần đăng nhập sau, hãy dùng mật khẩu mới.</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>Danh sách người</translation>
    </message>
    <message>
        <source>Receive a person…</source>
        <translation>Tiếp nhận người mới…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <source>Merge two records…</source>
        <translation>Gộp hai hồ sơ…</translation>
    </message>
    <message>
        <source>Select the two records of one person (Ctrl+click), then merge them.</source>
        <translation>Chọn hai hồ sơ của cùng một người (Ctrl+nhấp chuột), rồi gộp lại.</translation>
    </message>
    <message>
        <source>Search by name or ID number (Ctrl+F)</source>
        <translation>Tìm theo họ tên hoặc số CCCD/CMND (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tất cả trạng thái</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tất cả thôn/tổ</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Tất cả xếp loại</translation>
    </message>
    <message>
        <source>Not evaluated yet</source>
        <translation>Chưa đánh giá</translation>
    </message>
    <message>
        <source>Overdue contact only</source>
        <translation>Chỉ người quá hạn gặp</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>{0} people</source>
        <translation>{0} người</translation>
    </message>
    <message>
        <source>{0} of {1} people</source>
        <translation>{0} trong số {1} người</translation>
    </message>
    <message>
        <source>No one has been recorded yet.</source>
        <translation>Chưa có người nào trong danh sách.</translation>
    </message>
    <message>
        <source>Use “Receive a person…” to add the first one.</source>
        <translation>Bấm “Tiếp nhận người mới…” để thêm người đầu tiên.</translation>
    </message>
    <message>
        <source>No one matches. Check the spelling, or clear the filters.</source>
        <translation>Không tìm thấy ai. Hãy kiểm tra lại chính tả hoặc bỏ lọc.</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD/CMND</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Residential area</source>
        <translation>Thôn/tổ</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Lần gặp cuối</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn gặp</translation>
    </message>
    <message>
        <source>Also known as: {0}</source>
        <translation>Tên gọi khác: {0}</translation>
    </message>
    <message>
        <source>This week has no contact yet and the last one was too long ago.</source>
        <translation>Tuần này chưa gặp và lần gặp gần nhất đã quá lâu.</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>From a date to a date</source>
        <translation>Từ ngày đến ngày</translation>
    </message>
    <message>
        <source>Month {0}</source>
        <translation>Tháng {0}</translation>
    </message>
    <message>
        <source>Quarter {0}</source>
        <translation>Quý {0}</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>6 tháng đầu năm</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>6 tháng cuối năm</translation>
    </message>
    <message>
        <source>calendar months</source>
        <translation>theo tháng dương lịch</translation>
    </message>
    <message>
        <source>figures closed on the 14th, Decree 09/2019</source>
        <translation>chốt số liệu ngày 14 theo Nghị định 09/2019/NĐ-CP</translation>
    </message>
</context>
<context>
    <name>PersonDialogs</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Lưu (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Your account may read these records but not change them. Ask an officer to enter this.</source>
        <translation>Tài khoản của bạn chỉ được xem, không được sửa các thông tin này. Hãy nhờ cán bộ nhập.</translation>
    </message>
</context>
<context>
    <name>PersonHeader</name>
    <message>
        <source>← Back to people</source>
        <translation>← Về danh sách</translation>
    </message>
    <message>
        <source>Born {0}</source>
        <translation>Sinh {0}</translation>
    </message>
    <message>
        <source>({0} years old)</source>
        <translation>({0} tuổi)</translation>
    </message>
    <message>
        <source>(old 9-digit ID card)</source>
        <translation>(CMND cũ 9 số)</translation>
    </message>
    <message>
        <source>ID {0}</source>
        <translation>CCCD/CMND {0}</translation>
    </message>
    <message>
        <source>No ID number</source>
        <translation>Chưa có số CCCD/CMND</translation>
    </message>
    <message>
        <source>Phone {0}</source>
        <translation>Điện thoại {0}</translation>
    </message>
    <message>
        <source>Notice received {0}</source>
        <translation>Nhận thông báo {0}</translation>
    </message>
    <message>
        <source>Release date {0}</source>
        <translation>Ra trại {0}</translation>
    </message>
    <message>
        <source>Expected home {0}</source>
        <translation>Dự kiến về {0}</translation>
    </message>
    <message>
        <source>Received {0}</source>
        <translation>Tiếp nhận {0}</translation>
    </message>
    <message>
        <source>Managed since {0}</source>
        <translation>Quản lý từ {0}</translation>
    </message>
    <message>
        <source>Absent since {0}</source>
        <translation>Vắng mặt từ {0}</translation>
    </message>
    <message>
        <source>Ended {0}</source>
        <translation>Chấm dứt quản lý {0}</translation>
    </message>
    <message>
        <source>Expected expungement: unknown until the judgment is entered</source>
        <translation>Xóa án tích: chưa xác định được (chưa nhập bản án)</translation>
    </message>
    <message>
        <source>Expected expungement: {0}</source>
        <translation>Xóa án tích: {0}</translation>
    </message>
    <message>
        <source>overdue by {0} days</source>
        <translation>quá hạn {0} ngày</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Thời hạn</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>{0} years</source>
        <translation>{0} năm</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} tháng</translation>
    </message>
    <message>
        <source>Print paper…</source>
        <translation>In giấy tờ…</translation>
    </message>
    <message>
        <source>HCD-02 information sheet, HCD-05, HCD-07 team decision, HCD-08 quarterly result, HCD-10/11 end of management</source>
        <translation>Phiếu thông tin HCD-02, HCD-05, quyết định phân công HCD-07, kết quả đánh giá quý HCD-08, chấm dứt quản lý HCD-10/11</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>Tiếp nhận…</translation>
    </message>
    <message>
        <source>Start management…</source>
        <translation>Đưa vào quản lý…</translation>
    </message>
    <message>
        <source>Mark absent…</source>
        <translation>Ghi nhận vắng mặt…</translation>
    </message>
    <message>
        <source>End management…</source>
        <translation>Chấm dứt quản lý…</translation>
    </message>
</context>
<context>
    <name>PersonPaperDialog</name>
    <message>
        <source>Print a paper – {0}</source>
        <translation>In giấy tờ – {0}</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Giấy tờ</translation>
    </message>
    <message>
        <source>&amp;Quarter</source>
        <translation>&amp;Quý</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Thư mục</translation>
    </message>
    <message>
        <source>Create PDF</source>
        <translation>Tạo PDF</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Chọn thư mục lưu tệp</translation>
    </message>
    <message>
        <source>Paper created</source>
        <translation>Đã tạo giấy tờ</translation>
    </message>
    <message>
        <source>{0} was written to
{1}

Print it, have it signed and stamped.</source>
        <translation>Đã ghi {0} vào
{1}

Hãy in ra, trình ký và đóng dấu.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở tệp</translation>
    </message>
</context>
<context>
    <name>PersonTab</name>
    <message>
        <source>Reason for the adjustment</source>
        <translation>Lý do điều chỉnh</translation>
    </message>
    <message>
        <source>{0}

To delete it anyway, give the reason. The signed figures stay as they are; the deletion is listed under “adjustments” in the unit&apos;s next report.</source>
        <translation>{0}

Nếu vẫn muốn xóa, hãy nêu lý do. Số liệu đã ký được giữ nguyên; việc xóa sẽ được liệt kê ở mục “điều chỉnh” trong báo cáo kỳ sau của đơn vị.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Edit profile – {0}</source>
        <translation>Sửa nhân thân – {0}</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <source>Other na&amp;mes</source>
        <translation>Tên gọi &amp;khác</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>Ngày &amp;sinh</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, or the year only</source>
        <translation>dd/mm/yyyy hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>Số &amp;CCCD/CMND</translation>
    </message>
    <message>
        <source>E&amp;thnicity</source>
        <translation>&amp;Dân tộc</translation>
    </message>
    <message>
        <source>Re&amp;ligion</source>
        <translation>&amp;Tôn giáo</translation>
    </message>
    <message>
        <source>Ed&amp;ucation</source>
        <translation>Trình độ học &amp;vấn</translation>
    </message>
    <message>
        <source>Occu&amp;pation</source>
        <translation>&amp;Nghề nghiệp</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Số điện th&amp;oại</translation>
    </message>
    <message>
        <source>Place of &amp;origin</source>
        <translation>&amp;Quê quán</translation>
    </message>
    <message>
        <source>Perma&amp;nent address</source>
        <translation>Nơi thường t&amp;rú</translation>
    </message>
    <message>
        <source>&amp;Current address</source>
        <translation>Nơi ở h&amp;iện tại</translation>
    </message>
    <message>
        <source>Residential &amp;area</source>
        <translation>Thôn/tổ dân &amp;phố</translation>
    </message>
    <message>
        <source>Famil&amp;y situation</source>
        <translation>Hoàn cảnh gi&amp;a đình</translation>
    </message>
    <message>
        <source>&amp;Release date</source>
        <translation>Ngà&amp;y ra trại</translation>
    </message>
    <message>
        <source>Release t&amp;ype</source>
        <translation>&amp;Hình thức ra trại</translation>
    </message>
    <message>
        <source>Pri&amp;son</source>
        <translation>Trại gia&amp;m</translation>
    </message>
    <message>
        <source>C&amp;ertificate number</source>
        <translation>Số giấy &amp;chứng nhận</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Edit profile…</source>
        <translation>Sửa nhân thân…</translation>
    </message>
    <message>
        <source>Edit judgment…</source>
        <translation>Sửa bản án…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Nhân thân</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Ra trại</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>Bản án</translation>
    </message>
    <message>
        <source>No judgment has been entered yet.</source>
        <translation>Chưa nhập bản án.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>Lý do / ghi chú</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD/CMND</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Religion</source>
        <translation>Tôn giáo</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Permanent address</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Residential area</source>
        <translation>Thôn/tổ dân phố</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Trình độ học vấn</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Nghề nghiệp</translation>
    </message>
    <message>
        <source>Family situation</source>
        <translation>Hoàn cảnh gia đình</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Ngày ra trại</translation>
    </message>
    <message>
        <source>Release type</source>
        <translation>Hình thức ra trại</translation>
    </message>
    <message>
        <source>Prison</source>
        <translation>Trại giam</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tòa án</translation>
    </message>
    <message>
        <source>Offences</source>
        <translation>Tội danh</translation>
    </message>
    <message>
        <source>Penal Code articles</source>
        <translation>Điều luật (BLHS)</translation>
    </message>
    <message>
        <source>Main penalty</source>
        <translation>Hình phạt chính</translation>
    </message>
    <message>
        <source>Probation until</source>
        <translation>Thử thách đến ngày</translation>
    </message>
    <message>
        <source>Supplementary penalties</source>
        <translation>Hình phạt bổ sung</translation>
    </message>
    <message>
        <source>Civil obligations</source>
        <translation>Nghĩa vụ dân sự</translation>
    </message>
    <message>
        <source>Prior convictions</source>
        <translation>Số tiền án trước</translation>
    </message>
    <message>
        <source>Case history</source>
        <translation>Quá trình quản lý</translation>
    </message>
    <message>
        <source>Profile &amp;&amp; judgment</source>
        <translation>Nhân thân &amp;&amp; bản án</translation>
    </message>
    <message>
        <source>(old 9-digit ID card)</source>
        <translation>(CMND cũ 9 số)</translation>
    </message>
    <message>
        <source>Enter judgment…</source>
        <translation>Nhập bản án…</translation>
    </message>
    <message>
        <source>of {0}</source>
        <translation>ngày {0}</translation>
    </message>
    <message>
        <source>chapter {0}</source>
        <translation>chương {0}</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>đến ngày {0}</translation>
    </message>
    <message>
        <source>fulfilled on {0}</source>
        <translation>đã chấp hành xong ngày {0}</translation>
    </message>
</context>
<context>
    <name>ProtectionChooser</name>
    <message>
        <source>Encrypt to the receiving unit&apos;s key</source>
        <translation>Mã hóa bằng khóa của đơn vị nhận</translation>
    </message>
    <message>
        <source>age1… (paste the receiving key here)</source>
        <translation>age1… (dán khóa nhận vào đây)</translation>
    </message>
    <message>
        <source>Encrypt with a passphrase</source>
        <translation>Mã hóa bằng cụm mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cụm mật khẩu</translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation>Nhập lại cụm mật khẩu</translation>
    </message>
    <message>
        <source>At least {0} characters. Tell it to the receiving office by phone — never write it on the USB stick.</source>
        <translation>Ít nhất {0} ký tự. Báo cụm mật khẩu cho đơn vị nhận qua điện thoại — tuyệt đối không ghi lên USB.</translation>
    </message>
    <message>
        <source>Do not encrypt (for tests only)</source>
        <translation>Không mã hóa (chỉ để thử nghiệm)</translation>
    </message>
    <message>
        <source>Anyone who finds the USB stick can read every record in the package.</source>
        <translation>Bất kỳ ai nhặt được USB cũng đọc được mọi hồ sơ trong gói dữ liệu.</translation>
    </message>
    <message>
        <source>The receiving key of {0} is registered: the package is encrypted to it and only that office can open it.</source>
        <translation>Khóa nhận của {0} đã được đăng ký: gói dữ liệu được mã hóa bằng khóa này và chỉ đơn vị đó mới mở được.</translation>
    </message>
    <message>
        <source>No receiving key is registered for {0}. Import its key card under “Units and keys”, paste its key below, or use a passphrase.</source>
        <translation>Chưa đăng ký khóa nhận của {0}. Hãy nhập thẻ khóa của đơn vị đó trong mục “Đơn vị và khóa”, dán khóa của đơn vị vào ô bên dưới, hoặc dùng cụm mật khẩu.</translation>
    </message>
    <message>
        <source>Choose a receiving unit whose key card was imported, or paste its key below.</source>
        <translation>Hãy chọn một đơn vị nhận đã được nhập thẻ khóa, hoặc dán khóa của đơn vị đó vào ô bên dưới.</translation>
    </message>
    <message>
        <source>No receiving key is registered for this unit: paste its key, or use a passphrase.</source>
        <translation>Chưa đăng ký khóa nhận của đơn vị này: hãy dán khóa của đơn vị, hoặc dùng cụm mật khẩu.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {0} characters.</source>
        <translation>Cụm mật khẩu phải có ít nhất {0} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Hai cụm mật khẩu không giống nhau. Hãy nhập lại.</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt for {0}</source>
        <translation>Biên nhận cho {0}</translation>
    </message>
    <message>
        <source>A receipt tells {0} that its package arrived and was imported. It holds no personal data. Write it to the USB stick that goes back to that office.</source>
        <translation>Biên nhận báo cho {0} biết gói dữ liệu của đơn vị đó đã đến và đã được nhập. Biên nhận không chứa dữ liệu cá nhân. Hãy ghi biên nhận vào USB gửi trả lại đơn vị đó.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>&amp;Reported on</source>
        <translation>&amp;Ngày trình diện</translation>
    </message>
    <message>
        <source>Receive – {0}</source>
        <translation>Tiếp nhận – {0}</translation>
    </message>
</context>
<context>
    <name>Reception</name>
    <message>
        <source>Already on record?</source>
        <translation>Đã có hồ sơ chưa?</translation>
    </message>
    <message>
        <source>Checked by ID number, and by name with date of birth.</source>
        <translation>Kiểm tra theo số CCCD/CMND, và theo họ tên kèm ngày sinh.</translation>
    </message>
    <message>
        <source>It is the same person: open the selected record (nothing is created)</source>
        <translation>Là cùng một người: mở hồ sơ đã chọn (không tạo hồ sơ mới)</translation>
    </message>
    <message>
        <source>It is a different person: create a new record</source>
        <translation>Là người khác: tạo hồ sơ mới</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số CCCD/CMND</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Residential area</source>
        <translation>Thôn/tổ dân phố</translation>
    </message>
    <message>
        <source>These records look like the same person. Compare them with the papers in front of you, then choose below.</source>
        <translation>Các hồ sơ này có thể là cùng một người. Hãy đối chiếu với giấy tờ đang có, rồi chọn bên dưới.</translation>
    </message>
    <message>
        <source>No record has this ID number, or this name with this date of birth.</source>
        <translation>Chưa có hồ sơ nào có số CCCD/CMND này, hoặc có cùng họ tên và ngày sinh này.</translation>
    </message>
    <message>
        <source>A new record cannot be created: {0} already has the ID number {1}. If the number was mistyped, go back and correct it.</source>
        <translation>Không thể tạo hồ sơ mới: {0} đã có số CCCD/CMND {1}. Nếu nhập nhầm số, hãy quay lại để sửa.</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Mở hồ sơ</translation>
    </message>
    <message>
        <source>Create the record</source>
        <translation>Tạo hồ sơ</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Ngày tháng</translation>
    </message>
    <message>
        <source>Prison notice</source>
        <translation>Thông báo của trại giam</translation>
    </message>
    <message>
        <source>Notice received on</source>
        <translation>Ngày nhận thông báo</translation>
    </message>
    <message>
        <source>Expected arrival</source>
        <translation>Ngày dự kiến về</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Trình diện</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>The new record will have the status “{0}”.</source>
        <translation>Hồ sơ mới sẽ có trạng thái “{0}”.</translation>
    </message>
    <message>
        <source>How does this person come to the commune?</source>
        <translation>Người này về địa phương theo trường hợp nào?</translation>
    </message>
    <message>
        <source>This decides the status of the new record.</source>
        <translation>Lựa chọn này quyết định trạng thái của hồ sơ mới.</translation>
    </message>
    <message>
        <source>Prison notice: the person is expected to arrive</source>
        <translation>Có thông báo của trại giam: người này sắp về</translation>
    </message>
    <message>
        <source>Walk-in: the person is reporting now</source>
        <translation>Tự đến trình diện: người này đang có mặt</translation>
    </message>
    <message>
        <source>The prison sent the release notice (about two months ahead). You will record the arrival when the person reports.</source>
        <translation>Trại giam đã gửi thông báo trước khi người này ra trại (khoảng hai tháng). Khi người đó đến trình diện, bạn sẽ ghi nhận việc tiếp nhận.</translation>
    </message>
    <message>
        <source>The person has come home and reports to the police today, with or without a notice.</source>
        <translation>Người này đã về địa phương và hôm nay đến trình diện Công an, dù có hay chưa có thông báo.</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Nhân thân</translation>
    </message>
    <message>
        <source>As written on the ID card or the prison&apos;s papers. Fields marked * are required.</source>
        <translation>Ghi đúng như trên thẻ căn cước hoặc giấy tờ của trại giam. Các mục có dấu * là bắt buộc.</translation>
    </message>
    <message>
        <source>Full name *</source>
        <translation>Họ và tên *</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Nickname or alias, if any</source>
        <translation>Tên thường gọi, bí danh (nếu có)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Gender *</source>
        <translation>Giới tính *</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Ngày sinh *</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, or the year only</source>
        <translation>dd/mm/yyyy hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <source>12 digits (old ID card: 9 digits)</source>
        <translation>12 chữ số (CMND cũ: 9 chữ số)</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Permanent address</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
        <source>Leave empty if the same as permanent</source>
        <translation>Để trống nếu trùng nơi thường trú</translation>
    </message>
    <message>
        <source>Village or residential group: choose or type</source>
        <translation>Thôn hoặc tổ dân phố: chọn hoặc nhập</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source> years</source>
        <translation> năm</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>Judgment and release</source>
        <translation>Bản án và ra trại</translation>
    </message>
    <message>
        <source>From the judgment and the certificate of completed sentence. Fields marked * are required; leave unknown ones empty.</source>
        <translation>Theo bản án và giấy chứng nhận chấp hành xong án phạt tù. Các mục có dấu * là bắt buộc; mục nào chưa rõ thì để trống.</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>Bản án</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tòa án</translation>
    </message>
    <message>
        <source>Judgment number</source>
        <translation>Số bản án</translation>
    </message>
    <message>
        <source>e.g. 25/2022/HS-ST</source>
        <translation>ví dụ: 25/2022/HS-ST</translation>
    </message>
    <message>
        <source>Judgment date</source>
        <translation>Ngày tuyên án</translation>
    </message>
    <message>
        <source>Offences</source>
        <translation>Tội danh</translation>
    </message>
    <message>
        <source>Penal Code articles</source>
        <translation>Điều luật (BLHS)</translation>
    </message>
    <message>
        <source>e.g. 173</source>
        <translation>ví dụ: 173</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <source>Penal Code chapter</source>
        <translation>Chương (BLHS)</translation>
    </message>
    <message>
        <source>Main penalty</source>
        <translation>Hình phạt chính</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Thời hạn tù</translation>
    </message>
    <message>
        <source>Prior convictions</source>
        <translation>Số tiền án trước</translation>
    </message>
    <message>
        <source>Release from prison</source>
        <translation>Ra trại</translation>
    </message>
    <message>
        <source>Prison</source>
        <translation>Trại giam</translation>
    </message>
    <message>
        <source>Release date *</source>
        <translation>Ngày ra trại *</translation>
    </message>
    <message>
        <source>Release type</source>
        <translation>Hình thức ra trại</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Số giấy chứng nhận</translation>
    </message>
    <message>
        <source>Probation ends</source>
        <translation>Hết thời gian thử thách</translation>
    </message>
    <message>
        <source>Other parts of the judgment</source>
        <translation>Các nội dung khác của bản án</translation>
    </message>
    <message>
        <source>Civil obligations</source>
        <translation>Nghĩa vụ dân sự</translation>
    </message>
    <message>
        <source>Fines, damages, court fees</source>
        <translation>Tiền phạt, bồi thường, án phí</translation>
    </message>
    <message>
        <source>Obligations done on</source>
        <translation>Ngày xong nghĩa vụ dân sự</translation>
    </message>
    <message>
        <source>Supplementary penalties</source>
        <translation>Hình phạt bổ sung</translation>
    </message>
    <message>
        <source>Supplementary until</source>
        <translation>Hình phạt bổ sung đến ngày</translation>
    </message>
</context>
<context>
    <name>ReceptionWizard</name>
    <message>
        <source>Receive a person</source>
        <translation>Tiếp nhận người chấp hành xong án phạt tù</translation>
    </message>
    <message>
        <source>Ready to create: {0}, born {1}, ID number {2}. Status: {3}.</source>
        <translation>Sẵn sàng tạo hồ sơ: {0}, sinh {1}, số CCCD/CMND {2}. Trạng thái: {3}.</translation>
    </message>
</context>
<context>
    <name>RecipientCombo</name>
    <message>
        <source>(no receiving unit: anyone with the passphrase)</source>
        <translation>(không chọn đơn vị nhận: ai có cụm mật khẩu cũng mở được)</translation>
    </message>
</context>
<context>
    <name>RecordListTab</name>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Xóa bản ghi</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>HoaNhap – Recovery code</source>
        <translation>HoaNhap – Mã khôi phục</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeView</name>
    <message>
        <source>The database on this computer is encrypted: without a password, or this recovery code, nobody can read it — not even with the file copied to another computer. If every administrator forgets their password, this code is the only way back in. It is shown only now.</source>
        <translation>Cơ sở dữ liệu trên máy tính này đã được mã hóa: nếu không có mật khẩu hoặc mã khôi phục này thì không ai đọc được — kể cả khi chép tệp sang máy tính khác. Nếu tất cả người quản trị đều quên mật khẩu, mã này là cách duy nhất để vào lại. Mã chỉ hiển thị lần này.</translation>
    </message>
    <message>
        <source>Print it or write it on paper and keep it locked away in the office, e.g. in the safe. Do not photograph it, send it by message or stick it to the computer: anyone holding the code and a copy of the database can read every record.</source>
        <translation>Hãy in hoặc chép mã ra giấy và cất giữ cẩn thận, có khóa, tại cơ quan, ví dụ trong két sắt. Không chụp ảnh, gửi qua tin nhắn hay dán lên máy tính: bất kỳ ai có mã này và một bản sao cơ sở dữ liệu đều đọc được mọi hồ sơ.</translation>
    </message>
    <message>
        <source>Save a sheet to print (PDF)…</source>
        <translation>Lưu trang để in (PDF)…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery code and will keep it locked away.</source>
        <translation>Tôi đã in hoặc chép lại mã khôi phục và sẽ cất giữ có khóa.</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Lưu trang mã khôi phục</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>Không lưu được {0}: {1}</translation>
    </message>
    <message>
        <source>Saved to {0}. Print it, then delete the file: the paper is the copy to keep.</source>
        <translation>Đã lưu vào {0}. Hãy in ra, rồi xóa tệp: bản giấy mới là bản cần lưu giữ.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>HoaNhap – Recovery code</source>
        <translation>HoaNhap – Mã khôi phục</translation>
    </message>
    <message>
        <source>Type the recovery code printed when the database was set up, the user name that needs a new password (e.g. the administrator&apos;s), and the new password.</source>
        <translation>Nhập mã khôi phục đã được in khi thiết lập cơ sở dữ liệu, tên đăng nhập cần đặt mật khẩu mới (ví dụ: tài khoản quản trị) và mật khẩu mới.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Đặt mật khẩu mới</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <source>The code that opens the database if every password is forgotten.</source>
        <translation>Mã để mở cơ sở dữ liệu khi tất cả mật khẩu đều bị quên.</translation>
    </message>
    <message>
        <source>shown once, written down</source>
        <translation>đã hiển thị một lần, đã ghi lại</translation>
    </message>
</context>
<context>
    <name>RegistryTab</name>
    <message>
        <source>Every unit whose key this computer knows. A unit&apos;s key is registered when a person confirms its fingerprint — on its first package, or by importing its key card. With the receiving key known, packages to that unit are encrypted to it automatically. Give your own key card to the offices you send packages to.</source>
        <translation>Tất cả các đơn vị mà máy tính này biết khóa. Khóa của một đơn vị được đăng ký khi có người xác nhận vân tay khóa — ở gói dữ liệu đầu tiên của đơn vị đó, hoặc khi nhập thẻ khóa của đơn vị. Khi đã biết khóa nhận, các gói dữ liệu gửi đơn vị đó được tự động mã hóa bằng khóa này. Hãy đưa thẻ khóa của đơn vị mình cho các đơn vị mà bạn gửi gói dữ liệu đến.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Vân tay khóa</translation>
    </message>
    <message>
        <source>Receiving key</source>
        <translation>Khóa nhận</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Ngày đăng ký</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người đăng ký</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>Gói đã nhận</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Nhận lần cuối</translation>
    </message>
    <message>
        <source>&amp;Export this unit&apos;s key card…</source>
        <translation>&amp;Xuất thẻ khóa của đơn vị này…</translation>
    </message>
    <message>
        <source>&amp;Import a key card…</source>
        <translation>&amp;Nhập thẻ khóa…</translation>
    </message>
    <message>
        <source> (this unit)</source>
        <translation> (đơn vị này)</translation>
    </message>
    <message>
        <source>known</source>
        <translation>đã biết</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>chưa biết</translation>
    </message>
    <message>
        <source>Key card written: {0}. Give it to the other office and read them this fingerprint by phone: {1}</source>
        <translation>Đã ghi thẻ khóa: {0}. Hãy đưa thẻ khóa cho đơn vị kia và đọc vân tay khóa này cho họ qua điện thoại: {1}</translation>
    </message>
</context>
<context>
    <name>Removable</name>
    <message>
        <source>The database {0} is on a USB stick or memory card. HoaNhap never works on a database there: a stick pulled out while writing can destroy it, and a lost stick takes the data with it.

Copy it to this computer ({1}) and open the copy? The file on the stick is not changed.</source>
        <translation>Cơ sở dữ liệu {0} đang nằm trên USB hoặc thẻ nhớ. HoaNhap không bao giờ làm việc trực tiếp với cơ sở dữ liệu ở đó: rút USB ra khi đang ghi có thể làm hỏng dữ liệu, còn mất USB là mất luôn dữ liệu.

Chép cơ sở dữ liệu vào máy tính này ({1}) và mở bản sao? Tệp trên USB không bị thay đổi.</translation>
    </message>
    <message>
        <source>Copy to this computer</source>
        <translation>Chép vào máy tính này</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>HoaNhap does not create its database on a USB stick or memory card. Start it without choosing a database on the stick: it then uses {0}.</source>
        <translation>HoaNhap không tạo cơ sở dữ liệu trên USB hoặc thẻ nhớ. Hãy khởi động mà không chọn cơ sở dữ liệu trên USB: khi đó chương trình sẽ dùng {0}.</translation>
    </message>
    <message>
        <source>The database was copied to {0}, the usual place of HoaNhap&apos;s database. HoaNhap works on this copy from now on, every time it starts; the file on the USB stick is not used any more.</source>
        <translation>Cơ sở dữ liệu đã được chép vào {0}, nơi HoaNhap thường đặt cơ sở dữ liệu. Từ nay mỗi lần khởi động, HoaNhap làm việc trên bản chép này; tệp trên USB không còn được dùng.</translation>
    </message>
    <message>
        <source>The database was copied to {0}. HoaNhap works on this copy now; the file on the USB stick is not used any more.

This computer already has its usual database, {1}: the next time HoaNhap is started normally, it opens that one, not the copy. To keep working on the copy later, restore it over the usual database (Settings → Backups → “Restore from a file…”; the usual database is kept beside it), or start HoaNhap with --db &quot;{0}&quot;.</source>
        <translation>Cơ sở dữ liệu đã được chép vào {0}. HoaNhap đang làm việc trên bản chép này; tệp trên USB không còn được dùng.

Máy tính này đã có cơ sở dữ liệu thường dùng, {1}: lần sau khi khởi động bình thường, HoaNhap mở cơ sở dữ liệu đó, không mở bản chép. Muốn tiếp tục làm việc trên bản chép về sau, hãy khôi phục nó đè lên cơ sở dữ liệu thường dùng (Cài đặt → Sao lưu → “Khôi phục từ tệp…”; cơ sở dữ liệu thường dùng được giữ lại bên cạnh), hoặc khởi động HoaNhap với --db &quot;{0}&quot;.</translation>
    </message>
</context>
<context>
    <name>ReplaceMemberDialog</name>
    <message>
        <source>Replace team member – {0}</source>
        <translation>Thay thành viên tổ giúp đỡ – {0}</translation>
    </message>
    <message>
        <source>{0} ({1}) leaves the team; the new member takes over the same role.</source>
        <translation>{0} ({1}) rời tổ; thành viên mới đảm nhận vai trò này.</translation>
    </message>
    <message>
        <source>&amp;Takes over on</source>
        <translation>Đảm &amp;nhận từ ngày</translation>
    </message>
    <message>
        <source>Directly responsible for the person</source>
        <translation>Là người trực tiếp giúp đỡ</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>3. Sign, print, hand on</source>
        <translation>3. Ký, in, gửi báo cáo</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>Ký &amp;số…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Mở &amp;tệp</translation>
    </message>
    <message>
        <source>Open the file to read or print it</source>
        <translation>Mở tệp để xem hoặc in</translation>
    </message>
    <message>
        <source>Copy to &amp;USB…</source>
        <translation>Chép vào &amp;USB…</translation>
    </message>
    <message>
        <source>Produce a report, or select one in the list below.</source>
        <translation>Hãy lập báo cáo, hoặc chọn một báo cáo trong danh sách phía dưới.</translation>
    </message>
    <message>
        <source>{0}, {1}, revision {2}: {3}.</source>
        <translation>{0}, {1}, lần lập {2}: {3}.</translation>
    </message>
    <message>
        <source>Files: {0}</source>
        <translation>Tệp: {0}</translation>
    </message>
    <message>
        <source>No file of this report in {0}.</source>
        <translation>Không có tệp của báo cáo này trong thư mục {0}.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder to copy to</source>
        <translation>Chọn USB hoặc thư mục để chép tệp vào</translation>
    </message>
    <message>
        <source>Copied {0} files to {1}.</source>
        <translation>Đã chép {0} tệp vào {1}.</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Đang chép tệp…</translation>
    </message>
</context>
<context>
    <name>ReportList</name>
    <message>
        <source>not signed</source>
        <translation>chưa ký</translation>
    </message>
    <message>
        <source>signed ({0}, {1})</source>
        <translation>đã ký ({0}, {1})</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần lập</translation>
    </message>
    <message>
        <source>Produced by</source>
        <translation>Người lập</translation>
    </message>
    <message>
        <source>Produced at</source>
        <translation>Thời điểm lập</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Chữ ký số</translation>
    </message>
</context>
<context>
    <name>ReportingPage</name>
    <message>
        <source>Reporting periods</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>How the months, quarters and years of your reports are counted. If unsure, keep the cut-off convention: it is what the police reporting rules use.</source>
        <translation>Cách tính tháng, quý và năm trong báo cáo. Nếu chưa rõ, hãy giữ cách tính theo ngày chốt số liệu: đây là cách chế độ báo cáo của ngành Công an đang áp dụng.</translation>
    </message>
    <message>
        <source>Reporting year starts in</source>
        <translation>Năm báo cáo bắt đầu từ</translation>
    </message>
</context>
<context>
    <name>ReportingSection</name>
    <message>
        <source>How reporting periods are cut and which legal rules apply. Changes affect reports produced from now on; signed reports keep their figures.</source>
        <translation>Cách chốt kỳ báo cáo và quy định pháp luật được áp dụng. Thay đổi chỉ áp dụng cho báo cáo lập từ nay về sau; báo cáo đã ký giữ nguyên số liệu.</translation>
    </message>
    <message>
        <source>Reporting periods</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Reporting year starts in</source>
        <translation>Năm báo cáo bắt đầu từ</translation>
    </message>
    <message>
        <source>Only for the cut-off convention. Some provincial plans start the year in November.</source>
        <translation>Chỉ áp dụng khi tính theo ngày chốt số liệu. Kế hoạch của một số tỉnh tính năm từ tháng 11.</translation>
    </message>
    <message>
        <source>Contact interval</source>
        <translation>Chu kỳ gặp gỡ</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>How often the support team must meet each person; the dashboard lists people not met for longer (usually 7).</source>
        <translation>Tổ giúp đỡ phải gặp mỗi người bao nhiêu ngày một lần; màn hình Việc hôm nay liệt kê những người chưa được gặp lâu hơn (thường là 7).</translation>
    </message>
    <message>
        <source>Loans: months without violations</source>
        <translation>Vay vốn: số tháng không vi phạm</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>A person with a violation in this many recent months is not proposed for a Social Policy Bank loan (usually 12).</source>
        <translation>Người có vi phạm trong số tháng gần nhất này sẽ không được đề xuất vay vốn Ngân hàng Chính sách xã hội (thường là 12).</translation>
    </message>
    <message>
        <source>Legal rule set</source>
        <translation>Bộ quy định áp dụng</translation>
    </message>
    <message>
        <source>“By date” applies the law in force on each day; choose a named rule set only when instructed to.</source>
        <translation>“Theo ngày” áp dụng quy định có hiệu lực vào từng ngày; chỉ chọn một bộ quy định cụ thể khi có hướng dẫn.</translation>
    </message>
    <message>
        <source>By date – the rules in force on the day concerned</source>
        <translation>Theo ngày – quy định có hiệu lực vào ngày liên quan</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Verify a PDF…</source>
        <translation>&amp;Kiểm tra chữ ký tệp PDF…</translation>
    </message>
    <message>
        <source>Check the digital signature of a report received from another office</source>
        <translation>Kiểm tra chữ ký số của báo cáo nhận từ đơn vị khác</translation>
    </message>
    <message>
        <source>1. Choose the report</source>
        <translation>1. Chọn báo cáo</translation>
    </message>
    <message>
        <source>&amp;Preview the figures</source>
        <translation>&amp;Xem trước số liệu</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Mẫu</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>2. Write the files</source>
        <translation>2. Xuất tệp</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;họn…</translation>
    </message>
    <message>
        <source>PDF (to print and sign)</source>
        <translation>PDF (để in và ký)</translation>
    </message>
    <message>
        <source>XLSX (for the next level)</source>
        <translation>XLSX (để cấp trên tổng hợp)</translation>
    </message>
    <message>
        <source>P&amp;roduce the report</source>
        <translation>&amp;Lập báo cáo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Loại tệp</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Choose a form and a period, then press “Preview the figures”.</source>
        <translation>Chọn mẫu và kỳ báo cáo, rồi bấm “Xem trước số liệu”.</translation>
    </message>
    <message>
        <source>These figures are for an earlier choice: press “Preview the figures” again.</source>
        <translation>Số liệu đang hiển thị là của lựa chọn trước; hãy bấm “Xem trước số liệu” để cập nhật.</translation>
    </message>
    <message>
        <source>Reports produced</source>
        <translation>Các báo cáo đã lập</translation>
    </message>
    <message>
        <source>All units held (consolidated report)</source>
        <translation>Tất cả các đơn vị (báo cáo tổng hợp)</translation>
    </message>
    <message>
        <source>Computing the figures…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <source>all units held</source>
        <translation>tất cả các đơn vị</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Chọn thư mục lưu tệp</translation>
    </message>
    <message>
        <source>Producing the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Report {0}, {1} (revision {2}) written to {3}.</source>
        <translation>Đã lập báo cáo {0} {1} (lần lập {2}); tệp được lưu tại {3}.</translation>
    </message>
    <message>
        <source>Signed by {0}. The signed file is {1}; the period is now locked.</source>
        <translation>Đã ký số: {0}. Tệp đã ký: {1}; kỳ báo cáo đã được khóa.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>New password for {0} ({1}). Give it to them in person and ask them to change it under “My password”.</source>
        <translation>Mật khẩu mới cho {0} ({1}). Hãy đưa tận tay người dùng và đề nghị họ đổi lại tại mục “Mật khẩu của tôi”.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import finished</source>
        <translation>Đã nhập xong</translation>
    </message>
    <message>
        <source>New records created:</source>
        <translation>Số hồ sơ mới đã tạo:</translation>
    </message>
    <message>
        <source>— of them expected (not reported yet):</source>
        <translation>— trong đó sắp về (chưa trình diện):</translation>
    </message>
    <message>
        <source>— of them received:</source>
        <translation>— trong đó đã tiếp nhận:</translation>
    </message>
    <message>
        <source>Existing records completed from the list:</source>
        <translation>Số hồ sơ đã có được bổ sung từ danh sách:</translation>
    </message>
    <message>
        <source>Rows skipped:</source>
        <translation>Số dòng bỏ qua:</translation>
    </message>
    <message>
        <source>Rejected rows, not imported:</source>
        <translation>Số dòng bị loại, không được nhập:</translation>
    </message>
    <message>
        <source>Written to the database in one step.</source>
        <translation>Đã ghi vào cơ sở dữ liệu trong một lần.</translation>
    </message>
    <message>
        <source>The new records are in the People list. Rows that were rejected can still be corrected in the file saved from the previous step and imported again; the rows imported now will then be recognised and skipped.</source>
        <translation>Các hồ sơ mới đã có trong Danh sách người. Các dòng bị loại vẫn có thể sửa trong tệp đã lưu ở bước trước rồi nhập lại; khi đó các dòng đã nhập lần này sẽ được nhận ra và bỏ qua.</translation>
    </message>
    <message>
        <source>The new records are in the People list. Importing this file again would create nothing: its people are recognised as already recorded.</source>
        <translation>Các hồ sơ mới đã có trong Danh sách người. Nếu nhập lại tệp này sẽ không tạo thêm gì: những người trong tệp đã được nhận ra là đã có hồ sơ.</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message>
        <source>Settings of this computer&apos;s installation, for every user. The screen locks itself after the idle time; an account is locked for a while after too many wrong passwords.</source>
        <translation>Cài đặt chung của máy tính này, áp dụng cho mọi người dùng. Màn hình tự khóa khi không sử dụng quá thời gian quy định; tài khoản bị tạm khóa nếu nhập sai mật khẩu quá nhiều lần.</translation>
    </message>
    <message>
        <source>Default: {0}.</source>
        <translation>Mặc định: {0}.</translation>
    </message>
    <message>
        <source>From {0} to {1}; default {2}.</source>
        <translation>Từ {0} đến {1}; mặc định {2}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The two passwords are not the same. Type the new password again.</source>
        <translation>Hai mật khẩu không khớp nhau. Hãy nhập lại mật khẩu mới.</translation>
    </message>
    <message>
        <source>Police chief</source>
        <translation>Trưởng Công an</translation>
    </message>
    <message>
        <source>Police chief&apos;s title</source>
        <translation>Chức danh ký (Công an)</translation>
    </message>
    <message>
        <source>e.g. TRƯỞNG CÔNG AN, or PHÓ TRƯỞNG CÔNG AN for a deputy.</source>
        <translation>ví dụ: TRƯỞNG CÔNG AN; cấp phó ký thì ghi PHÓ TRƯỞNG CÔNG AN.</translation>
    </message>
    <message>
        <source>Chairperson</source>
        <translation>Chủ tịch UBND</translation>
    </message>
    <message>
        <source>Chairperson&apos;s title</source>
        <translation>Chức danh ký (UBND)</translation>
    </message>
    <message>
        <source>e.g. CHỦ TỊCH, or PHÓ CHỦ TỊCH for a deputy.</source>
        <translation>ví dụ: CHỦ TỊCH; cấp phó ký thì ghi PHÓ CHỦ TỊCH.</translation>
    </message>
    <message>
        <source>Authority line</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>The line above the signer&apos;s title (Decree 30/2020):
• TM. – on behalf of a collective body: TM. ỦY BAN NHÂN DÂN, then CHỦ TỊCH;
• KT. – a deputy signs for the head: KT. CHỦ TỊCH, then PHÓ CHỦ TỊCH;
• Q. – an acting head signs: Q. TRƯỞNG CÔNG AN.
Leave it empty when the head signs in their own name (TRƯỞNG CÔNG AN).</source>
        <translation>Dòng ghi phía trên chức danh người ký (Nghị định 30/2020/NĐ-CP):
• TM. – thay mặt tập thể: TM. ỦY BAN NHÂN DÂN, rồi đến CHỦ TỊCH;
• KT. – cấp phó ký thay người đứng đầu: KT. CHỦ TỊCH, rồi đến PHÓ CHỦ TỊCH;
• Q. – quyền người đứng đầu ký: Q. TRƯỞNG CÔNG AN.
Để trống khi người đứng đầu ký với danh nghĩa của chính mình (TRƯỞNG CÔNG AN).</translation>
    </message>
    <message>
        <source>Cut-off on the 14th (Decree 09/2019, the usual choice)</source>
        <translation>Chốt số liệu ngày 14 (Nghị định 09/2019, thường dùng)</translation>
    </message>
    <message>
        <source>A month runs from the 15th of the previous month to the 14th; quarters, halves and the year follow the start month below.</source>
        <translation>Tháng báo cáo tính từ ngày 15 tháng trước đến ngày 14 tháng báo cáo; quý, 6 tháng và năm tính theo tháng bắt đầu chọn bên dưới.</translation>
    </message>
    <message>
        <source>Calendar months</source>
        <translation>Theo tháng dương lịch</translation>
    </message>
    <message>
        <source>A month runs from the 1st to its last day; the year from 1 January to 31 December.</source>
        <translation>Tháng tính từ ngày 01 đến ngày cuối tháng; năm tính từ 01/01 đến 31/12.</translation>
    </message>
    <message>
        <source>December – the year runs from 15/12 to 14/12 (usual)</source>
        <translation>Tháng 12 – năm tính từ 15/12 đến 14/12 (thường dùng)</translation>
    </message>
    <message>
        <source>November – the year runs from 15/11 to 14/11</source>
        <translation>Tháng 11 – năm tính từ 15/11 đến 14/11</translation>
    </message>
    <message>
        <source>With this choice, today ({0}) falls in:</source>
        <translation>Theo cách tính này, hôm nay ({0}) thuộc:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Reporting</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Bảo mật</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>Mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Nhật ký lưu vết</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings. You can change your own password under “My password”.</source>
        <translation>Chỉ quản trị viên được thay đổi các cài đặt này. Bạn có thể đổi mật khẩu của mình tại mục “Mật khẩu của tôi”.</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header row</source>
        <translation>Trang tính và dòng tiêu đề</translation>
    </message>
    <message>
        <source>The header row (highlighted) holds the column titles; the rows under it are the people. Both were found automatically: change them if they are wrong.</source>
        <translation>Dòng tiêu đề (được tô sáng) chứa tiêu đề các cột; các dòng bên dưới là danh sách người. Cả hai đã được tự động xác định: hãy sửa lại nếu chưa đúng.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Trang tính:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Dòng tiêu đề:</translation>
    </message>
    <message>
        <source>The first rows of the sheet (click a row to make it the header row):</source>
        <translation>Các dòng đầu của trang tính (bấm vào một dòng để chọn làm dòng tiêu đề):</translation>
    </message>
    <message>
        <source>No header row was found automatically: choose the row holding the column titles (Họ và tên, Ngày sinh…).</source>
        <translation>Không tự động tìm được dòng tiêu đề: hãy chọn dòng chứa tiêu đề các cột (Họ và tên, Ngày sinh…).</translation>
    </message>
    <message>
        <source>Found automatically: row {0}.</source>
        <translation>Tự động tìm được: dòng {0}.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the report</source>
        <translation>Ký số báo cáo</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Ký</translation>
    </message>
    <message>
        <source>{0}, {1} ({2} – {3}), revision {4}.</source>
        <translation>Báo cáo {0}, {1} ({2} – {3}), lần lập {4}.</translation>
    </message>
    <message>
        <source>Signing locks this period for your unit: records dated in it can then only be changed with a reason, and this report can no longer be produced again.</source>
        <translation>Ký số sẽ khóa kỳ báo cáo này của đơn vị: hồ sơ có ngày thuộc kỳ chỉ được sửa khi ghi rõ lý do, và không lập lại được báo cáo này nữa.</translation>
    </message>
    <message>
        <source>The unit&apos;s certificate</source>
        <translation>Chứng thư số của đơn vị</translation>
    </message>
    <message>
        <source>A certificate file (.p12, .pfx)</source>
        <translation>Tệp chứng thư số (.p12, .pfx)</translation>
    </message>
    <message>
        <source>A USB token (PKCS#11)</source>
        <translation>Thiết bị ký số USB (PKCS#11)</translation>
    </message>
    <message>
        <source>Sign &amp;with</source>
        <translation>Ký &amp;bằng</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Certificate &amp;file</source>
        <translation>&amp;Tệp chứng thư số</translation>
    </message>
    <message>
        <source>Choose the token&apos;s PKCS#11 library</source>
        <translation>Chọn thư viện PKCS#11 của thiết bị ký số</translation>
    </message>
    <message>
        <source>Libraries (*.dll *.so *.dylib)</source>
        <translation>Thư viện (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <source>Token &amp;library</source>
        <translation>Thư &amp;viện thiết bị</translation>
    </message>
    <message>
        <source>Token &amp;name</source>
        <translation>&amp;Nhãn thiết bị</translation>
    </message>
    <message>
        <source>&amp;Key name</source>
        <translation>Nhãn k&amp;hóa ký</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Repeat the password</source>
        <translation>Nhập &amp;lại mật khẩu</translation>
    </message>
    <message>
        <source>Your unit has no certificate yet: one is created now and protected by this password. Keep the password safe; without it nobody can sign with the unit&apos;s certificate.</source>
        <translation>Đơn vị chưa có chứng thư số: chứng thư số sẽ được tạo ngay và được bảo vệ bằng mật khẩu này. Hãy giữ kỹ mật khẩu; không có mật khẩu thì không ai ký được bằng chứng thư số của đơn vị.</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>Mã &amp;PIN</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Signing the report…</source>
        <translation>Đang ký số báo cáo…</translation>
    </message>
</context>
<context>
    <name>SignersPage</name>
    <message>
        <source>Signers and titles</source>
        <translation>Người ký và chức danh</translation>
    </message>
    <message>
        <source>The names and titles printed in the signature block of reports. The usual wording is filled in; names can be left empty and added later under Settings.</source>
        <translation>Họ tên và chức danh in ở phần chữ ký của báo cáo. Cách ghi thông dụng đã được điền sẵn; có thể để trống họ tên và bổ sung sau trong mục Cài đặt.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
</context>
<context>
    <name>SignersSection</name>
    <message>
        <source>The people who sign reports. Titles are printed in capitals above the signature, the names below it.</source>
        <translation>Người ký báo cáo. Chức danh được in hoa phía trên chữ ký, họ tên in phía dưới.</translation>
    </message>
</context>
<context>
    <name>StartManagementDialog</name>
    <message>
        <source>&amp;Managed from</source>
        <translation>&amp;Quản lý từ ngày</translation>
    </message>
    <message>
        <source>e.g. 12/QĐ-UBND (may be added later)</source>
        <translation>ví dụ: 12/QĐ-UBND (có thể bổ sung sau)</translation>
    </message>
    <message>
        <source>Team &amp;decision number</source>
        <translation>&amp;Số quyết định phân công</translation>
    </message>
    <message>
        <source>Decision d&amp;ate</source>
        <translation>&amp;Ngày quyết định</translation>
    </message>
    <message>
        <source>Start management – {0}</source>
        <translation>Đưa vào quản lý – {0}</translation>
    </message>
</context>
<context>
    <name>SubmissionsTab</name>
    <message>
        <source>Which units sent their data for a reporting period. A package counts for the period chosen when it was written (or, if none was, the period it was written in). Every unit registered here — by its key card or a first package — is expected; those that sent nothing are listed first, in red.</source>
        <translation>Các đơn vị đã gửi dữ liệu cho một kỳ báo cáo. Mỗi gói dữ liệu được tính cho kỳ đã chọn khi ghi gói (nếu không chọn kỳ nào thì tính cho kỳ có ngày ghi gói). Mọi đơn vị đã đăng ký ở đây — qua thẻ khóa hoặc gói dữ liệu đầu tiên — đều phải gửi; các đơn vị chưa gửi gì được liệt kê trước, tô màu đỏ.</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Consolidated report…</source>
        <translation>Báo cáo tổng hợp…</translation>
    </message>
    <message>
        <source>The Reports screen offers the consolidated forms once other units&apos; data has been imported.</source>
        <translation>Trang Báo cáo có các mẫu tổng hợp sau khi đã nhập dữ liệu của các đơn vị khác.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>Ngày ghi</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>Ngày nhập</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Vân tay khóa</translation>
    </message>
    <message>
        <source>{0}: no other unit is registered on this computer yet. Import the key cards of the units that report here under “Units and keys”.</source>
        <translation>{0}: chưa có đơn vị nào khác được đăng ký trên máy tính này. Hãy nhập thẻ khóa của các đơn vị báo cáo về đây trong mục “Đơn vị và khóa”.</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} units sent their data; {3} missing.</source>
        <translation>{0}: {1}/{2} đơn vị đã gửi dữ liệu; còn thiếu {3}.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>hợp lệ</translation>
    </message>
    <message>
        <source>valid; key replaced since</source>
        <translation>hợp lệ; khóa đã được thay sau đó</translation>
    </message>
    <message>
        <source>valid; key no longer registered</source>
        <translation>hợp lệ; khóa không còn được đăng ký</translation>
    </message>
    <message>
        <source>nothing received</source>
        <translation>chưa nhận được gì</translation>
    </message>
    <message>
        <source>not registered</source>
        <translation>chưa đăng ký</translation>
    </message>
    <message>
        <source>yes ({0} packages)</source>
        <translation>có ({0} gói dữ liệu)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Package {0}, file {1}</source>
        <translation>Gói dữ liệu {0}, tệp {1}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Check and finish</source>
        <translation>Kiểm tra và hoàn tất</translation>
    </message>
    <message>
        <source>Use Back to correct anything. Everything except the unit code can be changed later under Settings.</source>
        <translation>Bấm Quay lại nếu cần sửa. Mọi thông tin, trừ mã đơn vị, đều có thể thay đổi sau trong Cài đặt.</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>Edit support – {0}</source>
        <translation>Sửa hỗ trợ – {0}</translation>
    </message>
    <message>
        <source>New support – {0}</source>
        <translation>Ghi hỗ trợ – {0}</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>Kết &amp;quả</translation>
    </message>
    <message>
        <source>&amp;Kind of support</source>
        <translation>&amp;Loại hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Ngày hỗ trợ</translation>
    </message>
    <message>
        <source>Who gave it: agency, organisation, person</source>
        <translation>Cơ quan, tổ chức hoặc cá nhân đã hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;Provided by</source>
        <translation>Đơn &amp;vị hỗ trợ</translation>
    </message>
    <message>
        <source>&amp;Amount (VND)</source>
        <translation>&amp;Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Loan p&amp;urpose</source>
        <translation>&amp;Mục đích vay</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện vay</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>Ngân &amp;hàng</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>&amp;Term</source>
        <translation>&amp;Thời hạn vay</translation>
    </message>
    <message>
        <source>Loan &amp;decision date</source>
        <translation>Ngày quyết định &amp;cho vay</translation>
    </message>
    <message>
        <source>Loan &amp;status</source>
        <translation>Tình trạng &amp;khoản vay</translation>
    </message>
    <message>
        <source>This loan is already recorded: saving updates its details and status.</source>
        <translation>Khoản vay này đã được ghi: lưu lại sẽ cập nhật thông tin và tình trạng khoản vay.</translation>
    </message>
    <message>
        <source>Eligible for this loan on {0}.</source>
        <translation>Đủ điều kiện vay vào ngày {0}.</translation>
    </message>
    <message>
        <source>Not eligible for this loan on {0}:</source>
        <translation>Chưa đủ điều kiện vay vào ngày {0}:</translation>
    </message>
</context>
<context>
    <name>SupportsTab</name>
    <message>
        <source>Support ({0})</source>
        <translation>Hỗ trợ ({0})</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại hỗ trợ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Provided by</source>
        <translation>Đơn vị hỗ trợ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} tháng</translation>
    </message>
    <message>
        <source>Delete “{0}” of {1}? It stays in the history as deleted.</source>
        <translation>Xóa “{0}” ngày {1}? Bản ghi vẫn còn trong lịch sử, đánh dấu là đã xóa.</translation>
    </message>
</context>
<context>
    <name>TeamDecisionDialog</name>
    <message>
        <source>Team assignment decision – {0}</source>
        <translation>Quyết định phân công giúp đỡ – {0}</translation>
    </message>
    <message>
        <source>e.g. 12/QĐ-UBND</source>
        <translation>ví dụ: 12/QĐ-UBND</translation>
    </message>
    <message>
        <source>Decision &amp;number</source>
        <translation>&amp;Số quyết định</translation>
    </message>
    <message>
        <source>Decision &amp;date</source>
        <translation>&amp;Ngày quyết định</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Trực tiếp giúp đỡ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Thêm thành viên…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Thay người…</translation>
    </message>
    <message>
        <source>End membership…</source>
        <translation>Thôi tham gia…</translation>
    </message>
    <message>
        <source>Make responsible</source>
        <translation>Giao trực tiếp giúp đỡ</translation>
    </message>
    <message>
        <source>Set decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <source>Past members</source>
        <translation>Thành viên cũ</translation>
    </message>
    <message>
        <source>Team ({0})</source>
        <translation>Tổ giúp đỡ ({0})</translation>
    </message>
    <message>
        <source>responsible</source>
        <translation>trực tiếp giúp đỡ</translation>
    </message>
    <message>
        <source>The team is complete: each of the four core roles has an active member.</source>
        <translation>Tổ giúp đỡ đủ thành phần: cả bốn vai trò chính đều có thành viên đang tham gia.</translation>
    </message>
    <message>
        <source>The team is incomplete. Missing: {0}.</source>
        <translation>Tổ giúp đỡ chưa đủ thành phần. Còn thiếu: {0}.</translation>
    </message>
    <message>
        <source>Assignment decision (HCD-07): No. {0}, dated {1}</source>
        <translation>Quyết định phân công (HCD-07): số {0}, ngày {1}</translation>
    </message>
    <message>
        <source>No assignment decision (HCD-07) recorded yet.</source>
        <translation>Chưa ghi quyết định phân công (HCD-07).</translation>
    </message>
    <message>
        <source>Make {0} the member directly responsible for {1}?</source>
        <translation>Giao {0} là người trực tiếp giúp đỡ {1}?</translation>
    </message>
    <message>
        <source>Directly responsible member</source>
        <translation>Người trực tiếp giúp đỡ</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Every change is kept in the audit trail; nothing here can be edited.</source>
        <translation>Mọi thay đổi đều được lưu vết; không thể sửa nội dung ở đây.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Transfer package written</source>
        <translation>Đã ghi gói dữ liệu chuyển hồ sơ</translation>
    </message>
    <message>
        <source>The case file of {0} was written to {1}. Take it to {2} on a USB stick; if it is locked with a passphrase, tell them the passphrase by phone.</source>
        <translation>Đã ghi hồ sơ của {0} vào {1}. Hãy chuyển tệp này cho {2} bằng USB; nếu gói được khóa bằng cụm mật khẩu, hãy báo cụm mật khẩu cho họ qua điện thoại.</translation>
    </message>
    <message>
        <source>Transfer the case file?</source>
        <translation>Chuyển hồ sơ?</translation>
    </message>
    <message>
        <source>{0} moved to another commune. Create a transfer package for the receiving commune now? It carries the whole case file; the receiving commune&apos;s legal deadline to take the person over counts from the day the package is made. You can also do it later under “Data exchange”.</source>
        <translation>{0} đã chuyển đến xã khác. Tạo ngay gói dữ liệu chuyển hồ sơ cho xã nơi đến? Gói này chứa toàn bộ hồ sơ; thời hạn luật định để xã nơi đến tiếp nhận quản lý người này được tính từ ngày lập gói. Bạn cũng có thể làm việc này sau, trong mục “Trao đổi dữ liệu”.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer package – {0}</source>
        <translation>Gói dữ liệu chuyển hồ sơ – {0}</translation>
    </message>
    <message>
        <source>The receiving commune imports this package and opens {0}&apos;s case with the whole history and the legal take-over deadline. Choose the receiving commune; if it is not listed, type its unit code.</source>
        <translation>Xã nơi đến nhập gói dữ liệu này và mở hồ sơ của {0} với toàn bộ quá trình quản lý và thời hạn tiếp nhận theo luật định. Hãy chọn xã nơi đến; nếu không có trong danh sách, hãy nhập mã đơn vị của xã đó.</translation>
    </message>
    <message>
        <source>(type the commune&apos;s unit code)</source>
        <translation>(nhập mã đơn vị của xã)</translation>
    </message>
    <message>
        <source>unit code, e.g. 19001</source>
        <translation>mã đơn vị, ví dụ: 19001</translation>
    </message>
    <message>
        <source>Receiving commune</source>
        <translation>Xã nơi đến</translation>
    </message>
    <message>
        <source>Choose or type the unit code of the commune the person moved to.</source>
        <translation>Chọn hoặc nhập mã đơn vị của xã nơi người này chuyển đến.</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Your unit</source>
        <translation>Đơn vị của bạn</translation>
    </message>
    <message>
        <source>The commune or ward police office this computer works for.</source>
        <translation>Công an xã, phường sử dụng máy tính này.</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>The 5-digit administrative code of your commune or ward. It is stored on every record and cannot be changed later.</source>
        <translation>Mã đơn vị hành chính (5 chữ số) của xã, phường. Mã này được lưu trong mọi bản ghi và không thể thay đổi sau.</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>As printed on documents, e.g. Công an phường Thanh Bình.</source>
        <translation>Như in trên văn bản, ví dụ: Công an phường Thanh Bình.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>e.g. Tỉnh Thái Nguyên.</source>
        <translation>ví dụ: Tỉnh Thái Nguyên.</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Printed before the date, e.g. “Thanh Bình, ngày 05 tháng 01 năm 2026”.</source>
        <translation>In trước ngày tháng, ví dụ: “Thanh Bình, ngày 05 tháng 01 năm 2026”.</translation>
    </message>
    <message>
        <source>Reports go to</source>
        <translation>Cấp nhận báo cáo</translation>
    </message>
    <message>
        <source>Since 1 March 2025 communes report directly to the provincial police.</source>
        <translation>Từ ngày 01/3/2025, Công an cấp xã báo cáo trực tiếp Công an cấp tỉnh.</translation>
    </message>
    <message>
        <source>Receiving police office</source>
        <translation>Cơ quan nhận báo cáo</translation>
    </message>
    <message>
        <source>e.g. Công an tỉnh Thái Nguyên.</source>
        <translation>ví dụ: Công an tỉnh Thái Nguyên.</translation>
    </message>
</context>
<context>
    <name>UnitSection</name>
    <message>
        <source>How your unit appears on reports and documents. The unit code is on every record and cannot be changed.</source>
        <translation>Thông tin đơn vị in trên báo cáo và văn bản. Mã đơn vị có trong mọi bản ghi nên không thể thay đổi.</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>As printed in the document header, e.g. Công an phường Thanh Bình.</source>
        <translation>Như in ở phần đầu văn bản, ví dụ: Công an phường Thanh Bình.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>Place name</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Printed before the date, e.g. “Thanh Bình, ngày 05 tháng 01 năm 2026”.</source>
        <translation>In trước ngày tháng, ví dụ: “Thanh Bình, ngày 05 tháng 01 năm 2026”.</translation>
    </message>
    <message>
        <source>Parent agency</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>The agency above yours, printed on the first line of the document header, e.g. CÔNG AN TỈNH THÁI NGUYÊN.</source>
        <translation>Cơ quan cấp trên trực tiếp, in ở dòng đầu tiên của phần đầu văn bản, ví dụ: CÔNG AN TỈNH THÁI NGUYÊN.</translation>
    </message>
    <message>
        <source>Reports go to</source>
        <translation>Cấp nhận báo cáo</translation>
    </message>
    <message>
        <source>Since 1 March 2025 communes report directly to the provincial police; choose the district level only if your plan says so.</source>
        <translation>Từ ngày 01/3/2025, Công an cấp xã báo cáo trực tiếp Công an cấp tỉnh; chỉ chọn cấp huyện nếu kế hoạch của đơn vị quy định như vậy.</translation>
    </message>
    <message>
        <source>Receiving police office</source>
        <translation>Cơ quan nhận báo cáo</translation>
    </message>
    <message>
        <source>e.g. Công an tỉnh Thái Nguyên.</source>
        <translation>ví dụ: Công an tỉnh Thái Nguyên.</translation>
    </message>
    <message>
        <source>Document symbol</source>
        <translation>Ký hiệu văn bản</translation>
    </message>
    <message>
        <source>Follows the number on every report: Số: 05/BC-CAX.</source>
        <translation>Ghi sau số của mỗi báo cáo: Số: 05/BC-CAX.</translation>
    </message>
    <message>
        <source>Report recipients</source>
        <translation>Danh sách nơi nhận</translation>
    </message>
    <message>
        <source>One recipient per line, as listed under “Nơi nhận:”.</source>
        <translation>Mỗi dòng một nơi nhận, như liệt kê dưới mục “Nơi nhận:”.</translation>
    </message>
</context>
<context>
    <name>UnitSettingsSection</name>
    <message>
        <source>Saved. The new settings apply from now on.</source>
        <translation>Đã lưu. Cài đặt mới được áp dụng từ bây giờ.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Cơ sở dữ liệu được mã hóa</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Tệp: {0}</translation>
    </message>
    <message>
        <source>Forgot your password? Use the recovery code…</source>
        <translation>Quên mật khẩu? Dùng mã khôi phục…</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Who may sign in on this computer. Officers keep the records, leaders review and sign reports, administrators manage users and settings. Accounts are disabled, never deleted, so the history of their work stays readable.</source>
        <translation>Những người được đăng nhập trên máy tính này. Cán bộ nhập và cập nhật hồ sơ, lãnh đạo duyệt và ký báo cáo, quản trị viên quản lý người dùng và cài đặt. Tài khoản chỉ bị vô hiệu hóa, không bao giờ bị xóa, để vẫn xem được lịch sử công việc của người đó.</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Thêm người dùng…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bị khóa đến</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Kích hoạt lại</translation>
    </message>
    <message>
        <source>User {0} was added.</source>
        <translation>Đã thêm người dùng {0}.</translation>
    </message>
    <message>
        <source>The password of {0} was reset.</source>
        <translation>Đã đặt lại mật khẩu của {0}.</translation>
    </message>
    <message>
        <source>{0} can no longer sign in.</source>
        <translation>{0} không thể đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>{0} can sign in again.</source>
        <translation>{0} đã có thể đăng nhập lại.</translation>
    </message>
    <message>
        <source>{0} is unlocked and can sign in again.</source>
        <translation>Đã mở khóa {0}; người dùng này có thể đăng nhập lại.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a signed PDF</source>
        <translation>Kiểm tra chữ ký số của tệp PDF</translation>
    </message>
    <message>
        <source>Choose the PDF file you received to check its digital signature.</source>
        <translation>Chọn tệp PDF đã nhận để kiểm tra chữ ký số.</translation>
    </message>
    <message>
        <source>&amp;Choose a PDF…</source>
        <translation>&amp;Chọn tệp PDF…</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Signed at (signer&apos;s clock)</source>
        <translation>Thời điểm ký (theo máy người ký)</translation>
    </message>
    <message>
        <source>Covers the whole file</source>
        <translation>Bao trùm toàn bộ tệp</translation>
    </message>
    <message>
        <source>Known signer</source>
        <translation>Người ký đã biết</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>Vân tay (SHA-256)</translation>
    </message>
    <message>
        <source>Choose a signed PDF</source>
        <translation>Chọn tệp PDF đã ký</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>File: {0}</source>
        <translation>Tệp: {0}</translation>
    </message>
    <message>
        <source>Checking the signature…</source>
        <translation>Đang kiểm tra chữ ký…</translation>
    </message>
    <message>
        <source>Valid: the signature is intact and covers the whole file.</source>
        <translation>Hợp lệ: chữ ký số nguyên vẹn và bao trùm toàn bộ tệp.</translation>
    </message>
    <message>
        <source>Unknown signer: the file is intact, but the signer is not among the signers this office knows.</source>
        <translation>Không rõ người ký: tệp nguyên vẹn, nhưng người ký chưa có trong danh sách người ký mà đơn vị đã biết.</translation>
    </message>
    <message>
        <source>Altered: the file was changed after it was signed. Do not rely on its contents.</source>
        <translation>Đã bị sửa đổi: tệp đã bị thay đổi sau khi ký. Không được sử dụng nội dung tệp này.</translation>
    </message>
    <message>
        <source>Not signed: the file has no digital signature.</source>
        <translation>Không có chữ ký: tệp không có chữ ký số.</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>self-issued</source>
        <translation>tự cấp</translation>
    </message>
    <message>
        <source>issued by {0}</source>
        <translation>cấp bởi {0}</translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <source>Edit violation – {0}</source>
        <translation>Sửa vi phạm – {0}</translation>
    </message>
    <message>
        <source>New violation – {0}</source>
        <translation>Ghi vi phạm – {0}</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Loại vi phạm</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Ngày vi phạm</translation>
    </message>
    <message>
        <source>What happened, where, who reported it</source>
        <translation>Sự việc, địa điểm, người phát hiện hoặc báo tin</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>&amp;Mô tả</translation>
    </message>
    <message>
        <source>Fine, warning, case passed to the investigation agency…</source>
        <translation>Phạt tiền, cảnh cáo, chuyển cơ quan điều tra…</translation>
    </message>
    <message>
        <source>&amp;Handling</source>
        <translation>&amp;Hình thức xử lý</translation>
    </message>
</context>
<context>
    <name>ViolationsTab</name>
    <message>
        <source>Violations ({0})</source>
        <translation>Vi phạm ({0})</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại vi phạm</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>Hình thức xử lý</translation>
    </message>
    <message>
        <source>Delete the violation of {0}? It stays in the history as deleted.</source>
        <translation>Xóa vi phạm ngày {0}? Bản ghi vẫn còn trong lịch sử, đánh dấu là đã xóa.</translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <source>Week {0}: Monday {1} – Sunday {2}</source>
        <translation>Tuần {0}: thứ Hai {1} – Chủ nhật {2}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to HoaNhap</source>
        <translation>Chào mừng đến với HoaNhap</translation>
    </message>
    <message>
        <source>HoaNhap keeps the records of people released from prison who live in your commune or ward: their support teams, weekly contacts, quarterly evaluations and support, and produces the reports the police rules ask for.

This computer has not been set up yet. In a few short steps you will enter your unit, choose how reporting periods are counted, name the signers of reports, create the administrator account and the unit&apos;s signing certificate, and write down the recovery code of the encrypted database.

Have ready: the administrative code of your commune or ward (5 digits) and the name of the police office you report to.</source>
        <translation>HoaNhap quản lý hồ sơ của những người chấp hành xong án phạt tù đang cư trú tại xã, phường của bạn: tổ giúp đỡ, gặp gỡ hằng tuần, đánh giá hằng quý và hỗ trợ, đồng thời lập các báo cáo theo quy định của ngành Công an.

Máy tính này chưa được thiết lập. Qua vài bước ngắn, bạn sẽ nhập thông tin đơn vị, chọn cách tính kỳ báo cáo, ghi tên người ký báo cáo, tạo tài khoản quản trị và chứng thư số của đơn vị để ký báo cáo, rồi ghi lại mã khôi phục của cơ sở dữ liệu đã mã hóa.

Hãy chuẩn bị sẵn: mã đơn vị hành chính của xã, phường (5 chữ số) và tên cơ quan Công an cấp trên nhận báo cáo.</translation>
    </message>
</context>
</TS>
