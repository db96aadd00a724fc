"""Forms (mẫu đơn, tờ khai): uploads with previews, links to procedures, the missing list, the kiosk."""
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from app.catalog.models import Procedure
from app.extensions import db
from app.kiosk import offline, read_aloud
from app.catalog import summary
from app.paper_forms import previews, services
from app.paper_forms.models import PaperFile, PaperForm, PaperFormPrint
from app.setting.models import Setting
from tests.test_citizen_summary import MAX_FIRST_VIEW_WORDS, first_view_words
from tests.uploadfiles import image_bytes, office_bytes, pdf_bytes

BIRTH = "1.001193"
OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)


def _upload(client, blank: bytes, blank_name: str, example: tuple[bytes, str] | None = None, **fields):
    data = {"title": fields.pop("title", "Tờ khai đăng ký khai sinh"), "blank": (io.BytesIO(blank), blank_name)}
    if example:
        data["example"] = (io.BytesIO(example[0]), example[1])
    return client.post("/quan-ly/mau-don/", data=data | fields, content_type="multipart/form-data")


def _stored(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"]) / services.FOLDER
    return sorted(folder.glob("*")) if folder.exists() else []


def _printer(on: bool) -> None:
    row = db.session.get(Setting, "kiosk_printer") or Setting(key="kiosk_printer")
    row.value = str(on)
    db.session.add(row)
    db.session.commit()


def test_a_pdf_form_and_a_png_example_are_kept_with_their_previews(app, officer_client, make_procedure):
    procedure = make_procedure()
    response = _upload(officer_client, pdf_bytes("To khai"), "Tờ khai khai sinh.pdf",
                       (image_bytes("png", (1200, 1700)), "Mẫu điền sẵn.png"), procedure_code=procedure.code)
    assert response.status_code == 303, response.get_data(as_text=True)
    paper_form = db.session.scalars(select(PaperForm)).one()
    assert [p.code for p in paper_form.procedures] == [procedure.code]
    assert (paper_form.blank.kind, paper_form.blank.page_count) == ("pdf", 1)
    assert (paper_form.blank.preview_width, paper_form.blank.preview_height) == (640, 906)  # A4 at 640 px
    assert (paper_form.example.preview_width, paper_form.example.preview_height) == (640, 907)  # downscaled
    names = {path.name for path in _stored(app)}
    assert len(names) == 5  # two files, the PDF's preview and printed page, the example's preview
    preview = officer_client.get(f"/kiosk/mau-don/tep/{paper_form.blank_id}/trang-0?v={paper_form.blank.version}")
    assert preview.mimetype == "image/png" and "immutable" in preview.headers["Cache-Control"]
    assert Image.open(io.BytesIO(preview.data)).size == (640, 906)


@pytest.mark.parametrize("name, data, field, message", [
    ("Tờ khai.doc", OLE_DOC, "blank", "Word đời cũ (.doc)"),
    ("Tờ khai.pdf", OLE_DOC, "blank", "Lưu thành"),
    ("Tờ khai.xlsx", office_bytes("xlsx"), "blank", "Chỉ nhận: PDF, Word"),
    ("Tờ khai.pdf", pdf_bytes()[:-40], "blank", "không hoàn chỉnh"),
])
def test_refused_blanks_say_why_and_leave_nothing(app, officer_client, name, data, field, message):
    response = _upload(officer_client, data, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.session.scalars(select(PaperFile)).all() == [] and _stored(app) == []


def test_a_refused_example_leaves_the_good_blank_unstored_too(app, officer_client):
    response = _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", (office_bytes("docx"), "Mẫu điền.docx"))
    assert response.status_code == 422
    assert "Chỉ nhận: PDF, Ảnh JPG, Ảnh PNG" in response.get_data(as_text=True)
    assert db.session.scalars(select(PaperFile)).all() == [] and _stored(app) == []


def test_a_docx_blank_has_no_preview_and_is_not_printable(app, officer_client, make_procedure):
    procedure = make_procedure()
    assert _upload(officer_client, office_bytes("docx"), "Đơn đề nghị.docx",
                   procedure_code=procedure.code).status_code == 303
    paper_form = db.session.scalars(select(PaperForm)).one()
    assert paper_form.blank.page_count == 0 and not paper_form.is_printable
    _printer(True)
    html = officer_client.get(f"/kiosk/thu-tuc/{procedure.code}").get_data(as_text=True)
    assert "Đơn đề nghị.docx" in html and 'aria-label="Tệp Word' in html and "In mẫu này" not in html


def test_one_form_serves_two_procedures_and_downloads_the_same_bytes(app, officer_client, client, make_procedure):
    first, second = make_procedure(), make_procedure()
    blank = pdf_bytes("Don de nghi")
    _upload(officer_client, blank, "Đơn đề nghị.pdf", procedure_code=first.code)
    paper_form = db.session.scalars(select(PaperForm)).one()
    response = officer_client.post(f"/quan-ly/mau-don/{paper_form.id}/thu-tuc", data={"code": second.code})
    assert response.status_code == 303
    for procedure in (first, second):
        html = client.get(f"/kiosk/thu-tuc/{procedure.code}").get_data(as_text=True)
        section = html.split('id="mau-don"', 1)[1].split('<details class="full-details"', 1)[0]
        assert "Tờ khai đăng ký khai sinh" in section and "quét mã để tải" in section.lower()
        assert "Wi-Fi" not in section  # the test's public address is reachable from mobile data
    with app.test_request_context():
        url = services.public_url(paper_form.blank)
    assert url == f"https://motcua.example.vn/mau-don/{paper_form.blank_id}"
    download = client.get(url.removeprefix("https://motcua.example.vn"))
    assert download.status_code == 200 and download.data == blank
    assert download.headers["Content-Security-Policy"] == "sandbox"


def test_linking_an_unknown_code_says_so_in_place(app, officer_client, make_procedure):
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf")
    paper_form = db.session.scalars(select(PaperForm)).one()
    response = officer_client.post(f"/quan-ly/mau-don/{paper_form.id}/thu-tuc", data={"code": "9.999999"})
    assert response.status_code == 422 and "Không có thủ tục mã “9.999999”" in response.get_data(as_text=True)


def test_the_kiosk_asks_for_the_hall_wifi_when_the_public_address_is_local(app, officer_client, client, make_procedure):
    procedure = make_procedure()
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", procedure_code=procedure.code)
    db.session.add_all([Setting(key="public_base_url", value="http://192.168.1.10:8000"),
                        Setting(key="hall_wifi_ssid", value="UBND-Tan-Phu")])
    db.session.commit()
    html = client.get(f"/kiosk/thu-tuc/{procedure.code}").get_data(as_text=True)
    assert "kết nối Wi-Fi của hội trường “UBND-Tan-Phu”" in html


def test_detaching_keeps_the_form_for_other_procedures(app, officer_client, client, make_procedure):
    first, second = make_procedure(), make_procedure()
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", procedure_code=first.code)
    paper_form = db.session.scalars(select(PaperForm)).one()
    officer_client.post(f"/quan-ly/mau-don/{paper_form.id}/thu-tuc", data={"code": second.code})
    assert officer_client.post(f"/quan-ly/mau-don/thu-tuc/{first.code}/go/{paper_form.id}").status_code == 303
    assert 'id="mau-don"' not in client.get(f"/kiosk/thu-tuc/{first.code}").get_data(as_text=True)
    assert 'id="mau-don"' in client.get(f"/kiosk/thu-tuc/{second.code}").get_data(as_text=True)
    refused = officer_client.post(f"/quan-ly/mau-don/{paper_form.id}/xoa")
    assert refused.status_code == 422 and "gỡ khỏi các thủ tục trước" in refused.get_data(as_text=True)


def test_deleting_an_unused_form_removes_its_files(app, officer_client):
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", (image_bytes("jpeg"), "Mẫu.jpg"))
    paper_form = db.session.scalars(select(PaperForm)).one()
    assert len(_stored(app)) == 5
    assert officer_client.post(f"/quan-ly/mau-don/{paper_form.id}/xoa").status_code == 303
    assert db.session.scalars(select(PaperFile)).all() == [] and _stored(app) == []


def test_staff_pages_answer_whole_and_as_fragments(app, officer_client, make_procedure):
    procedure = make_procedure()
    for path in ("/quan-ly/mau-don/", f"/quan-ly/mau-don/thu-tuc/{procedure.code}", "/quan-ly/mau-don/con-thieu"):
        whole = officer_client.get(path)
        part = officer_client.get(path, headers={"HX-Request": "true"})
        assert whole.status_code == part.status_code == 200
        assert "<html" in whole.get_data(as_text=True) and "<html" not in part.get_data(as_text=True)


def test_viewers_cannot_upload(app, viewer_client):
    assert _upload(viewer_client, pdf_bytes(), "Tờ khai.pdf").status_code == 403


@pytest.mark.parametrize("text, named", [
    ("Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh theo mẫu1 bản chính", True),
    ("Đơn đề nghị cấp bản sao trích lục1 bản chính", True),
    ("Phiếu thu nhận thông tin căn cước (Mẫu CC01)", True),
    # The table's own header and "đơn vị" name no form.
    ("Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy chứng sinh1 bản chính; nộp cho đơn vị sử dụng lao động", False),
    (None, False),
])
def test_names_a_form(text, named):
    assert services.names_a_form(text) is named


def test_the_missing_list_puts_common_procedures_first_and_shrinks(seeded_app, staff_client):
    officer_client = staff_client("officer")
    last = services.missing_forms()[-1][0]
    last.is_common = True
    db.session.commit()
    rows = services.missing_forms()
    assert len(rows) >= 150 and rows[0][0] == last
    in_events = [in_event for _, in_event in rows[1:]]
    assert in_events == sorted(in_events, reverse=True) and in_events[0] and not in_events[-1]
    birth = Procedure.by_code(BIRTH)
    assert birth in [procedure for procedure, _ in rows]
    page = officer_client.get("/quan-ly/mau-don/con-thieu").get_data(as_text=True)
    assert f"Còn {len(rows)} thủ tục." in page
    _upload(officer_client, pdf_bytes(), "Tờ khai khai sinh.pdf", procedure_code=BIRTH)
    after = services.missing_forms()
    assert len(after) == len(rows) - 1 and birth not in [procedure for procedure, _ in after]


def test_printing_needs_the_setting_and_is_limited_per_form(app, officer_client, client, make_procedure):
    procedure = make_procedure()
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", procedure_code=procedure.code)
    paper_form = db.session.scalars(select(PaperForm)).one()
    assert "In mẫu này" not in client.get(f"/kiosk/thu-tuc/{procedure.code}").get_data(as_text=True)
    path = f"/kiosk/mau-don/{paper_form.id}/in"
    refused = client.post(path, data={"code": procedure.code})
    assert refused.status_code == 409 and "chưa nối máy in" in refused.get_data(as_text=True)
    _printer(True)
    assert "In mẫu này" in client.get(f"/kiosk/thu-tuc/{procedure.code}").get_data(as_text=True)
    for _ in range(services.PRINTS_PER_FORM):
        printed = client.post(path, data={"code": procedure.code})
        assert printed.status_code == 200
        html = printed.get_data(as_text=True)
        assert len(re.findall(r'class="print-page"', html)) == 1 and "paper-forms.js" in html
    too_many = client.post(path, data={"code": procedure.code})
    assert too_many.status_code == 429 and "Xin chờ 3 phút" in too_many.get_data(as_text=True)
    assert 'class="print-page"' not in too_many.get_data(as_text=True)
    assert db.session.scalar(select(db.func.count(PaperFormPrint.id))) == services.PRINTS_PER_FORM
    other_site = client.post(path, data={"code": procedure.code}, headers={"Sec-Fetch-Site": "cross-site"})
    assert other_site.status_code == 403


def test_read_aloud_names_the_forms_and_where_to_get_them(app, officer_client, make_procedure):
    procedure = make_procedure()
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", procedure_code=procedure.code)
    text = read_aloud.procedure_text(procedure, summary.citizen_summary(procedure), ["Tờ khai đăng ký khai sinh"])
    assert "Mẫu đơn, tờ khai: Tờ khai đăng ký khai sinh. Có mẫu tại quầy, hoặc quét mã để tải về." in text


def test_the_offline_copy_keeps_previews_and_qr_codes_but_not_downloads(app, officer_client, client, make_procedure):
    procedure = make_procedure()
    _upload(officer_client, pdf_bytes(), "Tờ khai.pdf", (image_bytes("jpeg"), "Mẫu.jpg"), procedure_code=procedure.code)
    paper_form = db.session.scalars(select(PaperForm)).one()
    urls = client.get("/kiosk/ngoai-tuyen.json").get_json()["urls"]
    for paper_file in (paper_form.blank, paper_form.example):
        assert f"/kiosk/mau-don/tep/{paper_file.id}/trang-0?v={paper_file.version}" in urls
        assert any(u.startswith(f"/kiosk/mau-don/tep/{paper_file.id}/qr.svg?v=") for u in urls)
    assert not any(u.startswith("/mau-don/") for u in urls)
    for url in urls:
        if "/mau-don/" in url:
            assert client.get(url).status_code == 200, url


def test_the_first_view_stays_short_with_three_forms(seeded_app, staff_client, seeded_client):
    officer_client = staff_client("officer")
    for title in ("Tờ khai đăng ký khai sinh", "Văn bản ủy quyền đăng ký khai sinh", "Giấy cam đoan về việc sinh"):
        _upload(officer_client, pdf_bytes(), "Mẫu.pdf", (image_bytes("png"), "Điền sẵn.png"),
                title=title, procedure_code=BIRTH)
    html = seeded_client.get(f"/kiosk/thu-tuc/{BIRTH}").get_data(as_text=True)
    assert html.count('class="paper-form"') == 3
    assert first_view_words(html) <= MAX_FIRST_VIEW_WORDS
    assert first_view_words(html) < 250


def test_preview_rendering_is_fast_for_a_one_page_form(app):
    """Measured: the render is done once per file at upload; this bounds it on a shared CI core."""
    import time
    from app import uploads
    from app.uploads.checks import CheckedUpload

    data = pdf_bytes()
    stored = uploads.store(data, CheckedUpload("pdf", "application/pdf", len(data), "a.pdf"), services.FOLDER)
    started = time.perf_counter()
    pages, size = previews.render(stored, "pdf", "a.pdf")
    assert (pages, size) == (1, (640, 906)) and time.perf_counter() - started < 2.0


def test_the_admin_says_whether_the_kiosk_has_a_printer(app, admin_client):
    from app.setting.services import get_setting

    page = admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)
    assert "Kiosk có máy in" in page
    data = {"commune_name": "UBND xã Tân Phú", "public_base_url": "https://motcua.example.vn",
            "kiosk_idle_seconds": "120", "kiosk_voice": "vi", "kiosk_printer": "y"}
    assert admin_client.post("/quan-tri/cai-dat", data=data).status_code in (302, 303)
    assert get_setting("kiosk_printer") is True
    admin_client.post("/quan-tri/cai-dat", data=data | {"kiosk_printer": ""})
    assert get_setting("kiosk_printer") is False
