"""Large text, high contrast, the warning before the idle reset and read-aloud, in a real Chromium."""
import re
import shutil
import time

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from app.catalog.models import Procedure
from app.extensions import db
from app.guides.models import Guide, GuideStep
from tests.browser.test_kiosk_browser import SMALLEST_TEXT, WIDER_THAN_SCREEN, decode_qr

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BIRTH = "1.001193"
EVENT = "sinh-con"
ORIENTATIONS = ["landscape", "portrait"]
MODES = {
    "normal": [],
    "large": ["Chữ to"],
    "contrast": ["Tương phản cao"],
    "both": ["Chữ to", "Tương phản cao"],
}
IDLE_SECONDS = 120  # the default the kiosk ships with
WARNING_SECONDS = 20

# Colour arithmetic of WCAG 2: relative luminance and contrast ratio of computed colours.
CONTRAST = """
const rgb = color => { const [r, g, b, a = 1] = color.match(/[\\d.]+/g).map(Number); return {r, g, b, a}; };
const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
const ratio = (x, y) => {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
};
// The colour behind an element: the first opaque background up the tree.
const behind = el => {
  for (; el; el = el.parentElement) {
    const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.a > 0) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
};
const shown = el => el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
"""

# The lowest text contrast on the page, with the element that has it.
LOWEST_TEXT_CONTRAST = "() => {" + CONTRAST + """
  let worst = [100, ""];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !shown(el)) continue;
    const value = ratio(rgb(getComputedStyle(el).color), behind(el));
    if (value < worst[0]) worst = [value, el.tagName + '.' + el.className + ': ' + el.textContent.trim().slice(0, 40)];
  }
  return worst;
}"""

# The lowest contrast of a drawn border with the colour around its element.
LOWEST_BORDER_CONTRAST = "() => {" + CONTRAST + """
  let worst = [100, ""];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (parseFloat(style['border' + side + 'Width']) < 1 || style['border' + side + 'Style'] === 'none') continue;
      const color = rgb(style['border' + side + 'Color']);
      if (color.a === 0) continue;
      const value = ratio(color, behind(el.parentElement));
      if (value < worst[0]) worst = [value, el.tagName + '.' + el.className + ' ' + side];
    }
  }
  return worst;
}"""

# The contrast of the first matching element's border with what is around it (WCAG 1.4.11).
BORDER_CONTRAST = "(selector) => {" + CONTRAST + """
  const el = document.querySelector(selector);
  return ratio(rgb(getComputedStyle(el).borderTopColor), behind(el.parentElement));
}"""

# The contrast of the focused element's focus ring with what is around it.
FOCUS_CONTRAST = "() => {" + CONTRAST + """
  const el = document.activeElement;
  const style = getComputedStyle(el);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
  return ratio(rgb(style.outlineColor), behind(el.parentElement));
}"""

# The smaller side of each display-mode toggle.
TOGGLE_SIZES = """() => [...document.querySelectorAll('[data-mode-toggle]')]
  .map(el => Math.min(el.getBoundingClientRect().width, el.getBoundingClientRect().height))"""


@pytest.fixture
def open_page(open_page):
    """conftest's open_page, without the offline service worker: these tests are about the pages online,
    and in every new context the worker would copy the whole kiosk in the background."""
    return lambda screen: open_page(screen, offline_worker=False)


def procedure_url(live_server, code: str) -> str:
    with live_server.app.app_context():
        return Procedure.by_code(code).url


@pytest.fixture(scope="module")
def spoken(live_server, tmp_path_factory):
    """The live server's speech cache in a temporary folder, never in the instance folder."""
    live_server.app.config["SPEECH_CACHE_DIR"] = str(tmp_path_factory.mktemp("speech-cache"))
    return live_server


