"""The health probe, the root redirect and Vietnamese error pages."""
import io

from app.setting.services import get_setting


def test_healthz_is_tiny_and_plain(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.data == b"ok"


def test_root_redirects_to_kiosk(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/kiosk/")


def test_unknown_page_is_a_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay")
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in response.get_data(as_text=True)


def test_failed_write_still_gets_a_vietnamese_page(app):
    """A failed flush leaves the session unusable; the error page (which reads settings) must still render."""
    from app.auth.access import public
    from app.catalog.models import Field
    from app.extensions import db

    @app.get("/_boom")
    @public
    def boom():
        db.session.add_all([Field(name="Trùng", slug="a"), Field(name="Trùng", slug="b")])
        db.session.flush()

    response = app.test_client().get("/_boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Hệ thống đang gặp sự cố" in page and "<html" in page


def test_locked_database_answers_503_retry_later(app):
    """A database that stays locked past the busy timeout is a retryable answer, not a 500."""
    from sqlalchemy.exc import OperationalError

    from app.auth.access import public

    @app.get("/_locked")
    @public
    def locked():
        raise OperationalError("UPDATE x", {}, Exception("database is locked"))

    response = app.test_client().get("/_locked")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert "thử lại sau ít giây" in response.get_data(as_text=True)


def test_numbers_beyond_any_id_are_not_found_rather_than_a_crash(app, officer_client):
    huge = "9" * 40
    assert officer_client.get(f"/quan-ly/cuoc-hop/{huge}").status_code == 404
    assert officer_client.get(f"/quan-ly/cuoc-hop/{2**31}").status_code == 404
    assert app.test_client().get(f"/kiosk/huong-dan/{huge}").status_code == 404
    for page in (f"/quan-ly/thong-ke?linh_vuc={huge}", f"/quan-ly/thu-tuc/?field={huge}",
                 f"/quan-ly/to-cong-nghe-so/thanh-vien/them?ap={huge}"):
        assert officer_client.get(page).status_code == 200, page
    sheet = officer_client.get(f"/quan-ly/ma-qr/in?field={huge}&field=-1")
    assert sheet.status_code == 422 and "Vui lòng chọn ít nhất một lĩnh vực" in sheet.get_data(as_text=True)


def test_nul_characters_never_reach_the_database(app, officer_client):
    """PostgreSQL refuses NUL in text: typed input arrives without it, on both databases."""
    response = officer_client.post("/quan-ly/cuoc-hop/wifi", data={"ssid": "UBND\x00 xã", "password": ""})
    assert response.status_code == 303
    assert get_setting("hall_wifi_ssid") == "UBND xã"
    page = officer_client.get("/quan-ly/thu-tuc/?q=kh\x00ai").status_code
    assert page == 200
    upload = officer_client.post("/quan-ly/thu-tuc/nhap", content_type="multipart/form-data",
                                 data={"file": (io.BytesIO(b"[]"), "a\x00.json")})
    assert upload.status_code < 500
