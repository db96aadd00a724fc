"""At the counter in a real Chromium: enter a dossier, print its receipt, scan the receipt's QR,
open the public status page, change the status from the list, and watch the statistics move."""
import subprocess
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_staff_catalog import DESKTOP, _wait_for_images, officer, staff_page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# 80 mm at 96 CSS pixels per inch.
ROLL = {"width": 302, "height": 900}
LANDSCAPE = {"width": 1920, "height": 1080}


def _decode(image_path) -> str:
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image_path)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found in {image_path}"
    return result.stdout.strip()


def _total(page, cell: str) -> int:
    return int(page.locator(f'tr[data-field="total"] td[data-cell="{cell}"]').inner_text().replace(".", ""))


def test_enter_print_scan_look_up_resolve_and_count(staff_page, live_server, browser, artifacts):
    page = staff_page()
    page.goto(live_server.at("/quan-ly/thong-ke"))
    before = {cell: _total(page, cell) for cell in ("received", "resolved", "in_progress")}

    page.goto(live_server.at("/quan-ly/ho-so/them"))
    page.get_by_role("button", name="Lưu hồ sơ").click()  # empty: refused next to the fields
    expect(page.locator(".field-errors").first).to_be_visible()
    expect(page.get_by_text("Vui lòng nhập họ tên người nộp.")).to_be_visible()
    page.screenshot(path=artifacts / "dossier-intake-errors.png", full_page=True)

    procedure = page.get_by_label("Thủ tục (gõ tên hoặc mã)")
    procedure.fill("khai thac thong tin cong dan")
    choice = page.locator("input[name=procedure_code][value='1.010101']")
    expect(choice).to_be_visible()
    procedure.press("Tab")  # the keyboard goes from the search box into the choices
    choice.check()
    expect(page.locator("#han-tra")).to_contain_text("Hạn trả tự tính", timeout=15_000)
    page.get_by_label("Họ tên người nộp").fill("Nguyễn Văn Trình Duyệt")
    page.get_by_label("Số điện thoại").fill("0912 000 111")
    page.screenshot(path=artifacts / "dossier-intake.png", full_page=True)
    page.get_by_label("Số điện thoại").press("Enter")
    expect(page.get_by_text("Đã tiếp nhận hồ sơ")).to_be_visible()
    code = page.locator("h1").inner_text().removeprefix("Hồ sơ ").strip()
    assert code.startswith("XT-")
    page.screenshot(path=artifacts / "dossier-page.png", full_page=True)

    receipt = browser.new_context(viewport=ROLL, locale="vi-VN", storage_state=page.context.storage_state())
    roll = receipt.new_page()
    roll.goto(live_server.at(f"/quan-ly/ho-so/{code}/bien-nhan/80mm"))
    _wait_for_images(roll)
    expect(roll.locator(".receipt-code")).to_have_text(code)
    printed_secret = roll.locator(".receipt-secret").inner_text()
    secret = printed_secret.replace(" ", "")
    assert len(secret) == 8
    roll.screenshot(path=artifacts / "dossier-receipt-80mm.png", full_page=True)
    roll.locator(".receipt-qr").screenshot(path=artifacts / "dossier-receipt-qr.png")
    scanned = _decode(artifacts / "dossier-receipt-qr.png")
    assert scanned == f"https://motcua.example.vn/tra-cuu/{code}/{secret}"
    roll.emulate_media(media="print")
    roll.screenshot(path=artifacts / "dossier-receipt-80mm-print.png", full_page=True)
    roll.set_viewport_size({"width": 794, "height": 1123})
    roll.goto(live_server.at(f"/quan-ly/ho-so/{code}/bien-nhan/a5"))
    _wait_for_images(roll)
    roll.screenshot(path=artifacts / "dossier-receipt-a5.png", full_page=True)
    receipt.close()

    citizen = browser.new_context(viewport=LANDSCAPE, locale="vi-VN", has_touch=True)
    kiosk = citizen.new_page()
    kiosk.goto(live_server.at(urlsplit(scanned).path))
    expect(kiosk.get_by_text("Cán bộ đã nhận hồ sơ, đang chờ giải quyết.")).to_be_visible()
    assert "Trình Duyệt" not in kiosk.content() and "0912" not in kiosk.content()
    kiosk.screenshot(path=artifacts / "dossier-status-public.png")

    page.goto(live_server.at(f"/quan-ly/ho-so/?q={code}"))
    row = page.locator("tr", has_text=code)
    row.get_by_role("button", name="Giải quyết xong").click()
    expect(page.locator("tr", has_text=code)).to_contain_text("Đã giải quyết")
    page.screenshot(path=artifacts / "dossier-list.png", full_page=True)
    page.evaluate("window.stillTheSamePage = true")
    page.locator("tr", has_text=code).get_by_role("button", name="Mở lại (sửa nhầm, bổ sung)").click()
    expect(page.locator("tr", has_text=code).locator(".status-cell")).to_have_text("Đang giải quyết")
    page.locator("tr", has_text=code).get_by_role("button", name="Giải quyết xong").click()
    expect(page.locator("tr", has_text=code)).to_contain_text("Đã giải quyết")
    assert page.evaluate("window.stillTheSamePage === true")  # rows swapped in place, no page load
    page.locator("tr", has_text=code).get_by_role("button", name="Đã trả cho người dân").click()
    expect(page.locator("tr", has_text=code)).to_contain_text("đã trả kết quả")

    page.goto(live_server.at("/quan-ly/thong-ke"))
    assert _total(page, "received") == before["received"] + 1
    assert _total(page, "resolved") == before["resolved"] + 1
    assert _total(page, "in_progress") == before["in_progress"]
    page.screenshot(path=artifacts / "dossier-statistics.png", full_page=True)

    kiosk.goto(live_server.at("/kiosk/"))
    kiosk.get_by_text("Tra cứu tình trạng hồ sơ bằng mã trên giấy biên nhận").click()
    kiosk.locator(".keyboard").get_by_role("button", name="X", exact=True).click()
    kiosk.get_by_label("Nhập mã hồ sơ in trên giấy biên nhận", exact=False).fill(code.lower())
    kiosk.screenshot(path=artifacts / "dossier-lookup-kiosk.png")
    kiosk.get_by_role("button", name="Tiếp tục").click()
    expect(kiosk.get_by_text(f"Mã hồ sơ: {code}")).to_be_visible()
    assert "Đã giải quyết" not in kiosk.content()  # the code alone shows nothing
    secret_box = kiosk.get_by_label("Nhập mã tra cứu", exact=False)
    secret_box.fill(printed_secret[:-1].lower())  # one key short: a miss keeps what was typed
    kiosk.get_by_role("button", name="Xem").click()
    expect(kiosk.get_by_text("Mã hồ sơ hoặc mã tra cứu chưa đúng.")).to_be_visible()
    expect(secret_box).to_have_value(printed_secret[:-1].replace(" ", ""))  # kept, in capitals
    kiosk.locator(".keyboard").get_by_role("button", name=printed_secret[-1], exact=True).click()
    kiosk.screenshot(path=artifacts / "dossier-lookup-secret-kiosk.png")
    kiosk.get_by_role("button", name="Xem").click()
    expect(kiosk.get_by_text("Hồ sơ đã xong; ông/bà đã nhận kết quả")).to_be_visible()
    kiosk.get_by_text("Rất hài lòng").click()
    kiosk.screenshot(path=artifacts / "dossier-rating.png")
    kiosk.get_by_role("button", name="Gửi đánh giá").click()
    expect(kiosk.get_by_text("Cảm ơn ông/bà đã đánh giá: rất hài lòng.")).to_be_visible()
    citizen.close()

    page.reload()
    expect(page.locator('tr[data-field="total"] td[data-cell="rating-very_satisfied"]')).not_to_have_text("0")


