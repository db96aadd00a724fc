"""Readable procedure details: the national database's scraped text, cleaned for a citizen.

Input strings are copied from the seed catalogue (app/catalog/seed/procedures.json).
"""
import html
import re
from collections import Counter
from types import SimpleNamespace

import pytest
from flask import render_template
from sqlalchemy import select

from app.catalog import display
from app.catalog.display import MISSING, details
from app.catalog.models import Procedure
from app.catalog.scraped import document_groups, legal_documents, lines
from app.extensions import db

ALL_CHANNELS = "Trực tuyến|Dịch vụ bưu chính|Trực tiếp"

BIRTH_DOCUMENTS = (
    "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Trường hợp trẻ em bị bỏ rơi thì phải có biên "
    "bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.1 bản chính- Văn bản ủy quyền (được chứng thực) "
    "theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh.1 bản chính"
    "Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh hoặc cơ quan đăng ký hộ tịch đã khai thác "
    "được dữ liệu điện tử có ký số của Giấy chứng sinh thì không phải nộp bản giấy.0 bản chính- Giấy chứng "
    "sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu "
    "không có người làm chứng thì phải có giấy cam đoan về việc sinh.1 bản chính* Giấy tờ phải xuất trình:"
    "Tên giấy tờMẫu đơn, tờ khaiSố lượng- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy "
    "chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, "
    "còn giá trị sử dụng.1 bản chính* Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Đối với việc xác định họ, dân "
    "tộc, quê quán, đặt tên cho trẻ:0 bản chính+ Trường hợp cha, mẹ không thỏa thuận được về họ, dân tộc, quê "
    "quán của con khi đăng ký khai sinh thì họ, dân tộc, quê quán của con được xác định theo tập quán.0 bản chính"
    "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn "
    "nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);1 bản chính"
)
BIRTH_LEGAL_BASIS = (
    "Tên văn bản pháp lýMã văn bảnThông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng "
    "nhân dân tỉnh, thành phố trực thuộc Trung ương85/2019/TT-BTCNghị định sửa đổi, bổ sung một số điều của các "
    "Nghị định liên quan đến việc nộp xuất trình sổ hộ khẩu, sổ tạm trú giấy khi thực hiện thủ tục hành chính, "
    "cung cấp dịch vụ công104/2022/NĐ-CPNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi "
    "tiết một số điều và biện pháp thi hành Luật Hộ tịch123/2015/NĐ-CPThông tư số 03/2023/TT-BTP ngày 02/8/2023 "
    "của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTPNghị quyết số 66.7/2025/NQ-CP của Chính phủ: Quy định "
    "cắt giảm, đơn giản hóa thủ tục hành chính dựa trên dữ liệu66.7/2025/NQ-CPLuật 60/2014/QH1360/2014/QH13"
    "Thông tư quy định chi tiết một số điều và biện pháp thi hành Nghị định số 87/2020/NĐ-CP ngày 28 tháng 7 "
    "năm 2020 của Chính phủ quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến01/2022/TT-BTP"
)


def procedure(**values) -> SimpleNamespace:
    """A procedure as the importer stores it: empty columns are None."""
    columns = ("online", "processing_time", "fee", "fee_note", "channels", "applicants", "result",
               "steps", "documents", "conditions", "legal_basis")
    return SimpleNamespace(**({column: None for column in columns} | values))


def rows(**values) -> list[tuple[str, str, str]]:
    return [(row.channel, row.time, row.fee) for row in details(procedure(**values)).channel_rows]


# --- Processing time ---------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("3 Ngày làm việc", "3 ngày làm việc"),
    ("15 Ngày", "15 ngày"),
    ("8 Giờ", "8 giờ"),
    ("1", "Xin hỏi cán bộ tại quầy"),
    ("Không có thông tin", MISSING),
    ("", MISSING),
    (None, MISSING),
])
def test_processing_time_reads_as_words(raw, shown):
    assert display.format_time(raw) == shown
    assert details(procedure(processing_time=raw)).time_summary == shown


