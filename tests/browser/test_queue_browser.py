"""Queue numbers as people use them: a ticket from the kiosk (printed 80 mm wide), called at a counter
by a key, shown and announced on the hall screen within 2 seconds, which recovers by itself."""
import io
import secrets
import time
import wave

import pytest
import time_machine
from playwright.sync_api import expect
from sqlalchemy import delete

from app.auth.models import User
from app.extensions import db
from app.queue.models import Call, Counter, ServiceGroup, Ticket, TicketSequence
from tests.browser.conftest import SCREENS
from tests.browser.test_kiosk_life_events_browser import OFF_FIRST_SCREEN
from tests.queue_factories import OPEN

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PASSWORD = "mat-khau-trinh-duyet"
TV = {"width": 1920, "height": 1080}
MM_PER_POINT = 25.4 / 72


@pytest.fixture
def queue_desk(live_server):
    """Two groups and two counters on the live server, a signed-up officer, and a working Tuesday morning."""
    username = f"quay-{secrets.token_hex(3)}"
    with live_server.app.app_context():
        civil = ServiceGroup(letter="A", name="Hộ tịch – Chứng thực", position=1, intake_hint="khai sinh")
        land = ServiceGroup(letter="B", name="Đất đai", position=2)
        db.session.add_all([civil, land, Counter(number=1, groups=[civil]), Counter(number=2, groups=[civil, land])])
        user = User(username=username, full_name="Cán bộ Quầy Hai", role="officer")
        user.set_password(PASSWORD)
        db.session.add(user)
        db.session.commit()
    # The server's clock only (Playwright waits on the monotonic clock, which is left alone).
    with time_machine.travel(OPEN, tick=True):
        yield username
    with live_server.app.app_context():
        for model in (Call, Ticket, TicketSequence, Counter, ServiceGroup):
            db.session.execute(delete(model))
        db.session.commit()


@pytest.fixture
def new_page(browser):
    """Returns open(viewport) -> a page in its own context, service workers blocked, CSP watched."""
    contexts, blocked = [], []

    def open_(viewport: dict, **options):
        context = browser.new_context(viewport=viewport, locale="vi-VN", service_workers="block", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append((page.url, m.text)))
        return page

    yield open_
    for context in contexts:
        context.close()
    assert blocked == [], "a page broke the Content-Security-Policy"


def _sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.at("/dang-nhap"))
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_ticket_button_and_every_tile_fit_the_first_screen(queue_desk, live_server, new_page, artifacts,
                                                               orientation):
    page = new_page(SCREENS[orientation], has_touch=True)
    page.goto(live_server.at("/kiosk/"))
    page.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(artifacts / f"queue-home-{orientation}.png"))
    assert page.evaluate(OFF_FIRST_SCREEN, ".event-tile, #home-search, .search-button, .ticket-button") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_ticket_to_counter_to_hall_screen_within_two_seconds(queue_desk, live_server, new_page, artifacts):
    kiosk = new_page(SCREENS["landscape"], has_touch=True)
    # Count the ticket page's own print call instead of printing (a real kiosk prints silently).
    kiosk.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    kiosk.goto(live_server.at("/kiosk/"))
    kiosk.get_by_role("link", name="Lấy số thứ tự").tap()
    expect(kiosk.get_by_role("button", name="Hộ tịch – Chứng thực")).to_be_visible()
    kiosk.screenshot(path=str(artifacts / "queue-choose.png"))
    kiosk.get_by_role("button", name="Hộ tịch – Chứng thực").tap()
    expect(kiosk.locator(".ticket-number")).to_have_text("A001")
    expect(kiosk.locator(".ticket-time")).to_contain_text("10/03/2026")
    kiosk.screenshot(path=str(artifacts / "queue-ticket-screen.png"))
    kiosk.wait_for_timeout(500)
    assert kiosk.evaluate("window.printed") == 1
    kiosk.emulate_media(media="print")
    kiosk.screenshot(path=str(artifacts / "queue-ticket-print.png"))
    pdf = kiosk.pdf(prefer_css_page_size=True)
    (artifacts / "queue-ticket.pdf").write_bytes(pdf)
    box = [float(v) for v in pdf.split(b"/MediaBox [", 1)[1].split(b"]", 1)[0].split()]
    assert abs((box[2] - box[0]) * MM_PER_POINT - 80) < 1

    hall = new_page(TV)
    hall.goto(live_server.at("/man-hinh"))
    expect(hall.locator(".hall-waiting")).to_contain_text("Hộ tịch – Chứng thực")
    expect(hall.locator(".hall-call")).to_contain_text("Xin mời lấy số")

    counter = new_page({"width": 1366, "height": 900})
    _sign_in(counter, live_server, queue_desk)
    counter.goto(live_server.at("/quan-ly/quay/2"))
    expect(counter.locator(".counter-current")).to_contain_text("Chưa gọi số nào")
    called = time.monotonic()
    counter.keyboard.press("n")
    expect(hall.locator(".hall-call-number")).to_have_text("A001", timeout=2000)
    seen = time.monotonic() - called
    expect(hall.locator(".hall-call-counter")).to_have_text("đến Quầy số 2")
    expect(hall.locator(".hall-call")).to_have_class("hall-call is-fresh")
    expect(counter.locator(".counter-current-number")).to_have_text("A001")
    counter.screenshot(path=str(artifacts / "queue-counter.png"))
    hall.screenshot(path=str(artifacts / "queue-hall.png"))
    assert seen < 2.0, f"the hall showed the call after {seen:.2f} s"

    audio = hall.request.get(live_server.at(hall.locator("#hall-board").get_attribute("data-call-audio")))
    assert audio.status == 200 and audio.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(audio.body())) as spoken:
        seconds = spoken.getnframes() / spoken.getframerate()
    assert 1.5 < seconds < 8, seconds  # "Mời số A một đến quầy số hai"
    chime = hall.request.get(live_server.at("/man-hinh/chuong.wav"))
    assert chime.status == 200

    # The server is unreachable for a while, then answers again: the screen catches up by itself.
    first_call = hall.locator("#hall-board").get_attribute("data-call-id")
    hall.route("**/man-hinh/bang*", lambda route: route.abort())
    expect(hall.locator("[data-hall-offline]")).to_be_visible()
    counter.keyboard.press("l")  # Gọi lại: a new call of the same number
    expect(counter.locator(".notice")).to_have_text("Đã gọi lại số A001.")
    hall.unroute("**/man-hinh/bang*")
    expect(hall.locator("[data-hall-offline]")).to_be_hidden()
    expect(hall.locator("#hall-board")).not_to_have_attribute("data-call-id", first_call)

    # H opens the intake with the group's words already typed.
    counter.keyboard.press("h")
    expect(counter).to_have_url(live_server.at("/quan-ly/ho-so/them?procedure=khai+sinh"))
    expect(counter.locator("#procedure")).to_have_value("khai sinh")
