"""Kiosk search over the 289 real procedures: what citizens type, and what they must see first."""
import unicodedata

import pytest
from sqlalchemy import select

from app.catalog.folding import fold, search_fold
from app.catalog.models import STATUS_REPLACED, Field, Procedure
from app.catalog.search import search_procedures
from app.catalog.synonyms import parse
from app.extensions import db

# (what a citizen types at the kiosk, without accents, the procedure they need first)
CITIZEN_QUERIES = [
    ("dang ky khai sinh", "1.001193"),           # Thủ tục đăng ký khai sinh
    ("lam giay khai sinh", "1.001193"),
    ("xin giay khai sinh cho con", "1.001193"),
    ("dang ky lai khai sinh", "1.004884"),       # Thủ tục đăng ký lại khai sinh
    ("lam lai giay khai sinh", "1.004884"),
    ("ban sao giay khai sinh", "2.000635"),      # Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("sua ten trong giay khai sinh", "1.004859"),  # thay đổi, cải chính, bổ sung thông tin hộ tịch
    ("doi ten cho con", "1.004859"),
    ("dang ky ket hon", "1.000894"),             # Thủ tục đăng ký kết hôn
    ("ket hon voi nguoi nuoc ngoai", "2.000806"),  # đăng ký kết hôn có yếu tố nước ngoài
    ("khai tu", "1.000656"),                     # Thủ tục đăng ký khai tử
    ("khai tu cho me", "1.000656"),
    ("bao tu", "1.000656"),
    ("xin giay khai tu", "1.000656"),            # "giấy" is filler: not the "Giấy khai sinh" of 2.000635
    ("xac nhan doc than", "1.004873"),           # cấp Giấy xác nhận tình trạng hôn nhân
    ("giay doc than", "1.004873"),
    ("nhan con nuoi", "2.001263"),               # Đăng ký việc nuôi con nuôi trong nước
    ("so do", "1.013978"),                       # cấp Giấy chứng nhận ... hộ gia đình, cá nhân
    ("lam so hong", "1.013978"),
    ("hoa giai tranh chap dat", "1.012812"),     # Hòa giải tranh chấp đất đai
    ("xin giay phep xay dung nha o", "1.013225"),  # Cấp giấy phép xây dựng mới ... nhà ở riêng lẻ
    ("cong chung giay to", "2.000815"),          # Chứng thực bản sao từ bản chính giấy tờ
    ("chung thuc chu ky", "2.000884"),           # Chứng thực chữ ký trong các giấy tờ, văn bản
    ("lam di chuc", "2.001019"),                 # Chứng thực di chúc
    ("nhap khau cho con", "1.004222"),           # Đăng ký thường trú
    ("nhap khau", "1.004222"),
    ("cat khau", "1.003197"),                    # Xóa đăng ký thường trú
    ("tach ho khau", "1.010038"),                # Tách hộ
    ("tam tru", "1.004194"),                     # Đăng ký tạm trú
    ("dang ky tam tru cho nguoi thue nha", "1.004194"),
    ("khai bao tam vang", "1.003677"),           # Khai báo tạm vắng
    ("bao luu tru", "2.001159"),                 # Thông báo lưu trú
    ("xac nhan cu tru", "1.010041"),             # Xác nhận thông tin về cư trú
    ("lam can cuoc", "1.014061"),                # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("cccd cho con", "1.014062"),                # Cấp thẻ căn cước cho người dưới 14 tuổi
    ("mat can cuoc", "1.014064"),                # Cấp lại thẻ căn cước
    ("chung minh nhan dan 9 so", "1.012566"),    # Xác nhận số chứng minh nhân dân 09 số
    ("vneid", "3.000228"),                       # Cấp tài khoản định danh điện tử mức độ 02
    ("dinh danh dien tu", "3.000228"),
    ("dang ky ho kinh doanh", "1.001612"),       # Đăng ký thành lập hộ kinh doanh
    ("mo quan", "1.001612"),
    ("rut bao hiem mot lan", "1.001613"),        # Giải quyết hưởng bảo hiểm xã hội một lần
    ("bhxh mot lan", "1.001613"),
    ("che do thai san", "2.000693"),             # Giải quyết hưởng chế độ thai sản
    ("the bhyt ho gia dinh", "1.001939"),        # Đăng ký đóng, cấp thẻ BHYT
    ("tro cap nguoi cao tuoi", "1.001776"),      # trợ cấp xã hội hàng tháng
    ("giay xac nhan khuyet tat", "1.001699"),    # cấp Giấy xác nhận khuyết tật
    ("chuyen truong cap 2", "2.002481"),         # Chuyển trường đối với học sinh trung học cơ sở
    ("thong bao to chuc le hoi", "1.003622"),    # Thông báo tổ chức lễ hội cấp xã
    ("cai nghien", "3.000527"),                  # Đăng ký cai nghiện ma túy tự nguyện
    ("tro giup phap ly", "2.000829"),            # Yêu cầu trợ giúp pháp lý
    ("che do thuong binh", "1.010833"),          # Cấp giấy xác nhận thân nhân của người có công
    ("sang ten xe", "1.013076"),                 # đăng ký sang tên xe
    ("thu y", "1.013997"),                       # the field Thú y: thiệt hại do dịch bệnh động vật
]

