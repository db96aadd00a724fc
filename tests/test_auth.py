"""Signing in and out, passwords, idle sessions and the create-user command, as staff notice them."""
import time_machine
from sqlalchemy import select

from app.audit.models import AuditEntry
from app.auth.models import User
from app.extensions import db
from tests.conftest import STAFF_PASSWORD, StaffClient


def _new_client(app) -> StaffClient:
    return StaffClient(app, app.response_class, use_cookies=True)


def _entries(action: str) -> list[AuditEntry]:
    return db.session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_sign_in_page_is_a_form_in_vietnamese(client):
    page = client.get("/dang-nhap")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Tên đăng nhập" in html and "Mật khẩu" in html
    assert 'name="csrf_token"' in html


def test_sign_in_opens_the_staff_home_and_is_audited(app, make_user):
    user = make_user("officer", full_name="Nguyễn Thị Hoa")
    client = _new_client(app)
    response = client.sign_in(user.username)
    assert response.status_code == 302 and response.headers["Location"] == "/quan-ly/"
    home = client.get("/quan-ly/").get_data(as_text=True)
    assert "Nguyễn Thị Hoa" in home and "Đăng xuất" in home
    [entry] = _entries("sign_in")
    assert entry.username == user.username and entry.user_id == user.id


def test_wrong_password_and_unknown_user_read_the_same_and_are_audited(app, make_user):
    user = make_user()
    client = _new_client(app)
    wrong = client.sign_in(user.username, "sai-mat-khau-roi")
    unknown = client.sign_in("khong-co-ai", "sai-mat-khau-roi")
    for response in (wrong, unknown):
        assert response.status_code == 422
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.get_data(as_text=True)
    assert {e.username for e in _entries("sign_in_failed")} == {user.username, "khong-co-ai"}
    assert client.get("/quan-ly/").status_code == 302


def test_locked_account_cannot_sign_in(app, make_user):
    user = make_user(active=False)
    response = _new_client(app).sign_in(user.username)
    assert response.status_code == 422


def test_username_is_case_insensitive(app, make_user):
    user = make_user(username="tranvanb")
    assert _new_client(app).sign_in("  TranVanB ").status_code == 302
    assert user.last_sign_in_at is not None


def test_sign_in_starts_a_fresh_session(app, make_user):
    user = make_user()
    client = _new_client(app)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    client.sign_in(user.username)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"].startswith(f"{user.id}:")


def test_sign_out_needs_a_post_and_ends_the_session(officer_client):
    assert officer_client.get("/dang-xuat").status_code == 405
    response = officer_client.post("/dang-xuat", follow_redirects=True)
    assert "Bạn đã đăng xuất." in response.get_data(as_text=True)
    assert officer_client.get("/quan-ly/").status_code == 302
    assert [e.username for e in _entries("sign_out")] == [officer_client.user.username]


def test_sign_in_returns_to_the_page_asked_for(app, make_user):
    user = make_user("admin")
    client = _new_client(app)
    asked = client.get("/quan-tri/nhat-ky?action=sign_in")
    assert asked.headers["Location"] == "/dang-nhap?next=/quan-tri/nhat-ky?action%3Dsign_in"
    form = client.get(asked.headers["Location"]).get_data(as_text=True)
    assert 'value="/quan-tri/nhat-ky?action=sign_in"' in form
    response = client.post("/dang-nhap", data={
        "username": user.username, "password": STAFF_PASSWORD, "next": "/quan-tri/nhat-ky?action=sign_in"})
    assert response.headers["Location"] == "/quan-tri/nhat-ky?action=sign_in"


def test_signed_in_user_opening_sign_in_goes_home(officer_client):
    assert officer_client.get("/dang-nhap").headers["Location"] == "/quan-ly/"


def test_temporary_password_must_be_changed_before_anything_else(app, make_user):
    user = make_user()
    user.set_password("tam-thoi-123456", temporary=True)
    db.session.commit()
    client = _new_client(app)
    assert client.sign_in(user.username, "tam-thoi-123456").status_code == 302
    for path in ("/quan-ly/", "/quan-tri/nguoi-dung"):
        assert client.get(path).headers["Location"] == "/doi-mat-khau"
    fragment = client.get("/quan-ly/", headers={"HX-Request": "true"})
    assert fragment.status_code == 204 and fragment.headers["HX-Redirect"] == "/doi-mat-khau"
    page = client.get("/doi-mat-khau").get_data(as_text=True)
    assert "mật khẩu tạm thời" in page

    short = client.post("/doi-mat-khau", data={
        "current_password": "tam-thoi-123456", "new_password": "ngan", "confirm": "ngan"})
    assert short.status_code == 422 and "ít nhất 10 ký tự" in short.get_data(as_text=True)
    mismatch = client.post("/doi-mat-khau", data={
        "current_password": "tam-thoi-123456", "new_password": "mat-khau-moi-1", "confirm": "khac-hoan-toan"})
    assert mismatch.status_code == 422 and "không giống nhau" in mismatch.get_data(as_text=True)
    wrong = client.post("/doi-mat-khau", data={
        "current_password": "doan-bua-di-thoi", "new_password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"})
    assert "Mật khẩu hiện tại không đúng." in wrong.get_data(as_text=True)

    done = client.post("/doi-mat-khau", data={
        "current_password": "tam-thoi-123456", "new_password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"})
    assert done.headers["Location"] == "/quan-ly/"
    assert client.get("/quan-ly/").status_code == 200
    assert _new_client(app).sign_in(user.username, "mat-khau-moi-1").status_code == 302
    assert _new_client(app).sign_in(user.username, "tam-thoi-123456").status_code == 422


