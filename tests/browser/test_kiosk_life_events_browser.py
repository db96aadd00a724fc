"""A citizen who thinks in life events: tiles on the first screen, two taps to a QR code, a short first view."""
import re

import pytest
from playwright.sync_api import expect

from app.catalog.models import Procedure
from app.extensions import db
from tests.browser.test_kiosk_browser import decode_qr

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BIRTH = "1.001193"
ORIENTATIONS = ["landscape", "portrait"]

# Elements of a selector that are not wholly inside the first screen (nothing scrolled).
OFF_FIRST_SCREEN = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => { const r = el.getBoundingClientRect();
                  return r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth; })
  .map(el => el.textContent.trim())"""

# Words of text visible in the viewport, outside the header, before "Xem đầy đủ" is tapped.
VISIBLE_WORDS = """() => {
  let words = 0;
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el.checkVisibility()) continue;
    words += node.textContent.split(/\\s+/).filter(Boolean).length;
  }
  return words;
}"""

# The longest line of summary text, in characters: a line's width over the average glyph width.
LONGEST_LINE = """() => {
  let longest = 0;
  for (const el of document.querySelectorAll('.procedure-summary p, .procedure-summary li, .procedure-summary h1')) {
    const text = el.textContent.trim();
    if (!text) continue;
    const range = document.createRange(); range.selectNodeContents(el);
    const lines = [...range.getClientRects()].length || 1;
    longest = Math.max(longest, Math.ceil(text.length / lines));
  }
  return longest;
}"""


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_search_and_every_life_event_tile_are_on_the_first_screen(live_server, open_page, artifacts, orientation):
    page = open_page(orientation)
    page.goto(live_server.at("/kiosk/"))
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(artifacts / f"life-events-home-{orientation}.png"))
    tiles = page.locator(".event-tile")
    assert 11 <= tiles.count() <= 17  # 10–16 events and "Tất cả lĩnh vực"
    assert page.evaluate(OFF_FIRST_SCREEN, ".event-tile, #home-search, .search-button") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_two_taps_from_home_to_a_qr_that_decodes(live_server, open_page, artifacts, orientation):
    page = open_page(orientation)
    page.goto(live_server.at("/kiosk/"))
    page.locator(".event-tile", has_text="Sinh con").tap()
    expect(page).to_have_url(live_server.at("/kiosk/su-kien/sinh-con"))
    page.screenshot(path=str(artifacts / f"life-event-{orientation}.png"))
    first = page.locator(".procedure-button").first
    expect(first.locator(".procedure-name")).to_have_text("Đăng ký khai sinh")
    first.tap()
    expect(page).to_have_url(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    qr = page.locator(".qr-image")
    expect(qr).to_be_in_viewport(ratio=1)
    qr.evaluate("img => img.decode()")
    shot = artifacts / f"summary-{orientation}.png"
    page.screenshot(path=str(shot))
    with live_server.app.app_context():
        assert decode_qr(shot) == Procedure.by_code(BIRTH).url


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_the_first_view_is_short_and_the_full_text_one_tap_away(live_server, open_page, orientation):
    page = open_page(orientation)
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    before = page.evaluate(VISIBLE_WORDS)
    assert before <= 150
    assert page.evaluate(LONGEST_LINE) <= 80
    page.locator(".full-details-toggle").tap()
    expect(page.locator("#details-documents-heading")).to_be_visible()
    assert page.evaluate(VISIBLE_WORDS) > 1000  # the whole legal text, after the tap


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_jump_target_is_not_hidden_under_the_header(live_server, open_page, orientation):
    page = open_page(orientation)
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}#chi-tiet"))
    expect(page.locator("#details-documents-heading")).to_be_visible()
    header = page.evaluate("document.querySelector('.topbar').getBoundingClientRect().bottom")
    target = page.evaluate("document.querySelector('#chi-tiet').getBoundingClientRect().top")
    assert target >= header


def test_fields_are_one_tap_away_in_vietnamese_order(live_server, open_page):
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/"))
    page.locator(".event-tile", has_text="Tất cả lĩnh vực").tap()
    expect(page).to_have_url(live_server.at("/kiosk/linh-vuc/"))
    names = page.locator(".field-name").all_text_contents()
    assert names.index("Đất đai") < names.index("Giảm nghèo") < names.index("Xử lý đơn")


@pytest.mark.parametrize("path", ["/kiosk/su-kien/sinh-con", "/kiosk/linh-vuc/", f"/kiosk/thu-tuc/{BIRTH}"])
@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_axe_finds_no_serious_violation_on_the_new_pages(live_server, open_page, path, orientation):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(orientation)
    page.goto(live_server.at(path))
    violations = Axe().run(page).response["violations"]
    bad = [f"{v['id']} ({v['impact']})" for v in violations if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_longest_legal_name_still_fits_the_first_view(live_server, open_page):
    with live_server.app.app_context():
        procedures = db.session.scalars(db.select(Procedure)).all()
        longest = max(procedures, key=lambda p: len(p.name.split())).code
    page = open_page("portrait")
    page.goto(live_server.at(f"/kiosk/thu-tuc/{longest}"))
    assert page.evaluate(VISIBLE_WORDS) <= 400
    assert re.search(r"…", page.locator(".legal-name").text_content())
