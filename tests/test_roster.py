"""The duty roster: recurring shifts, public holidays, swaps and absences, the month page, the kiosk panel."""
from datetime import date

import pytest
import time_machine

from app.community.models import Hamlet, Member
from app.extensions import db
from app.roster import services
from app.roster.models import DutyException, DutyShift

MONDAY, WEDNESDAY, FRIDAY = 0, 2, 4


@pytest.fixture
def member(app):
    """Returns make(name) -> a youth union member of one hamlet's team."""
    hamlet = Hamlet(name="Ấp Bình Minh")
    db.session.add(hamlet)

    def make(name: str, **values) -> Member:
        person = Member(name=name, hamlet=hamlet, organisation="youth_union", **values)
        db.session.add(person)
        db.session.commit()
        return person

    return make


def _shift(person: Member, weekday: int, session: str = "morning", starts_on=date(2026, 1, 1)) -> None:
    db.session.add(DutyShift(member=person, weekday=weekday, session=session, starts_on=starts_on))
    db.session.commit()


def _names(day: date, session: str = "morning") -> list[str]:
    return [m.name for m in services.on_duty(day)[session]]


def test_recurring_duty_on_its_weekdays_only(member):
    lan = member("Nguyễn Thị Lan")
    for weekday in (MONDAY, WEDNESDAY, FRIDAY):
        _shift(lan, weekday)
    assert _names(date(2026, 11, 23)) == ["Nguyễn Thị Lan"]  # Monday
    assert _names(date(2026, 11, 24)) == []  # Tuesday
    assert _names(date(2026, 11, 25)) == ["Nguyễn Thị Lan"]  # Wednesday
    assert _names(date(2026, 11, 23), "afternoon") == []


def test_national_day_has_nobody_unless_a_swap_says_so(member):
    lan, minh = member("Nguyễn Thị Lan"), member("Trần Văn Minh")
    _shift(lan, WEDNESDAY)
    assert services.holiday_name(date(2026, 9, 2)) == "Quốc khánh"
    assert _names(date(2026, 8, 26)) == ["Nguyễn Thị Lan"]
    assert _names(date(2026, 9, 2)) == []  # Wednesday, National Day
    assert _names(date(2026, 9, 9)) == ["Nguyễn Thị Lan"]
    db.session.add(DutyException(day=date(2026, 9, 2), session="morning", kind="swap", member=minh))
    db.session.commit()
    assert _names(date(2026, 9, 2)) == ["Trần Văn Minh"]
    assert _names(date(2026, 9, 2), "afternoon") == []


def test_swap_absence_and_closed_day_touch_only_their_date(member):
    lan, minh, hoa = member("Nguyễn Thị Lan"), member("Trần Văn Minh"), member("Lê Thị Hoa")
    _shift(lan, MONDAY, "morning")
    _shift(hoa, MONDAY, "morning")
    _shift(lan, FRIDAY, "afternoon")
    db.session.add_all([
        DutyException(day=date(2026, 11, 23), session=None, kind="swap", member=minh),
        DutyException(day=date(2026, 11, 30), session="morning", kind="absence", member=hoa),
        DutyException(day=date(2026, 11, 27), session=None, kind="closed"),
    ])
    db.session.commit()
    assert _names(date(2026, 11, 23)) == ["Trần Văn Minh"]
    assert _names(date(2026, 11, 30)) == ["Nguyễn Thị Lan"]
    assert _names(date(2026, 11, 27), "afternoon") == []
    assert _names(date(2026, 12, 7)) == ["Nguyễn Thị Lan", "Lê Thị Hoa"]
    assert _names(date(2026, 12, 4), "afternoon") == ["Nguyễn Thị Lan"]


def test_a_member_who_left_is_no_longer_on_duty(member):
    lan = member("Nguyễn Thị Lan", left_on=date(2026, 11, 20))
    _shift(lan, MONDAY)
    assert _names(date(2026, 11, 16)) == ["Nguyễn Thị Lan"]
    assert _names(date(2026, 11, 23)) == []


def test_duty_sentence_names_people_and_sessions(member):
    lan, minh = member("Nguyễn Thị Lan"), member("Trần Văn Minh")
    assert services.duty_sentence({"morning": [], "afternoon": []}) is None
    assert services.duty_sentence({"morning": [lan], "afternoon": [lan]}) == (
        "Hôm nay có Nguyễn Thị Lan (buổi sáng và buổi chiều) hỗ trợ nộp hồ sơ trực tuyến tại quầy.")
    assert services.duty_sentence({"morning": [lan], "afternoon": [minh]}) == (
        "Hôm nay có Nguyễn Thị Lan (buổi sáng) và Trần Văn Minh (buổi chiều) hỗ trợ nộp hồ sơ trực tuyến tại quầy.")


def test_kiosk_home_shows_todays_duty_on_monday_and_nothing_on_tuesday(member, client):
    _shift(member("Nguyễn Thị Lan"), MONDAY, "morning")
    with time_machine.travel("2026-11-23 07:30 +0700", tick=False) as clock:
        page = client.get("/kiosk/").get_data(as_text=True)
        assert "Hôm nay có Nguyễn Thị Lan (buổi sáng) hỗ trợ nộp hồ sơ trực tuyến tại quầy." in page
        # The same worker's cached home page must not carry Monday's duty into Tuesday.
        clock.move_to("2026-11-24 07:30 +0700")
        page = client.get("/kiosk/").get_data(as_text=True)
        assert "Nguyễn Thị Lan" not in page
        assert 'id="truc-hom-nay"' not in page