def test_time_per_channel_becomes_one_row_per_way_of_filing():
    result = rows(channels=ALL_CHANNELS, fee="Miễn phí",
                  processing_time="Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày")
    assert result == [
        ("Nộp trực tiếp", "15 ngày", "Miễn phí"),
        ("Nộp trực tuyến", "20 ngày", "Miễn phí"),
        ("Gửi qua bưu điện", "20 ngày", "Miễn phí"),
    ]
    summary = details(procedure(channels=ALL_CHANNELS,
                                processing_time="Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày"))
    assert summary.channels_differ
    assert summary.time_summary == "trực tiếp: 15 ngày; trực tuyến: 20 ngày; bưu điện: 20 ngày"


def test_messy_repeated_channel_lists_merge_into_cases():
    messy = ("Trực tuyến/Dịch vụ bưu chính/Trực tuyến/Trực tiếp/Trực tiếp/Dịch vụ bưu chính: 2 Ngày làm việc; "
             "Trực tiếp/Trực tuyến/Dịch vụ bưu chính: 5 Ngày làm việc")
    channels = "Trực tuyến|Dịch vụ bưu chính|Trực tiếp|Trực tiếp|Trực tiếp|Trực tuyến|Trực tuyến"
    result = rows(channels=channels, processing_time=messy)
    assert [row[0] for row in result] == ["Nộp trực tiếp", "Nộp trực tuyến", "Gửi qua bưu điện"]
    assert {row[1] for row in result} == {"Tùy trường hợp: 2 ngày làm việc hoặc 5 ngày làm việc"}
    assert details(procedure(channels=channels, processing_time=messy)).time_summary == (
        "Tùy trường hợp: 2 ngày làm việc hoặc 5 ngày làm việc")


def test_duplicate_channels_give_one_row_and_no_table():
    shown = details(procedure(channels="Trực tiếp|Trực tiếp", processing_time="3 Ngày làm việc", fee="Miễn phí"))
    assert [row.channel for row in shown.channel_rows] == ["Nộp trực tiếp"]
    assert not shown.channels_differ
    assert shown.channel_names == "Nộp trực tiếp"
    every = details(procedure(channels="Dịch vụ bưu chính|Trực tiếp|Trực tuyến|Trực tiếp"))
    assert every.channel_names == "Nộp trực tiếp, nộp trực tuyến, gửi qua bưu điện"


# --- Fee ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("Miễn phí", "Miễn phí"),
    ("50,000 Việt Nam Đồng", "50.000 đồng"),
    ("8,000 VNĐ", "8.000 đồng"),
    ("4,500,000 Việt Nam Đồng", "4.500.000 đồng"),
    ("Không có thông tin", MISSING),
    ("", MISSING),
])
def test_fee_reads_the_vietnamese_way(raw, shown):
    assert display.format_money(raw) == shown
    assert details(procedure(fee=raw)).fee_summary == shown


def test_fee_per_channel_with_a_free_postal_channel():
    result = rows(channels="Trực tiếp|Trực tuyến|Dịch vụ bưu chính", processing_time="7 Ngày làm việc",
                  fee="Trực tiếp/Trực tuyến: 50,000 Việt Nam Đồng; Dịch vụ bưu chính: Miễn phí")
    assert result == [
        ("Nộp trực tiếp", "7 ngày làm việc", "50.000 đồng"),
        ("Nộp trực tuyến", "7 ngày làm việc", "50.000 đồng"),
        ("Gửi qua bưu điện", "7 ngày làm việc", "Miễn phí"),
    ]


def test_fee_without_information_for_one_channel_says_so():
    result = rows(channels="Trực tiếp|Trực tuyến|Dịch vụ bưu chính",
                  fee="Trực tiếp/Trực tuyến: 70,000 Việt Nam Đồng; Dịch vụ bưu chính: Không có thông tin")
    assert result[2] == ("Gửi qua bưu điện", MISSING, MISSING)


def test_two_fees_for_one_channel_keep_their_unit_from_the_note():
    shown = details(procedure(channels="Trực tiếp|Trực tiếp", fee_note="/trang",
                              fee="Trực tiếp: 2,000 Việt Nam Đồng; Trực tiếp: 10 USD"))
    assert shown.fee_summary == "Tùy trường hợp: 2.000 đồng/trang hoặc 10 USD/trang"
    assert shown.fee_note == []


