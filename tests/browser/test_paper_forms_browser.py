"""Forms at the kiosk, in a real Chromium: an officer attaches a form, the kiosk shows it, a phone downloads it."""
import io
import re
import subprocess

import pypdfium2 as pdfium
import pytest
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import select

from app.extensions import db
from app.paper_forms import services
from app.paper_forms.models import PaperForm
from app.setting.models import Setting
from tests.browser.conftest import SCREENS
from tests.browser.test_staff_catalog import officer, staff_page  # noqa: F401  (fixtures)
from tests.uploadfiles import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BIRTH, MARRIAGE = "1.001193", "1.000894"
TITLE = "Tờ khai đăng ký khai sinh (thử nghiệm)"


def _example_png() -> bytes:
    """A filled example as a phone photo would be: a page-shaped image with some dark 'writing'."""
    image = Image.new("RGB", (1240, 1754), "white")
    for row in range(200, 1600, 90):
        image.paste((30, 30, 120), (150, row, 1090, row + 12))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _missing_count(page, live_server) -> int:
    page.goto(live_server.at("/quan-ly/mau-don/con-thieu"))
    return int(re.search(r"Còn (\d+) thủ tục", page.locator("#so-thu-tuc-thieu").inner_text()).group(1))


def _decode(path) -> str:
    result = subprocess.run(["zbarimg", "--raw", "-q", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found in {path}"
    return result.stdout.strip()


def _set_printer(live_server, on: bool) -> None:
    with live_server.app.app_context():
        row = db.session.get(Setting, "kiosk_printer") or Setting(key="kiosk_printer")
        row.value = str(on)
        db.session.add(row)
        db.session.commit()


@pytest.fixture
def kiosk_page(browser):
    """Returns open(screen) -> a kiosk page without service workers (no background cache fill)."""
    contexts = []

    def open_(screen: str = "landscape"):
        context = browser.new_context(viewport=SCREENS[screen], has_touch=True, locale="vi-VN",
                                      service_workers="block")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def cleanup(live_server):
    """Leave the shared live server as found: no forms, no printer."""
    yield
    with live_server.app.app_context():
        for paper_form in db.session.scalars(select(PaperForm)):
            paper_form.links = []
            services.delete_form(paper_form)
        db.session.commit()
    _set_printer(live_server, False)


def _images_loaded(page, selector: str) -> int:
    for _ in range(50):
        loaded = page.evaluate(f"[...document.querySelectorAll('{selector}')].filter(i => i.complete && i.naturalWidth > 0).length")
        if loaded == page.locator(selector).count():
            return loaded
        page.wait_for_timeout(100)
    raise AssertionError(f"{selector} did not load")


def test_an_attached_form_shows_on_the_kiosk_downloads_by_qr_and_prints_one_page(
        live_server, staff_page, kiosk_page, artifacts, cleanup):  # noqa: F811
    blank = pdf_bytes("To khai dang ky khai sinh")
    staff = staff_page()
    before = _missing_count(staff, live_server)

    staff.goto(live_server.at(f"/quan-ly/mau-don/thu-tuc/{BIRTH}"))
    staff.get_by_label("Tên mẫu").fill(TITLE)
    staff.locator("input[name=blank]").set_input_files(
        files=[{"name": "Tờ khai khai sinh.pdf", "mimeType": "application/pdf", "buffer": blank}])
    staff.locator("input[name=example]").set_input_files(
        files=[{"name": "Mẫu điền sẵn.png", "mimeType": "image/png", "buffer": _example_png()}])
    staff.get_by_role("button", name="Tải lên").click()
    expect(staff.locator("#mau-da-gan")).to_contain_text(TITLE)

    staff.goto(live_server.at(f"/quan-ly/mau-don/thu-tuc/{MARRIAGE}"))
    staff.get_by_label("Mẫu đã có").select_option(label=TITLE)
    staff.get_by_role("button", name="Gắn mẫu").click()
    expect(staff.locator("#mau-da-gan")).to_contain_text(TITLE)
    assert _missing_count(staff, live_server) == before - 2

    for code in (BIRTH, MARRIAGE):
        kiosk = kiosk_page("landscape")
        kiosk.goto(live_server.at(f"/kiosk/thu-tuc/{code}"))
        section = kiosk.locator("#mau-don")
        expect(section.locator(".paper-form-preview")).to_have_count(2)
        assert _images_loaded(kiosk, ".paper-form-preview") == 2
        _images_loaded(kiosk, ".paper-form-qr")
        shot = artifacts / f"paper-form-qr-{code}.png"
        section.locator(".paper-form-qr").first.screenshot(path=str(shot))
        url = _decode(shot)
        assert re.fullmatch(r"https://motcua\.example\.vn/mau-don/\d+", url), url
        download = kiosk.request.get(live_server.at(url.removeprefix("https://motcua.example.vn")))
        assert download.ok and download.body() == blank

    for screen in ("landscape", "portrait"):
        kiosk = kiosk_page(screen)
        kiosk.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
        _images_loaded(kiosk, ".paper-form-preview")
        kiosk.screenshot(path=str(artifacts / f"paper-forms-{screen}.png"))
        kiosk.screenshot(path=str(artifacts / f"paper-forms-{screen}-full.png"), full_page=True)
        assert kiosk.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    _set_printer(live_server, True)
    kiosk = kiosk_page("landscape")
    # Headless Chromium's print() holds the page as "being printed"; count the calls, then print to PDF.
    kiosk.add_init_script("window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };")
    kiosk.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    kiosk.get_by_role("button", name="In mẫu này").click()
    expect(kiosk.locator("[data-print-message]")).to_contain_text("Đang in một bản")
    _images_loaded(kiosk, ".print-page")
    for _ in range(50):
        if kiosk.evaluate("window.printCalls || 0"):
            break
        kiosk.wait_for_timeout(100)
    assert kiosk.evaluate("window.printCalls") == 1
    printed = pdfium.PdfDocument(kiosk.pdf(format="A4"))
    assert len(printed) == 1
    kiosk.pdf(path=str(artifacts / "paper-form-print.pdf"), format="A4")
    # Back on the procedure page the button waits a minute: one copy per tap.
    kiosk.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    expect(kiosk.get_by_role("button", name="In mẫu này")).to_be_disabled()
    expect(kiosk.locator("[data-print-note]")).to_be_visible()