@pytest.fixture(scope="module")
def guide_path(live_server) -> str:
    with live_server.app.app_context():
        guide = db.session.scalar(select(Guide).where(Guide.title == "Nộp hồ sơ trên VNeID"))
        if guide is None:
            guide = Guide(title="Nộp hồ sơ trên VNeID", summary="Làm trên điện thoại của bạn.", published=True,
                          steps=[GuideStep(position=1, text="Mở ứng dụng VNeID, đăng nhập mức độ 2."),
                                 GuideStep(position=2, text="Chọn Thủ tục hành chính, rồi chọn thủ tục.")])
            db.session.add(guide)
            db.session.commit()
        return f"/kiosk/huong-dan/{guide.id}"


def pages(guide_path: str) -> dict[str, str]:
    return {"home": "/kiosk/", "event": f"/kiosk/su-kien/{EVENT}", "procedure": f"/kiosk/thu-tuc/{BIRTH}",
            "guide": guide_path}


def turn_on(page, mode: str) -> None:
    """Tap the mode's toggles as a citizen would; they stay pressed."""
    for name in MODES[mode]:
        toggle = page.get_by_role("button", name=name)
        toggle.tap()
        expect(toggle).to_have_attribute("aria-pressed", "true")


def until(page, expression: str, seconds: float = 10) -> None:
    """Wait until `expression` is true in the page (wait_for_function would need 'unsafe-eval' under our CSP)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        time.sleep(0.05)


def settle(page) -> None:
    """Wait for fonts and layout, so measures and screenshots see the final page."""
    page.evaluate("document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r(true))))")


# --- Large text and high contrast --------------------------------------------------------------

@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_large_text_is_32px_and_never_scrolls_sideways(live_server, guide_path, open_page, orientation):
    page = open_page(orientation)
    page.goto(live_server.at("/kiosk/"))
    settle(page)
    assert page.evaluate(SMALLEST_TEXT) < 32  # the normal mode is smaller: the toggle has work to do
    turn_on(page, "large")
    for name, path in (pages(guide_path) | {"search": "/kiosk/tim-kiem?q=khai+sinh"}).items():
        page.goto(live_server.at(path))
        settle(page)
        expect(page.locator("html")).to_have_class(re.compile(r"\bmode-large-text\b"))
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 32, name
        assert page.evaluate(SMALLEST_TEXT) >= 32, name
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), (
            name, page.evaluate("[document.documentElement.scrollWidth, innerWidth]"),
            page.evaluate(WIDER_THAN_SCREEN))
        assert min(page.evaluate(TOGGLE_SIZES)) >= 64, name


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_high_contrast_text_is_7_to_1_and_borders_4_5_to_1(live_server, guide_path, open_page, orientation):
    page = open_page(orientation)
    page.goto(live_server.at("/kiosk/"))
    turn_on(page, "contrast")
    for name, path in (pages(guide_path) | {"search": "/kiosk/tim-kiem?q=khai+sinh"}).items():
        page.goto(live_server.at(path))
        settle(page)
        text, border = page.evaluate(LOWEST_TEXT_CONTRAST), page.evaluate(LOWEST_BORDER_CONTRAST)
        assert text[0] >= 7, (name, text)
        assert border[0] >= 4.5, (name, border)
        assert min(page.evaluate(TOGGLE_SIZES)) >= 64, name


def test_in_the_normal_mode_borders_keys_and_focus_ring_reach_3_to_1(live_server, open_page):
    page = open_page("landscape")
    measured = {}
    for path, selector in (("/kiosk/", ".event-tile"), ("/kiosk/", ".procedure-button"),
                           ("/kiosk/linh-vuc/", ".field-tile"), ("/kiosk/tim-kiem", ".key"),
                           ("/kiosk/tim-kiem", ".search-input"), (f"/kiosk/su-kien/{EVENT}", ".procedure-button")):
        page.goto(live_server.at(path))
        measured[path + " " + selector] = page.evaluate(BORDER_CONTRAST, selector)
    page.goto(live_server.at(f"/kiosk/su-kien/{EVENT}"))
    page.keyboard.press("Tab")  # from here on focus is shown, as for a keyboard user
    measured["focus in the header"] = page.evaluate(FOCUS_CONTRAST)
    page.locator(".procedure-button").first.focus()
    measured["focus on the page"] = page.evaluate(FOCUS_CONTRAST)
    assert min(measured.values()) >= 3, measured


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_serious_violation_in_any_mode(live_server, guide_path, open_page, orientation, mode):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(orientation)
    page.goto(live_server.at("/kiosk/"))
    turn_on(page, mode)
    for name, path in pages(guide_path).items():
        page.goto(live_server.at(path))
        settle(page)
        violations = Axe().run(page).response["violations"]
        bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
               for v in violations if v["impact"] in ("serious", "critical")]
        assert bad == [], name


@pytest.mark.parametrize("orientation", ORIENTATIONS)
@pytest.mark.parametrize("mode", list(MODES))
def test_the_procedure_qr_decodes_in_every_mode(live_server, open_page, artifacts, orientation, mode):
    page = open_page(orientation)
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    turn_on(page, mode)
    qr = page.locator(".qr-image")
    qr.evaluate("img => img.decode()")
    qr.scroll_into_view_if_needed()
    settle(page)
    shot = artifacts / f"procedure-{mode}-{orientation}.png"
    page.screenshot(path=str(shot))
    assert decode_qr(shot) == procedure_url(live_server, BIRTH)


def test_modes_hold_across_pages_and_the_idle_reset_clears_them(live_server, open_page, short_idle):
    page = open_page("portrait")
    page.goto(live_server.at(f"/kiosk/su-kien/{EVENT}"))
    turn_on(page, "both")
    page.locator(f'.procedure-button[href$="/{BIRTH}"]').tap()
    expect(page).to_have_url(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    expect(page.locator("html")).to_have_class(re.compile(r"mode-large-text.*mode-high-contrast"))
    for name in MODES["both"]:
        expect(page.get_by_role("button", name=name)).to_have_attribute("aria-pressed", "true")
    # Nobody touches the kiosk: the warning, then the home page for the next citizen, in the normal mode.
    expect(page.get_by_role("alertdialog")).to_be_visible(timeout=short_idle * 1000 + 5000)
    expect(page).to_have_url(live_server.at("/kiosk/"), timeout=short_idle * 1000 + 8000)
    expect(page.locator("html")).not_to_have_class(re.compile(r"mode-"))
    for name in MODES["both"]:
        expect(page.get_by_role("button", name=name)).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("Object.keys(sessionStorage).filter(key => key.startsWith('kiosk-'))") == []
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    expect(page.locator("html")).not_to_have_class(re.compile(r"mode-"))


def test_a_mode_is_on_before_the_first_paint(live_server, open_page):
    """kiosk-modes.js runs in <head>: the page is never painted once in the wrong mode."""
    page = open_page("landscape")
    page.goto(live_server.at("/kiosk/"))
    turn_on(page, "contrast")
    page.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
      window.bodyAtFirstSight = getComputedStyle(document.body).backgroundColor; });""")
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    assert page.evaluate("window.bodyAtFirstSight") == "rgb(0, 0, 0)"


