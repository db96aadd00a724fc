"""The public status page and rating: open to anyone, no personal data, same answer for any bad code."""
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.dossiers import services
from app.dossiers.models import Dossier, Rating
from app.extensions import db
from tests.test_dossiers import intake


@pytest.fixture
def dossier(app, make_procedure, officer_client) -> Dossier:
    make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    return Dossier.by_code("XT-2026-000001")


def test_the_status_page_is_public_and_shows_no_personal_data(dossier, client):
    response = client.get("/tra-cuu/XT-2026-000001")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Đăng ký khai sinh" in html and "02/03/2026" in html and "05/03/2026" in html
    assert "Cán bộ đã nhận hồ sơ, đang chờ giải quyết." in html
    assert "Nguyễn Thị Lan" not in html and "0912" not in html and "345 678" not in html
    assert "Set-Cookie" not in response.headers and "csrf" not in html.lower()


def test_a_typed_code_in_lower_case_with_spaces_or_the_whole_url_is_found(dossier, client):
    assert client.get("/tra-cuu?ma= xt-2026-000001 ").headers["Location"] == "/tra-cuu/XT-2026-000001"
    assert client.get("/tra-cuu?ma=https://motcua.example.vn/tra-cuu/XT-2026-000001").headers[
        "Location"] == "/tra-cuu/XT-2026-000001"
    assert client.get("/tra-cuu/xt-2026-000001").status_code == 200
    assert client.get("/tra-cuu").status_code == 200


@pytest.mark.parametrize("code", ["XT-2026-999999", "<script>", "x" * 300, "../../etc/passwd", "%00", "' OR 1=1"])
def test_unknown_and_malformed_codes_get_the_same_plain_answer(dossier, client, code):
    response = client.get(f"/tra-cuu/{code}")
    reference = client.get("/tra-cuu/XT-2026-999998")
    assert response.status_code == reference.status_code == 404
    assert response.get_data() == reference.get_data()
    assert "Không tìm thấy hồ sơ với mã này." in response.get_data(as_text=True)


def test_lookups_are_limited_per_address(dossier, app):
    client = app.test_client()
    other = app.test_client()
    for _ in range(services.LOOKUPS_PER_WINDOW):
        assert client.get("/tra-cuu/XT-2026-000404").status_code == 404
    refused = client.get("/tra-cuu/XT-2026-000001")
    assert refused.status_code == 429 and "tra cứu nhiều lần" in refused.get_data(as_text=True)
    elsewhere = other.get("/tra-cuu/XT-2026-000001", environ_overrides={"REMOTE_ADDR": "10.1.2.3"})
    assert elsewhere.status_code == 200


def test_the_window_passes_and_lookups_work_again(app):
    from datetime import timedelta
    from app.core.timeutil import utcnow
    start = utcnow()
    for _ in range(services.LOOKUPS_PER_WINDOW):
        assert services.allow_lookup("10.0.0.9", start)
    assert not services.allow_lookup("10.0.0.9", start)
    assert services.allow_lookup("10.0.0.9", start + services.LOOKUP_WINDOW + timedelta(seconds=1))


def _returned(dossier, officer_client):
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "resolved"})
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/da-tra")


def test_rating_appears_only_after_the_result_came_back(dossier, client, officer_client):
    assert "Ông/bà có hài lòng không?" not in client.get("/tra-cuu/XT-2026-000001").get_data(as_text=True)
    refused = client.post("/tra-cuu/XT-2026-000001/danh-gia", data={"score": "satisfied"})
    assert refused.status_code == 409
    _returned(dossier, officer_client)
    page = client.get("/tra-cuu/XT-2026-000001").get_data(as_text=True)
    assert "Ông/bà có hài lòng không?" in page and "Rất hài lòng" in page


def test_a_citizen_rates_once(dossier, client, officer_client):
    _returned(dossier, officer_client)
    empty = client.post("/tra-cuu/XT-2026-000001/danh-gia", data={})
    assert empty.status_code == 422 and "Vui lòng chọn một mức." in empty.get_data(as_text=True)
    saved = client.post("/tra-cuu/XT-2026-000001/danh-gia", data={"score": "very_satisfied", "comment": "Nhanh"})
    assert saved.status_code == 303
    thanks = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Cảm ơn ông/bà đã đánh giá: rất hài lòng." in thanks
    again = client.post("/tra-cuu/XT-2026-000001/danh-gia", data={"score": "not_satisfied"})
    assert again.status_code == 409
    assert db.session.scalar(select(func.count(Rating.id))) == 1
    assert db.session.scalar(select(Rating.score)) == "very_satisfied"


def test_the_database_itself_refuses_a_second_rating(dossier):
    db.session.add(Rating(dossier_id=dossier.id, score="satisfied"))
    db.session.commit()
    db.session.add(Rating(dossier_id=dossier.id, score="not_satisfied"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_the_kiosk_home_leads_to_the_lookup(seeded_client):
    html = seeded_client.get("/kiosk/").get_data(as_text=True)
    assert 'href="/tra-cuu"' in html and "Tra cứu tình trạng hồ sơ" in html


def test_addresses_quiet_for_a_day_are_forgotten(app):
    from datetime import timedelta
    from app.core.timeutil import utcnow
    from app.dossiers.models import LookupThrottle
    start = utcnow() - timedelta(days=2)
    services.allow_lookup("10.0.0.1", start)
    services.allow_lookup("10.0.0.2", utcnow())
    assert db.session.scalars(select(LookupThrottle.address)).all() == ["10.0.0.2"]


def test_the_allowance_is_configurable(app):
    app.config["STATUS_LOOKUPS_PER_WINDOW"] = 2
    assert services.allow_lookup("10.0.0.3") and services.allow_lookup("10.0.0.3")
    assert not services.allow_lookup("10.0.0.3")
