"""Guides: staff write steps with images and links; the kiosk shows published guides in large type."""
import io
from pathlib import Path

import pytest
from PIL import Image

from app.extensions import db
from app.guides.models import Guide, GuideStep

BASE = "/quan-ly/huong-dan"


def _png(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def guide(app):
    made = Guide(title="Cài đặt VNeID", summary="Cho điện thoại Android và iPhone.",
                 url="https://vneid.gov.vn", published=True)
    db.session.add(made)
    db.session.commit()
    return made


def _stored_files(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"]) / "guides"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_officer_creates_a_guide_then_adds_a_step_with_an_image(app, officer_client, client):
    response = officer_client.post(f"{BASE}/them", data={"title": "Nộp hồ sơ trực tuyến", "published": "y"})
    assert response.status_code == 303
    created = db.session.scalar(db.select(Guide))
    response = officer_client.post(f"{BASE}/{created.id}/buoc/them", content_type="multipart/form-data", data={
        "text": "Mở ứng dụng VNeID, chọn Thủ tục hành chính.", "url": "https://dichvucong.gov.vn",
        "image": (io.BytesIO(_png()), "buoc-1.png")})
    assert response.status_code == 303
    step = db.session.scalar(db.select(GuideStep))
    assert step.image_type == "image/png" and len(_stored_files(app)) == 1
    page = client.get(f"/kiosk/huong-dan/{created.id}").get_data(as_text=True)
    assert "Mở ứng dụng VNeID, chọn Thủ tục hành chính." in page
    image = client.get(f"/kiosk/huong-dan/buoc/{step.id}/anh")
    assert image.status_code == 200 and image.mimetype == "image/png" and image.data == _png()
    qr = client.get(f"/kiosk/huong-dan/buoc/{step.id}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(app, guide, officer_client):
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"{BASE}/{guide.id}/buoc/them", headers=headers,
                                       content_type="multipart/form-data", data={
            "text": "Bước có ảnh giả", "image": (io.BytesIO(b"MZ\x90\x00 not a picture"), "anh.png")})
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "“anh.png” không phải tệp được nhận. Chỉ nhận: Ảnh JPG, Ảnh PNG." in body
        assert ("<html" in body) == (not headers)
    assert db.session.scalar(db.select(GuideStep)) is None
    assert _stored_files(app) == []


def test_a_pdf_named_as_a_picture_is_refused(app, guide, officer_client):
    response = officer_client.post(f"{BASE}/{guide.id}/buoc/them", content_type="multipart/form-data", data={
        "text": "Bước", "image": (io.BytesIO(b"%PDF-1.7\n%%EOF"), "anh.jpg")})
    assert response.status_code == 422
    assert "Chỉ nhận: Ảnh JPG, Ảnh PNG." in response.get_data(as_text=True)
    assert _stored_files(app) == []


def test_links_must_be_http_or_https(app, guide, officer_client):
    response = officer_client.post(f"{BASE}/{guide.id}/buoc/them", content_type="multipart/form-data",
                                   data={"text": "Bước", "url": "javascript:alert(1)"})
    assert response.status_code == 422
    assert "Địa chỉ phải bắt đầu bằng http:// hoặc https://" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(GuideStep)) is None


def test_replacing_and_removing_an_image_deletes_the_old_file(app, guide, officer_client):
    url = f"{BASE}/{guide.id}/buoc/them"
    officer_client.post(url, content_type="multipart/form-data",
                        data={"text": "Bước 1", "image": (io.BytesIO(_png()), "a.png")})
    step = db.session.scalar(db.select(GuideStep))
    first = _stored_files(app)
    officer_client.post(f"{BASE}/{guide.id}/buoc/{step.id}", content_type="multipart/form-data",
                        data={"text": "Bước 1", "image": (io.BytesIO(_png((50, 50))), "b.png")})
    second = _stored_files(app)
    assert len(second) == 1 and second != first
    officer_client.post(f"{BASE}/{guide.id}/buoc/{step.id}", data={"text": "Bước 1", "remove_image": "y"})
    assert _stored_files(app) == []
    db.session.refresh(step)
    assert step.image_path is None


def test_steps_reorder_and_the_kiosk_follows(app, guide, officer_client, client):
    for text in ("Bước thứ nhất", "Bước thứ hai"):
        officer_client.post(f"{BASE}/{guide.id}/buoc/them", data={"text": text})
    second = db.session.scalar(db.select(GuideStep).where(GuideStep.text == "Bước thứ hai"))
    assert officer_client.post(f"{BASE}/{guide.id}/buoc/{second.id}/len").status_code == 303
    page = client.get(f"/kiosk/huong-dan/{guide.id}").get_data(as_text=True)
    assert page.index("Bước thứ hai") < page.index("Bước thứ nhất")


def test_unpublished_guides_stay_off_the_kiosk(app, guide, client):
    draft = Guide(title="Bản nháp chưa duyệt", published=False)
    db.session.add(draft)
    db.session.commit()
    home = client.get("/kiosk/").get_data(as_text=True)
    assert "Cài đặt VNeID" in home and "Bản nháp chưa duyệt" not in home
    listing = client.get("/kiosk/huong-dan/").get_data(as_text=True)
    assert "Cài đặt VNeID" in listing and "Bản nháp chưa duyệt" not in listing
    assert client.get(f"/kiosk/huong-dan/{draft.id}").status_code == 404
    assert client.get(f"/kiosk/huong-dan/{guide.id}/qr.svg").status_code == 200
    assert client.get(f"/kiosk/huong-dan/{draft.id}/qr.svg").status_code == 404


def test_staff_guide_pages_need_sign_in_and_officer_to_write(app, guide, client, viewer_client):
    assert client.get(f"{BASE}/").status_code == 302
    assert viewer_client.get(f"{BASE}/{guide.id}").status_code == 200
    assert viewer_client.post(f"{BASE}/{guide.id}", data={"title": "Đổi"}).status_code == 403
    assert viewer_client.post(f"{BASE}/{guide.id}/buoc/them", data={"text": "X"}).status_code == 403
    db.session.refresh(guide)
    assert guide.title == "Cài đặt VNeID"


def test_guide_form_errors_both_ways(app, officer_client):
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"{BASE}/them", data={"title": "", "url": "ftp://x"}, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "Vui lòng nhập tên hướng dẫn." in body and "http:// hoặc https://" in body
        assert ("<html" in body) == (not headers)
    assert db.session.scalar(db.select(Guide)) is None