# --- The warning before the idle reset ---------------------------------------------------------

@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_warning_counts_down_before_the_reset_and_its_button_keeps_the_page(live_server, open_page,
                                                                              orientation):
    page = open_page(orientation)
    page.clock.install()
    page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
    warning = page.get_by_role("alertdialog")
    page.clock.run_for((IDLE_SECONDS - WARNING_SECONDS - 1) * 1000)
    expect(warning).to_be_hidden()
    page.clock.run_for(1000)
    expect(warning).to_be_visible()
    expect(warning).to_have_attribute("aria-modal", "true")
    expect(warning).to_contain_text("Trang sẽ trở về màn hình chính sau 20 giây")
    page.clock.run_for(5000)
    expect(warning).to_contain_text("sau 15 giây")
    stay = warning.get_by_role("button", name="Tôi vẫn đang xem")
    assert min(stay.bounding_box()["width"], stay.bounding_box()["height"]) >= 64
    stay.tap()
    expect(warning).to_be_hidden()
    # The timer starts again from the tap: 20 s later, past when the page would have gone, it is still here.
    page.clock.run_for(WARNING_SECONDS * 1000)
    assert page.url == live_server.at(f"/kiosk/thu-tuc/{BIRTH}")
    expect(warning).to_be_hidden()
    page.clock.run_for((IDLE_SECONDS - 2 * WARNING_SECONDS) * 1000)
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("sau 20 giây")