# Written later from the data by someone who had not seen the list above, and measured before
# the synonyms it led to were added (65 of 80 first): everyday wording, name words, field names.
# Any of the listed codes may come first.
MORE_CITIZEN_QUERIES = [
    ("dang ky giam ho", ["1.004837"]),  # Thủ tục đăng ký giám hộ
    ("cham dut giam ho", ["1.004845"]),  # Thủ tục đăng ký chấm dứt giám hộ
    ("dang ky lai ket hon", ["1.004746"]),  # Thủ tục đăng ký lại kết hôn
    ("dang ky lai khai tu", ["1.005461"]),  # Đăng ký lại khai tử
    ("khai sinh luu dong", ["1.003583"]),  # Thủ tục đăng ký khai sinh lưu động
    ("xac nhan tinh trang hon nhan", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("xac dinh lai dan toc", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("ghi chu ly hon o nuoc ngoai", ["2.000554"]),  # Thủ tục ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của
    ("gia han tam tru", ["1.002755"]),  # Gia hạn tạm trú
    ("xoa dang ky tam tru", ["1.010028"]),  # Xóa đăng ký tạm trú
    ("cap doi the can cuoc", ["1.014063"]),  # Cấp đổi thẻ căn cước
    ("chung thuc hop dong", ["2.001035"]),  # Chứng thực giao dịch liên quan đến tài sản là động sản, quyề
    ("chung thuc ban dich", ["2.000992", "2.001008"]),  # Chứng thực chữ ký người dịch mà người dịch là cộng tác viên
    ("tu choi nhan di san", ["2.001016"]),  # Chứng thực văn bản từ chối nhận di sản
    ("dinh chinh giay chung nhan", ["1.012796"]),  # Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót
    ("giai quyet tranh chap dat dai", ["1.013967", "1.012812"]),  # Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch
    ("gia han giay phep xay dung", ["1.013227"]),  # Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp I
    ("giay phep sua chua nha", ["1.013229"]),  # Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình
    ("tam ngung kinh doanh", ["1.001570"]),  # Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã
    ("cham dut ho kinh doanh", ["1.001266"]),  # Chấm dứt hoạt động hộ kinh doanh
    ("dang ky thanh lap hop tac xa", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("che do om dau", ["1.001667"]),  # Giải quyết hưởng chế độ ốm đau
    ("dong bhxh tu nguyen", ["1.002179"]),  # Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ
    ("huong che do tu tuat", ["2.000821"]),  # Giải quyết hưởng chế độ tử tuất
    ("tro cap huu tri xa hoi", ["1.014027"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("cong nhan ho can ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("tro cap tho cung liet si", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("vay von tao viec lam", ["1.013724", "1.013725"]),  # Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ
    ("dang ky khai thac nuoc duoi dat", ["1.001662"]),  # Đăng ký khai thác nước dưới đất
    ("thanh lap hoi", ["1.013703"]),  # Thành lập hội
    ("khai bao vu khi tho so", ["1.013442"]),  # Khai báo vũ khí thô sơ là hiện vật trưng bày, triển lãm, làm
    ("bo toi moi mat", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("lam the bao hiem y te cho con", ["2.001023", "2.000986", "1.001939"]),  # Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp
    ("nhan bo cho con", ["1.001022", "1.000689"]),  # Thủ tục đăng ký nhận cha, mẹ, con
    ("xin nhan nuoi tre", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("sua nam sinh", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("ban sao giay ket hon", ["2.000635", "2.000815"]),  # Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("photo cong chung can cuoc", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("lam giay uy quyen", ["2.000884", "2.001035", "1.001601"]),  # Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả
    ("the chap so do vay ngan hang", ["1.011441"]),  # Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắ
    ("hien dat lam duong", ["1.013979"]),  # Tặng cho quyền sử dụng đất cho Nhà nước hoặc cộng đồng dân c
    ("chuyen dat vuon len dat o", ["1.013949"]),  # Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với
    ("xin phep xay dung nha", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("mo cua hang tap hoa", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("bi tai nan lao dong", ["1.001632", "1.001521", "1.001643"]),  # Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp bị TNLĐ
    ("linh luong huu qua ngan hang", ["2.000740"]),  # Người hưởng lĩnh chế độ bảo hiểm xã hội bằng tiền mặt chuyển
    ("lam lai so bao hiem xa hoi", ["1.002759"]),  # Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT
    ("tien mai tang", ["1.001731", "1.014028", "2.002913"]),  # Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
    ("nguoi tan tat xin tro cap", ["1.001776", "1.001699"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng,
    ("ho thoat ngheo", ["1.011608", "1.011606"]),  # Công nhận hộ thoát nghèo, hộ thoát cận nghèo thường xuyên hằ
    ("lon chet vi dich benh", ["1.013997"]),  # Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("phoi giong cho bo", ["1.012836"]),  # Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tin
    ("khoan gieng", ["1.001662"]),  # Đăng ký khai thác nước dưới đất
    ("doi ruong lua sang trong cay an qua", ["1.008004"]),  # Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("nuoi ca trong ho thuy loi", ["1.014862"]),  # Cấp giấy phép nuôi trồng thủy sản trong phạm vi bảo vệ công
    ("mua nha o xa hoi", ["1.014632"]),  # Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia
    ("hoc nghe mien phi", ["2.002821"]),  # Hỗ trợ đào tạo nghề cho người lao động ở khu vực nông thôn,
    ("dang ky xe may moi mua", ["1.013067", "1.012575", "1.013066"]),  # Đăng ký, cấp biển số xe lần đầu thực hiện bằng dịch vụ công
    ("mat giay dang ky xe", ["1.013082", "1.013080"]),  # Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịc
    ("thay doi dia chi kinh doanh", ["2.000720"]),  # Đăng ký thay đổi nội dung đăng ký hộ kinh doanh
    ("ket hon", ["1.000894"]),  # Thủ tục đăng ký kết hôn
    ("giam ho", ["1.004837"]),  # Thủ tục đăng ký giám hộ
    ("con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("thuong tru", ["1.004222"]),  # Đăng ký thường trú
    ("ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("tam vang", ["1.003677"]),  # Khai báo tạm vắng
    ("tu tuat", ["2.000821"]),  # Giải quyết hưởng chế độ tử tuất
    ("khieu nai", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("to cao", ["2.002396"]),  # Giải quyết tố cáo cấp xã
    ("le hoi", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("khai sinh", ["1.001193"]),  # Thủ tục đăng ký khai sinh
    ("ho tich", ["1.000080", "1.000094", "1.000110", "1.000419", "1.000593", "1.000656", "1.000689", "1.000893", "1.000894", "1.001022", "1.001193", "1.001669", "1.001695", "1.001766", "1.003583", "1.004746", "1.004772", "1.004827", "1.004837", "1.004845", "1.004859", "1.004873", "1.004884", "1.005461", "2.000497", "2.000513", "2.000522", "2.000528", "2.000547", "2.000554", "2.000635", "2.000748", "2.000756", "2.000779", "2.000806", "2.000986", "2.001023", "2.002189", "2.002516", "3.000322", "3.000323"]),  # Thủ tục đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại k
    ("chung thuc", ["2.000815", "2.000884", "2.000908", "2.000913", "2.000927", "2.000942", "2.000992", "2.001008", "2.001016", "2.001019", "2.001035", "2.001406"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("dat dai", ["1.012753", "1.012766", "1.012796", "1.012812", "1.012817", "1.012818", "1.013949", "1.013950", "1.013952", "1.013953", "1.013962", "1.013965", "1.013967", "1.013978", "1.013979", "1.014275", "1.014284"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("thuy loi", ["1.003347", "1.003440", "1.003446", "1.003471", "1.014848", "1.014849", "1.014850", "1.014851", "1.014852", "1.014853", "1.014859", "1.014860", "1.014862", "1.014863", "1.014864", "2.001621", "2.001627"]),  # Phê duyệt, công bố công khai quy trình vận hành hồ chứa thủy
    ("thuy san", ["1.003956", "1.004478", "1.004498", "1.004656", "1.004680", "1.014801", "1.014862"]),  # Công nhận và giao quyền quản lý cho tổ chức cộng đồng (thuộc
    ("giam ngheo", ["1.011606", "1.011607", "1.011608", "1.011609", "3.000412"]),  # Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát c
    ("bao tro xa hoi", ["1.001699", "1.001731", "1.001776", "1.013822", "1.014027", "1.014028", "2.000286"]),  # Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("nguoi co cong", ["1.010803", "1.010824", "1.010833"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("cu tru", ["1.002755", "1.003197", "1.003677", "1.004194", "1.004222", "1.010028", "1.010038", "1.010039", "1.010040", "1.010041", "1.013313", "1.013314", "2.001159"]),  # Gia hạn tạm trú
]

# A second set written the same way (46 of 70 first before the synonyms it led to, 68 after;
# the two still missed are arguable: "lam nghiep" finds a name holding "lâm nghiệp", "BHYT" a BHYT one).
MORE_CITIZEN_QUERIES += [
    ("cap ban sao trich luc", ["2.000635"]),  # Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("dang ky giam sat viec giam ho", ["3.000323"]),  # Đăng ký giám sát việc giám hộ
    ("ghi vao so ho tich viec ket hon o nuoc ngoai", ["2.002189"]),  # Thủ tục ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Na
    ("khai tu luu dong", ["1.000419"]),  # Thủ tục đăng ký khai tử lưu động
    ("Xác nhận thông tin hộ tịch", ["2.002516"]),  # Thủ tục xác nhận thông tin hộ tịch
    ("chung thuc van ban phan chia di san", ["2.001406"]),  # Chứng thực văn bản phân chia di sản mà di sản là động sản, q
    ("cap ban sao tu so goc", ["2.000908"]),  # Thủ tục cấp bản sao từ sổ gốc
    ("sua loi sai sot trong giao dich", ["2.000927"]),  # Sửa lỗi sai sót trong giao dịch
    ("dieu chinh thong tin ve cu tru", ["1.010039"]),  # Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú
    ("cap lai giay chung nhan can cuoc", ["1.014068"]),  # Cấp lại giấy chứng nhận căn cước
    ("khai thac thong tin dan cu", ["1.010101", "1.014056"]),  # Khai thác thông tin công dân trong Cơ sở dữ liệu quốc gia về
    ("GIAI THE HOP TAC XA", ["1.004982"]),  # Đăng ký giải thể hợp tác xã, liên hiệp hợp tác xã
    ("dang ky thanh lap to hop tac", ["2.002637"]),  # Đăng ký thành lập tổ hợp tác; đăng ký tổ hợp tác trong trườn
    ("cong nhan hoa giai vien", ["1.002211"]),  # Thủ tục công nhận hòa giải viên (cấp xã)
    ("thanh toan thu lao hoa giai vien", ["2.002080"]),  # Thủ tục thanh toán thù lao cho hòa giải viên
    ("ho tro chi phi mai tang", ["1.001731", "1.014028"]),  # Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
    ("cap lai giay phep xay dung", ["1.013228"]),  # Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp I
    ("dang ky bien phap bao dam", ["1.011441"]),  # Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắ
    ("yeu cau boi thuong nha nuoc", ["2.002165"]),  # Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý
    ("tham van danh gia tac dong moi truong", ["1.010736"]),  # Tham vấn trong đánh giá tác động môi trường (cấp xã) (1.0107
    ("giai quyet khieu nai lan dau", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("Xác nhận nuôi trồng thủy sản lồng bè", ["1.014801"]),  # Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối
    ("xac nhan nguon goc loai thuy san", ["1.004656", "1.004680"]),  # Xác nhận nguồn gốc loài thủy sản thuộc Phụ lục Công ước quốc
    ("truy linh luong huu", ["2.000717"]),  # Truy lĩnh lương hưu, trợ cấp bảo hiểm xã hội của người hưởng
    ("tiep cong dan", ["2.001909"]),  # Thủ tục tiếp công dân tại cấp xã
    ("mat giay dang ky ket hon", ["1.004746", "2.000635"]),  # Thủ tục đăng ký lại kết hôn
    ("doi dan toc cho con", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("lay chong han quoc", ["2.000806", "1.000094"]),  # Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    ("nhan chau lam con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("o nha thue muon nhap khau", ["1.004222", "1.013314"]),  # Đăng ký thường trú
    ("song tren thuyen", ["1.013313"]),  # Xác nhận nơi thường xuyên đậu, đỗ; sử dụng phương tiện vào m
    ("the can cuoc bi hong", ["1.014063"]),  # Cấp đổi thẻ căn cước
    ("sai thong tin tren can cuoc", ["1.014060", "1.012564", "1.014063"]),  # Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước
    ("tam dong cua quan mot thoi gian", ["1.001570"]),  # Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã
    ("mat giay phep kinh doanh", ["2.000575"]),  # Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang
    ("ban binh ga", ["2.001283"]),  # Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai
    ("dao ao nuoi ca tren dat lua", ["1.008004"]),  # Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("khai thac go rung trong", ["1.011471"]),  # Phê duyệt Phương án khai thác gỗ, thực vật rừng ngoài gỗ loà
    ("trong cay tren bo kenh thuy loi", ["1.014860", "1.014864"]),  # Cấp giấy phép cho các hoạt động trồng cây lâu năm trong phạm
    ("dang ky nuoi ca", ["1.014801", "1.014862"]),  # Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối
    ("to chuc hoi lang", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("ban xe cho nguoi khac", ["1.013076", "1.013123", "1.013065"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("xin vao danh sach ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("hang xom lan ranh dat", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("xin cap dat o", ["1.013962", "1.013949"]),  # Giao đất ở có thu tiền sử dụng đất không thông qua đấu giá,
    ("so do ghi sai dien tich", ["1.012796", "1.012817"]),  # Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót
    ("ong toi 80 tuoi khong co luong huu", ["1.014027", "1.001776"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("dua cu gia co don vao trung tam bao tro", ["2.000286"]),  # Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó
    ("nho nguoi linh luong huu thay", ["1.001601"]),  # Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất
    ("con liet si xin giay xac nhan", ["1.010833"]),  # Cấp giấy xác nhận thân nhân của người có công
    ("di chua chay bi thuong", ["3.000509"]),  # Chế độ, chính sách đối với người được huy động, người tham g
    ("cong an xa lam sai muon khieu nai", ["1.004335"]),  # Giải quyết khiếu nại về quyết định hành chính, hành vi hành
    ("nguoi co cong tu tran", ["1.010824"]),  # Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ
    ("chuyen cho con sang truong khac", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("di chong lu bi thuong", ["1.010091", "1.010092"]),  # Hỗ trợ khám chữa bệnh, trợ cấp tai nạn cho lực lượng xung kí
    ("lap htx", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("cang ca", ["1.004478"]),  # Công bố mở cảng cá loại III
    ("no min", ["1.014852", "1.014853"]),  # Cấp giấy phép nổ mìn và các hoạt động gây nổ khác trong phạm
    ("tho cu", ["1.013949", "1.013962"]),  # Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với
    ("ADN", ["1.014058"]),  # Thu thập, cập nhật thông tin sinh trắc học về ADN vào Cơ sở
    ("nghe nhan", ["1.014310", "1.014312", "1.013822"]),  # Thủ tục hưởng trợ cấp sinh hoạt hàng tháng đối với Nghệ nhân
    ("quy hoach", ["1.014159"]),  # Cung cấp thông tin quy hoạch đô thị và nông thôn
    ("duoc lieu", ["3.000502"]),  # Thẩm định, phê duyệt hoặc điều chỉnh phương án nuôi, trồng p
    ("chung cu", ["1.012888"]),  # Công nhận Ban quản trị nhà chung cư
    ("giong noi", ["1.014059"]),  # Thu thập, cập nhật thông tin sinh trắc học về giọng nói vào
    ("tai dinh cu", ["1.012994", "1.012995"]),  # Khấu trừ kinh phí bồi thường, hỗ trợ, tái định cư
    ("thue rung", ["1.014832", "1.013949"]),  # Giao rừng, cho thuê rừng khi đã được giao đất, cho thuê đất
    ("phong chay", ["3.000494", "3.000509", "3.000510"]),  # Phục hồi hoạt động của cơ sở, phương tiện giao thông cơ giới
]

# A third set, of spoken sentences (37 of 60 first before; 53 after the weighting and the
# synonyms it led to). The seven still missed are left out here and named in the closing note.
MORE_CITIZEN_QUERIES += [
    ("ong noi moi mat can bao tu cho ong", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("xin giay xac nhan doc than de lay chong", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("lay chong nguoi nuoc ngoai can lam giay to gi", ["2.000806", "1.000094"]),  # Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    ("giay khai sinh bi sai ten muon sua lai", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("photo cong chung giay to", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("Bà tôi muốn lập di chúc để lại nhà cho con", ["2.001019"]),  # Chứng thực di chúc
    ("anh em chia dat bo me de lai", ["2.001406"]),  # Chứng thực văn bản phân chia di sản mà di sản là động sản, q
    ("mat so ho khau gio lam sao chung minh noi o", ["1.010041"]),  # Xác nhận thông tin về cư trú
    ("di lam cong nhan thue phong tro o", ["1.004194"]),  # Đăng ký tạm trú
    ("con trai lay vo ra o rieng muon tach so", ["1.010038"]),  # Tách hộ
    ("Làm Căn Cước cho con 10 tuổi", ["1.014062"]),  # Cấp thẻ căn cước cho người dưới 14 tuổi
    ("bi moc tui mat the can cuoc", ["1.014064"]),  # Cấp lại thẻ căn cước
    ("cai vneid muc 2 tren dien thoai", ["3.000228"]),  # Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử
    ("dat nha o tu lau chua co so do muon lam", ["1.013978"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("nha ben canh lan ranh dat nha toi", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("hiến đất làm đường bê tông trong xóm", ["1.013979"]),  # Tặng cho quyền sử dụng đất cho Nhà nước hoặc cộng đồng dân c
    ("muon chuyen ruong lua sang trong cay an qua", ["1.008004"]),  # Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("xin phep xay nha moi tren dat nha minh", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("nghi viec roi muon rut bao hiem xa hoi mot lan", ["1.001613"]),  # Giải quyết hưởng bảo hiểm xã hội một lần
    ("mua bao hiem y te cho ca nha", ["1.001939"]),  # Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT
    ("xin tien ho tro nguoi khuyet tat", ["1.001776", "1.001699"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng,
    ("nha co bac la liet si xin tien tho cung", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("nha kho khan xin vao danh sach ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("muon mo tiem tap hoa truoc nha", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("may ho trong rau muon lap hop tac xa", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("xin trong cay tren bo kenh muong thuy loi", ["1.014860"]),  # Cấp giấy phép cho các hoạt động trồng cây lâu năm trong phạm
    ("nuoi ca long be tren song can giay xac nhan", ["1.014801"]),  # Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối
    ("heo bi dich ta chau phi chet het xin ho tro", ["1.013997"]),  # Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("mua xe may cu can sang ten", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("lang to chuc hoi dinh dau xuan", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("chuyen truong cap 2 cho con ve que", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("muon lam hoa giai vien o thon", ["1.002211"]),  # Thủ tục công nhận hòa giải viên (cấp xã)
    ("khong dong y quyet dinh cua xa muon khieu nai", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("ket hon", ["1.000894"]),  # Thủ tục đăng ký kết hôn
    ("lam so do", ["1.013978"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("tam tru", ["1.004194"]),  # Đăng ký tạm trú
    ("khai sinh", ["1.001193", "2.001023", "2.000986"]),  # Thủ tục đăng ký khai sinh
    ("khai tu", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("di chuc", ["2.001019"]),  # Chứng thực di chúc
    ("tach ho", ["1.010038"]),  # Tách hộ
    ("CAN CUOC", ["1.014061", "1.014062", "1.014063", "1.014064"]),  # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("xay nha", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("ho ngheo", ["1.011606", "1.011607"]),  # Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát c
    ("con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("thai san", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("sang ten xe", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("le hoi", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("tạm vắng", ["1.003677"]),  # Khai báo tạm vắng
    ("sao y", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("đăng ký xe", ["1.013067", "1.012575", "1.013066"]),  # Đăng ký, cấp biển số xe lần đầu thực hiện bằng dịch vụ công
    ("cai nghien", ["3.000527"]),  # Đăng ký cai nghiện ma túy tự nguyện
    ("doc than", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
]

# A fourth set, kept back and run once as the last honest measure (53 of 60 first, 57 in the
# top three), then the synonyms it led to were added (59 first); the one still second is left out.
MORE_CITIZEN_QUERIES += [
    ("dang ky khai tu", ["1.000656"]),  # Thủ tục đăng ký khai tử
    ("CHUNG THUC CHU KY", ["2.000884"]),  # Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả
    ("cap doi the can cuoc", ["1.014063"]),  # Cấp đổi thẻ căn cước
    ("dang ky lai khai sinh", ["1.004884"]),  # Thủ tục đăng ký lại khai sinh
    ("xac nhan tinh trang hon nhan", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("dang ky giam ho", ["1.004837"]),  # Thủ tục đăng ký giám hộ
    ("thay doi cai chinh thong tin ho tich", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("chung thuc van ban phan chia di san", ["2.001406"]),  # Chứng thực văn bản phân chia di sản mà di sản là động sản, q
    ("dang ky thanh lap ho kinh doanh", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("gia han giay phep xay dung", ["1.013227"]),  # Gia hạn giấy phép xây dựng đối với công trình cấp III, cấp I
    ("hoa giai tranh chap dat dai", ["1.012812"]),  # Hòa giải tranh chấp đất đai
    ("huong bao hiem xa hoi mot lan", ["1.001613"]),  # Giải quyết hưởng bảo hiểm xã hội một lần
    ("tro cap tho cung liet si", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("đăng ký cai nghiện ma túy tự nguyện", ["3.000527"]),  # Đăng ký cai nghiện ma túy tự nguyện
    ("thong bao to chuc le hoi", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("xac nhan so chung minh nhan dan 9 so", ["1.012566"]),  # Xác nhận số chứng minh nhân dân 09 số, số định danh cá nhân
    ("Gia Han Tam Tru", ["1.002755"]),  # Gia hạn tạm trú
    ("dang ky thanh lap hop tac xa", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("dang ky khai thac nuoc duoi dat", ["1.001662"]),  # Đăng ký khai thác nước dưới đất
    ("xoa dang ky thuong tru", ["1.003197"]),  # Xóa đăng ký thường trú
    ("Làm giấy khai sinh cho con mới đẻ", ["1.001193", "2.000986", "2.001023"]),  # Thủ tục đăng ký khai sinh
    ("bo toi moi mat can lam giay chung tu", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("xin giay xac nhan doc than de lay vo", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("lam mat the can cuoc roi phai lam sao", ["1.014064"]),  # Cấp lại thẻ căn cước
    ("con tron 14 tuoi di lam can cuoc", ["1.014061"]),  # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("photo cong chung bang tot nghiep", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("nhap ho khau cho vo ve o nha chong", ["1.004222"]),  # Đăng ký thường trú
    ("di lam cong nhan thue tro can dang ky tam tru", ["1.004194"]),  # Đăng ký tạm trú
    ("di lam an xa may thang can bao vang mat", ["1.003677"]),  # Khai báo tạm vắng
    ("xin vao danh sach ho can ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("con trai lay vo muon tach ho ra o rieng", ["1.010038"]),  # Tách hộ
    ("xin so do lan dau cho manh dat cua ong ba", ["1.013978"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("so do bi ghi sai ten can sua", ["1.012796"]),  # Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót
    ("hang xom lan dat nha toi", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("muon xay nha moi tren dat nha minh", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("mo quan tap hoa can dang ky kinh doanh", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("vo sinh con duoc huong tien bao hiem", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("mua bao hiem y te cho ca nha", ["1.001939"]),  # Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT
    ("mua xe may cu can sang ten", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("con bi khuyet tat xin giay xac nhan", ["1.001699"]),  # Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("con len lop 8 chuyen sang truong khac", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("trau bo chet vi dich benh xin ho tro", ["1.013997"]),  # Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("khong dong y quyet dinh cua xa muon khieu nai", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("nho con linh thay luong huu cho me gia", ["1.001601"]),  # Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất
    ("tam tru", ["1.004194"]),  # Đăng ký tạm trú
    ("can ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("khai sinh", ["1.001193"]),  # Thủ tục đăng ký khai sinh
    ("ket hon", ["1.000894"]),  # Thủ tục đăng ký kết hôn
    ("nhap ho khau", ["1.004222"]),  # Đăng ký thường trú
    ("doc than", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("Sang ten xe", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("thai san", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("di chuc", ["2.001019"]),  # Chứng thực di chúc
    ("hoa giai vien", ["1.002211"]),  # Thủ tục công nhận hòa giải viên (cấp xã)
    ("tro giup phap ly", ["2.000829"]),  # Yêu cầu trợ giúp pháp lý
    ("VNeID", ["3.000228"]),  # Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử
    ("luu tru", ["2.001159"]),  # Thông báo lưu trú
    ("nha o xa hoi", ["1.014632"]),  # Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia
]

# A fifth set, of colloquial sentences, measured once first (23 of 50 first: a ten-word cap cut
# off their ends), 44 after the cap, the long-name weight and the synonyms it led to.
# The six still missed are left out here and named in the closing note.
MORE_CITIZEN_QUERIES += [
    ("giay khai sinh cua toi de lau bi mat roi, gio lam lai the nao", ["1.004884", "2.000635"]),  # Thủ tục đăng ký lại khai sinh
    ("Tên con tôi trong giấy khai sinh bị viết sai, muốn sửa lại", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("chau toi mo coi ca bo lan me, toi muon lam nguoi giam ho cho chau", ["1.004837"]),  # Thủ tục đăng ký giám hộ
    ("vo chong toi hiem muon, muon nhan mot dua tre ve lam con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("ba toi muon lam di chuc de lai nha dat cho cac con", ["2.001019"]),  # Chứng thực di chúc
    ("bo me mat roi, anh em trong nha muon lam giay to chia dat thua ke", ["2.001406"]),  # Chứng thực văn bản phân chia di sản mà di sản là động sản, q
    ("con trai toi lay vo roi muon tach ra lam so ho rieng", ["1.010038"]),  # Tách hộ
    ("toi sap di lam an xa mot thoi gian, phai khai bao voi cong an", ["1.003677"]),  # Khai báo tạm vắng
    ("toi can giay xac nhan noi dang o de lam ho so cho con di hoc", ["1.010041"]),  # Xác nhận thông tin về cư trú
    ("the can cuoc cua toi bi mat o cho, lam lai o dau", ["1.014064"]),  # Cấp lại thẻ căn cước
    ("hai nha hang xom lan ranh dat cua nhau, nho xa dung ra hoa giai", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("toi muon xin phep xay nha moi 2 tang tren dat nha minh", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("toi nghi lam cong ty roi, muon rut bao hiem xa hoi mot lan", ["1.001613"]),  # Giải quyết hưởng bảo hiểm xã hội một lần
    ("Vợ tôi mới sinh con, muốn làm hồ sơ nhận tiền thai sản", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("bo toi nam liet giuong, muon nho con trai di lanh luong huu ho", ["1.001601"]),  # Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất
    ("di kham benh o ngoai khong dung tuyen, bao hiem y te co tra lai tien khong", ["1.001656"]),  # Thanh toán trực tiếp chi phí khám, chữa bệnh BHYT/Cấp giấy c
    ("ong toi hon 80 tuoi khong co luong huu, xin tien tro cap hang thang", ["1.014027", "1.001776"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("con toi bi bai nao tu nho, muon lam giay chung nhan khuyet tat", ["1.001699"]),  # Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("nha toi kho khan qua, muon xin duoc vao danh sach ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("bo toi hy sinh trong chien tranh, gia dinh muon duoc huong tien tho cung", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("toi muon mo mot quan tap hoa nho o nha thi dang ky kinh doanh the nao", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("quan an cua toi muon tam nghi ban vai thang", ["1.001570"]),  # Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã
    ("may ho trong thon muon cung nhau lap hop tac xa trong rau sach", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("toi muon trong cay an qua tren bo kenh thuy loi", ["1.014860"]),  # Cấp giấy phép cho các hoạt động trồng cây lâu năm trong phạm
    ("rung keo nha toi bi bao quat do het, nho xa xuong kiem tra", ["1.012922"]),  # Kiểm tra hiện trường rừng trồng bị thiệt hại
    ("toi mua lai chiec xe may cu cua hang xom, muon sang ten cho minh", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("thon toi sap to chuc le hoi dinh lang dau xuan, phai bao cao xa", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("toi khong dong y voi quyet dinh cua uy ban xa, muon lam don khieu nai", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("toi dang that nghiep, muon vay tien quy viec lam de mo xuong nho", ["1.013724", "1.013725"]),  # Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ
    ("nha toi nuoi bo, muon duoc ho tro tien phoi giong nhan tao", ["1.012836"]),  # Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tin
    ("bao tu", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("nhap khau", ["1.004222"]),  # Đăng ký thường trú
    ("cat khau", ["1.003197"]),  # Xóa đăng ký thường trú
    ("lam so do", ["1.013978", "1.012753"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("photo cong chung", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("mat the bao hiem", ["1.002759"]),  # Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT
    ("xác nhận độc thân", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("lam cccd", ["1.014061", "1.014062", "1.014063", "1.014064"]),  # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("nuoi ca", ["1.014801", "1.014862"]),  # Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối
    ("thue tro", ["1.004194", "2.001159"]),  # Đăng ký tạm trú
    ("tiền ma chay", ["1.001731", "1.014028", "1.013822", "2.002913"]),  # Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
    ("cuoi vo", ["1.000894"]),  # Thủ tục đăng ký kết hôn
    ("hoc nghe", ["2.002821"]),  # Hỗ trợ đào tạo nghề cho người lao động ở khu vực nông thôn,
    ("ban binh gas", ["2.001283"]),  # Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai
]

# A sixth set, a kiosk log's mix with Southern words and slips, measured once first (54 of 60
# first), 58 after; the two still missed are left out here and named in the closing note.
MORE_CITIZEN_QUERIES += [
    ("khai sinh", ["1.001193"]),  # Thủ tục đăng ký khai sinh
    ("tam vang", ["1.003677"]),  # Khai báo tạm vắng
    ("ket hon", ["1.000894"]),  # Thủ tục đăng ký kết hôn
    ("so do", ["1.013978"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("giay phep xay dung", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("khai tu", ["1.000656"]),  # Thủ tục đăng ký khai tử
    ("can cuoc", ["1.014061", "1.014062", "1.014063", "1.014064"]),  # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("thai san", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("sao y", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("tach ho", ["1.010038"]),  # Tách hộ
    ("con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("di chuc", ["2.001019"]),  # Chứng thực di chúc
    ("khieu nai", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("cai nghien", ["3.000527"]),  # Đăng ký cai nghiện ma túy tự nguyện
    ("xin giay xac nhan doc than", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("dang ky ho kinh doanh", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("cap lai the can cuoc", ["1.014064"]),  # Cấp lại thẻ căn cước
    ("tranh chap dat dai", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("ban sao giay khai sinh", ["2.000635"]),  # Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("chung thuc chu ky", ["2.000884"]),  # Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả
    ("rut bhxh mot lan", ["1.001613"]),  # Giải quyết hưởng bảo hiểm xã hội một lần
    ("sang ten xe may", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("tien tho cung liet si", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("chuyen truong cho hoc sinh", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("bhxh tu nguyen", ["1.002179"]),  # Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ
    ("mua nha o xa hoi", ["1.014632"]),  # Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia
    ("xin tro giup phap ly", ["2.000829"]),  # Yêu cầu trợ giúp pháp lý
    ("khai thac nuoc ngam", ["1.001662"]),  # Đăng ký khai thác nước dưới đất
    ("ba noai moi mat muon lam giay bao tu", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
    ("giay to nha dat bi ghi sai ten muon sua lai", ["1.012796"]),  # Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót
    ("bi mat giay to xe muon lam lai", ["1.013082", "1.013080"]),  # Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịc
    ("toi lay chong han quoc can dang ky ket hon", ["2.000806"]),  # Thủ tục đăng ký kết hôn có yếu tố nước ngoài
    ("con moi sanh can lam giay khai sinh va the bao hiem y te", ["2.001023", "2.000986"]),  # Liên thông các thủ tục hành chính về đăng ký khai sinh, cấp
    ("toi muon ra o rieng tach khoi ho khau cua ba me", ["1.010038"]),  # Tách hộ
    ("di lam an xa vai thang phai bao voi cong an xa", ["1.003677"]),  # Khai báo tạm vắng
    ("thue phong tro o day can dang ky o tam", ["1.004194"]),  # Đăng ký tạm trú
    ("ba tui la thuong binh moi qua doi gia dinh duoc huong gi", ["1.010824"]),  # Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ
    ("me toi bi liet nam mot cho muon xin giay khuyet tat", ["1.001699"]),  # Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("ong toi 80 tuoi khong co luong huu muon xin tro cap", ["1.014027", "1.001776"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("vo toi moi sanh em be muon lanh tien thai san", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("em muon mo tiem tap hoa nho o nha", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("hang xom lan ranh dat nha tui nho xa giai quyet", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("lam chung minh nhan dan cho con 15 tuoi", ["1.014061"]),  # Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("ong ba gia mat de lai mieng dat anh em muon chia", ["2.001406"]),  # Chứng thực văn bản phân chia di sản mà di sản là động sản, q
    ("ruong lua muon chuyen sang trong cay an trai", ["1.008004"]),  # Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("heo bi dich ta chet het xin ho tro", ["1.013997"]),  # Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("muon ban dat can xac nhan hop dong mua ban", ["2.001035"]),  # Chứng thực giao dịch liên quan đến tài sản là động sản, quyề
    ("đăng ký khai sinh", ["1.001193"]),  # Thủ tục đăng ký khai sinh
    ("Xác nhận tình trạng hôn nhân", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("DANG KY GIAM HO", ["1.004837"]),  # Thủ tục đăng ký giám hộ
    ("tam truu", ["1.004194"]),  # Đăng ký tạm trú
    ("dang ky thuon tru", ["1.004222"]),  # Đăng ký thường trú
    ("giay phep xay dungg", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("Chứng thực bản sao", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("cap doi the can cuc", ["1.014063"]),  # Cấp đổi thẻ căn cước
    ("Vay Von Tao Viec Lam", ["1.013724", "1.013725"]),  # Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ
    ("THANH LAP HOP TAC XA", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
]

# A seventh set, of life situations told in colloquial sentences, measured once first (24 of 45
# first), 36 after its synonyms; the nine still missed are left out here and named in the note.
MORE_CITIZEN_QUERIES += [
    ("vo em vua de chau dau long duoc muoi hom, gio phai di lam giay cho chau", ["1.001193", "2.001023", "2.000986"]),  # Thủ tục đăng ký khai sinh
    ("ten trong giay khai sinh cua toi bi ghi sai dau, gio muon sua lai cho dung", ["1.004859"]),  # Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác
    ("bo toi gia yeu roi, muon viet giay de lai nha dat cho cac con truoc khi mat", ["2.001019"]),  # Chứng thực di chúc
    ("toi ban mieng dat cho hang xom, can xa xac nhan cai hop dong mua ban", ["2.001035"]),  # Chứng thực giao dịch liên quan đến tài sản là động sản, quyề
    ("thang con trai tui cuoi vo roi ra o rieng, muon lam so ho rieng cho hai vo chong han", ["1.010038"]),  # Tách hộ
    ("con toi moi hoc lop ba, muon lam the can cuoc cho chau", ["1.014062"]),  # Cấp thẻ căn cước cho người dưới 14 tuổi
    ("nha ben canh xay tuong lan sang dat nha toi, hai nha cai nhau hoai khong xong", ["1.012812", "1.013967"]),  # Hòa giải tranh chấp đất đai
    ("toi muon chuyen dat vuon thanh dat o de cat nha cho con", ["1.013949"]),  # Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với
    ("toi nghi lam o cong ty roi, muon lay tien bao hiem ra mot lan cho xong", ["1.001613"]),  # Giải quyết hưởng bảo hiểm xã hội một lần
    ("con toi bi bai nao tu nho, muon xin giay chung nhan tan tat cho chau", ["1.001699"]),  # Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("ong noi toi la liet si, gia dinh muon xin tien tho cung ong", ["1.010803"]),  # Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("nha toi kho qua, chong om liet giuong, muon duoc xa cho vao dien ho ngheo", ["1.011607", "1.011606"]),  # Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("quan pho cua toi muon nghi ban vai thang roi mo lai", ["1.001570"]),  # Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã
    ("muoi ho trong thon muon cung nhau lap hop tac xa trong rau sach", ["1.005280"]),  # Đăng ký thành lập hợp tác xã, liên hiệp hợp tác xã; đăng ký
    ("toi muon tha ca nuoi trong ho chua nuoc thuy loi cua xa", ["1.014862"]),  # Cấp giấy phép nuôi trồng thủy sản trong phạm vi bảo vệ công
    ("rung keo nha toi trong bi bao quat do het, muon xa xuong xem thiet hai", ["1.012922"]),  # Kiểm tra hiện trường rừng trồng bị thiệt hại
    ("toi tha be nuoi ca tren song, can giay xac nhan cua xa", ["1.014801"]),  # Cấp, cấp lại Giấy xác nhận nuôi trồng thủy sản lồng bè, đối
    ("bo cai nha toi toi ky, muon keu nguoi toi thu tinh nhan tao cho no co chua", ["1.012836"]),  # Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tin
    ("toi mua lai chiec xe may cu cua nguoi quen, muon doi sang ten minh", ["1.013076"]),  # Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay
    ("lang toi sap mo hoi dinh dau xuan, co phai bao cho xa biet khong", ["1.003622"]),  # Thông báo tổ chức lễ hội cấp xã
    ("vo chong toi hiem muon, muon xin mot dua be ve nuoi nhu con ruot", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("toi duoc ba con trong xom bau vao to hoa giai cua thon", ["1.002211", "2.000950"]),  # Thủ tục công nhận hòa giải viên (cấp xã)
    ("toi thay quyet dinh cua uy ban xa doi voi nha toi la sai, muon lam don khong dong y", ["2.002409"]),  # Thủ tục giải quyết khiếu nại lần đầu tại xã
    ("toi that nghiep o nha, muon vay it tien de mo trai nuoi ga", ["1.013724"]),  # Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ
    ("gia dinh toi muon don mot chau trong trung tam bao tro xa hoi ve cham soc", ["2.001942", "2.001263"]),  # Chuyển trẻ em đang được chăm sóc thay thế tại cơ sở trợ giúp
    ("can bo xa lam sai khien nha toi bi thiet hai, muon doi nha nuoc den bu", ["2.002165"]),  # Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý
    ("giay doc than", ["1.004873"]),  # Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("lam so do", ["1.013978"]),  # Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("mat can cuoc", ["1.014064"]),  # Cấp lại thẻ căn cước
    ("cong chung giay to", ["2.000815"]),  # Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("tro cap nguoi gia", ["1.014027", "1.001776"]),  # Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("giay phep cat nha", ["1.013225"]),  # Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("tien sinh con", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("mo tiem tap hoa", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("nhap khau cho vo", ["1.004222"]),  # Đăng ký thường trú
    ("mat ca vet xe", ["1.013082", "1.013080"]),  # Cấp lại chứng nhận đăng ký xe, biển số xe thực hiện bằng dịc
]

# Misses of the sets above that later changes answered first.
MORE_CITIZEN_QUERIES += [
    ("vo moi sinh em be lanh tien bao hiem", ["2.000693"]),  # Giải quyết hưởng chế độ thai sản
    ("bo toi mat con tien luong huu thang truoc chua lanh", ["2.000717"]),  # Truy lĩnh lương hưu, trợ cấp bảo hiểm xã hội của người hưởng
    ("ruong lua cay khong hieu qua muon chuyen sang trong cay khac", ["1.008004"]),  # Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("chong toi di chua chay giup hang xom bi bong nang, co duoc ho tro tien chua tri khong", ["3.000509"]),  # Chế độ, chính sách đối với người được huy động, người tham g
    ("ong noi toi vua qua doi o nha hom qua, gia dinh phai lam giay to gi voi xa", ["1.000656", "2.002913"]),  # Thủ tục đăng ký khai tử
]

# Two sets of 50 written blind for issue 17 (regional and elderly sentences, questions, half-remembered
# names, two needs, older laws), run once on the code of 16b04e8 and once after the issue-17 changes:
# set 1 24 -> 25 first of 50, set 2 29 -> 29 (sentences 22 -> 23 of 56). Those answered first:
MORE_CITIZEN_QUERIES += [
    ("ông nhà tui mới qua đời tuần rồi, chừ tui phải lên xã làm giấy chi cho ổng hỉ", ["1.000656", "2.002913"]),  # sentence: Thủ tục đăng ký khai tử
    ("thang nho nha tui ten trong giay khai sinh bi ghi sai chu, gio muon sua lai cho dung", ["1.004859"]),  # sentence: Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch, xác 
    ("con tui bi bai nao tu nho, di dung khong duoc, muon xin giay chung nhan tan tat de huong tro cap", ["1.001699", "1.001776"]),  # sentence: Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("ông nội tui là liệt sĩ, ba tui mất rồi giờ tui là cháu đích tôn lo nhang khói thì có được lãnh tiền thờ cúng hông", ["1.010803"]),  # sentence: Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("hang xom lan ranh dat nha tui may tac roi, noi hoai hong nghe, gio nho xa ra giai quyet", ["1.012812", "1.013967"]),  # sentence: Hòa giải tranh chấp đất đai
    ("đất ông bà để lại tui ở từ hồi giải phóng tới chừ mà chưa có sổ đỏ, giờ muốn làm cho có", ["1.013978"]),  # sentence: Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("tui sap di lam an xa nua nam, nghe noi phai bao tam vang, lam o dau", ["1.003677"]),  # sentence: Khai báo tạm vắng
    ("ba tui mat roi ma con may thang luong huu chua lanh, con cai lanh thay duoc khong", ["2.000717"]),  # sentence: Truy lĩnh lương hưu, trợ cấp bảo hiểm xã hội của người hưởng
    ("heo nha tui chet het vi dich ta heo chau phi, co duoc nha nuoc ho tro chi khong", ["1.013997"]),  # sentence: Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("mấy sào ruộng lúa trồng hoài lỗ, tui muốn chuyển qua trồng cây ăn trái với nuôi cá được không", ["1.008004"]),  # sentence: Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("muốn đóng bảo hiểm xã hội tự nguyện để về già có lương hưu thì cần giấy tờ gì", ["1.002179"]),  # question: Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ
    ("xin chuyển trường cấp 2 cho con từ tỉnh khác về thì nộp hồ sơ ở đâu", ["2.002481"]),  # question: Chuyển trường đối với học sinh trung học cơ sở
    ("vay vốn quỹ việc làm để nuôi bò cần điều kiện gì", ["1.013724"]),  # question: Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ 
    ("chứng thực bản sao giấy tờ ở xã mất bao nhiêu tiền một trang", ["2.000815"]),  # question: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("dang ky mua nha o xa hoi can nhung giay to gi", ["1.014632"]),  # question: Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia 
    ("muốn làm hòa giải viên ở thôn thì phải đăng ký thế nào", ["1.002211"]),  # question: Thủ tục công nhận hòa giải viên (cấp xã)
    ("cap ban sao khai sinh", ["2.000635"]),  # name: Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("dang ky lai khai tu", ["1.005461"]),  # name: Đăng ký lại khai tử
    ("tach ho", ["1.010038"]),  # name: Tách hộ
    ("cấp đổi căn cước", ["1.014063"]),  # name: Cấp đổi thẻ căn cước
    ("chung thuc hop dong chuyen nhuong dat", ["2.001035"]),  # name: Chứng thực giao dịch liên quan đến tài sản là động sản, quyề
    ("đăng ký giám hộ", ["1.004837"]),  # name: Thủ tục đăng ký giám hộ
    ("định danh điện tử mức 2", ["3.000228"]),  # name: Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử 
    ("làm giấy khai sinh cho con rồi nhập hộ khẩu luôn cho nó", ["1.001193", "2.000986", "1.004222"]),  # hard: Thủ tục đăng ký khai sinh
    ("toi sap di lam an xa hon mot nam, o nha con vo voi me gia", ["1.003677"]),  # sentence: Khai báo tạm vắng
    ("lon nha toi bi dich ta chau phi, xa da cho chon het ca dan", ["1.013997"]),  # sentence: Hỗ trợ cơ sở sản xuất bị thiệt hại do dịch bệnh động vật (cơ
    ("toi muon phoi giong nhan tao cho con bo cai nha minh", ["1.012836"]),  # sentence: Hỗ trợ chi phí về vật tư phối giống nhân tạo gia súc gồm tin
    ("ruong lua nha toi thieu nuoc, muon chuyen sang trong cam voi nuoi ca", ["1.008004"]),  # sentence: Chuyển đổi cơ cấu cây trồng, vật nuôi trên đất trồng lúa
    ("toi muon ra o rieng voi vo con, van o tren dat cua bo me", ["1.010038"]),  # sentence: Tách hộ
    ("Con tôi 10 tuổi, cô giáo bảo phải làm thẻ căn cươc cho cháu", ["1.014062"]),  # sentence: Cấp thẻ căn cước cho người dưới 14 tuổi
    ("Con tôi không nghe không nói được từ nhỏ, cán bộ thôn bảo phải xác định mức độ cho cháu", ["1.001699"]),  # sentence: Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhậ
    ("Bà tôi 82 tuổi, không có lương hưu, sống một mình trên bản", ["1.014027", "1.001776"]),  # sentence: Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("Nhà tôi với nhà bên cạnh cãi nhau về cái bờ rào ranh giới đất", ["1.012812", "1.013967"]),  # sentence: Hòa giải tranh chấp đất đai
    ("Bố tôi là thương binh vừa mất, gia đình cần làm chế độ", ["1.010824"]),  # sentence: Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ
    ("Tôi lấy chồng người Trung Quốc ở bên kia biên giới", ["1.000094"]),  # sentence: Thủ tục đăng ký kết hôn có yếu tố nước ngoài tại khu vực biê
    ("con bị khuyết tật nặng thì xin tiền trợ cấp hàng tháng ở đâu?", ["1.001776", "1.001699"]),  # question: Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng,
    ("muốn xin giấy xác nhận độc thân để lấy vợ ở tỉnh khác thì làm sao?", ["1.004873"]),  # question: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("muốn vay vốn ưu đãi để tự sửa nhà thì xin giấy xác nhận ở đâu?", ["1.014632"]),  # question: Đăng ký mua, thuê mua, thuê nhà ở xã hội, vay vốn để hộ gia 
    ("chỉ mua bảo hiểm y tế theo hộ gia đình thì đăng ký thẻ ở đâu?", ["1.001939"]),  # question: Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT
    ("tôi không đi được, có nhờ con lĩnh lương hưu thay được không?", ["1.001601"]),  # question: Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất 
    ("gia hạn tạm trú", ["1.002755"]),  # name: Gia hạn tạm trú
    ("cấp lại giấy khai sinh", ["2.000635", "1.004884"]),  # name: Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    ("giấy phép xây nhà", ["1.013225"]),  # name: Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("chung thuc ban sao", ["2.000815"]),  # name: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan,
    ("định danh điện tử mức 2", ["3.000228"]),  # name: Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử 
    ("BHXH tu nguyen", ["1.002179"]),  # name: Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ
    ("tro cap tho cung liet si", ["1.010803"]),  # name: Giải quyết chế độ trợ cấp thờ cúng liệt sĩ
    ("bố tôi mới mất, làm giấy báo tử rồi cắt khẩu cho ông luôn", ["1.000656", "2.002913", "1.003197"]),  # hard: Thủ tục đăng ký khai tử
    ("xin cấp sổ đỏ lần đầu cho mảnh đất thổ cư", ["1.013978"]),  # hard: Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("nhập hộ khẩu cho con mới đẻ", ["2.000986", "1.004222"]),  # hard: Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký 
    ("xin giấy chứng nhận độc thân rồi đăng ký kết hôn luôn", ["1.004873", "1.000894"]),  # hard: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("xac nhan ho trung binh de mua bhyt duoc ho tro", ["1.011609"]),  # hard: Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm
]

# Known misses the everyday phrasings (seed/phrases, issue 17) answer first now.
MORE_CITIZEN_QUERIES += [
    ("con toi moi de can lam giay to gi", ["1.001193", "2.001023", "2.000986"]),  # Thủ tục đăng ký khai sinh
    ("muon nhan nuoi mot dua be mo coi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("rung keo nha toi bi bao quat do het", ["1.012922"]),  # Kiểm tra hiện trường rừng trồng bị thiệt hại
    ("that nghiep muon vay von de tu lam an", ["1.013724"]),  # Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ
    ("bi bong khi di chua chay giup hang xom xin ho tro", ["3.000509"]),  # Chế độ, chính sách đối với người được huy động, người tham g
    ("vo toi moi sinh em be, toi muon lam giay khai sinh cho con", ["1.001193", "2.001023", "2.000986"]),  # Thủ tục đăng ký khai sinh
    ("nha toi cu nat roi, muon sua chua cai tao lai co can xin phep khong", ["1.013229"]),  # Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình
    ("con toi dang hoc lop 7, gia dinh chuyen nha nen xin chuyen truong", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("toi muon nhan mot chau be dang o trung tam bao tro xa hoi ve nha cham soc", ["2.001942"]),  # Chuyển trẻ em đang được chăm sóc thay thế tại cơ sở trợ giúp
    ("lanh luong huu thay cho ba tui vi ong yeu khong di duoc", ["1.001601"]),  # Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất
    ("nha tui cu qua roi, muon sua lai va cat them mot tang lau", ["1.013229"]),  # Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình
    ("toi bi may cat dut ngon tay khi dang lam o xuong go", ["1.001632"]),  # Giải quyết hưởng chế độ TNLĐ, BNN đối với trường hợp bị TNLĐ
    ("nha toi chuyen vao Binh Duong lam an, thang con dang hoc lop bay can xin chuyen truong", ["2.002481"]),  # Chuyển trường đối với học sinh trung học cơ sở
    ("toi biet ong can bo dia chinh xa nhan tien hoi lo, muon bao len cap tren", ["2.002396"]),  # Giải quyết tố cáo cấp xã
    ("con dau tui moi de thang cu duoc 5 bua, gio di lam giay khai sin cho no o mo", ["1.001193", "2.000986", "2.001023"]),  # sentence: Thủ tục đăng ký khai sinh
    ("giay ket hon cua tui voi ong nha bi chay mat het roi, so sach o xa cung hong con luu", ["1.004746"]),  # sentence: Thủ tục đăng ký lại kết hôn
    ("ba tui la thuong binh dang lanh tro cap, o mi moi mat thang truoc, gio gia dinh lam rang de lanh che do", ["1.010824"]),  # sentence: Hưởng trợ cấp khi người có công đang hưởng trợ cấp ưu đãi từ
    ("nha tui muon cat cai nha 2 tang tren mieng dat vuon, co phai xin phep chi khong", ["1.013225"]),  # sentence: Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("tui tính sửa lại cái nhà cũ, nâng nền lên rồi đổ thêm cái gác lửng, có phải xin phép hông", ["1.013229"]),  # sentence: Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình 
    ("con dâu tui mới về làm dâu, giờ muốn nhập khẩu nó vô nhà tui luôn", ["1.004222"]),  # sentence: Đăng ký thường trú
    ("tui già rồi chân yếu đi không nổi, muốn cho thằng con ra bưu điện lãnh lương hưu dùm", ["1.001601"]),  # sentence: Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất 
    ("thằng con trai tui dính vô ma túy, tui muốn đưa nó đi cai cho đàng hoàng", ["3.000527"]),  # sentence: Đăng ký cai nghiện ma túy tự nguyện
    ("nhận đứa cháu mồ côi về làm con nuôi thì thủ tục ra sao", ["2.001263"]),  # question: Đăng ký việc nuôi con nuôi trong nước
    ("chứng minh nhân dân 9 số của tui hết hạn rồi, giờ muốn đổi qua thẻ căn cước", ["1.014061", "1.014063"]),  # hard: Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên
    ("ngân hàng biểu phải có giấy xác nhận số chứng minh nhân dân cũ với số căn cước mới là của một người", ["1.012566"]),  # hard: Xác nhận số chứng minh nhân dân 09 số, số định danh cá nhân 
    ("ba tui đang lãnh trợ cấp hưu trí xã hội thì mất, giờ làm giấy khai tử rồi xin luôn tiền mai táng", ["1.000656", "1.014028", "2.002913"]),  # hard: Thủ tục đăng ký khai tử
    ("đăng ký kết hôn xong thì chuyển khẩu vợ về nhà chồng luôn", ["1.000894", "1.004222"]),  # hard: Thủ tục đăng ký kết hôn
    ("chan toi bi liet sau tai nan xe, khong di lam duoc, muon xin tien tro cap hang thang", ["1.001776", "1.001699"]),  # sentence: Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng,
    ("nha em dong con, lam nuong khong du an, muon duoc vao dien ho ngheo", ["1.011607", "1.011606"]),  # sentence: Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("nha toi muon tha ca long o ho thuy loi cua xa", ["1.014862", "1.014801"]),  # sentence: Cấp giấy phép nuôi trồng thủy sản trong phạm vi bảo vệ công 
    ("Em lên Hà Nội làm công nhân, ở phòng trọ, chủ nhà bảo phải đi đăng ký ở đây", ["1.004194"]),  # sentence: Đăng ký tạm trú
    ("Tôi muốn xây cái nhà hai tầng trên đất vườn của mình", ["1.013225"]),  # sentence: Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp I
    ("Em nghỉ làm công ty ở Bắc Giang về quê rồi, muốn lấy hết tiền bảo hiểm đã đóng", ["1.001613"]),  # sentence: Giải quyết hưởng bảo hiểm xã hội một lần
    ("Tôi bị nghiện, muốn tự cai ở nhà với gia đình", ["3.000527"]),  # sentence: Đăng ký cai nghiện ma túy tự nguyện
    ("Tôi được thôn bầu vào tổ hòa giải", ["1.002211"]),  # sentence: Thủ tục công nhận hòa giải viên (cấp xã)
    ("làm giấy khai sinh cho con có mất phí không?", ["1.001193"]),  # question: Thủ tục đăng ký khai sinh
    ("người đang hưởng trợ cấp xã hội chết thì gia đình có được tiền mai táng không?", ["1.001731"]),  # question: Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội
    ("khai tạm trú cho mấy người bà con dưới quê lên ở nhờ vài hôm", ["2.001159"]),  # hard: Thông báo lưu trú
]

# Two sets of 70 written blind for issue 17's phrasings (sentences from regions and ages the earlier
# sets missed, questions, half-remembered names, short words), each run once before the phrasings and
# once after: set 10 37 -> 61 first of 70 (tuned on), set 11 42 -> 58 (held out: never looked at
# before that run). Those answered first:
MORE_CITIZEN_QUERIES += [
    ("vk e moi sinh be gai hom qua, h lam giay khai sinh cho be sao a", ["1.001193", "2.001023", "2.000986"]),  # sentence: young father texting, 23
    ("ba tui 62 tuoi, hoi nho hong ai lam giay khai sinh, gio co can cuoc roi", ["1.004772"]),  # sentence: Southern son, 40, for his father
    ("má tui mới mất hôm qua, giờ lên xã báo tử cho bả làm sao", ["1.000656", "2.002913"]),  # sentence: Mekong delta daughter, 55
    ("tui voi o ay cuoi nhau may thang roi ma chua ra xa lam giay hon thu, mần răng", ["1.000894"]),  # sentence: Nghe An young man, 27, mixed diacritics
    ("con gai tui lay chong han quoc, tui no muon lam giay cuoi o ben minh cho hop phap", ["2.000806"]),  # sentence: Southern mother, 55
    ("vợ chồng tui hổng có con, muốn xin đứa nhỏ về nuôi làm con có giấy tờ đàng hoàng", ["2.001263"]),  # sentence: Mekong delta couple, 45
    ("e tu nghe an vao binh duong lam cty, thue tro o lau dai, can dang ky cho o", ["1.004194"]),  # sentence: migrant factory worker, 20
    ("nha tui o luon tren ghe danh ca, hong co nha tren bo, muon dang ky ho khau", ["1.013313", "1.004222"]),  # sentence: Mekong fisherman, 50
    ("bà lỡ làm rớt cái thẻ căn cước ngoài chợ rồi, giờ làm lại cái khác sao con", ["1.014064"]),  # sentence: Southern grandmother, 72
    ("the can cuoc di bien ngam nuoc man mo het chu roi, gio mần chi de doi cai moi", ["1.014063", "1.014064"]),  # sentence: Quang Nam fisherman, 45, mixed diacritics
    ("e mun kich hoat vneid muc 2 ma ko dc, ra xa lam ha", ["3.000228"]),  # sentence: teenager texting, 16
    ("so do ghi so chung minh cu 9 so, ngan hang doi giay xac nhan so cu", ["1.012566"]),  # sentence: small shop owner, 50
    ("em can may ban sao y bang tot nghiep cap 3 de nop ho so vao cong ty", ["2.000815"]),  # sentence: young factory worker, 19
    ("ma tui gia khong biet chu, can lan tay vo to cam ket roi nho xa xac nhan", ["2.000884"]),  # sentence: Southern son, 45, for his mother
    ("tui già rồi, muốn làm tờ giấy để lại miếng đất cho thằng út, nhờ xã chứng cho", ["2.001019"]),  # sentence: Mekong delta grandfather, 78
    ("tia tui mat de lai mieng dat, tui hong lay phan cua tui, nhuong het cho anh hai", ["2.001016"]),  # sentence: Southern farmer, 50
    ("dat ong ba de lai o tu hoi mo toi chừ ma chua co bia do, mần răng", ["1.013978"]),  # sentence: Ha Tinh farmer, 60, mixed diacritics
    ("nha ben canh xay tuong lan qua dat nha tui may tac, muon xa ra phan xu", ["1.012812", "1.013967"]),  # sentence: farmer, 55
    ("nhà cũ dột nát quá giời, muốn lợp lại mái sửa lại tường cho chắc", ["1.013229"]),  # sentence: Northern rural elderly man, 68
    ("u tôi năm nay 81 tuổi, không có lương hưu gì, muốn xin tiền người già hàng tháng", ["1.014027", "1.001776"]),  # sentence: Northern son, 55
    ("con tui bi bai nao tu nho, di dung khong duoc, xin giay chung nhan tat nguyen o mo", ["1.001699"]),  # sentence: Hue mother caring for disabled child
    ("ông nhà tôi là thương binh, tháng trước mới mất, tôi muốn hỏi tiền tuất của ông", ["1.010824"]),  # sentence: Northern war widow, 75
    ("e la con cua thuong binh, truong bao nop giay xac nhan de dc giam hoc phi", ["1.010833"]),  # sentence: teenager texting, 16, veteran's child
    ("tui gia yeu di hong noi, muon cho con gai lanh luong huu dum moi thang", ["1.001601"]),  # sentence: Southern retiree, 80
    ("lam ruong quanh nam, muon dong bao hiem xa hoi de gia co luong huu", ["1.002179"]),  # sentence: farmer, 45
    ("tiem tap hoa nha tui muon ban them binh ga cho ba con trong ap", ["2.001283"]),  # sentence: Southern grocery owner, 50
    ("ruong lua lam hoai hong co loi, muon len liep trong dua co duoc khong", ["1.008004"]),  # sentence: Mekong rice farmer, 55
    ("heo nha toi bi dich ta chau phi, phai chon het ca chuong, co duoc ho tro gi khong", ["1.013997"]),  # sentence: Northern pig farmer, 50
    ("toi muon vay tien nha nuoc nuoi bo, co viec lam cho nha toi", ["1.013724"]),  # sentence: H'Mong man, simple Vietnamese
    ("con tui 19 tuoi muon hoc nghe han de di lam muon, nha nuoc co ho tro khong", ["2.002821"]),  # sentence: Southern farming mother, 45
    ("thằng con tui dính ma túy, giờ nó chịu cai ở nhà, đăng ký ở đâu", ["3.000527"]),  # sentence: Southern mother, 52
    ("nha ngheo bi nguoi ta kien ra toa ma khong co tien thue luat su", ["2.000829"]),  # sentence: poor rural woman, 40
    ("vo chong cong nhan chua co nha, muon mua can ho gia re cua nha nuoc", ["1.014632"]),  # sentence: factory worker couple, 30
    ("nha tui con cay guom co cua ong co de tho, nghe noi phai khai bao, khai o mo", ["1.013442"]),  # sentence: Central (Quang Nam) elderly man, 70
    ("mệ bên xóm neo đơn, không con cháu, ốm liệt giường, xin đưa vô trung tâm bảo trợ được răng", ["2.000286"]),  # sentence: Hue neighbour, 60
    ("dang ky ket hon can mang theo giay to gi", ["1.000894"]),  # question: young woman, 25
    ("nhà có khách dưới quê lên ở chơi vài bữa thì có phải báo công an không", ["2.001159"]),  # question: urban homeowner, 45
    ("xin giay xac nhan doc than mat may ngay vay", ["1.004873"]),  # question: young worker, 27
    ("xây nhà 2 tầng trên đất nhà mình có cần xin giấy phép không", ["1.013225"]),  # question: farmer building a house, 40
    ("xa sap nhap doi dia chi roi thi the can cuoc co phai di doi lai khong", ["1.014063"]),  # question: small shop owner, 50
    ("nghi viec cty roi, muon rut bhxh 1 lan thi nop o dau", ["1.001613"]),  # question: former factory worker, 32
    ("tach ho khau ra rieng can nhung giay to gi", ["1.010038"]),  # question: newly married man, 28
    ("lam sao de dang ky ho kinh doanh mo quan cafe nho", ["1.001612"]),  # question: young would-be shop owner, 24
    ("di kham quen mang the bhyt phai tu tra tien, co lay lai duoc khong", ["1.001656"]),  # question: middle-aged patient, 50
    ("ổng có lương hưu mới mất, bà già tui lãnh tiền tuất ở đâu", ["2.000821", "2.002913"]),  # question: Southern son, 50, for his widowed mother
    ("dang ky lai khai tu", ["1.005461"]),  # name: clerk-literate man who saw the name once
    ("cap ban sao tu so goc", ["2.000908"]),  # name: office worker, 35
    ("chứng thực chữ ký người dịch", ["2.000992", "2.001008"]),  # name: translator, 30
    ("cong nhan ban quan tri nha chung cu", ["1.012888"]),  # name: apartment resident, 45
    ("ho tro phoi giong nhan tao trau bo", ["1.012836"]),  # name: cattle farmer, 50
    ("thong bao thanh lap to hop tac", ["2.002226", "2.002637"]),  # name: village group leader, 55
    ("xoa dang ky thuong tru", ["1.003197"]),  # name: man moving abroad, 40
    ("thu tuc cong nhan hoa giai vien", ["1.002211"]),  # name: retired teacher, 62
    ("tro cap hang thang theo quyet dinh 613", ["2.000762"]),  # name: former commune official, 70
    ("dang ky giam sat viec giam hộ", ["3.000323"]),  # name: relative of a ward, 50, mixed diacritics
    ("lam so do", ["1.013978"]),  # short: farmer, 60
    ("khai tử", ["1.000656", "2.002913"]),  # short: middle-aged man, 50
    ("nhap ho khau", ["1.004222"]),  # short: young wife moving in, 26
    ("tam vang", ["1.003677"]),  # short: young man leaving for work, 21
    ("sang ten xe", ["1.013076"]),  # short: used motorbike buyer, 30
    ("ba nha toi vua mat hom qua, con chau phai ra xa bao tu cho ba the nao", ["1.000656", "2.002913"]),  # sentence: ông cụ đồng bằng sông Hồng, vợ vừa mất
    ("toi co thanh guom co cu to de lai tho tren ban tho, co phai khai bao khong", ["1.013442"]),  # sentence: ông cụ đồng bằng sông Hồng giữ đồ gia bảo
    ("tôi già rồi muốn viết giấy để lại mảnh đất cho thằng út, nhờ xã xác nhận", ["2.001019"]),  # sentence: ông cụ nông dân muốn lập di chúc
    ("tui ban tap hoa ngoai cho, gio muon mo tiem truoc nha thi xin giay phep sao", ["1.001612"]),  # sentence: tiểu thương chợ miền Nam
    ("tui bán hàng rong hổng có lương hưu, muốn đóng bảo hiểm để già có lương", ["1.002179"]),  # sentence: người bán hàng rong miền Nam
    ("ca nha tui song tren ghe dau o ben song, chừ muon dang ky ho khau thi mần răng", ["1.013313", "1.004222"]),  # sentence: vợ ngư dân miền Trung sống trên ghe
    ("con tui moi de duoc muoi ngay, chua mần giay to chi het, di mô mà mần", ["1.001193", "2.000986", "2.001023"]),  # sentence: vợ ngư dân miền Trung mới sinh con
    ("nha toi hien mot khuc dat ray de lam duong lien thon, dat chua co so", ["1.013979"]),  # sentence: nông dân trồng cà phê Tây Nguyên
    ("nha toi muon khoang gieng lay nuoc tuoi ca phe mua kho, co phai bao xa khong", ["1.001662"]),  # sentence: nông dân cà phê Tây Nguyên
    ("toi muon chuyen may sao ruong lua sang trong sau rieng co duoc khong", ["1.008004"]),  # sentence: nông dân trồng lúa muốn đổi cây
    ("toi nguoi khmer, giay khai sinh ghi dan toc kinh, muon sua lai cho dung", ["1.004859"]),  # sentence: người Khmer Nam Bộ viết tiếng Việt đơn giản
    ("truoc khi di han quoc toi co dong bao hiem o cong ty, gio ve muon rut mot lan", ["1.001613"]),  # sentence: lao động về nước từ Hàn Quốc
    ("vo chong cuoi ben han quoc co giay cua han roi, ve nuoc phai lam gi o xa", ["2.002189"]),  # sentence: cặp vợ chồng lao động về từ Hàn Quốc
    ("toi nuoi con mot minh, nha thuoc dien ngheo, co duoc nha nuoc trơ cap hang thang khong", ["1.001776"]),  # sentence: mẹ đơn thân hộ nghèo
    ("em theo bo me chuyen nha qua xa khac, muon xin chuyen truong lop 8", ["2.002481"]),  # sentence: học sinh THCS
    ("tôi là giáo viên nghỉ hưu từ 2010, nghe nói được nhận thêm tiền phụ cấp thâm niên", ["1.001646"]),  # sentence: cô giáo về hưu
    ("toi muon vay von uu dai cua nha nuoc de mo xuong may nho, thue them nguoi lam", ["1.013724", "1.013725"]),  # sentence: lao động về từ Đài Loan muốn làm ăn
    ("bố tôi là thương binh vừa qua đời, gia đình muốn hỏi chế độ sau khi bố mất", ["1.010824"]),  # sentence: con gái thương binh
    ("con gai thuong binh can giay xac nhan de duoc mien giam hoc phi", ["1.010833"]),  # sentence: con gái thương binh đang đi học
    ("me toi lan roi khong tu di lanh luong huu duoc, toi lanh thay co can giay gi", ["1.001601"]),  # sentence: con chăm mẹ bị lẫn
    ("chong tui dang lanh luong huu thi mat thang roi, tui co duoc lanh tien tuat chi khong", ["2.000821", "2.002913"]),  # sentence: vợ góa miền Trung
    ("vo chong moi cuoi muon xay nha 2 tang tren dat bo me cho, xin phep o dau", ["1.013225"]),  # sentence: vợ chồng trẻ làm nhà
    ("cuoi xong muon tach khau ra o rieng khoi nha bo me chong", ["1.010038"]),  # sentence: vợ chồng trẻ ra ở riêng
    ("heo nha toi bi dich ta chau phi phai chon het, co duoc ho tro gi khong", ["1.013997"]),  # sentence: hộ nuôi lợn bị dịch
    ("toi tha may long ca dieu hong tren song, xa bao phai co giay xac nhan", ["1.014801"]),  # sentence: hộ nuôi cá lồng
    ("toi muon mo cua hang ban binh gas cho ba con trong xom", ["2.001283"]),  # sentence: tiểu thương muốn mở cửa hàng
    ("hang xom xay tuong lan sang dat nha toi nua met, muon xa ra phan xu", ["1.012812", "1.013967"]),  # sentence: người tranh chấp ranh đất với hàng xóm
    ("so ho khau bi thu roi, cong ty doi giay chung minh noi o thi lam sao", ["1.010041"]),  # sentence: công nhân, giấy tờ cũ sổ hộ khẩu
    ("chung minh thu cu 9 so khac so can cuoc moi, ngan hang doi giay xac nhan", ["1.012566"]),  # sentence: người dân có chứng minh thư cũ
    ("nha con giay bang khoan tu thoi ong noi, muon doi sang so hong", ["1.013978"]),  # sentence: người giữ giấy đất chế độ cũ
    ("bo me mat khong de lai di chuc, may anh em muon chia dat cho ro rang", ["2.001406"]),  # sentence: anh cả trong gia đình chia thừa kế
    ("em gai toi lay chong xa, khong muon nhan phan dat bo me de lai", ["2.001016"]),  # sentence: người em từ chối thừa kế
    ("can cong chung may ban pho to bang tot nghiep de nop ho so xin viec", ["2.000815"]),  # sentence: sinh viên mới ra trường
    ("chong bi tai bien nam mot cho, nha khong du an, muon xin vao dien ngheo", ["1.011607", "1.011606"]),  # sentence: vợ chăm chồng bị tai biến
    ("ba toi 80 tuoi khong co luong huu, muon xin tien tro cap nguoi gia", ["1.014027", "1.001776"]),  # sentence: con chăm cha già
    ("thang con toi dinh ma tuy, gia dinh muon cho no cai o nha", ["3.000527"]),  # sentence: mẹ có con nghiện
    ("nha toi lam an kha len roi, muon xin ra khoi danh sach ho ngheo", ["1.011608"]),  # sentence: hộ nông dân thoát nghèo
    ("mat can cuoc lam lai o dau, bao lau thi co", ["1.014064"]),  # question: thanh niên bị mất ví
    ("ong cu neo don khong con chau, xa co dua vao trung tam nuoi duong duoc khong", ["2.000286"]),  # question: hàng xóm của cụ già neo đơn
    ("mua xe may cu cua nguoi quen thi sang ten o dau lam", ["1.013076"]),  # question: công nhân mua xe cũ
    ("làng tổ chức hội đình đầu xuân có phải báo xã không", ["1.003622"]),  # question: trưởng ban khánh tiết làng
    ("nha ngheo bi kien khong co tien thue luat su thi nho nha nuoc duoc khong", ["2.000829"]),  # question: người nghèo vướng kiện tụng
    ("muon mua bao hiem y te cho ca nha thi lam o dau", ["1.001939"]),  # question: người buôn bán nhỏ
    ("khong dong y quyet dinh cua xa thi gui don khieu nai o dau", ["2.002409"]),  # question: người dân bất bình với quyết định của xã
    ("cai chinh ho tich", ["1.004859"]),  # name: người nhớ lờ mờ tên thủ tục
    ("dang ki lai khai sinh", ["1.004884"]),  # name: người mất giấy khai sinh cũ
    ("chung thuc chu ki", ["2.000884"]),  # name: người cần xác nhận chữ ký
    ("cong nhan ho muc song trung binh", ["1.011609"]),  # name: hộ làm nông
    ("ban sao trich luc khai sinh", ["2.000635"]),  # name: phụ huynh làm hồ sơ cho con
    ("giấy phép xây dựng sửa chữa cải tạo", ["1.013229"]),  # name: chủ nhà muốn sửa nhà
    ("thông báo lưu trú", ["2.001159"]),  # name: chủ nhà có khách ở lại
    ("dang ky the chap quyen su dung dat", ["1.011441"]),  # name: người vay ngân hàng
    ("tro cap tho cung liet sy", ["1.010803"]),  # name: cháu thờ cúng liệt sĩ
    ("mat cavet xe", ["1.013082", "1.013080"]),  # short: thanh niên mất giấy đăng ký xe
    ("nhap ho khau", ["1.004222"]),  # short: người mới chuyển đến
    ("giấy độc thân", ["1.004873"]),  # short: cô gái sắp lấy chồng
    ("vneid muc 2", ["3.000228"]),  # short: người trẻ dùng điện thoại
    ("doi can cuoc", ["1.014063"]),  # short: người đủ tuổi đổi thẻ
]

# Set 12: 50 short everyday queries (1–3 words) written blind for issue 17, run before the short
# everyday words of seed/phrases/short_words.tsv (36 of 50 first on 0c1a93f, 41 with the phrasings, 47 after).
MORE_CITIZEN_QUERIES += [
    ("lay vo thi can nhung giay to gi de dang ky", ["1.000894"]),  # question: chàng trai sắp cưới
    ("moi de con", ["1.001193", "2.001023", "2.000986"]),  # short: bố trẻ ở nông thôn vừa có con đầu lòng
    ("báo tử", ["1.000656", "2.002913"]),  # short: bà cụ có chồng vừa mất
    ("cuoi vo", ["1.000894"]),  # short: thanh niên làng sắp cưới vợ
    ("lấy chồng hàn", ["2.000806"]),  # short: mẹ có con gái lấy chồng Hàn Quốc
    ("giay doc than", ["1.004873"]),  # short: cô gái đi làm xa cần giấy độc thân
    ("nhap khau", ["1.004222"]),  # short: con dâu mới về nhà chồng
    ("cắt khẩu", ["1.003197"]),  # short: ông cụ có con chuyển hẳn lên thành phố
    ("o tro", ["1.004194"]),  # short: công nhân thuê phòng trọ gần khu công nghiệp
    ("tach khau", ["1.010038"]),  # short: con trai lập gia đình muốn ra riêng
    ("khach ngu nho", ["2.001159"]),  # short: chủ nhà có họ hàng ở xa về ngủ nhờ
    ("đổi chứng minh", ["1.014063", "1.014061"]),  # short: ông già còn giữ chứng minh thư cũ
    ("rot mat cccd", ["1.014064"]),  # short: bà bán rau đánh rơi thẻ căn cước
    ("nho luat su", ["2.000829"]),  # short: hộ nghèo bị kiện cần người giúp
    ("cai vneid", ["3.000228"]),  # short: người trung niên được con dặn làm tài khoản định danh
    ("photo cong chung", ["2.000815"]),  # short: phụ huynh làm hồ sơ nhập học cho con
    ("lan tay", ["2.000884"]),  # short: cụ già không biết chữ cần điểm chỉ giấy tờ
    ("chúc thư", ["2.001019"]),  # short: ông cụ muốn để lại nhà đất cho con
    ("chia gia tai", ["2.001406"]),  # short: anh em chia đất bố mẹ để lại
    ("hội làng", ["1.003622"]),  # short: trưởng thôn chuẩn bị hội làng đầu xuân
    ("giay ban dat", ["2.001035"]),  # short: nông dân bán mảnh vườn
    ("lam so do", ["1.013978"]),  # short: hộ có đất ông cha để lại chưa có giấy
    ("sổ đỏ sai", ["1.012796"]),  # short: người thấy tên trên sổ đỏ bị in sai
    ("lan ranh dat", ["1.012812", "1.013967"]),  # short: hộ bị hàng xóm lấn ranh đất
    ("hien dat", ["1.013979"]),  # short: ông cụ cắt đất cho thôn mở đường
    ("xay nha moi", ["1.013225"]),  # short: gia đình định dỡ nhà cũ xây nhà mới
    ("sửa lại nhà", ["1.013229"]),  # short: hộ muốn cơi nới, sửa nhà
    ("giấy tàn tật", ["1.001699"]),  # short: mẹ có con bị khuyết tật bẩm sinh
    ("binh xet ngheo", ["1.011607", "1.011606"]),  # short: hộ khó khăn muốn được vào diện nghèo
    ("tiền hương khói", ["1.010803"]),  # short: em trai thờ anh là liệt sĩ
    ("ruong trong cay", ["1.008004"]),  # short: nông dân muốn chuyển ruộng lúa trồng cây ăn quả
    ("thuong binh mat", ["1.010824"]),  # short: con của thương binh vừa mất
    ("tien chon cat", ["1.001731", "1.014028", "2.002913"]),  # short: con của cụ hưởng trợ cấp vừa mất
    ("hoc nghe", ["2.002821"]),  # short: thanh niên nông thôn muốn học nghề
    ("gap chu tich", ["2.001909"]),  # short: người dân muốn gặp lãnh đạo xã trình bày
    ("rut bao hiem", ["1.001613"]),  # short: công nhân nghỉ việc muốn rút bảo hiểm xã hội một lần
    ("nghỉ đẻ", ["2.000693"]),  # short: chị công nhân sắp sinh con
    ("mua bhyt", ["1.001939"]),  # short: người làm tự do muốn mua bảo hiểm y tế
    ("doi truong", ["2.002481"]),  # short: bố mẹ chuyển nhà, cho con học cấp hai trường khác
    ("nhan nuoi chau", ["2.001263"]),  # short: vợ chồng hiếm muộn nhận cháu làm con
    ("con rơi", ["1.001022", "1.000689"]),  # short: người đàn ông muốn nhận con ngoài giá thú
    ("doi ten con", ["1.004859"]),  # short: mẹ muốn đổi tên cho con
    ("mở quán ăn", ["1.001612"]),  # short: chị nông dân mở quán ăn ở chợ
    ("mat cavet", ["1.013082", "1.013080"]),  # short: thanh niên mất giấy đăng ký xe máy
    ("mua xe cu", ["1.013076"]),  # short: người mua lại xe máy cũ
    ("to giac", ["2.002396"]),  # short: người dân thấy cán bộ làm sai
    ("khoan gieng", ["1.001662"]),  # short: hộ gia đình định khoan giếng lấy nước
    ("heo chet dich", ["1.013997"]),  # short: hộ nuôi lợn bị dịch phải tiêu hủy
]

# Queries of those sets that the search still does not answer first: kept here so that a change
# that fixes one is noticed (the test then passes unexpectedly and fails), and moved up when it does.
KNOWN_MISSES = [
    ("lam nghiep", ["1.007919", "1.011471", "1.012531", "1.012922", "1.014832", "3.000250", "3.000502"]),  # Thẩm định thiết kế, dự toán công trình lâm sinh hoặc thẩm đị
    ("ho kinh doanh", ["1.001612"]),  # Đăng ký thành lập hộ kinh doanh
    ("tien tuat", ["2.000821", "1.010824"]),  # Giải quyết hưởng chế độ tử tuất
    ("BHYT", ["1.001939", "1.002759", "1.002051", "1.001656"]),  # Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT
    ("dang ky nuoi con nuoi", ["2.001263"]),  # Đăng ký việc nuôi con nuôi trong nước
    ("con toi sinh ra luc chua cuoi, gio ba no muon nhan la con de lam giay to cho chau", ["1.001022", "1.000689"]),  # Thủ tục đăng ký nhận cha, mẹ, con
    ("tui len Binh Duong muon phong tro lam cong nhan, chu nha noi phai khai bao voi cong an", ["1.004194"]),  # Đăng ký tạm trú
    ("the bao hiem y te cua toi bi rach nat, muon xin lai cai khac", ["1.002759"]),  # Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT
    ("toi chay vao dap lua cuu nha hang xom thi bi bong, chua co bao hiem gi", ["3.000509"]),  # Chế độ, chính sách đối với người được huy động, người tham g
    # The issue-17 blind sets' misses.
    ("tui với bả ở với nhau ba chục năm rồi mà hồi đó hông có làm giấy hôn thú, giờ muốn làm cho đàng hoàng", ["1.000894"]),  # sentence: Thủ tục đăng ký kết hôn
    ("con gái tui sắp lấy chồng bên huyện khác, người ta biểu về xã xin cái giấy nói là nó còn độc thân", ["1.004873"]),  # sentence: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
    ("má tui năm ni 82 tuổi rồi, hông có lương hưu chi hết, có được nhà nước cho tiền hàng tháng hông", ["1.014027", "1.001776"]),  # sentence: Thực hiện, điều chỉnh, thôi hưởng trợ cấp hưu trí xã hội
    ("nha tui ngheo lam, chong mat som, mot minh nuoi 3 dua nho, muon duoc xet vo ho ngheo", ["1.011607", "1.011606"]),  # sentence: Công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm
    ("tui muon mo cai tiem tap hoa nho truoc nha, phai dang ky voi xa ra sao", ["1.001612"]),  # sentence: Đăng ký thành lập hộ kinh doanh
    ("quán cơm của tui ế quá, tính dẹp luôn hổng bán nữa, phải báo với xã làm sao", ["1.001266"]),  # sentence: Chấm dứt hoạt động hộ kinh doanh
    ("thằng cháu ở quê ra ở nhờ nhà tui để đi học mấy năm, có phải khai báo chi với công an xã không", ["1.004194", "2.001159"]),  # sentence: Đăng ký tạm trú
    ("cái căn cước của tui đi chợ rớt đâu mất tiêu rồi, giờ làm sao có cái khác", ["1.014064"]),  # sentence: Cấp lại thẻ căn cước
    ("the bao hiem y te cua ba tui bi mat roi, gio xin lai cai the khac o dau", ["1.002759"]),  # sentence: Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT
    ("huong bhxh 1 lan", ["1.001613"]),  # name: Giải quyết hưởng bảo hiểm xã hội một lần
    ("sổ hộ khẩu nhà tui bị mối ăn rách hết, giờ xin cấp lại cuốn khác", ["1.010041"]),  # hard: Xác nhận thông tin về cư trú
    ("giấy phép kinh doanh hộ cá thể của tui bị mất, xin cấp lại", ["2.000575"]),  # hard: Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh, Cấp đổi sang 
    ("ong noi mat tu nam ngoai ma nha chua bao len xa", ["1.000656"]),  # sentence: Thủ tục đăng ký khai tử
    ("em di lam cty o bac ninh ve que lay vo, vo nguoi ban ben", ["1.000894"]),  # sentence: Thủ tục đăng ký kết hôn
    ("the can cuoc cua toi bi roi mat luc lem nuong", ["1.014064"]),  # sentence: Cấp lại thẻ căn cước
    ("me toi bi liet nam mot cho, toi o nha cham me khong di lam dc", ["1.001776", "1.001699"]),  # sentence: Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng,
    ("the bao hiem y te cua con toi bi ghi sai ngay sinh", ["1.002759"]),  # sentence: Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT
    ("Tôi đi làm xa mấy năm, giờ về quê ở hẳn, muốn nhập lại vào nhà bố mẹ", ["1.004222"]),  # sentence: Đăng ký thường trú
    ("Nhà tôi có đồi keo tự trồng đến tuổi rồi, muốn chặt bán", ["1.011471"]),  # sentence: Phê duyệt Phương án khai thác gỗ, thực vật rừng ngoài gỗ loà
    ("Đất nhà tôi ở từ đời ông bà, đến giờ vẫn chưa có giây tờ gì", ["1.013978"]),  # sentence: Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nh
    ("dang ky nuoi con nuoi", ["2.001263"]),  # name: Đăng ký việc nuôi con nuôi trong nước
    ("làm lại chứng minh thư bị mất", ["1.014064", "1.014061"]),  # hard: Cấp lại thẻ căn cước
    # Answered first before the phrasings, not since:
    ("thang con tui 12 tuoi, tui muon lam the can cuco cho no de di thi", ["1.014062"]),  # sentence: Cấp thẻ căn cước cho người dưới 14 tuổi  (lost to phrasings)
    ("vo em moi de chau o nha, khong kip ra tram y te, gio lam giay to cho chau the nao", ["1.001193", "2.001023"]),  # sentence: Thủ tục đăng ký khai sinh  (lost to phrasings)
    # Sets 10 and 11 (issue 17's phrasings):
    ("chua cuoi, be co giay khai sinh ma bo trong ten ba, gio anh ay muon nhan con", ["1.001022"]),  # sentence: young Southern mother, 24
    ("con toi muon lay dan toc Tay theo me, giay khai sinh dang ghi dan toc Kinh", ["1.004859"]),  # sentence: Tay ethnic mother, Cao Bang, simple Vietnamese
    ("thay u chau mat ca, chau moi 8 tuoi, toi la bac muon dung ra trong nom chau", ["1.004837"]),  # sentence: Northern rural uncle, 62
    ("thang con bi cam diec bam sinh, co giay khuyet tat roi, gio xin lanh tien hang thang", ["1.001776"]),  # sentence: Southern father of deaf son
    ("nha tui chong bi benh nang nam mot cho, khong co ruong, xin cho vo dien ngheo", ["1.011607", "1.011606"]),  # sentence: Mekong delta wife, 48
    ("anh hai tui hy sinh hoi danh My, ba ma mat het roi, gio tui lo nhang khoi cho anh", ["1.010803"]),  # sentence: Southern brother of martyr, 65
    ("vợ em sinh rồi, em có đóng bảo hiểm ở cty, có được nhận tiền sinh con không", ["2.000693"]),  # sentence: young father, factory worker, 26
    ("quan com cua em nghi ban 3 thang de di de, co phai bao len xa khong", ["1.001570"]),  # sentence: small eatery owner, 30
    ("tui chay qua chua chay nha hang xom bi phong tay, hong co bao hiem, xa co ho tro hong", ["3.000509"]),  # sentence: Southern man, 35
    ("tôi với bà nhà tôi lấy nhau từ năm 1972, tờ giấy hôn thú bị mối xông mất rồi", ["1.004746", "2.000635"]),  # sentence: ông cụ đồng bằng sông Hồng, giấy tờ cũ
    ("chi ban ca ngoai cho muon nghi ban may thang ve que de, co can bao len xa hong", ["1.001570"]),  # sentence: chị bán cá chợ miền Nam sắp sinh
    ("mệ tui đang lãnh tiền người già thì mới mất, chừ xin tiền chôn cất ở mô", ["1.001731", "1.014028", "2.002913"]),  # sentence: con dâu nhà ngư dân miền Trung
    ("vo chong toi lay nhau theo phong tuc ban lau roi, chua co giay nha nuoc", ["1.000894"]),  # sentence: người H'Mông vùng cao
    ("nha toi co hai con bo cai muon phoi giong bo tot, nghe noi nha nuoc cho tien tinh", ["1.012836"]),  # sentence: hộ người Nùng chăn nuôi bò
    ("em lay chong dai loan, ve que sinh con, gio lam giay khai sinh cho be o xa", ["2.000528"]),  # sentence: cô dâu Đài Loan về quê sinh con
    ("bo cua con toi gio moi chiu nhan no, muon co ten bo trong giay khai sinh", ["1.001022"]),  # sentence: mẹ đơn thân
    ("sinh vien thue tro gan truong, chu nha noi phai khai bao o tam voi cong an", ["1.004194"]),  # sentence: sinh viên thuê trọ
    ("muốn nhận cháu ruột về làm con nuôi thì làm sao", ["2.001263"]),  # question: vợ chồng hiếm muộn
    ("con toi 10 tuoi lam can cuoc duoc khong", ["1.014062"]),  # question: phụ huynh có con nhỏ
    ("ghi no tien su dung dat tai dinh cu", ["1.012995"]),  # name: hộ bị giải tỏa được tái định cư
    ("moi mua dat cat nha o xa nay, muon chuyen khau ca nha ve day", ["1.004222"]),  # sentence: farmer family man, 38  (lost to the short everyday words)
    # Set 12 (short everyday words, issue 17):
    ("cam so do", ["1.011441"]),  # short: nông dân thế chấp sổ đỏ vay ngân hàng
    ("già neo đơn", ["1.001776", "2.000286"]),  # short: hàng xóm thương cụ già không con cái
    ("tre mo coi", ["1.001776"]),  # short: bà ngoại nuôi cháu mồ côi
]

BIRTH = "Đăng ký khai sinh"
SPELLINGS = [
    ("unaccented", "dang ky khai sinh"),
    ("upper-case", "DANG KY KHAI SINH"),
    ("nfc", unicodedata.normalize("NFC", BIRTH)),
    ("nfd", unicodedata.normalize("NFD", BIRTH)),
    ("upper-nfd", unicodedata.normalize("NFD", BIRTH.upper())),
    ("d-stroke-only", "đăng ky khai sinh"),
    ("extra-spaces-and-punctuation", "  đăng ký,  khai   sinh! "),
]

HOSTILE = [
    ("empty", ""),
    ("spaces", "     "),
    ("tabs-newlines", "\t\n\r"),
    ("percent", "%"),
    ("underscore", "_"),
    ("like-wildcards", "%_%"),
    ("quotes", "'\"`"),
    ("sql", "'; DROP TABLE procedure; --"),
    ("nul-bytes", "\x00\x00khai\x00sinh"),
    ("html", "<script>alert(1)</script>"),
    ("emoji", "👶🏻📄✅"),
    ("combining-marks-only", "\u0301\u0303\u0323"),
    ("long-word", "a" * 5000),
    ("long-sentence", "dang ky khai sinh cho con " * 40),
    ("many-distinct-words", " ".join(f"tu{n}" for n in range(300))),
    ("dots", "...."),
    ("backslashes", "\\\\ \\x00"),
    ("right-to-left", "\u202ekhai sinh"),
]
# Only Python callers can pass a lone surrogate: no HTTP request carries one.
UNENCODABLE = [("lone-surrogate", "khai\udcffsinh")]


def codes(query: str, limit: int = 30) -> list[str]:
    return [hit.code for hit in search_procedures(query, limit)]


@pytest.mark.parametrize(("query", "expected"), CITIZEN_QUERIES, ids=[q for q, _ in CITIZEN_QUERIES])
def test_citizen_query_finds_the_procedure_first(seeded_app, query, expected):
    assert codes(query)[:1] == [expected]


@pytest.mark.parametrize("query", [q for _, q in SPELLINGS], ids=[name for name, _ in SPELLINGS])
def test_case_diacritics_and_unicode_form_do_not_matter(seeded_app, query):
    assert codes(query)[0] == "1.001193"


@pytest.mark.parametrize(("query", "expected"), MORE_CITIZEN_QUERIES, ids=[q for q, _ in MORE_CITIZEN_QUERIES])
def test_more_citizen_queries_find_an_expected_procedure_first(seeded_app, query, expected):
    assert codes(query)[0] in expected


def test_first_time_procedure_wins_a_tie_against_its_amendments(seeded_app):
    # Every vehicle registration holds "xe máy"'s words equally; the citizen wants to register one.
    for query in ("xe may", "chung nhan dang ky xe", "hop tac xa"):
        name = Procedure.by_code(codes(query)[0]).name
        assert not name.startswith(("Thu hồi", "Cấp lại", "Đổi", "Đăng ký giải thể")), (query, name)
    assert codes("cap lai dang ky xe")[0] in ("1.013080", "1.013082")
    assert "giải thể" in Procedure.by_code(codes("giai the hop tac xa")[0]).name.lower()


@pytest.mark.xfail(strict=True, reason="a known miss: see KNOWN_MISSES")
@pytest.mark.parametrize(("query", "expected"), KNOWN_MISSES, ids=[q for q, _ in KNOWN_MISSES])
def test_known_misses_still_miss(seeded_app, query, expected):
    assert codes(query)[0] in expected


@pytest.mark.parametrize(("query", "expected"), [
    ("khai si", "1.001193"), ("dang ky khai s", "1.001193"), ("dang ky ket h", "1.000894"), ("tach h", "1.010038"),
], ids=["khai-si", "khai-s", "ket-h", "tach-h"])
def test_the_word_being_typed_matches_as_a_prefix(seeded_app, query, expected):
    assert codes(query)[0] == expected


@pytest.mark.parametrize("query", ["1.001193", "001193", "1001193", "1.00119"],
                         ids=["full-code", "digits-after-dot", "without-dot", "code-prefix"])
def test_procedure_code_finds_it(seeded_app, query):
    assert codes(query)[0] == "1.001193"


def test_field_name_is_searched(seeded_app):
    hits = search_procedures("nuoi con nuoi")
    assert hits[0].field_name == "Nuôi con nuôi"


def test_synonym_does_not_drown_the_literal_match(seeded_app):
    # "giấy khai sinh" is literally in the copy procedure's name; the synonym's birth
    # registration must come right after it, not instead of it.
    found = codes("giay khai sinh")
    assert found[0] == "2.000635"
    assert "1.001193" in found[1:3]


def test_everyday_word_for_a_field_finds_that_field(seeded_app):
    hits = search_procedures("cong chung")
    assert [hit.field_name for hit in hits[:5]] == ["Chứng thực"] * 5


def test_words_that_match_nothing_return_nothing(seeded_app):
    assert search_procedures("xyzzyq qwxz") == []


def test_hits_carry_what_the_results_list_shows(seeded_app):
    hit = search_procedures("dang ky khai sinh")[0]
    assert (hit.name, hit.field_name, hit.field_slug) == ("Thủ tục đăng ký khai sinh", "Hộ tịch", "ho-tich")
    assert hit.score > 0


def test_limit_caps_the_results(seeded_app):
    assert len(search_procedures("dang ky", limit=5)) == 5
    assert search_procedures("dang ky", limit=0) == []


def test_replaced_procedure_is_not_shown(seeded_app):
    procedure = Procedure.by_code("1.001193")
    procedure.status, procedure.replaced_by = STATUS_REPLACED, "1.000689"
    db.session.commit()
    found = codes("dang ky khai sinh")
    assert "1.001193" not in found
    assert found  # the other birth registrations are still there


def test_renamed_procedure_is_found_by_its_new_name(seeded_app):
    assert "1.003622" not in codes("cho phien tet")
    procedure = Procedure.by_code("1.003622")
    procedure.name = "Thông báo tổ chức chợ phiên ngày Tết"
    procedure.short_name = "Báo tổ chức chợ phiên Tết"
    procedure.refresh_search_text()
    db.session.commit()
    assert codes("cho phien tet")[0] == "1.003622"
    assert search_procedures("cho phien tet", 1)[0].short_name == "Báo tổ chức chợ phiên Tết"


def test_renamed_field_is_found_by_its_new_name(seeded_app):
    assert codes("mo coi")[0] != "2.001942"
    field = db.session.scalar(select(Field).where(Field.name == "Trẻ em"))
    field.name = "Trẻ em mồ côi"
    db.session.commit()
    assert codes("mo coi")[0] == "2.001942"


def test_staff_keyword_finds_the_procedure(seeded_app):
    assert "1.010038" not in codes("dung bep rieng")
    procedure = Procedure.by_code("1.010038")
    procedure.keywords = "dựng bếp riêng, tách sổ"
    procedure.refresh_search_text()
    db.session.commit()
    assert codes("dung bep rieng")[0] == "1.010038"


def test_common_procedure_wins_a_tie(seeded_app):
    # Đăng ký kết hôn and its mobile variant match the query equally well.
    assert codes("dang ky ket hon")[0] == "1.000894"
    Procedure.by_code("1.000593").is_common = True
    db.session.commit()
    assert codes("dang ky ket hon")[0] == "1.000593"


def test_new_procedure_is_found_after_commit(seeded_app, make_procedure):
    make_procedure(code="9.000001", name="Đăng ký nuôi ong mật")
    assert codes("nuoi ong")[0] == "9.000001"


def test_a_field_name_typed_whole_finds_its_procedures_first(app, make_field, make_procedure):
    """"thu y" folds onto "thủ tục" and "y tế" in many names; typed whole, it is the field Thú y."""
    animals = make_field(name="Thú y", slug="thu-y")
    make_procedure(code="9.000001", name="Thủ tục cấp thẻ bảo hiểm y tế")
    make_procedure(code="9.000002", name="Hỗ trợ cơ sở bị thiệt hại do dịch bệnh động vật", field=animals)
    assert codes("thu y")[0] == "9.000002"
    assert codes("the bao hiem y te")[0] == "9.000001"
    animals.name = "Chăn nuôi và thú y"
    db.session.commit()
    assert codes("chan nuoi va thu y")[0] == "9.000002"


def test_empty_catalogue_finds_nothing(app):
    assert search_procedures("dang ky khai sinh") == []


@pytest.mark.parametrize("query", [q for _, q in HOSTILE + UNENCODABLE],
                         ids=[name for name, _ in HOSTILE + UNENCODABLE])
def test_hostile_input_never_raises(seeded_app, query):
    hits = search_procedures(query)
    assert isinstance(hits, list)
    assert len(hits) <= 30
    if not query.strip() or query in ("%", "_", "%_%", "'\"`", "....", "👶🏻📄✅"):
        assert hits == []


@pytest.mark.parametrize("query", [q for _, q in HOSTILE], ids=[name for name, _ in HOSTILE])
def test_hostile_input_through_the_kiosk_page(seeded_client, query):
    response = seeded_client.get("/kiosk/tim-kiem", query_string={"q": query})
    assert response.status_code == 200


def test_non_text_query_returns_nothing(seeded_app):
    assert search_procedures(None) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "folded"), [
    ("Đăng ký khai sinh", "dang ky khai sinh"),
    (unicodedata.normalize("NFD", "ĐƯỜNG Hộ Tịch"), "duong ho tich"),
    ("Mã: 1.001193.", "ma 1.001193"),
    ("ＤＡＮＧ　ＫＹ", "dang ky"),  # full-width letters and space
    ("Quỹ\x00hỗ-trợ", "quy ho tro"),
], ids=["nfc", "nfd-upper", "code-and-dots", "full-width", "nul-and-dash"])
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "folded"), [
    ("Đăng ký", "dang ki"), ("đăng kí", "dang ki"), ("liệt sỹ", "liet si"), ("Quý", "qui"),
    ("thủy lợi", "thuy loi"), ("máy", "may"), ("y tế", "y te"), ("1.001193", "1.001193"),
], ids=["ky", "ki", "sy", "quy", "uy-stays", "ay-stays", "lone-y", "code"])
def test_search_fold_spells_final_i_and_y_one_way(text, folded):
    assert search_fold(text) == folded


@pytest.mark.parametrize(("typed", "usual"), [
    ("li hon", "ly hon"), ("liet sy", "liet si"), ("chung thuc chu ki", "chung thuc chu ky"),
    ("dang ki tam tru", "dang ky tam tru"), ("qui hoach", "quy hoach"),
])
def test_either_spelling_of_i_and_y_finds_the_same(seeded_app, typed, usual):
    assert codes(typed)[:3] == codes(usual)[:3]
    assert codes(typed)


@pytest.mark.parametrize(("typed", "expected"), [
    ("khaisinh", "1.001193"), ("dangkykhaisinh", "1.001193"), ("dangky ket hon", "1.000894"),
    ("lamcancuoc", "1.014061"), ("xacnhan cu tru", "1.010041"),
], ids=["two-words", "four-words", "first-word", "synonym-words", "in-a-phrase"])
def test_words_run_together_are_split(seeded_app, typed, expected):
    assert codes(typed)[0] == expected


@pytest.mark.parametrize(("typed", "expected"), [
    ("ket hoon", "1.000894"), ("dnag ky khai tu", "1.000656"), ("can cuco", "1.014061"),
    ("khia tu", "1.000656"), ("tam truu", "1.004194"),
    # Four words are no short query: "dnag" stays unknown, and the record of a marriage abroad,
    # whose name lacks "ký" but whose phrasings say "đăng ký kết hôn", now leads its twins.
    pytest.param("dnag ky ket hon", "1.000894", marks=pytest.mark.xfail(strict=True, reason="lost to phrasings")),
], ids=["extra-letter", "swapped", "swapped-last", "wrong-letter", "doubled-last", "swapped-four-words"])
def test_a_slip_of_one_key_in_a_short_query_is_forgiven(seeded_app, typed, expected):
    assert codes(typed)[0] == expected


def test_a_sentence_keeps_the_real_words_the_catalogue_lacks(seeded_app):
    """"lạch" is no slip for "lịch": in a sentence that finds something, unknown words stay."""
    from app.catalog.respell import corrected, split_run_together
    from app.catalog.search_index import current_index

    words = "toi muon trong cay an qua tren bo lach thuy loi".split()
    assert split_run_together(current_index(), words) == words
    assert corrected(current_index(), words) != words  # a correction exists, and is not used:
    assert codes(" ".join(words))[0] == codes("toi muon trong cay an qua tren bo thuy loi")[0]


def test_the_words_at_the_end_of_a_long_sentence_count(seeded_app):
    # "thờ cúng" is the 13th and 14th word: a cap of ten words once dropped it.
    assert codes("bo toi hy sinh trong chien tranh, gia dinh muon duoc huong tien tho cung")[0] == "1.010803"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("nha toi kho khan qua, muon xin duoc vao danh sach ho ngheo", "1.011607"),
    ("toi muon trong cay an qua tren bo kenh thuy loi", "1.014860"),
])
def test_a_sentence_does_not_open_on_a_name_of_two_hundred_words(seeded_app, sentence, expected):
    """1.013962's scraped name runs to 210 words and holds most everyday words by chance."""
    assert codes(sentence)[0] == expected


def test_southern_words_are_read_the_catalogues_way(seeded_app):
    assert codes("vo toi moi sanh em be muon lanh tien thai san")[0] == "2.000693"
    assert codes("lanh luong huu")[:3] == codes("linh luong huu")[:3]


def test_synonym_file_format():
    thesaurus = parse("# comment\nsổ đỏ | Bìa Đỏ => giấy chứng nhận\n! nhập khẩu => đăng ký thường trú\n- xin | cho con\n")
    spans = thesaurus.spans("xin lam bia do nhap khau cho con".split())
    assert [(s.start, s.end, s.targets, s.strong) for s in spans] == [
        (0, 1, (), False),
        (2, 4, ("giay chung nhan",), False),
        (4, 6, ("dang ki thuong tru",), True),  # one spelling for the i/y pairs
        (6, 8, (), False),
    ]


def test_bundled_synonyms_point_at_real_procedures(seeded_app):
    from app.catalog.search_index import current_index

    index = current_index()
    empty = sorted(target for target, mask in index.synonym_masks.items() if not mask)
    assert empty == []


def test_the_procedures_own_text_is_searched_and_the_name_still_wins(app, make_procedure):
    """Who may apply, the result, the documents...: words only that text holds find the procedure."""
    for n in range(8):  # a catalogue of some size, so that a rare word weighs what it should
        make_procedure(name=f"Thủ tục khác số {n}", applicants="Công dân Việt Nam")
    make_procedure(code="9.000101", name="Hỗ trợ chi phí học nghề",
                   applicants="Người khuyết tật, người mồ côi cả cha và mẹ", result="Quyết định hỗ trợ")
    make_procedure(code="9.000102", name="Trợ cấp cho trẻ mồ côi", applicants="Trẻ em dưới 16 tuổi")
    assert codes("chau toi bi khuyet tat muon hoc mot nghe")[0] == "9.000101"
    assert codes("mo coi")[0] == "9.000102"  # in the name: first
    assert codes("chau toi mo coi ca cha lan me")[:2] == ["9.000102", "9.000101"]


@pytest.mark.parametrize(("question", "need"), [
    ("lam giay khai sinh can giay to gi", "lam giay khai sinh"),
    ("dang ky ket hon o dau", "dang ky ket hon"),
    ("tach ho khau mat bao lau", "tach ho khau"),
    ("lam can cuoc cho con can mang theo gi", "lam can cuoc cho con"),
    ("cho tui hoi lam so do het bao nhieu tien", "lam so do"),
])
def test_a_question_is_read_for_its_need(seeded_app, question, need):
    assert codes(question)[:3] == codes(need)[:3]


def test_of_two_needs_the_first_leads(seeded_app):
    assert codes("khai tu cho bo va huong che do tu tuat")[:2] == ["1.000656", "2.000821"]
    assert codes("huong che do tu tuat va khai tu cho bo")[0] == "2.000821"
    # One procedure serving both needs stays first.
    assert codes("con moi sanh can lam giay khai sinh va the bao hiem y te")[0] in ("2.001023", "2.000986")


def test_close_answers_offer_their_life_events(seeded_client):
    """A story with no clear answer shows the situations of its best answers as big buttons."""
    for headers in ({}, {"HX-Request": "true"}):
        page = seeded_client.get("/kiosk/tim-kiem", query_string={"q": "khai tu cho bo va huong che do tu tuat"},
                                 headers=headers).get_data(as_text=True)
        assert "Có phải bạn cần…" in page
        assert 'href="/kiosk/su-kien/nguoi-than-qua-doi"' in page
        assert page.index("Có phải bạn cần…") < page.index("procedure-list")
    # One answer standing out: no buttons.
    page = seeded_client.get("/kiosk/tim-kiem", query_string={"q": "tach ho khau"}).get_data(as_text=True)
    assert "Có phải bạn cần…" not in page and "/thu-tuc/1.010038" in page
