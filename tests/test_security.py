"""Who may open what, CSRF, escaping, redirects, headers, and the sign-in lockout across workers."""
import pytest
import time_machine
from flask import Flask
from werkzeug.routing import IntegerConverter, Rule

from app import create_app
from app.auth import lockout
from app.auth.access import safe_next
from app.extensions import db
from app.setting.services import save_settings
from tests.conftest import STAFF_PASSWORD, StaffClient

# Open to anyone, and why: the public kiosk and its QR images; the health probe and the root
# redirect; static files; the sign-in form itself; the short links printed under the QR codes.
# The kiosk's offline support (its service worker, the list of public kiosk URLs it keeps, the
# catalogue revision, the search index of in-force procedures): kiosk content only (app/kiosk/offline.py).
PUBLIC_BLUEPRINTS = {"kiosk", "kiosk_offline", "core"}
PUBLIC_ENDPOINTS = {"static", "auth.login", "qr.follow_short_link",
                    # A meeting's share link and what it serves: the secret token in the URL is the
                    # key, re-checked on every request (app/meetings/attendee.py).
                    "meetings.open_link", "meetings.download_document", "meetings.download_all",
                    "meetings.share_qr",
                    # The kiosk's guide pages, their QR codes and step images: kiosk content, shown
                    # only for published guides (app/guides/kiosk_views.py, each view @public).
                    "kiosk_guides.list_guides", "kiosk_guides.show_guide", "kiosk_guides.guide_qr",
                    "kiosk_guides.step_qr", "kiosk_guides.step_image", "kiosk_guides.read_guide"}
# A dossier's status by receipt code and lookup secret (kiosk and the receipt's QR) and the citizen's
# rating: procedure, dates and status only, only with the secret; wrong secrets limited per receipt
# code (tests/test_dossiers_public.py). The secret's form shows nothing about the code.
# A procedure's forms (mẫu đơn): the blank file and its example, as the kiosk's QR codes link them,
# their page images and QR codes, and the kiosk's print request (app/paper_forms/public_views.py).
PUBLIC_ENDPOINTS |= {"paper_forms.download_file", "paper_forms.page_image", "paper_forms.file_qr",
                     "paper_forms.print_form"}
