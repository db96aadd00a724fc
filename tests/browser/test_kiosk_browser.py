"""What a citizen does at the kiosk, in a real Chromium: browse, scan, type, walk away."""
import re
import subprocess

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.catalog.models import Field, Procedure
from app.extensions import db

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BIRTH = "1.001193"


def field_slug(live_server, name: str) -> str:
    with live_server.app.app_context():
        return db.session.scalar(select(Field.slug).where(Field.name == name))


def procedure_url(live_server, code: str) -> str:
    with live_server.app.app_context():
        return Procedure.by_code(code).url


def code_without_url(live_server) -> str:
    with live_server.app.app_context():
        return db.session.scalar(select(Procedure.code).where(Procedure.url.is_(None)).limit(1))


def kiosk_pages(live_server) -> dict[str, str]:
    return {
        "home": "/kiosk/",
        "field": f"/kiosk/linh-vuc/{field_slug(live_server, 'Hộ tịch')}",
        "detail": f"/kiosk/thu-tuc/{BIRTH}",
        "search": "/kiosk/tim-kiem?q=khai+sinh",
    }


def decode_qr(image_path) -> str:
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image_path)], capture_output=True, text=True)
    assert result.returncode == 0, f"no QR code found in {image_path}"
    return result.stdout.strip()


