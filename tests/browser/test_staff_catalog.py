"""What an officer does in the back office, in a real Chromium: edit, import, print QR sheets."""
import re
import secrets
import subprocess

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.auth.models import User
from app.catalog.models import Field, Procedure
from app.extensions import db
from app.kiosk import cache

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DESKTOP = {"width": 1366, "height": 900}
# A4 at the browser's 96 CSS pixels per inch.
A4 = {"width": 794, "height": 1123}
PASSWORD = "mat-khau-trinh-duyet"


@pytest.fixture
def officer(live_server) -> str:
    """A fresh officer account on the live server; returns its username."""
    username = f"canbo-{secrets.token_hex(3)}"
    with live_server.app.app_context():
        user = User(username=username, full_name="Cán bộ Trình Duyệt", role="officer")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
    return username


@pytest.fixture
def staff_page(browser, live_server, officer):
    """Returns open(**context_options) -> a page signed in through the sign-in form."""
    contexts = []

    def open_(viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, locale="vi-VN", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server.at("/dang-nhap"))
        page.get_by_label("Tên đăng nhập").fill(officer)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
        return page

    yield open_
    for context in contexts:
        context.close()


def _decode_all(image_path) -> list[str]:
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image_path)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found in {image_path}"
    return result.stdout.split()


