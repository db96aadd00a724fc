"""A meeting from the officer's upload to an attendee's phone, in a real Chromium, QR read by zbarimg."""
import re
import secrets
import subprocess
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from app.auth.models import User
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.setting.services import save_settings
from tests.uploadfiles import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 360, "height": 740}  # a small Android phone
PASSWORD = "mat-khau-trinh-duyet"
WIFI_SSID, WIFI_PASSWORD = "UBND Tân Phú; Khách", 'hop:2026"xa'


@pytest.fixture
def officer_page(browser, live_server):
    """A desktop page signed in as a fresh officer, with the hall Wi-Fi set."""
    username = f"canbo-{secrets.token_hex(3)}"
    with live_server.app.app_context():
        user = User(username=username, full_name="Cán bộ Văn phòng", role="officer")
        user.set_password(PASSWORD)
        db.session.add(user)
        save_settings({"hall_wifi_ssid": WIFI_SSID, "hall_wifi_password": WIFI_PASSWORD})
        db.session.commit()
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(live_server.at("/dang-nhap"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN",
                                  accept_downloads=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _decode_all(image_path) -> list[str]:
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image_path)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found in {image_path}"
    return result.stdout.splitlines()


def _decode_utf8(image_path) -> str:
    """One code's bytes read as UTF-8, as phones do (zbar would guess a Chinese charset otherwise)."""
    result = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(image_path)], capture_output=True)
    assert result.returncode == 0, f"no QR code found in {image_path}"
    return result.stdout.decode("utf-8").rstrip("\n")


def _wait_for_images(page, attempts: int = 50) -> None:
    for _ in range(attempts):
        if page.evaluate("[...document.images].every(img => img.complete && img.naturalWidth > 0)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the images did not load")


def _create_meeting(page, live_server, title: str) -> None:
    page.goto(live_server.at("/quan-ly/cuoc-hop/"))
    page.get_by_role("link", name="Thêm cuộc họp").click()
    page.get_by_label("Tên cuộc họp").fill(title)
    day = to_local(utcnow() + timedelta(days=1)).date()
    page.get_by_label("Ngày họp").fill(day.isoformat())
    page.get_by_label("Giờ bắt đầu").fill("08:30")
    page.get_by_label("Địa điểm").fill("Hội trường UBND xã")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_have_text(title)


def test_upload_publish_print_scan_and_download_on_a_phone(officer_page, phone, live_server, artifacts, tmp_path):
    page = officer_page
    title = f"Họp triển khai đường liên ấp {secrets.token_hex(2)}"
    _create_meeting(page, live_server, title)
    upload = tmp_path / "Báo cáo đường.pdf"
    upload.write_bytes(pdf_bytes("Bao cao duong lien ap", padding=20_000))
    page.get_by_label("Tệp (PDF").set_input_files(str(upload))
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator(".flash-success")).to_contain_text("Báo cáo đường.pdf")
    page.get_by_role("button", name="Công bố").click()
    expect(page.locator(".meeting-facts")).to_contain_text("Đã công bố")
    page.get_by_role("button", name="Tạo liên kết").click()
    expect(page.locator(".link-url")).to_contain_text("https://motcua.example.vn/h/")
    page.screenshot(path=str(artifacts / "meeting-staff.png"), full_page=True)

    page.get_by_role("link", name="In thẻ đặt bàn").click()
    _wait_for_images(page)
    page.locator(".table-card").screenshot(path=str(artifacts / "meeting-card-a5.png"))
    decoded = _decode_all(artifacts / "meeting-card-a5.png")
    link = next(text for text in decoded if text.startswith("https://"))
    assert link.startswith("https://motcua.example.vn/h/")
    assert any(text.startswith("WIFI:T:WPA;S:UBND T") for text in decoded)
    page.locator(".card-code").first.screenshot(path=str(tmp_path / "wifi.png"))
    assert _decode_utf8(tmp_path / "wifi.png") == 'WIFI:T:WPA;S:UBND Tân Phú\\; Khách;P:hop\\:2026\\"xa;;'

    # The public address is not this test server: open the decoded path on it.
    phone.goto(live_server.at(urlsplit(link).path))
    expect(phone.locator("h1")).to_have_text(title)
    phone.screenshot(path=str(artifacts / "meeting-phone.png"), full_page=True)
    document = phone.locator(".attendee-document").filter(has_text="Báo cáo đường")
    assert document.bounding_box()["height"] >= 48  # a tap target a thumb hits
    href = live_server.at(document.get_attribute("href"))
    response = phone.request.get(href)
    assert response.ok and response.body() == upload.read_bytes()
    assert "inline" in response.headers["content-disposition"]

    page.goto(live_server.at(urlsplit(page.url).path.removesuffix("/the-ban")))
    page.get_by_role("button", name="Thu hồi liên kết").click()
    # Every printed card stops working: the officer is asked first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Thu hồi liên kết của cuộc họp?")
    page.locator(".confirm-box").get_by_role("button", name="Thu hồi liên kết").click()
    expect(page.locator(".flash-success")).to_contain_text("Đã thu hồi")
    gone = phone.goto(live_server.at(urlsplit(link).path))
    assert gone.status == 404
    expect(phone.locator("h1")).to_have_text("Không mở được liên kết này")
    phone.screenshot(path=str(artifacts / "meeting-phone-revoked.png"), full_page=True)
    assert phone.request.get(href).status == 404