def test_home_to_field_to_procedure_shows_a_qr_that_decodes_to_its_url(live_server, open_page, artifacts):
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/"))
    page.locator(".event-tile", has_text="Tất cả lĩnh vực").tap()
    expect(page).to_have_url(live_server.at("/kiosk/linh-vuc/"))
    page.locator(".field-tile").filter(has_text=re.compile(r"^\s*Hộ tịch\s")).tap()
    expect(page).to_have_url(re.compile(r"/kiosk/linh-vuc/.+"))
    expect(page.locator("h1")).to_have_text("Hộ tịch")
    page.locator(f'.procedure-button[href$="/{BIRTH}"]').tap()
    expect(page).to_have_url(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    qr = page.locator(".qr-image")
    expect(qr).to_be_visible()
    qr.evaluate("img => img.decode()")
    shot = artifacts / "qr-landscape.png"
    page.screenshot(path=str(shot))
    assert decode_qr(shot) == procedure_url(live_server, BIRTH)


def test_typing_on_the_screen_keyboard_searches_as_you_type(live_server, open_page):
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/tim-kiem"))
    page.evaluate("window.typedWithoutReload = true")
    for key in "KHAI":
        page.get_by_role("button", name=key, exact=True).tap()
    expect(page).to_have_url(re.compile(r"\?q=khai$"))  # a pause: htmx searched and pushed the URL
    for key in " SINH":
        name = "Dấu cách" if key == " " else key
        page.get_by_role("button", name=name, exact=True).tap()
    expect(page.locator("#search-input")).to_have_value("khai sinh")
    expect(page.locator(f'#results a[href="/kiosk/thu-tuc/{BIRTH}"]')).to_be_visible()
    expect(page).to_have_url(re.compile(r"/kiosk/tim-kiem\?q=khai(\+|%20)sinh$"))
    # The results were swapped in, not loaded as a new page: the mark set before typing survived.
    assert page.evaluate("window.typedWithoutReload") is True
    page.get_by_role("button", name="Xóa chữ cuối").tap()
    expect(page.locator("#search-input")).to_have_value("khai sin")
    page.get_by_role("button", name="Xóa hết").tap()
    expect(page.locator("#search-input")).to_have_value("")
    expect(page.locator("#results .hint")).to_be_visible()
    # However many pauses pushed a URL, one tap on "Quay lại" leaves the search.
    page.get_by_role("link", name="Quay lại").tap()
    expect(page).to_have_url(live_server.at("/kiosk/"))


def test_a_story_typed_on_a_keyboard_leads_to_its_procedure_and_qr(live_server, open_page, artifacts):
    """A son's words for his father's death, Southern style, reach the death registration's QR code in one tap."""
    page = open_page("portrait")
    page.goto(live_server.at("/kiosk/tim-kiem"))
    page.locator("#search-input").press_sequentially("ong gia tui moi mat hom qua, gio lam giay bao tu cho ong sao")
    first = page.locator("#results .procedure-list a").first
    expect(first).to_have_attribute("href", "/kiosk/thu-tuc/1.000656")
    page.screenshot(path=artifacts / "search-story-portrait.png")
    first.tap()
    qr = page.locator("img.qr-image")
    expect(qr).to_be_visible()
    qr.screenshot(path=artifacts / "search-story-qr.png")
    assert decode_qr(artifacts / "search-story-qr.png") == procedure_url(live_server, "1.000656")


def test_the_keyboard_still_types_after_going_back_to_an_earlier_search(live_server, open_page):
    page = open_page("portrait")
    page.goto(live_server.at("/kiosk/tim-kiem"))
    for text, url in (("KHAI", r"\?q=khai$"), ("S", r"\?q=khais$")):
        for key in text:
            page.get_by_role("button", name=key, exact=True).tap()
        expect(page).to_have_url(re.compile(url))
    page.go_back()  # htmx restores ?q=khai from the server and swaps the page in
    expect(page.locator("#search-input")).to_have_value("khai")
    page.get_by_role("button", name="Dấu cách").tap()
    page.get_by_role("button", name="S", exact=True).tap()
    expect(page.locator("#search-input")).to_have_value("khai s")
    expect(page.locator(f'#results a[href="/kiosk/thu-tuc/{BIRTH}"]')).to_be_visible()


def test_tapping_the_home_search_box_opens_the_keyboard(live_server, open_page):
    page = open_page("portrait")
    page.goto(live_server.at("/kiosk/"))
    page.locator("#home-search").tap()
    expect(page).to_have_url(live_server.at("/kiosk/tim-kiem"))
    expect(page.get_by_role("button", name="Xóa hết")).to_be_visible()
    expect(page.locator("#search-input")).to_be_focused()


def test_search_works_as_a_plain_form_without_javascript(live_server, browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.at("/kiosk/"))
    page.locator("#home-search").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm", exact=True).click()
    expect(page).to_have_url(re.compile(r"/kiosk/tim-kiem\?q=dang"))
    expect(page.locator(f'#results a[href="/kiosk/thu-tuc/{BIRTH}"]')).to_be_visible()
    page.locator(f'#results a[href="/kiosk/thu-tuc/{BIRTH}"]').click()
    page.get_by_role("link", name="Quay lại").click()
    # Without script there is no history to go back through: the procedure's life event.
    expect(page).to_have_url(live_server.at("/kiosk/su-kien/sinh-con"))
    context.close()


def test_idle_kiosk_returns_home(live_server, open_page, short_idle):
    page = open_page("landscape")
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    expect(page.locator("h1")).to_contain_text("khai sinh")
    assert page.url.endswith(BIRTH)
    expect(page).to_have_url(live_server.at("/kiosk/"), timeout=short_idle * 1000 + 8000)


def test_back_returns_to_the_search_results_the_citizen_came_from(live_server, open_page):
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/tim-kiem?q=khai+sinh"))
    page.locator(f'#results a[href="/kiosk/thu-tuc/{BIRTH}"]').tap()
    expect(page).to_have_url(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    page.get_by_role("link", name="Quay lại").tap()
    expect(page).to_have_url(re.compile(r"/kiosk/tim-kiem\?q=khai"))


def test_kiosk_refuses_desktop_gestures(live_server, open_page):
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/"))
    assert page.evaluate(CANCELLED, "contextmenu") is True
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"
    assert page.evaluate("getComputedStyle(document.documentElement).touchAction") == "pan-x pan-y"


# Whether the page cancels a synthetic event of the given type (i.e. the browser would not act on it).
CANCELLED = """(type) => {
  const event = new MouseEvent(type, {bubbles: true, cancelable: true});
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}"""


@pytest.mark.parametrize("name", ["home", "field", "detail", "search"])
def test_axe_finds_no_serious_violation(live_server, open_page, name):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page("landscape")
    page.goto(live_server.at(kiosk_pages(live_server)[name]))
    violations = Axe().run(page).response["violations"]
    bad = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in violations if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_pages_fit_the_screen_with_big_text_and_targets(live_server, open_page, artifacts, orientation):
    pages = kiosk_pages(live_server) | {
        "404": "/kiosk/thu-tuc/9.999999",
        "no-url": f"/kiosk/thu-tuc/{code_without_url(live_server)}",
        "no-result": "/kiosk/tim-kiem?q=zzqx",
        "search-empty": "/kiosk/tim-kiem",
    }
    for name, path in pages.items():
        page = open_page(orientation)
        width = page.viewport_size["width"]
        page.goto(live_server.at(path))
        page.evaluate("document.fonts.ready.then(() => true)")  # measure the layout with its final fonts
        page.screenshot(path=str(artifacts / f"{name}-{orientation}.png"))
        page.screenshot(path=str(artifacts / f"{name}-{orientation}-full.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, page.evaluate(WIDER_THAN_SCREEN))
        assert page.evaluate(SMALLEST_TEXT) >= 22, name
        assert page.evaluate(SMALLEST_TARGET) >= 56, name


# The elements reaching past the right edge, to name the culprit when a page scrolls sideways.
WIDER_THAN_SCREEN = """() => [...document.body.querySelectorAll('*')]
  .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth)
  .slice(0, 5).map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').trim().slice(0, 80))"""

# The smallest font size of any element that shows text of its own.
SMALLEST_TEXT = """() => {
  let smallest = 1000;
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && el.offsetParent !== null) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
  }
  return smallest;
}"""

# The smallest side of any visible button, link or input outside the procedure's text.
SMALLEST_TARGET = """() => {
  let smallest = 1000;
  for (const el of document.querySelectorAll('a, button, input')) {
    if (el.offsetParent === null || el.closest('.details-frame')) continue;
    const box = el.getBoundingClientRect();
    smallest = Math.min(smallest, box.width, box.height);
  }
  return smallest;
}"""