def _wait_for_images(page, attempts: int = 50) -> None:
    """Wait until every image has loaded (wait_for_function would need eval, which the CSP forbids)."""
    for _ in range(attempts):
        if page.evaluate("[...document.images].every(img => img.complete && img.naturalWidth > 0)"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the QR images did not load")


def _query(live_server, statement):
    with live_server.app.app_context():
        return db.session.scalars(statement).all()


def test_officer_edits_a_name_inline_and_the_kiosk_shows_it(staff_page, live_server, artifacts):
    [procedure] = _query(live_server, select(Procedure).order_by(Procedure.code.desc()).limit(1))
    code, old_name = procedure.code, procedure.name
    new_name = f"{old_name} (đã sửa thử {secrets.token_hex(2)})"
    page = staff_page()
    try:
        page.goto(live_server.at("/quan-ly/thu-tuc/"))
        page.screenshot(path=artifacts / "staff-procedure-list.png")
        page.get_by_role("searchbox").fill(code)
        expect(page.locator("#ket-qua")).to_contain_text("1 thủ tục")
        assert f"q={code}" in page.url  # the filter is in the address, so back and reload keep it
        star = page.locator("#ket-qua").get_by_role("button", name="Thường gặp")
        for pressed in ("true", "false"):  # on, then off again: the shared catalogue stays as it was
            star.click()
            expect(star).to_have_attribute("aria-pressed", pressed)
        page.locator("#ket-qua").get_by_role("link", name=old_name).click()
        page.get_by_role("link", name="Sửa tên").click()
        name_box = page.get_by_label("Tên thủ tục")
        name_box.fill(new_name)
        page.screenshot(path=artifacts / "staff-procedure-inline-edit.png")
        page.get_by_role("button", name="Lưu tên").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(new_name)
        expect(page.get_by_role("link", name="Sửa tên")).to_be_visible()
        page.goto(live_server.at(f"/kiosk/thu-tuc/{code}"))
        # The kiosk's title is the short name; the legal name, as edited, stands under it.
        expect(page.locator(".legal-name")).to_contain_text(new_name)
    finally:
        with live_server.app.app_context():
            restored = Procedure.by_code(code)
            restored.name = old_name
            restored.refresh_search_text()
            db.session.commit()
        cache.clear()


def test_import_with_a_bad_row_shows_the_row_and_writes_nothing(staff_page, live_server, artifacts, tmp_path):
    upload = tmp_path / "danh-muc-moi.csv"
    upload.write_text(
        "code,name,field,online,url\n"
        "9.876501,Thủ tục mới hợp lệ,Hộ tịch,true,https://dichvucong.gov.vn/p/9876501\n"
        "9.8765,Mã sai dạng,Hộ tịch,,\n",
        encoding="utf-8",
    )
    page = staff_page()
    page.goto(live_server.at("/quan-ly/thu-tuc/"))
    page.get_by_role("link", name="Nhập từ tệp").click()
    page.get_by_label("Tệp danh mục").set_input_files(upload)
    page.get_by_role("button", name="Tải lên và xem trước").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Dòng 3: mã thủ tục '9.8765' không đúng dạng N.NNNNNN.")
    expect(page.get_by_role("button", name="Áp dụng")).to_have_count(0)
    page.screenshot(path=artifacts / "staff-import-bad-row.png", full_page=True)
    assert _query(live_server, select(Procedure).where(Procedure.code == "9.876501")) == []


@pytest.mark.parametrize("per_page", [6, 8, 12])
def test_print_preview_of_a_qr_sheet_decodes_to_the_portal_urls(staff_page, live_server, artifacts, per_page):
    [field] = _query(live_server, select(Field).where(Field.name == "Hộ tịch"))
    page = staff_page(viewport=A4, device_scale_factor=2)
    page.goto(live_server.at("/quan-ly/ma-qr"))
    page.get_by_label("Hộ tịch", exact=True).check()
    page.get_by_label(f"{per_page} mã").check()
    page.get_by_role("button", name="Xem trang in").click()
    _wait_for_images(page)
    page.screenshot(path=artifacts / f"qr-sheet-screen-{per_page}.png")
    page.emulate_media(media="print")
    expect(page.locator(".print-toolbar")).to_be_hidden()
    first = page.locator(".sheet-page").first
    expect(first).to_contain_text("UBND xã Tân Phú")
    shot = artifacts / f"qr-sheet-print-{per_page}.png"
    first.screenshot(path=shot)
    codes = first.locator(".qr-manual").all_inner_texts()
    assert len(codes) == per_page
    wanted = {}
    for text in codes:
        code = re.search(r"\d\.\d{6}", text).group()
        with live_server.app.app_context():
            wanted[code] = Procedure.by_code(code).url
    assert all(_in_field(live_server, code, field.id) for code in wanted)
    assert sorted(_decode_all(shot)) == sorted(wanted.values())
    # Printed to PDF, each sheet section is exactly one A4 page.
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == page.locator(".sheet-page").count()


def _in_field(live_server, code: str, field_id: int) -> bool:
    with live_server.app.app_context():
        return Procedure.by_code(code).field_id == field_id


def test_staff_pages_show_their_messages_under_the_strict_csp(staff_page, live_server, artifacts):
    """Every catalogue page renders and works without inline script or style (console stays clean)."""
    page = staff_page()
    blocked = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.goto(live_server.at("/quan-ly/thu-tuc/them"))
    page.get_by_label("Mã thủ tục").fill("1.23")
    page.get_by_label("Địa chỉ trên Cổng Dịch vụ công").fill("dichvucong.gov.vn/abc")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Mã thủ tục phải có dạng N.NNNNNN, ví dụ 1.001193.")).to_be_visible()
    expect(page.get_by_text("Vui lòng nhập tên thủ tục.")).to_be_visible()
    expect(page.get_by_text("Vui lòng chọn lĩnh vực.")).to_be_visible()
    page.screenshot(path=artifacts / "staff-procedure-create-errors.png", full_page=True)
    assert _query(live_server, select(Procedure).where(Procedure.code == "1.23")) == []
    [field] = _query(live_server, select(Field).where(Field.name == "Hộ tịch"))
    in_field = _query(live_server, select(Procedure.code).where(Procedure.field_id == field.id))
    page.goto(live_server.at("/quan-ly/thu-tuc/"))
    page.get_by_label("Lĩnh vực").select_option(label="Hộ tịch")
    expect(page.locator("#ket-qua")).to_contain_text(f"{len(in_field)} thủ tục")
    assert f"field={field.id}" in page.url
    for path, name in [("/quan-ly/thu-tuc/linh-vuc", "staff-fields"), ("/quan-ly/ma-qr", "qr-choose"),
                       ("/quan-ly/thu-tuc/1.001193/thay-the", "staff-procedure-retire"),
                       ("/quan-ly/thu-tuc/?stale=1", "staff-procedure-stale")]:
        page.goto(live_server.at(path))
        page.screenshot(path=artifacts / f"{name}.png")
    assert blocked == []