PUBLIC_ENDPOINTS |= {"dossiers.lookup", "dossiers.ask_secret", "dossiers.show_status", "dossiers.rate_service"}
# Queue numbers: the kiosk's group choice, taking a number and its ticket (number, group, time; no
# person), and the hall TV's read-only screen, board, chime and spoken calls (app/queue, each @public).
PUBLIC_ENDPOINTS |= {"queue.choose_group", "queue.take_ticket", "queue.show_ticket", "queue.show_hall",
                     "queue.hall_board", "queue.chime", "queue.call_audio"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
XSS = "<script>alert(1)</script>"


def _sample_url(app: Flask, rule: Rule) -> str:
    """A concrete URL for `rule`, with plausible values for its arguments."""
    values = {}
    for name in rule.arguments:
        if name not in rule._converters:  # given by the rule's defaults, not by the path
            continue
        converter = rule._converters[name]
        items = getattr(converter, "items", None)
        values[name] = sorted(items)[0] if items else (1 if isinstance(converter, IntegerConverter) else "1.000001")
    with app.test_request_context():
        return app.url_for(rule.endpoint, **values)


def _staff_rules(app: Flask):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.split(".")[0]
        if blueprint in PUBLIC_BLUEPRINTS or rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def _anonymous(app: Flask) -> StaffClient:
    """Not signed in, but sending a valid CSRF token, so the sign-in check is what refuses."""
    return StaffClient(app, app.response_class, use_cookies=True)


def test_every_staff_page_refuses_anonymous_visitors(app):
    client = _anonymous(app)
    checked = set()
    for rule, method in _staff_rules(app):
        url = _sample_url(app, rule)
        response = client.open(url, method=method)
        assert response.status_code in (302, 401, 403), (method, url, response.status_code)
        if response.status_code == 302:
            assert response.headers["Location"].startswith("/dang-nhap"), (method, url)
        checked.add(rule.endpoint)
    assert {"staff.home", "admin.list_users", "admin.edit_settings", "auth.logout"} <= checked


def test_every_admin_page_refuses_officers_and_viewers(app, staff_client):
    clients = [staff_client("officer"), staff_client("viewer")]
    admin_rules = [(r, m) for r, m in _staff_rules(app) if r.endpoint.startswith("admin.")]
    assert len(admin_rules) >= 6
    for rule, method in admin_rules:
        for client in clients:
            response = client.open(_sample_url(app, rule), method=method)
            assert response.status_code == 403, (client.user.role, method, rule.rule)
            assert "Bạn không có quyền xem trang này." in response.get_data(as_text=True)


def test_public_pages_open_without_signing_in(seeded_client):
    for path in ("/kiosk/", "/healthz", "/dang-nhap", "/kiosk/tim-kiem?q=khai+sinh"):
        assert seeded_client.get(path).status_code == 200, path


def test_kiosk_pages_carry_no_csrf_token_and_set_no_cookie(seeded_app, staff_client):
    officer = staff_client("officer")
    for client in (seeded_app.test_client(), officer):
        response = client.get("/kiosk/")
        html = response.get_data(as_text=True)
        assert "csrf" not in html.lower() and "X-CSRFToken" not in html
        assert "Set-Cookie" not in response.headers


def test_staff_pages_send_the_csrf_token_to_htmx(officer_client):
    html = officer_client.get("/quan-ly/").get_data(as_text=True)
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_a_write_without_a_valid_csrf_token_is_refused_in_vietnamese(app, admin_client):
    for headers in ({"X-CSRFToken": ""}, {"X-CSRFToken": "forged.token.value"}):
        response = admin_client.post("/quan-tri/cai-dat", headers=headers, data={
            "commune_name": "UBND xã Giả Mạo", "public_base_url": "https://x.vn",
            "kiosk_idle_seconds": "60", "kiosk_announcement": ""})
        assert response.status_code == 400
        assert "Vui lòng tải lại trang rồi thử lại." in response.get_data(as_text=True)
    sign_in = app.test_client().post("/dang-nhap", data={"username": "a", "password": "b"})
    assert sign_in.status_code == 400
    assert "UBND xã Giả Mạo" not in admin_client.get("/quan-tri/cai-dat").get_data(as_text=True)


def test_script_in_a_full_name_is_shown_as_text(admin_client, make_user):
    make_user(full_name=XSS)
    html = admin_client.get("/quan-tri/nguoi-dung").get_data(as_text=True)
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_script_in_settings_is_shown_as_text_on_kiosk_and_staff_pages(app, client, admin_client):
    save_settings({"commune_name": XSS, "kiosk_announcement": XSS})
    db.session.commit()
    for html in (client.get("/kiosk/").get_data(as_text=True),
                 admin_client.get("/quan-ly/").get_data(as_text=True),
                 admin_client.get("/quan-tri/cai-dat").get_data(as_text=True),
                 admin_client.get("/quan-tri/nhat-ky").get_data(as_text=True)):
        assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("target", [
    "//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
    "javascript:alert(1)", "/\t/evil.example", "http:/evil.example", " //evil.example", "",
])
def test_sign_in_never_redirects_off_site(app, make_user, target):
    user = make_user()
    response = _anonymous(app).post("/dang-nhap", data={
        "username": user.username, "password": STAFF_PASSWORD, "next": target})
    assert response.status_code == 302 and response.headers["Location"] == "/quan-ly/"


def test_local_next_paths_are_kept():
    assert safe_next("/quan-tri/nhat-ky?action=sign_in") == "/quan-tri/nhat-ky?action=sign_in"
    assert safe_next("/quan-ly/") == "/quan-ly/"


def test_security_headers_on_kiosk_and_staff_responses(seeded_client, admin_client):
    kiosk = seeded_client.get("/kiosk/")
    staff = admin_client.get("/quan-tri/nguoi-dung")
    for response in (kiosk, staff, seeded_client.get("/dang-nhap")):
        assert response.headers["Content-Security-Policy"] == CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
    assert staff.headers["Cache-Control"] == "no-store"
    assert "no-store" not in kiosk.headers.get("Cache-Control", "")


def test_session_cookie_is_httponly_and_lax(app, make_user):
    response = _anonymous(app).sign_in(make_user().username)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_when_served_over_https(app):
    https_app = create_app(dict(app.config) | {"PREFERRED_URL_SCHEME": "https",
                                              "SESSION_COOKIE_SECURE": False})
    assert https_app.config["SESSION_COOKIE_SECURE"] is True


def test_htmx_request_from_an_expired_session_is_sent_to_sign_in(app, make_user):
    client = _anonymous(app)
    user = make_user("admin")
    page = {"HX-Request": "true", "HX-Current-URL": "http://localhost/quan-tri/nhat-ky?action=sign_in"}
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        client.sign_in(user.username)
        assert client.get("/quan-tri/nhat-ky?page=2", headers=page).status_code == 200
        clock.shift(31 * 60)
        response = client.get("/quan-tri/nhat-ky?page=2", headers=page)
    assert response.status_code == 204 and response.get_data() == b""
    assert response.headers["HX-Redirect"] == "/dang-nhap?next=/quan-tri/nhat-ky?action%3Dsign_in"
    anonymous = _anonymous(app).post("/quan-tri/cai-dat", headers={"HX-Request": "true"})
    assert anonymous.status_code == 204 and anonymous.headers["HX-Redirect"].startswith("/dang-nhap")


# --- Sign-in lockout ------------------------------------------------------------------------

def test_lockout_holds_across_two_workers_and_lifts_after_waiting(app, make_user):
    user = make_user()
    other_worker = create_app(dict(app.config))
    workers = [_anonymous(app), _anonymous(other_worker)]
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for attempt in range(4):
            response = workers[attempt % 2].sign_in(user.username, "doan-sai-mat-khau")
            assert "không đúng" in response.get_data(as_text=True)
        fifth = workers[0].sign_in(user.username, "doan-sai-mat-khau")
        assert "Vui lòng đợi 1 phút rồi thử lại." in fifth.get_data(as_text=True)
        for worker in workers:  # even the right password must wait, on either worker
            response = worker.sign_in(user.username)
            html = response.get_data(as_text=True)
            assert response.status_code == 422 and "Vui lòng đợi 1 phút rồi thử lại." in html
            assert "khóa" not in html and "không đúng" not in html
        clock.shift(61)
        assert workers[1].sign_in(user.username).status_code == 302


def test_wait_doubles_with_each_failure_after_the_lock(app, make_user):
    user = make_user()
    client = _anonymous(app)
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for _ in range(5):
            client.sign_in(user.username, "doan-sai-mat-khau")
        clock.shift(61)
        sixth = client.sign_in(user.username, "doan-sai-mat-khau")
        assert "Vui lòng đợi 2 phút rồi thử lại." in sixth.get_data(as_text=True)
        clock.shift(60)
        assert "Vui lòng đợi 1 phút" in client.sign_in(user.username).get_data(as_text=True)
        clock.shift(61)
        assert client.sign_in(user.username).status_code == 302


def test_success_resets_the_account_count(app, make_user):
    user = make_user()
    client = _anonymous(app)
    for _ in range(4):
        client.sign_in(user.username, "doan-sai-mat-khau")
    assert client.sign_in(user.username).status_code == 302
    client.post("/dang-xuat")
    for _ in range(4):
        assert "không đúng" in client.sign_in(user.username, "doan-sai-mat-khau").get_data(as_text=True)
    assert client.sign_in(user.username).status_code == 302


def test_many_failures_from_one_address_lock_that_address_only(app, make_user):
    user = make_user()
    attacker, neighbour = _anonymous(app), _anonymous(app)
    attacker.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    neighbour.environ_base["REMOTE_ADDR"] = "203.0.113.10"
    for n in range(20):
        attacker.sign_in(f"doan-ten-{n}", "doan-sai-mat-khau")
    assert "Vui lòng đợi" in attacker.sign_in(user.username).get_data(as_text=True)
    assert neighbour.sign_in(user.username).status_code == 302


def test_unknown_names_are_throttled_like_real_ones(app):
    client = _anonymous(app)
    for _ in range(5):
        response = client.sign_in("khong-ton-tai", "doan-sai-mat-khau")
    assert "Vui lòng đợi 1 phút rồi thử lại." in response.get_data(as_text=True)


def test_wait_grows_to_an_hour_and_no_further(app):
    waits = []
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        for _ in range(12):
            waits.append(lockout.record_failure("ai-do", "198.51.100.1"))
            clock.shift(max(waits[-1], 1) + 1)
    assert waits == [0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert lockout.describe_wait(3600) == "Vui lòng đợi 60 phút rồi thử lại."
