"""A USB scanner at the counter, in a real Chromium: it types a CCCD's QR code into the applicant box and
presses Enter; the name is filled and the form waits; a wrong code is explained and fills nothing."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from app.dossiers.models import Dossier
from app.extensions import db
from app.setting.services import save_settings
from tests.browser.test_staff_catalog import officer, staff_page  # noqa: F401
from tests.test_cccd import card

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NAME = "Đặng Thị Ngọc Hằng"
NUMBER = "079190004321"
SCAN = card(number=NUMBER, name=NAME)


def dossier_count(live_server) -> int:
    with live_server.app.app_context():
        return db.session.scalar(select(func.count(Dossier.id)))


@pytest.fixture
def intake_page(staff_page, live_server):
    """The intake form, signed in as an officer, watched for Content-Security-Policy refusals."""
    page = staff_page(service_workers="block")
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.goto(live_server.at("/quan-ly/ho-so/them"))
    yield page
    assert blocked == [], "the page broke the Content-Security-Policy"


@pytest.fixture
def keep_numbers(live_server):
    """The admin's 'lưu số căn cước' on for one test."""
    with live_server.app.app_context():
        save_settings({"keep_citizen_id_number": True})
        db.session.commit()
    yield
    with live_server.app.app_context():
        save_settings({"keep_citizen_id_number": False})
        db.session.commit()


def scan(page, text: str) -> None:
    """What the scanner does: type the code into the focused box, then Enter."""
    page.get_by_label("Họ tên người nộp").click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_a_scan_fills_the_name_and_the_form_waits(intake_page, live_server, artifacts):
    page, before = intake_page, dossier_count(live_server)
    scan(page, SCAN)
    note = page.locator(".scan-note")
    expect(note).to_contain_text(f"Đã điền từ căn cước: họ tên {NAME}")
    name = page.get_by_label("Họ tên người nộp")
    expect(name).to_have_value(NAME)
    assert page.url.endswith("/quan-ly/ho-so/them") and dossier_count(live_server) == before
    expect(page.locator(".field-errors")).to_have_count(0)  # not submitted: no "choose a procedure" refusal
    # The caret stays: hiding it puts style="" on inputs, which htmx's settle copies (a CSP refusal).
    page.screenshot(path=artifacts / "cccd-scan-filled.png", full_page=True, caret="initial")

    # The officer may change what was filled, then saves as usual.
    name.fill(NAME + " Anh")
    procedure = page.get_by_label("Thủ tục (gõ tên hoặc mã)")
    procedure.fill("khai thac thong tin cong dan")
    choice = page.locator("input[name=procedure_code][value='1.010101']")
    choice.check()
    page.get_by_role("button", name="Lưu hồ sơ").click()
    expect(page.get_by_text("Đã tiếp nhận hồ sơ")).to_be_visible()
    assert dossier_count(live_server) == before + 1
    with live_server.app.app_context():
        saved = db.session.scalars(select(Dossier).order_by(Dossier.id.desc())).first()
        assert saved.applicant_name == NAME + " Anh" and saved.citizen_id_number is None  # the setting is off


def test_a_url_scan_is_explained_and_fills_nothing(intake_page, live_server, artifacts):
    page, before = intake_page, dossier_count(live_server)
    scan(page, "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193")
    alert = page.locator(".scan-error")
    expect(alert).to_contain_text("đường dẫn (địa chỉ web), không phải mã QR trên căn cước")
    expect(page.get_by_label("Họ tên người nộp")).to_have_value("")
    page.screenshot(path=artifacts / "cccd-scan-url.png", full_page=True, caret="initial")

    scan(page, SCAN[:50])  # a half-read code
    expect(alert).to_contain_text("Mã quét chưa đủ")
    expect(page.get_by_label("Họ tên người nộp")).to_have_value("")
    assert page.url.endswith("/quan-ly/ho-so/them") and dossier_count(live_server) == before

    scan(page, SCAN)  # then the card, read properly
    expect(page.get_by_label("Họ tên người nộp")).to_have_value(NAME)
    expect(page.locator(".scan-error")).to_have_count(0)


def test_with_numbers_kept_the_scan_lists_earlier_dossiers(keep_numbers, intake_page, live_server, artifacts):
    page = intake_page
    scan(page, SCAN)
    expect(page.locator(".scan-note")).to_contain_text("số căn cước 0791••••••21 (lưu cùng hồ sơ)")
    page.get_by_label("Thủ tục (gõ tên hoặc mã)").fill("khai thac thong tin cong dan")
    page.locator("input[name=procedure_code][value='1.010101']").check()
    page.get_by_role("button", name="Lưu hồ sơ").click()
    expect(page.get_by_text("Đã tiếp nhận hồ sơ")).to_be_visible()
    code = page.locator("h1").inner_text().removeprefix("Hồ sơ ").strip()
    expect(page.get_by_text("CCCD 0791••••••21")).to_be_visible()
    assert NUMBER not in page.content()

    page.goto(live_server.at("/quan-ly/ho-so/them"))
    scan(page, SCAN)
    earlier = page.locator(".earlier-dossiers")
    expect(earlier).to_contain_text("Hồ sơ trước đây của người này")
    expect(earlier.get_by_role("link", name=code)).to_be_visible()
    page.screenshot(path=artifacts / "cccd-scan-earlier.png", full_page=True, caret="initial")