def test_fee_note_loses_scraper_debris_but_not_words():
    shown = details(procedure(fee="4,500,000 Việt Nam Đồng",
                              fee_note="(bốn triệu năm trăm nghìn việt nam đồng)Lệ phí đăng ký nuôi con nuôi"))
    assert shown.fee_summary == "4.500.000 đồng"
    assert [line.text for line in shown.fee_note] == [
        "(bốn triệu năm trăm nghìn việt nam đồng) Lệ phí đăng ký nuôi con nuôi"]
    stray = details(procedure(fee_note="Đồng (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định.)"))
    assert stray.fee_note[0].text.startswith("(Mức lệ phí")


def test_fee_note_bullets_become_lines():
    note = ("- Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định (căn cứ quy định tại Thông tư số "
            "85/2019/TT-BTC). - Người nộp hồ sơ đăng ký hộ kinh doanh nộp lệ phí tại thời điểm nộp hồ sơ.")
    assert [line.kind for line in details(procedure(fee_note=note)).fee_note] == ["item", "item"]


# --- Online, applicants ------------------------------------------------------------------------

@pytest.mark.parametrize("online, shown", [
    (True, "Nộp được trực tuyến"), (False, "Chưa nộp được trực tuyến"), (None, MISSING)])
def test_online_reads_as_a_sentence(online, shown):
    assert details(procedure(online=online)).online == shown


def test_applicants_split_outside_parentheses():
    assert display.applicants("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)") == [
        "Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)"]
    assert display.applicants("") == []


# --- Required documents ------------------------------------------------------------------------

def test_birth_registration_documents_become_groups_of_items():
    groups = document_groups(BIRTH_DOCUMENTS)
    assert [group.title for group in groups] == ["Giấy tờ phải nộp", "Giấy tờ phải xuất trình", "Lưu ý", None]
    handed_in = groups[0].items
    assert handed_in[0].name == ("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ "
                                 "quan có thẩm quyền lập.")
    assert handed_in[0].quantity == "1 bản chính"
    assert handed_in[3].name.startswith("Giấy chứng sinh; trường hợp không có Giấy chứng sinh")
    assert handed_in[3].quantity == "1 bản chính"
    # "0 bản chính": no paper to hand in, so no quantity is shown.
    assert handed_in[2].name.endswith("thì không phải nộp bản giấy.")
    assert handed_in[2].quantity is None
    assert groups[2].items[1].sub
    assert groups[3].items[0].name.startswith("Tờ khai đăng ký khai sinh theo mẫu")


@pytest.mark.parametrize("raw, name_end, form", [
    ("- Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA "
     "của Bộ Công an)Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc1 bản chính",
     "của Bộ Công an)", "Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc"),
    ("Phương án theo Mẫu số 05 tại Phụ lục IB kèm theo Nghị định số 183/2025/NĐ-CPMus05.docx1 bản chính",
     "183/2025/NĐ-CP", "Mus05.docx"),
    ("Giấy đề nghị theo Mẫu số 01 tại Phụ lục ban hành kèm theo Quyết định số 24/2021/QĐ-TTgGiấy đề nghị.pdf"
     "1 bản chính", "24/2021/QĐ-TTg", "Giấy đề nghị.pdf"),
    ("Đơn đề nghị thanh toán (Mẫu số 01 ban hành kèm theo Nghị định số 40/2024/NĐ-CP).Mẫu số 01 - Đề nghị "
     "thanh toán khám chữa bệnh (NĐ 40.2024).docx1 bản chính",
     "40/2024/NĐ-CP).", "Mẫu số 01 - Đề nghị thanh toán khám chữa bệnh (NĐ 40.2024).docx"),
])
def test_a_form_file_name_is_cut_from_the_document_name(raw, name_end, form):
    item = document_groups("Tên giấy tờMẫu đơn, tờ khaiSố lượng" + raw)[0].items[0]
    assert item.name.endswith(name_end)
    assert item.form == form
    assert item.quantity == "1 bản chính"