def test_changing_password_signs_out_other_sessions(app, make_user):
    user = make_user()
    desk, phone = _new_client(app), _new_client(app)
    desk.sign_in(user.username)
    phone.sign_in(user.username)
    desk.post("/doi-mat-khau", data={
        "current_password": STAFF_PASSWORD, "new_password": "mat-khau-moi-1", "confirm": "mat-khau-moi-1"})
    assert desk.get("/quan-ly/").status_code == 200
    assert phone.get("/quan-ly/").status_code == 302


def test_hash_is_upgraded_at_sign_in_when_parameters_change(app, make_user):
    user = make_user()
    assert "t=1," in user.password_hash
    app.config["PASSWORD_TIME_COST"] = 2
    app.extensions.pop("password_hasher")
    assert _new_client(app).sign_in(user.username).status_code == 302
    db.session.refresh(user)
    assert "t=2," in user.password_hash and user.password_hash.startswith("$argon2id$")
    assert _new_client(app).sign_in(user.username).status_code == 302


def test_idle_session_expires_but_activity_keeps_it_alive(app, make_user):
    user = make_user()
    client = _new_client(app)
    with time_machine.travel("2026-11-23 08:00 +0700", tick=False) as clock:
        client.sign_in(user.username)
        clock.shift(20 * 60)
        assert client.get("/quan-ly/").status_code == 200
        clock.shift(20 * 60)
        assert client.get("/quan-ly/").status_code == 200
        clock.shift(31 * 60)
        expired = client.get("/quan-ly/")
        assert expired.headers["Location"].startswith("/dang-nhap")
        page = client.get(expired.headers["Location"]).get_data(as_text=True)
        assert "Phiên làm việc đã hết hạn" in page


def test_create_user_command_makes_the_first_user_admin(runner):
    first = runner.invoke(args=["create-user", "Chutich", "--full-name", "Lê Văn An", "--password", "mot-mat-khau-dai"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["create-user", "vanthu"], input="mot-mat-khau-dai\nmot-mat-khau-dai\n")
    assert second.exit_code == 0, second.output
    viewer = runner.invoke(args=["create-user", "xem", "--role", "viewer", "--password", "mot-mat-khau-dai"])
    assert viewer.exit_code == 0
    roles = dict(db.session.execute(select(User.username, User.role)).all())
    assert roles == {"chutich": "admin", "vanthu": "officer", "xem": "viewer"}
    assert User.by_username("chutich").full_name == "Lê Văn An"


def test_create_user_command_refuses_short_passwords_and_duplicates(runner):
    short = runner.invoke(args=["create-user", "an", "--password", "ngan"])
    assert short.exit_code != 0 and "ít nhất 10 ký tự" in short.output
    runner.invoke(args=["create-user", "an", "--password", "mot-mat-khau-dai"])
    again = runner.invoke(args=["create-user", "AN", "--password", "mot-mat-khau-dai"])
    assert again.exit_code != 0 and "đã có" in again.output
    assert User.count() == 1


def _replay(app, cookie: str) -> StaffClient:
    """A second browser holding a copy of `cookie`, taken before its owner signed out."""
    thief = StaffClient(app, app.response_class, use_cookies=True)
    thief.set_cookie("session", cookie)
    return thief


def test_a_cookie_copied_before_sign_out_opens_nothing_after(app, officer_client):
    from app.announcements.models import Announcement
    copied = officer_client.get_cookie("session").value
    assert _replay(app, copied).get("/quan-ly/").status_code == 200  # the copy works while signed in
    officer_client.post("/dang-xuat")
    thief = _replay(app, copied)
    assert thief.get("/quan-ly/").headers["Location"].startswith("/dang-nhap")
    thief = _replay(app, copied)
    posted = thief.post("/quan-ly/thong-bao/", data={"text": "Giả mạo", "starts_on": "2026-03-02"})
    assert posted.status_code == 302 and posted.headers["Location"].startswith("/dang-nhap")
    assert db.session.scalars(select(Announcement)).all() == []


def test_signing_out_in_one_browser_keeps_the_other_signed_in(app, make_user):
    user = make_user()
    desk, phone = _new_client(app), _new_client(app)
    desk.sign_in(user.username)
    phone.sign_in(user.username)
    desk.post("/dang-xuat")
    assert phone.get("/quan-ly/").status_code == 200


def test_a_busy_session_still_ends_after_its_hours(app, make_user):
    user = make_user()
    client = _new_client(app)
    with time_machine.travel("2026-11-23 07:00 +0700", tick=False) as clock:
        client.sign_in(user.username)
        for _ in range(23):  # a request every half hour keeps the idle timer happy
            clock.shift(30 * 60)
            assert client.get("/quan-ly/").status_code == 200
        clock.shift(31 * 60)
        ended = client.get("/quan-ly/")
        assert ended.headers["Location"].startswith("/dang-nhap")
        assert "Phiên làm việc đã quá 12 giờ" in client.get(ended.headers["Location"]).get_data(as_text=True)
        assert client.sign_in(user.username).status_code == 302


def test_the_session_lifetime_is_configurable(app, make_user):
    app.config.update(STAFF_SESSION_HOURS=1, STAFF_IDLE_MINUTES=120)
    user = make_user()
    client = _new_client(app)
    with time_machine.travel("2026-11-23 07:00 +0700", tick=False) as clock:
        client.sign_in(user.username)
        clock.shift(59 * 60)
        assert client.get("/quan-ly/").status_code == 200
        clock.shift(2 * 60)
        assert client.get("/quan-ly/").status_code == 302
