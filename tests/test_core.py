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


def test_database_error_still_gets_a_vietnamese_page(app):
    """A failed statement must not leave the session broken for the error page itself."""
    from sqlalchemy import text

    from app.auth.access import public
    from app.extensions import db

    @app.get("/_boom")
    @public
    def boom():
        db.session.execute(text("SELECT * FROM no_such_table"))

    response = app.test_client().get("/_boom")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.get_data(as_text=True)
    assert "<html" in response.get_data(as_text=True)