def test_quantities_in_plain_words():
    raw = ("Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị;1 bản chính,1 bản sao"
           "Hợp đồng bảo đảm (01 bản chính hoặc 01 bản sao có chứng thực) (khoản 2 Điều 27 Nghị định số "
           "99/2022/NĐ-CP).0 bản chính,1 bản sao"
           "Văn bản cam kết theo Nghị định số 70/2024/NĐ-CP ngày 25/6/20241 bản chính")
    items = document_groups(raw)[0].items
    assert [item.quantity for item in items] == ["1 bản chính, 1 bản sao", "1 bản sao", "1 bản chính"]
    assert "(01 bản chính hoặc 01 bản sao có chứng thực)" in items[1].name
    assert items[2].name.endswith("ngày 25/6/2024")


def test_documents_without_a_table_are_kept_as_lines():
    raw = (".\nBước 2. Nộp hồ sơ a) Đối với nhận chế độ BHXH hàng tháng: người được ủy quyền nộp Giấy uỷ "
           "quyền.\nBước 3. Nhận kết quả")
    groups = document_groups(raw)
    assert [(line.label, line.kind) for line in groups[0].lines] == [("Bước 2.", "step"), ("Bước 3.", "step")]
    assert groups[0].lines[0].text.startswith("Nộp hồ sơ a) Đối với")


def test_no_documents_give_no_groups():
    assert document_groups("") == [] and document_groups(None) == []


# --- Steps and legal basis ---------------------------------------------------------------------

def test_steps_become_lines_with_their_kind():
    steps = ("Bước 1: Nộp hồ sơ tại UBND cấp xã.\n- Cán bộ tiếp nhận kiểm tra hồ sơ.\n(i) Trường hợp hồ sơ đầy "
             "đủ thì tiếp nhận;\n+ Trường hợp cần xác minh thì hẹn lại.\n* Lưu ý:\n\nNộp lệ phí nếu có.")
    assert [(line.kind, line.label, line.text) for line in lines(steps)] == [
        ("step", "Bước 1:", "Nộp hồ sơ tại UBND cấp xã."),
        ("item", "", "Cán bộ tiếp nhận kiểm tra hồ sơ."),
        ("text", "", "(i) Trường hợp hồ sơ đầy đủ thì tiếp nhận;"),
        ("sub", "", "Trường hợp cần xác minh thì hẹn lại."),
        ("heading", "", "Lưu ý:"),
        ("text", "", "Nộp lệ phí nếu có."),
    ]


def test_points_run_into_one_line_are_split_but_names_with_dashes_are_not():
    text = ("Hồ sơ thiết kế xây dựng: + Đối với nhà ở riêng lẻ: 02 bộ bản vẽ; + Đối với công trình khác: 03 bộ. "
            "Công chức tư pháp - hộ tịch kiểm tra hồ sơ")
    assert [(line.kind, line.text) for line in lines(text)] == [
        ("text", "Hồ sơ thiết kế xây dựng:"),
        ("sub", "Đối với nhà ở riêng lẻ: 02 bộ bản vẽ;"),
        ("sub", "Đối với công trình khác: 03 bộ. Công chức tư pháp - hộ tịch kiểm tra hồ sơ"),
    ]


def test_birth_registration_legal_basis_becomes_title_and_number():
    documents = legal_documents(BIRTH_LEGAL_BASIS)
    assert [document.number for document in documents] == [
        "85/2019/TT-BTC", "104/2022/NĐ-CP", "123/2015/NĐ-CP", "Thông tư số 03/2023/TT-BTP",
        "66.7/2025/NQ-CP", "60/2014/QH13", "01/2022/TT-BTP"]
    assert documents[0].title.endswith("thành phố trực thuộc Trung ương")
    assert documents[3].title == "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp"
    assert documents[5].title == "Luật 60/2014/QH13"


def test_legal_number_repeated_right_after_its_title():
    documents = legal_documents("Tên văn bản pháp lýMã văn bảnThông tư 01/2020/TT-BTP01/2020/TT-BTP"
                                "Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;90/QĐ-TTg")
    assert [(d.title, d.number) for d in documents] == [
        ("Thông tư 01/2020/TT-BTP", "01/2020/TT-BTP"),
        ("Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ;", "90/QĐ-TTg")]


def test_legal_basis_without_numbers_keeps_its_text():
    documents = legal_documents("Tên văn bản pháp lýMã văn bảnLuật số 58/2024/QH15 của Quốc hội: Luật Đầu tư "
                                "côngLuật số 58")
    assert "".join(d.title + (d.number or "") for d in documents).replace(" ", "") == (
        "Luậtsố58/2024/QH15củaQuốchội:LuậtĐầutưcôngLuậtsố58")


