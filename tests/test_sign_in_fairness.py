"""Sign-in limits that keep guessing out without becoming a weapon; proxy and HTTPS settings that say so."""
import time_machine

from app import create_app
from app.auth import lockout
from tests.conftest import StaffClient

WRONG = "doan-sai-mat-khau"


def _from(app, address: str) -> StaffClient:
    client = StaffClient(app, app.response_class, use_cookies=True)
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_a_colleague_at_another_desk_is_not_locked_out_by_someone_elses_guesses(app, make_user):
    colleague = make_user()
    prankster, desk = _from(app, "203.0.113.9"), _from(app, "203.0.113.10")
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False):
        for _ in range(5):
            prankster.sign_in(colleague.username, WRONG)
        assert "Vui lòng đợi 1 phút" in prankster.sign_in(colleague.username).get_data(as_text=True)
        assert desk.sign_in(colleague.username).status_code == 302  # was: locked from every address


def test_even_many_guesses_from_elsewhere_delay_a_colleague_minutes_not_an_hour(app, make_user):
    colleague = make_user()
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for n in range(40):  # spread over addresses, as a determined guesser would
            _from(app, f"198.51.100.{n % 8}").sign_in(colleague.username, WRONG)
            clock.shift(1)
        waits = [lockout.seconds_to_wait(colleague.username, "203.0.113.10")]
        assert 0 < waits[0] <= 5 * 60
        clock.shift(5 * 60 + 1)
        assert _from(app, "203.0.113.10").sign_in(colleague.username).status_code == 302


def test_guessing_from_one_address_still_grows_to_an_hour(app):
    waits = []
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for _ in range(12):
            waits.append(lockout.record_failure("nguoi-bi-doan", "198.51.100.1"))
            clock.shift(max(waits[-1], 1) + 1)
    assert waits == [0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_an_office_behind_one_address_is_delayed_minutes_at_most_by_one_person(app, make_user):
    officer = make_user()
    office = _from(app, "192.0.2.1")
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for n in range(40):
            office.sign_in(f"ten-sai-{n}", WRONG)
            clock.shift(1)
        assert 0 < lockout.seconds_to_wait(officer.username, "192.0.2.1") <= 5 * 60


def _settings_page(app, user, forwarded: bool) -> str:
    """The settings page as an admin sees it, every request through a proxy when `forwarded`."""
    client = StaffClient(app, app.response_class, use_cookies=True)
    if forwarded:
        client.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.7"
    assert client.sign_in(user.username).status_code == 302
    return client.get("/quan-tri/cai-dat").get_data(as_text=True)


def test_settings_warn_when_a_proxy_forwards_addresses_it_is_not_trusted_for(app, make_user):
    admin = make_user("admin")
    warned = _settings_page(app, admin, forwarded=True)
    assert "TRUSTED_PROXIES đang là 0" in warned and "X-Forwarded-For" in warned
    assert "TRUSTED_PROXIES đang là 0" not in _settings_page(app, admin, forwarded=False)


def test_settings_do_not_warn_when_the_proxy_is_trusted(app, make_user):
    trusting = create_app(dict(app.config, TRUSTED_PROXIES=1))
    assert "TRUSTED_PROXIES đang là 0" not in _settings_page(trusting, make_user("admin"), forwarded=True)


def test_hsts_only_when_the_session_cookie_is_secure(app, client):
    assert "Strict-Transport-Security" not in client.get("/kiosk/").headers
    secure = create_app(dict(app.config, SESSION_COOKIE_SECURE=True))
    response = secure.test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
