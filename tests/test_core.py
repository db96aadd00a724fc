"""The health probe, the root redirect and Vietnamese error pages."""


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