# --- Every seed procedure: what a reader would notice -------------------------------------------

HEADERS = ("Tên giấy tờMẫu đơn, tờ khaiSố lượng", "Tên văn bản pháp lýMã văn bản")
# Quantity cells are checked on their own below; "0 bản chính" is deliberately not shown.
QUANTITY = re.compile(r"\d+ bản (?:chính|sao)")
# The one word the display may drop: "Đồng" left over from the fee column at the start of a fee note.
DROPPABLE = {"đồng"}
SOURCE_COLUMNS = ("documents", "steps", "conditions", "applicants", "result", "legal_basis", "fee_note")


def words(text: str) -> Counter:
    """Lower-cased words, also split where the scraper glued two cells together ("chínhTrường")."""
    found = Counter()
    for run in re.findall(r"[^\W\d_]+", re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text)):
        if len(run) < 3 or run[1:].islower():
            found[run.lower()] += 1
            continue
        start = 0
        for i in range(1, len(run)):
            next_lower = i + 1 < len(run) and run[i + 1].islower()
            if run[i].isupper() and (run[i - 1].islower() or next_lower):
                found[run[start:i].lower()] += 1
                start = i
        found[run[start:].lower()] += 1
    return found


def visible_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_every_seed_procedure_renders_readably_and_loses_no_words(seeded_app):
    procedures = db.session.scalars(select(Procedure)).all()
    assert len(procedures) == 289
    for item in procedures:
        page = render_template("kiosk/_procedure_details.html", procedure=item, details=details(item))
        text = visible_text(page)
        assert "None" not in text, item.code
        assert not any(header in text for header in HEADERS), item.code
        source = QUANTITY.sub(" ", " ".join(getattr(item, column) or "" for column in SOURCE_COLUMNS))
        for header in HEADERS:
            source = source.replace(header, " ")
        lost = {w for w in words(source) - words(text) if w not in DROPPABLE}
        assert not lost, f"{item.code} lost {sorted(lost)[:10]}"


def test_every_document_item_and_quantity_is_shown(seeded_app):
    for item in db.session.scalars(select(Procedure)).all():
        page = html.unescape(render_template("kiosk/_procedure_details.html", procedure=item,
                                             details=details(item)))
        for group in details(item).documents:
            for document in group.items:
                assert document.parts[0].text in page if document.parts else document.name in page
                if document.quantity:
                    assert f"Số lượng: {document.quantity}" in page


# --- The kiosk page ----------------------------------------------------------------------------

def test_birth_registration_page_shows_documents_first_then_fee_then_steps(seeded_client):
    page = seeded_client.get("/kiosk/thu-tuc/1.001193").get_data(as_text=True)
    assert "Miễn phí" in page
    assert re.search(r'<li class="details-document[^"]*">\s*<p class="details-document-name">Giấy chứng sinh',
                     page)
    order = [page.index(heading) for heading in (
        "Giấy tờ cần chuẩn bị", "Thời hạn giải quyết và lệ phí", "Các bước thực hiện", "Căn cứ pháp lý")]
    assert order == sorted(order)
    assert re.search(r"<details[^>]*>\s*<summary[^>]*>Xem 15 văn bản</summary>", page)
    assert "Tên giấy tờMẫu đơn" not in page


def test_page_with_empty_fields_says_information_is_missing(seeded_client):
    page = seeded_client.get("/kiosk/thu-tuc/1.001699").get_data(as_text=True)
    assert visible_text(page).count(MISSING) >= 5
    assert "None" not in page


def test_fees_that_differ_by_channel_show_a_table(seeded_client):
    page = seeded_client.get("/kiosk/thu-tuc/1.014063").get_data(as_text=True)
    table = page[page.index('<table class="details-channels">'):page.index("</table>")]
    assert re.search(r"Gửi qua bưu điện</th><td>7 ngày làm việc</td><td>Miễn phí</td>", table)
    assert re.search(r"Nộp trực tiếp</th><td>7 ngày làm việc</td><td>50\.000 đồng</td>", table)