def _public_meeting(live_server, title: str) -> None:
    """A published public meeting tomorrow with one PDF and a live link, made as the staff pages do."""
    from app.meetings import links, services
    from app.meetings.models import Meeting

    with live_server.app.app_context():
        meeting = Meeting(title=title, starts_at=utcnow() + timedelta(days=1), place="Nhà văn hóa ấp 3",
                          is_public=True)
        db.session.add(meeting)
        services.add_document(meeting, pdf_bytes(), "Dự thảo quy ước ấp.pdf", None, "", "test")
        services.publish(meeting, True)
        links.create_link(meeting, utcnow() + timedelta(days=8), None, "test")
        db.session.commit()


def test_kiosk_home_shows_a_public_meeting_whose_qr_opens_it_on_a_phone(open_page, phone, live_server, artifacts):
    title = f"Họp dân ấp 3 về quy ước {secrets.token_hex(2)}"
    _public_meeting(live_server, title)
    kiosk = open_page("landscape")
    kiosk.goto(live_server.at("/kiosk/"))
    entry = kiosk.locator(".kiosk-meeting").filter(has_text=title)
    expect(entry).to_be_visible()
    _wait_for_images(kiosk)
    entry.scroll_into_view_if_needed()
    kiosk.screenshot(path=str(artifacts / "meeting-kiosk-home.png"), full_page=True)
    entry.screenshot(path=str(artifacts / "meeting-kiosk-entry.png"))
    [link] = _decode_all(artifacts / "meeting-kiosk-entry.png")
    assert re.fullmatch(r"https://motcua\.example\.vn/h/[A-Za-z0-9_-]{24}", link)
    phone.goto(live_server.at(urlsplit(link).path))
    expect(phone.locator("h1")).to_have_text(title)
    expect(phone.locator(".attendee-document")).to_contain_text("Dự thảo quy ước ấp")


def test_a4_table_card_prints_on_one_landscape_page(officer_page, live_server, artifacts):
    page = officer_page
    _create_meeting(page, live_server, "Hội nghị tổng kết năm 2026 của Ủy ban nhân dân xã Tân Phú")
    page.get_by_role("button", name="Tạo liên kết").click()
    page.get_by_role("link", name="In thẻ đặt bàn").click()
    page.get_by_role("link", name="Khổ A4").click()
    _wait_for_images(page)
    expect(page.locator(".card-tools")).to_contain_text("chưa công bố")
    page.screenshot(path=str(artifacts / "meeting-card-a4-screen.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
