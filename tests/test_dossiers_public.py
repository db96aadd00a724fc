"""The public status page and rating: the receipt code and its lookup secret open it, nothing else does;
no personal data; the same answer for an unknown code and a wrong secret."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.core.timeutil import utcnow
from app.dossiers import services
from app.dossiers.models import LOOKUP_ALPHABET, Dossier, LookupThrottle, Rating
from app.extensions import db
from tests.test_dossiers import intake

CODE = "XT-2026-000001"


@pytest.fixture
def dossier(app, make_procedure, officer_client) -> Dossier:
    make_procedure(name="Đăng ký khai sinh", processing_time="3 Ngày làm việc")
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    return Dossier.by_code(CODE)


@pytest.fixture
def status_url(dossier) -> str:
    return f"/tra-cuu/{CODE}/{dossier.lookup_secret}"


def _wrong(secret: str) -> str:
    """Another secret of the right shape."""
    return ("2" if secret[0] != "2" else "3") + secret[1:]


def test_the_status_page_opens_with_the_secret_and_shows_no_personal_data(dossier, client, status_url):
    response = client.get(status_url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Đăng ký khai sinh" in html and "02/03/2026" in html and "05/03/2026" in html
    assert "Cán bộ đã nhận hồ sơ, đang chờ giải quyết." in html
    assert "Nguyễn Thị Lan" not in html and "0912" not in html and "345 678" not in html
    assert "Set-Cookie" not in response.headers and "csrf" not in html.lower()
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["Cache-Control"] == "no-store"


def test_every_dossier_gets_its_own_secret_from_an_unambiguous_alphabet(dossier, officer_client):
    officer_client.post("/quan-ly/ho-so/them", data=intake())
    secrets = db.session.scalars(select(Dossier.lookup_secret)).all()
    assert len(set(secrets)) == 2
    assert all(len(secret) == 8 and set(secret) <= set(LOOKUP_ALPHABET) for secret in secrets)
    assert not set("01OIL") & set(LOOKUP_ALPHABET)
    assert len(LOOKUP_ALPHABET) ** 8 > 2**39  # counting codes cannot find the secrets


def test_a_stranger_with_the_receipt_code_alone_sees_nothing(dossier, client):
    asked = client.get(f"/tra-cuu/{CODE}")
    html = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Nhập mã tra cứu" in html
    assert "Đăng ký khai sinh" not in html and "02/03/2026" not in html and "Cán bộ đã nhận" not in html
    assert client.get(f"/tra-cuu?ma={CODE}").headers["Location"] == f"/tra-cuu/{CODE}"


def test_a_wrong_secret_and_an_unknown_code_get_the_same_answer(dossier, client):
    wrong = client.get(f"/tra-cuu/{CODE}/{_wrong(dossier.lookup_secret)}")
    unknown = client.get(f"/tra-cuu/XT-2026-000002/{_wrong(dossier.lookup_secret)}")
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.get_data(as_text=True).replace(CODE, "?") == unknown.get_data(as_text=True).replace("XT-2026-000002", "?")
    html = wrong.get_data(as_text=True)
    assert "Mã hồ sơ hoặc mã tra cứu chưa đúng." in html and "Đăng ký khai sinh" not in html


def test_a_lookup_that_finds_nothing_keeps_what_was_typed(dossier, client):
    html = client.get(f"/tra-cuu/{CODE}/ABCD2345").get_data(as_text=True)
    assert 'value="ABCD2345"' in html and CODE in html
    bad = client.get("/tra-cuu?ma=khong-co-ma-nao-nhu-vay!")
    assert bad.status_code == 422 and 'value="khong-co-ma-nao-nhu-vay!"' in bad.get_data(as_text=True)


def test_typed_codes_and_secrets_are_read_forgivingly(dossier, client):
    secret = dossier.lookup_secret
    spaced = f"{secret[:4].lower()} {secret[4:].lower()}"
    assert client.get(f"/tra-cuu/{CODE.lower()}?ma_tra_cuu={spaced}").headers["Location"] == f"/tra-cuu/{CODE}/{secret}"
    assert client.get(f"/tra-cuu/{CODE}/{secret[:4]}-{secret[4:].lower()}").status_code == 200
    assert client.get("/tra-cuu?ma= xt-2026-000001 ").headers["Location"] == f"/tra-cuu/{CODE}"
    assert client.get("/tra-cuu").status_code == 200


def test_a_scanned_receipt_link_goes_straight_to_the_status(dossier, client, officer_client):
    page = officer_client.get(f"/quan-ly/ho-so/{CODE}/bien-nhan/80mm").get_data(as_text=True)
    assert dossier.printed_secret in page and "Mã tra cứu" in page
    scanned = f"https://motcua.example.vn/tra-cuu/{CODE}/{dossier.lookup_secret}"
    assert client.get(f"/tra-cuu?ma={scanned}").headers["Location"] == f"/tra-cuu/{CODE}/{dossier.lookup_secret}"


def test_wrong_secrets_are_limited_per_receipt_code_not_per_address(dossier, app, status_url):
    guesser, citizen = app.test_client(), app.test_client()
    for _ in range(services.WRONG_LOOKUPS_PER_WINDOW):
        assert guesser.get(f"/tra-cuu/{CODE}/{_wrong(dossier.lookup_secret)}").status_code == 404
    refused = citizen.get(status_url)  # the same hall kiosk address, or any other
    assert refused.status_code == 429 and "nhập sai mã tra cứu nhiều lần" in refused.get_data(as_text=True)
    assert citizen.get("/tra-cuu/XT-2026-000002/ABCD2345").status_code == 404  # other codes are untouched


def test_right_secrets_do_not_use_up_the_allowance(dossier, client, status_url):
    for _ in range(services.WRONG_LOOKUPS_PER_WINDOW + 5):
        assert client.get(status_url).status_code == 200


def test_unknown_codes_are_limited_like_known_ones(dossier, client):
    for _ in range(services.WRONG_LOOKUPS_PER_WINDOW):
        assert client.get("/tra-cuu/XT-2026-000404/ABCD2345").status_code == 404
    assert client.get("/tra-cuu/XT-2026-000404/ABCD2345").status_code == 429


def test_the_window_passes_and_lookups_work_again(app):
    start = utcnow()
    for _ in range(services.WRONG_LOOKUPS_PER_WINDOW):
        assert services.claim_lookup(CODE, start)
    assert not services.claim_lookup(CODE, start)
    assert services.claim_lookup(CODE, start + services.LOOKUP_WINDOW + timedelta(seconds=1))


def test_a_stranger_cannot_rate_with_the_code_alone(dossier, client, officer_client):
    _returned(dossier, officer_client)
    assert client.post(f"/tra-cuu/{CODE}/danh-gia", data={"score": "not_satisfied"}).status_code in (404, 405)
    wrong = client.post(f"/tra-cuu/{CODE}/{_wrong(dossier.lookup_secret)}/danh-gia", data={"score": "not_satisfied"})
    assert wrong.status_code == 404
    assert db.session.scalar(select(func.count(Rating.id))) == 0


def _returned(dossier, officer_client):
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/trang-thai", data={"status": "resolved"})
    officer_client.post("/quan-ly/ho-so/XT-2026-000001/da-tra")


def test_rating_appears_only_after_the_result_came_back(dossier, client, officer_client, status_url):
    assert "Ông/bà có hài lòng không?" not in client.get(status_url).get_data(as_text=True)
    refused = client.post(status_url + "/danh-gia", data={"score": "satisfied"})
    assert refused.status_code == 409
    _returned(dossier, officer_client)
    page = client.get(status_url).get_data(as_text=True)
    assert "Ông/bà có hài lòng không?" in page and "Rất hài lòng" in page


def test_a_citizen_rates_once(dossier, client, officer_client, status_url):
    _returned(dossier, officer_client)
    empty = client.post(status_url + "/danh-gia", data={})
    assert empty.status_code == 422 and "Vui lòng chọn một mức." in empty.get_data(as_text=True)
    saved = client.post(status_url + "/danh-gia", data={"score": "very_satisfied", "comment": "Nhanh"})
    assert saved.status_code == 303
    thanks = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Cảm ơn ông/bà đã đánh giá: rất hài lòng." in thanks
    again = client.post(status_url + "/danh-gia", data={"score": "not_satisfied"})
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


def test_codes_quiet_for_a_day_are_forgotten(app):
    services.claim_lookup("XT-2026-000001", utcnow() - timedelta(days=2))
    services.claim_lookup("XT-2026-000002", utcnow())
    assert db.session.scalars(select(LookupThrottle.receipt_code)).all() == ["XT-2026-000002"]


def test_the_allowance_is_configurable(app):
    app.config["WRONG_LOOKUPS_PER_WINDOW"] = 2
    assert services.claim_lookup(CODE) and services.claim_lookup(CODE)
    assert not services.claim_lookup(CODE)
    services.release_lookup(CODE)
    assert services.claim_lookup(CODE)


def test_imported_dossiers_get_a_secret_and_officers_print_a_slip(app, make_procedure, officer_client, client):
    from tests.test_dossiers_import import upload
    make_procedure(processing_time="3 Ngày làm việc")
    upload(officer_client, ["H-2026-0001;9.000001;Trần Văn Bình;;;;02/03/2026 08:00;;;"])
    officer_client.post("/quan-ly/ho-so/nhap/ap-dung")
    imported = Dossier.by_code("H-2026-0001")
    assert re.fullmatch(f"[{LOOKUP_ALPHABET}]{{8}}", imported.lookup_secret)
    page = officer_client.get("/quan-ly/ho-so/H-2026-0001").get_data(as_text=True)
    assert imported.printed_secret in page and "/quan-ly/ho-so/H-2026-0001/phieu-tra-cuu/80mm" in page
    slip = officer_client.get("/quan-ly/ho-so/H-2026-0001/phieu-tra-cuu/a5").get_data(as_text=True)
    assert "PHIẾU TRA CỨU TÌNH TRẠNG HỒ SƠ" in slip and imported.printed_secret in slip
    assert "Trần Văn Bình" not in slip
    assert client.get(f"/tra-cuu/H-2026-0001/{imported.lookup_secret}").status_code == 200


def test_viewers_cannot_print_slips(dossier, viewer_client):
    assert viewer_client.get(f"/quan-ly/ho-so/{CODE}/phieu-tra-cuu/80mm").status_code == 403


def test_the_migration_gives_existing_dossiers_a_secret(dossier):
    from flask_migrate import downgrade, upgrade
    from tests.conftest import MIGRATIONS
    db.session.remove()
    downgrade(directory=MIGRATIONS, revision="0007")
    upgrade(directory=MIGRATIONS)
    secret = db.session.scalar(select(Dossier.lookup_secret))
    assert re.fullmatch(f"[{LOOKUP_ALPHABET}]{{8}}", secret)