@pytest.mark.parametrize("activity", ["wheel", "touch", "key"])
def test_scrolling_touching_or_a_key_counts_as_activity(live_server, open_page, activity):
    page = open_page("portrait")
    page.clock.install()
    page.goto(live_server.at(f"/kiosk/su-kien/{EVENT}"))
    page.clock.run_for((IDLE_SECONDS - WARNING_SECONDS - 10) * 1000)
    if activity == "wheel":
        page.mouse.move(540, 1200)
        page.mouse.wheel(0, 600)
        until(page, "scrollY > 0")
    elif activity == "touch":
        page.locator("h1").tap()
    else:
        page.keyboard.press("Shift")
    page.clock.run_for(30 * 1000)  # past when the warning was due without the activity
    expect(page.get_by_role("alertdialog")).to_be_hidden()
    # The count started again at the activity (the page's clock also runs while the test waits).
    page.clock.run_for((IDLE_SECONDS - WARNING_SECONDS - 30 + 5) * 1000)
    expect(page.get_by_role("alertdialog")).to_be_visible()


def test_the_open_warning_passes_axe_and_its_tap_lands_on_nothing_behind(live_server, open_page):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page("landscape")
    page.clock.install()
    page.goto(live_server.at(f"/kiosk/su-kien/{EVENT}"))
    page.clock.run_for((IDLE_SECONDS - WARNING_SECONDS) * 1000)
    warning = page.get_by_role("alertdialog")
    expect(warning).to_be_visible()
    violations = Axe().run(page).response["violations"]
    assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
    expect(warning.get_by_role("button", name="Tôi vẫn đang xem")).to_be_focused()
    # A tap on the dimmed page around the warning keeps the page and follows no link under it.
    tile = page.locator(".procedure-button").first.bounding_box()
    page.touchscreen.tap(tile["x"] + 20, tile["y"] + 20)
    expect(warning).to_be_hidden()
    assert page.url == live_server.at(f"/kiosk/su-kien/{EVENT}")


# --- Read aloud --------------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("path", [f"/kiosk/thu-tuc/{BIRTH}", f"/kiosk/su-kien/{EVENT}", "guide"])
def test_read_aloud_plays_stops_and_replays(spoken, guide_path, open_page, path):
    page = open_page("landscape")
    page.goto(spoken.at(guide_path if path == "guide" else path))
    audio = page.locator("[data-read-aloud] audio")
    page.get_by_role("button", name="Đọc to").tap()
    until(page, "document.querySelector('[data-read-aloud] audio').currentTime > 0.3")
    assert audio.evaluate("a => !a.paused && a.duration > 3")
    stop, replay = page.get_by_role("button", name="Dừng đọc"), page.get_by_role("button", name="Đọc lại từ đầu")
    expect(page.get_by_role("button", name="Đọc to")).to_be_hidden()
    audio.evaluate("a => a.addEventListener('seeked', () => { window.seekedTo = a.currentTime; })")
    replay.tap()
    until(page, "window.seekedTo !== undefined")
    assert page.evaluate("window.seekedTo") < 0.1  # back to the start
    assert audio.evaluate("a => !a.paused")
    stop.tap()
    assert audio.evaluate("a => a.paused && a.currentTime === 0")
    expect(page.get_by_role("button", name="Đọc to")).to_be_visible()
    expect(stop).to_be_hidden()
    # The idle reset stops it too (kiosk.js announces the reset; read-aloud.js listens).
    page.get_by_role("button", name="Đọc to").tap()
    until(page, "!document.querySelector('[data-read-aloud] audio').paused")
    page.evaluate("document.dispatchEvent(new CustomEvent('kiosk:reset'))")
    assert audio.evaluate("a => a.paused")