def _serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def _enter(live_server) -> str:
    """A dossier made through the app; its receipt code."""
    from app.catalog.models import Procedure
    from app.dossiers import services
    from app.dossiers.calendar import add_working_days
    from app.core.timeutil import utcnow
    from app.extensions import db

    with live_server.app.app_context():
        procedure = db.session.scalar(db.select(Procedure).where(Procedure.code == "1.010101"))

        def fill(new):
            new.procedure_id, new.applicant_name, new.received_at = procedure.id, "Người Thử", utcnow()
            new.due_date = add_working_days(utcnow().date(), 3)
        return services.save_new_dossier(fill).receipt_code


def test_pages_pass_axe_and_print_on_their_paper(staff_page, live_server, open_page, artifacts):
    code = _enter(live_server)
    page = staff_page()
    for path in ("/quan-ly/ho-so/them", "/quan-ly/ho-so/", f"/quan-ly/ho-so/{code}", "/quan-ly/thong-ke"):
        page.goto(live_server.at(path))
        assert _serious_violations(page) == [], path
    page.goto(live_server.at("/quan-ly/thong-ke?ky=year&nam=2026&in=1"))
    page.emulate_media(media="print")
    page.screenshot(path=artifacts / "dossier-statistics-print.png", full_page=True)
    for size, width_mm in (("80mm", 80), ("a5", 148)):
        page.goto(live_server.at(f"/quan-ly/ho-so/{code}/bien-nhan/{size}"))
        _wait_for_images(page)
        pdf = page.pdf(prefer_css_page_size=True)
        box = [float(v) for v in pdf.split(b"/MediaBox [", 1)[1].split(b"]", 1)[0].split()]
        assert abs((box[2] - box[0]) / 72 * 25.4 - width_mm) < 1, size
    kiosk = open_page("landscape")
    for path in ("/kiosk/", "/tra-cuu", f"/tra-cuu/{code}", "/tra-cuu/XT-0000-000000"):
        kiosk.goto(live_server.at(path))
        assert _serious_violations(kiosk) == [], path
    kiosk.goto(live_server.at("/kiosk/"))
    kiosk.screenshot(path=artifacts / "dossier-kiosk-home.png", full_page=True)
