"""A live server on a copy of the seeded catalogue, and Debian's Chromium driven by Playwright."""
import os
import shutil
import threading
from dataclasses import dataclass
from types import SimpleNamespace
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import update
from werkzeug.serving import make_server

from app import create_app
from app.catalog.commands import SEED_DIR
from app.catalog.models import Procedure
from app.extensions import db
from app.setting.models import Setting

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]
IDLE_KEY = "kiosk_idle_seconds"
SCREENS = {"landscape": {"width": 1920, "height": 1080}, "portrait": {"width": 1080, "height": 1920}}


@dataclass
class LiveServer:
    app: Flask
    url: str

    def at(self, path: str) -> str:
        return self.url + path


def _mark_common(app: Flask) -> None:
    """Flag the bundled common procedures, as `flask load-seed` does on a real install."""
    codes = (SEED_DIR / "common_codes.txt").read_text().split()
    with app.app_context():
        db.session.execute(update(Procedure).where(Procedure.code.in_(codes)).values(is_common=True))
        db.session.commit()


# The policy the product will ship; the tests run under it so inline code would show up as broken.
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def _strict_csp(response):
    response.headers.setdefault("Content-Security-Policy", STRICT_CSP)
    return response


@pytest.fixture(scope="session")
def live_server(template_dbs, tmp_path_factory):
    """The app served on 127.0.0.1 from a background thread, one per test session and xdist worker."""
    folder = tmp_path_factory.mktemp("live")
    db_file = folder / "live.db"
    shutil.copy(template_dbs["seeded"], db_file)
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_file}",
        "PUBLIC_BASE_URL": "https://motcua.example.vn",
        "UPLOAD_DIR": str(folder / "uploads"),
        "COMMUNE_NAME": "UBND xã Tân Phú",
    })
    _mark_common(app)
    app.after_request(_strict_csp)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def chromium_type():
    """Playwright's Chromium launcher bound to Debian's Chromium; never a downloaded browser.
    Returns launch(**options) and launch_persistent(profile_dir, **options)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is missing on CI: browser tests must run, not skip")
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    with sync_playwright() as p:
        yield SimpleNamespace(
            launch=lambda **options: p.chromium.launch(
                executable_path=chromium, headless=True, args=CHROMIUM_ARGS, **options),
            launch_persistent=lambda profile, **options: p.chromium.launch_persistent_context(
                str(profile), executable_path=chromium, headless=True, args=CHROMIUM_ARGS, **options),
        )


@pytest.fixture(scope="session")
def browser(chromium_type):
    """Headless Debian Chromium, shared by the session's tests."""
    browser = chromium_type.launch()
    yield browser
    browser.close()


@pytest.fixture
def open_page(browser):
    """Returns open("landscape" | "portrait", offline_worker=True) -> a fresh touch page (own cookies
    and history)."""
    contexts, blocked = [], []

    def open_(screen: str, offline_worker: bool = True):
        # offline_worker=False: tests of the pages online skip the worker's background copy of the kiosk.
        context = browser.new_context(viewport=SCREENS[screen], has_touch=True, locale="vi-VN",
                                      service_workers="allow" if offline_worker else "block")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: "Content Security Policy" in message.text
                and blocked.append(message.text))
        return page

    yield open_
    for context in contexts:
        context.close()
    assert blocked == [], "the page broke the Content-Security-Policy"


@pytest.fixture
def short_idle(live_server):
    """Shorten the kiosk's idle timeout to 2 s for one test, as an admin's setting would, then restore it."""
    with live_server.app.app_context():
        row = db.session.get(Setting, IDLE_KEY) or Setting(key=IDLE_KEY)
        saved = row.value if row in db.session else None
        row.value = "2"
        db.session.add(row)
        db.session.commit()  # bumps the kiosk revision: cached pages are rendered again
    yield 2
    with live_server.app.app_context():
        row = db.session.get(Setting, IDLE_KEY)
        if saved is None:
            db.session.delete(row)
        else:
            row.value = saved
        db.session.commit()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