def test_kiosk_home_uses_vietnam_date_not_utc(member, client):
    _shift(member("Nguyễn Thị Lan"), MONDAY, "morning")
    # 23:30 UTC on Sunday is already Monday 06:30 in Vietnam.
    with time_machine.travel("2026-11-22 23:30 +0000", tick=False):
        assert "Nguyễn Thị Lan" in client.get("/kiosk/").get_data(as_text=True)


def test_kiosk_panel_follows_a_new_swap_at_once(member, client, officer_client):
    lan, minh = member("Nguyễn Thị Lan"), member("Trần Văn Minh")
    _shift(lan, MONDAY, "morning")
    monday = time_machine.travel("2026-11-23 07:30 +0700", tick=False)
    with monday:
        assert "Nguyễn Thị Lan" in client.get("/kiosk/").get_data(as_text=True)
    # Signed in at the real time: the officer's session would look idle inside the frozen Monday.
    response = officer_client.post("/quan-ly/lich-truc/ngoai-le", data={
        "day": "2026-11-23", "session": "", "kind": "swap", "member_id": str(minh.id)})
    assert response.status_code == 303
    with monday:
        page = client.get("/kiosk/").get_data(as_text=True)
    assert "Hôm nay có Trần Văn Minh (buổi sáng) hỗ trợ" in page


def test_month_page_shows_duty_and_holiday(member, viewer_client):
    _shift(member("Nguyễn Thị Lan"), WEDNESDAY, "afternoon")
    page = viewer_client.get("/quan-ly/lich-truc/?thang=2026-09").get_data(as_text=True)
    assert "Quốc khánh" in page
    cell = page.split('data-day="2026-09-09"')[1].split("</td>")[0]
    assert "Chiều: Nguyễn Thị Lan" in cell
    holiday_cell = page.split('data-day="2026-09-02"')[1].split("</td>")[0]
    assert "Nguyễn Thị Lan" not in holiday_cell
    assert "Thêm lịch trực cố định" not in page  # viewers read only


def test_month_navigation_by_htmx_returns_the_content_only(member, viewer_client):
    full = viewer_client.get("/quan-ly/lich-truc/?thang=2026-10")
    part = viewer_client.get("/quan-ly/lich-truc/?thang=2026-10", headers={"HX-Request": "true"})
    assert "<html" in full.get_data(as_text=True)
    assert "<html" not in part.get_data(as_text=True)
    assert 'id="lich-thang"' in part.get_data(as_text=True)
    assert "HX-Request" in part.headers["Vary"]


def test_officer_adds_mon_wed_fri_mornings(member, officer_client):
    lan = member("Nguyễn Thị Lan")
    response = officer_client.post("/quan-ly/lich-truc/ca-truc", data={
        "member_id": str(lan.id), "weekdays": ["0", "2", "4"], "sessions": ["morning"], "starts_on": "2026-11-01"})
    assert response.status_code == 303
    assert _names(date(2026, 11, 27)) == ["Nguyễn Thị Lan"]
    assert _names(date(2026, 11, 26)) == []


def test_shift_form_errors_come_back_422_and_save_nothing(member, officer_client):
    lan = member("Nguyễn Thị Lan")
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post("/quan-ly/lich-truc/ca-truc", headers=headers, data={
            "member_id": str(lan.id), "sessions": ["morning"], "starts_on": "2026-11-01"})
        assert response.status_code == 422
        assert "Chọn ít nhất một ngày." in response.get_data(as_text=True)
        assert ("<html" in response.get_data(as_text=True)) == (not headers)
    assert db.session.scalar(db.select(db.func.count(DutyShift.id))) == 0


def test_swap_without_a_person_is_refused(member, officer_client):
    response = officer_client.post("/quan-ly/lich-truc/ngoai-le", data={
        "day": "2026-11-23", "session": "", "kind": "swap", "member_id": "0"})
    assert response.status_code == 422
    assert "phải chọn người" in response.get_data(as_text=True)


def test_viewer_cannot_change_the_roster(member, viewer_client):
    lan = member("Nguyễn Thị Lan")
    response = viewer_client.post("/quan-ly/lich-truc/ca-truc", data={
        "member_id": str(lan.id), "weekdays": ["0"], "sessions": ["morning"], "starts_on": "2026-11-01"})
    assert response.status_code == 403
    assert db.session.scalar(db.select(db.func.count(DutyShift.id))) == 0


def test_ending_a_shift_keeps_past_days(member, officer_client):
    lan = member("Nguyễn Thị Lan")
    _shift(lan, services.today().weekday(), starts_on=date(2026, 1, 1))
    shift = db.session.scalar(db.select(DutyShift))
    assert officer_client.post(f"/quan-ly/lich-truc/ca-truc/{shift.id}/ket-thuc").status_code == 303
    last_week = services.today().toordinal() - 7
    assert _names(date.fromordinal(last_week)) == ["Nguyễn Thị Lan"]
    assert _names(services.today()) == []
