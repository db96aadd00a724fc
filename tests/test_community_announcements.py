"""Dated announcements: shown on the kiosk home only within their dates, managed by officers."""
from datetime import date

import time_machine

from app.announcements.models import Announcement
from app.extensions import db
from app.setting.services import save_settings

BASE = "/quan-ly/thong-bao/"


def _add(text, starts_on, ends_on=None):
    db.session.add(Announcement(text=text, starts_on=starts_on, ends_on=ends_on))
    db.session.commit()


def test_announcement_shows_only_within_its_dates(app, client):
    _add("Ngày 01/12 nghỉ chiều để tập huấn.", date(2026, 11, 25), date(2026, 12, 1))
    for moment, shown in (("2026-11-24 20:00 +0700", False), ("2026-11-25 07:00 +0700", True),
                          ("2026-12-01 16:59 +0700", True), ("2026-12-02 07:00 +0700", False)):
        with time_machine.travel(moment, tick=False):
            page = client.get("/kiosk/").get_data(as_text=True)
        assert ("Ngày 01/12 nghỉ chiều để tập huấn." in page) == shown, moment


def test_open_ended_announcement_and_the_standing_line_both_show(app, client):
    _add("Từ 01/11 nhận hồ sơ đất đai cả thứ Bảy.", date(2026, 11, 1))
    save_settings({"kiosk_announcement": "Giờ làm việc: 7h00–17h00."})
    db.session.commit()
    with time_machine.travel("2027-03-01 08:00 +0700", tick=False):
        page = client.get("/kiosk/").get_data(as_text=True)
    assert "Từ 01/11 nhận hồ sơ đất đai cả thứ Bảy." in page
    assert "Giờ làm việc: 7h00–17h00." in page


def test_officer_adds_and_deletes_an_announcement(app, officer_client, client):
    response = officer_client.post(BASE, data={"text": "Mất điện sáng 26/11.", "starts_on": "2026-11-01"})
    assert response.status_code == 303
    item = db.session.scalar(db.select(Announcement))
    assert (item.text, item.starts_on, item.ends_on) == ("Mất điện sáng 26/11.", date(2026, 11, 1), None)
    assert "Mất điện sáng 26/11." in client.get("/kiosk/").get_data(as_text=True)
    assert officer_client.post(f"{BASE}{item.id}/xoa").status_code == 303
    assert "Mất điện sáng 26/11." not in client.get("/kiosk/").get_data(as_text=True)


def test_bad_dates_are_refused_both_ways(app, officer_client):
    data = {"text": "Thông báo", "starts_on": "2026-11-10", "ends_on": "2026-11-01"}
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(BASE, data=data, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "Ngày kết thúc phải từ ngày bắt đầu trở đi." in body
        assert ("<html" in body) == (not headers)
    assert db.session.scalar(db.select(Announcement)) is None


def test_viewer_sees_the_list_but_cannot_add(app, viewer_client, client):
    _add("Tập huấn VNeID cho người cao tuổi", date(2026, 1, 1))
    page = viewer_client.get(BASE).get_data(as_text=True)
    assert "Tập huấn VNeID cho người cao tuổi" in page and "Thêm thông báo" not in page
    assert viewer_client.post(BASE, data={"text": "X", "starts_on": "2026-11-01"}).status_code == 403
    assert client.get(BASE).status_code == 302
