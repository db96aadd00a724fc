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
