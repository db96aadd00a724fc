"""The kiosk through an outage: every catalogue page and QR code from the service worker's copy,
search in the browser, a Vietnamese banner, no Chromium error page, and recovery with no touch."""
import pytest
from playwright.sync_api import expect

from app.catalog.models import Procedure
from app.extensions import db
from tests.browser.conftest import SCREENS
from tests.browser.test_kiosk_browser import decode_qr

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DEATH, BIRTH, MARRIAGE = "1.000656", "1.001193", "1.000894"
FILL_TIMEOUT = 120_000  # ms: a few hundred pages from the test's one-thread-per-request server


def wait_until_filled(page, revision: int | None = None) -> int:
    """Wait for the worker's "the whole copy is here" message; returns the copy's revision."""
    selector = "html[data-offline-ready]" if revision is None else f'html[data-offline-ready="{revision}"]'
    page.wait_for_selector(selector, state="attached", timeout=FILL_TIMEOUT)
    return int(page.get_attribute("html", "data-offline-ready"))


def current_revision(live_server) -> int:
    with live_server.app.test_client() as client:
        return client.get("/kiosk/phien-ban").get_json()["revision"]


def test_offline_the_catalogue_qr_codes_and_search_still_work(live_server, browser, artifacts):
    context = browser.new_context(viewport=SCREENS["landscape"], has_touch=True, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.at("/kiosk/"))
    wait_until_filled(page)

    context.set_offline(True)
    page.goto(live_server.at(f"/kiosk/thu-tuc/{DEATH}"))  # never visited
    expect(page.locator("h1")).to_have_text("Đăng ký khai tử")
    expect(page.locator("[data-offline-banner]")).to_be_visible(timeout=15_000)
    expect(page.locator("[data-offline-banner]")).to_contain_text("Mất kết nối với máy chủ")
    page.locator(".qr-image").evaluate("img => img.decode()")
    shot = artifacts / "offline-procedure-landscape.png"
    page.screenshot(path=str(shot))
    with live_server.app.app_context():
        assert decode_qr(shot) == Procedure.by_code(DEATH).url

    page.goto(live_server.at("/kiosk/tim-kiem?q=khai+sinh"))
    expect(page.locator(".procedure-button").first).to_have_attribute("href", f"/kiosk/thu-tuc/{BIRTH}")
    page.goto(live_server.at("/kiosk/tim-kiem?q=so+do"))
    expect(page.locator(".procedure-button").first).to_have_attribute("href", "/kiosk/thu-tuc/1.013978")
    # As-you-type (htmx) also answers from the browser.
    page.goto(live_server.at("/kiosk/tim-kiem"))
    page.locator("#search-input").fill("ket hon")
    expect(page.locator(".procedure-button").first).to_have_attribute("href", f"/kiosk/thu-tuc/{MARRIAGE}")
    # An address the copy does not hold: a Vietnamese page, never Chromium's error page.
    page.goto(live_server.at("/kiosk/thu-tuc/9.999999"))
    expect(page.locator("h1")).to_have_text("Mất kết nối với máy chủ")
    # A link that needs the server (dossier lookup) stays on the page.
    page.goto(live_server.at("/kiosk/"))
    expect(page.locator("[data-offline-banner]")).to_be_visible(timeout=15_000)
    page.locator(".home-status a").click()
    expect(page).to_have_url(live_server.at("/kiosk/"))

    context.set_offline(False)
    page.goto(live_server.at("/kiosk/linh-vuc/"))
    expect(page.locator("[data-offline-banner]")).to_be_hidden(timeout=15_000)
    context.close()


def test_a_catalogue_edit_reaches_the_kiosks_copy(live_server, browser):
    context = browser.new_context(viewport=SCREENS["portrait"], has_touch=True, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.at("/kiosk/"))
    wait_until_filled(page, current_revision(live_server))
    with live_server.app.app_context():
        procedure = Procedure.by_code(DEATH)
        saved, procedure.short_name = procedure.short_name, "Báo tử cho người thân"
        db.session.commit()
    try:
        # Online, the next page comes from the server with the edit; the worker then refills its copy.
        page.goto(live_server.at(f"/kiosk/thu-tuc/{DEATH}"))
        expect(page.locator("h1")).to_have_text("Báo tử cho người thân")
        wait_until_filled(page, current_revision(live_server))
        context.set_offline(True)
        page.goto(live_server.at("/kiosk/su-kien/nguoi-than-qua-doi"))
        expect(page.locator(".procedure-name").first).to_have_text("Báo tử cho người thân")
    finally:
        with live_server.app.app_context():
            Procedure.by_code(DEATH).short_name = saved
            db.session.commit()
        context.close()


def test_the_copy_survives_a_browser_restart_while_the_server_is_down(live_server, chromium_type, tmp_path,
                                                                     artifacts):
    """A power cut: the kiosk PC restarts its browser (same profile) and the server is unreachable."""
    profile = tmp_path / "kiosk-profile"
    context = chromium_type.launch_persistent(profile, viewport=SCREENS["landscape"])
    page = context.pages[0] if context.pages else context.new_page()
    page.goto(live_server.at("/kiosk/"))
    wait_until_filled(page)
    context.close()

    context = chromium_type.launch_persistent(profile, viewport=SCREENS["landscape"], offline=True)
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(live_server.at(f"/kiosk/thu-tuc/{BIRTH}"))
        expect(page.locator("h1")).to_have_text("Đăng ký khai sinh")
        page.locator(".qr-image").evaluate("img => img.decode()")
        shot = artifacts / "offline-after-restart.png"
        page.screenshot(path=str(shot))
        with live_server.app.app_context():
            assert decode_qr(shot) == Procedure.by_code(BIRTH).url
    finally:
        context.close()
