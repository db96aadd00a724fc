"""Queue numbers: opening hours, numbering, the counter's actions, the hall screen and the figures."""
import io
import re
import wave
from datetime import date, datetime, timedelta

import openpyxl
import pytest
import time_machine

from app.extensions import db
from app.queue import hall, services, statistics
from app.queue.models import Call, Ticket
from app.setting.services import save_settings
from tests.queue_factories import OPEN, make_counter, make_group  # noqa: F401  (fixtures)


@pytest.fixture
def clock():
    with time_machine.travel(OPEN, tick=False) as traveller:
        yield traveller


@pytest.fixture
def desk(app, make_group, make_counter):
    """Two groups; counter 1 serves A, counter 2 serves A and B."""
    civil, land = make_group("A", "Hộ tịch – Chứng thực", intake_hint="khai sinh"), make_group("B", "Đất đai")
    return civil, land, make_counter(1, [civil]), make_counter(2, [civil, land])


def take(group, minutes_later=0):
    ticket = services.take_ticket(group, datetime(2026, 3, 10, 2, 0) + timedelta(minutes=minutes_later))
    db.session.commit()
    return ticket


# --- Opening hours and working days ------------------------------------------------------------

@pytest.mark.parametrize("moment, expected", [
    ("2026-03-10 09:00 +0700", None),
    ("2026-03-10 07:29 +0700", "ngoài giờ phát số"),
    ("2026-03-10 12:00 +0700", "ngoài giờ phát số"),
    ("2026-03-14 09:00 +0700", "ngày nghỉ"),  # a Saturday
    ("2026-04-30 09:00 +0700", "nghỉ lễ"),  # Ngày Giải phóng miền Nam
])
def test_numbers_only_on_working_days_within_opening_hours(app, moment, expected):
    with time_machine.travel(moment, tick=False):
        reason = services.closed_reason()
    assert (reason is None) if expected is None else (expected in reason.lower())


def test_the_hours_are_a_setting_read_in_vietnamese(app):
    assert services.parse_hours("7h30 - 11h30; 13:30-17:00") == [
        (datetime(1, 1, 1, 7, 30).time(), datetime(1, 1, 1, 11, 30).time()),
        (datetime(1, 1, 1, 13, 30).time(), datetime(1, 1, 1, 17, 0).time())]
    with pytest.raises(ValueError, match="Không đọc được “sáng”"):
        services.parse_hours("sáng")
    save_settings({"queue_hours": "13:00-14:00"})
    db.session.commit()
    with time_machine.travel(OPEN, tick=False):
        assert "13:00–14:00" in services.closed_reason()


def test_the_kiosk_says_why_no_number_is_given(client, desk):
    with time_machine.travel("2026-04-30 09:00 +0700", tick=False):
        page = client.get("/lay-so/").get_data(as_text=True)
    assert "ngày nghỉ lễ" in page and 'name="group"' not in page


# --- Numbering ---------------------------------------------------------------------------------

def test_numbers_count_per_group_and_restart_each_day(app, desk, clock):
    civil, land, *_ = desk
    assert [take(civil).code, take(civil).code, take(land).code, take(civil).code] == ["A001", "A002", "B001", "A003"]
    clock.move_to("2026-03-11 09:00 +0700")
    ticket = services.take_ticket(civil)
    assert (ticket.code, ticket.day) == ("A001", date(2026, 3, 11))


def test_the_ticket_counts_the_people_waiting_ahead_in_its_group(app, desk, clock):
    civil, land, first, _ = desk
    take(civil), take(civil), take(land)
    services.call_next(first)
    assert take(civil).waiting_ahead == 1


def test_taking_a_number_at_the_kiosk_opens_the_ticket_page(client, desk, clock):
    civil = desk[0]
    page = client.get("/lay-so/").get_data(as_text=True)
    assert "Hộ tịch – Chứng thực" in page and "Đất đai" in page
    response = client.post("/lay-so/", data={"group": civil.id, "csrf_token": _token(page)})
    assert response.status_code == 303
    ticket = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "A001" in ticket and "Hộ tịch – Chứng thực" in ticket and "09:00" in ticket and "10/03/2026" in ticket
    assert "Bạn là người" in ticket and "<script>" not in ticket.replace("<script src", "")


def test_the_kiosk_home_offers_the_number_once_a_group_exists(client, make_group):
    assert "Lấy số thứ tự" not in client.get("/kiosk/").get_data(as_text=True)
    make_group()
    assert 'href="/lay-so/"' in client.get("/kiosk/").get_data(as_text=True)


def test_a_group_no_longer_giving_numbers_is_refused_in_vietnamese(client, desk, clock):
    civil = desk[0]
    token = _token(client.get("/lay-so/").get_data(as_text=True))
    civil.active = False
    db.session.commit()
    response = client.post("/lay-so/", data={"group": civil.id, "csrf_token": token})
    assert response.status_code == 422 and "không còn phát số" in response.get_data(as_text=True)
    assert db.session.query(Ticket).count() == 0


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


# --- The counter's actions ---------------------------------------------------------------------

def test_call_next_takes_the_oldest_of_the_counters_groups_and_finishes_the_current(app, desk, clock):
    civil, land, first, second = desk
    a1, b1, a2 = take(civil), take(land, 1), take(civil, 2)
    assert services.call_next(second).code == "A001"
    assert services.call_next(first).code == "A002"  # A001 is served at counter 2
    assert services.call_next(first) is None  # B is not counter 1's group
    db.session.commit()
    assert services.call_next(second).code == "B001"
    assert a1.status == "served" and a1.finished_at is not None
    assert [call.ticket.code for call in db.session.query(Call).order_by(Call.id)] == ["A001", "A002", "B001"]


def test_recall_no_show_and_done(app, desk, clock):
    civil, _land, first, _second = desk
    ticket = take(civil)
    assert services.recall(first) is None
    services.call_next(first)
    clock.shift(60)
    services.recall(first)
    assert db.session.query(Call).count() == 2 and ticket.first_called_at < ticket.called_at
    services.mark_no_show(first)
    assert ticket.status == "no_show" and services.current_ticket(first) is None
    take(civil)
    services.call_next(first)
    assert services.finish(first).status == "served"


def test_a_transferred_number_is_called_first_at_the_other_counter(app, desk, clock):
    civil, land, first, second = desk
    take(land), take(civil, 1), take(civil, 2)
    services.call_next(first)  # A001
    moved = services.transfer(first, second)
    assert moved.status == "waiting" and services.current_ticket(first) is None
    assert services.call_next(second).code == "A001"  # before B001, taken earlier
    assert services.call_next(first).code == "A002"


def test_two_counters_never_call_the_same_number(app, desk, clock):
    civil, _land, first, second = desk
    take(civil)
    assert services.call_next(first).code == "A001"
    assert services.call_next(second) is None


def test_the_counter_page_by_keys_full_page_and_fragment(clock, officer_client, desk):
    civil = desk[0]
    take(civil)
    page = officer_client.get("/quan-ly/quay/1").get_data(as_text=True)
    assert 'data-shortcut="n"' in page and "<html" in page and "Chưa gọi số nào" in page
    fragment = officer_client.post("/quan-ly/quay/1/goi-tiep", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div class="counter-panel"') and "A001" in fragment
    # H opens intake with the group's words typed in the procedure box.
    assert 'href="/quan-ly/ho-so/them?procedure=khai+sinh" data-shortcut="h"' in fragment
    intake = officer_client.get("/quan-ly/ho-so/them?procedure=khai+sinh").get_data(as_text=True)
    assert 'value="khai sinh"' in intake
    response = officer_client.post("/quan-ly/quay/1/xong")
    assert response.status_code == 303 and response.headers["Location"].endswith("/quan-ly/quay/1")
    assert db.session.query(Ticket).one().status == "served"


def test_transfer_needs_another_counter_from_the_list(clock, officer_client, desk):
    take(desk[0])
    officer_client.post("/quan-ly/quay/1/goi-tiep")
    response = officer_client.post("/quan-ly/quay/1/chuyen", data={"target": "999"})
    assert response.status_code == 422 and "Vui lòng chọn một quầy khác" in response.get_data(as_text=True)
    response = officer_client.post("/quan-ly/quay/1/chuyen", data={"target": str(desk[3].id)},
                                   headers={"HX-Request": "true"})
    assert "Đã chuyển số A001 sang Quầy số 2" in response.get_data(as_text=True)


def test_viewers_cannot_call_numbers(viewer_client, desk):
    assert viewer_client.post("/quan-ly/quay/1/goi-tiep").status_code == 403


# --- Settings ----------------------------------------------------------------------------------

def test_officers_set_groups_counters_and_hours(officer_client):
    assert officer_client.post("/quan-ly/hang-doi/nhom/them", data={"letter": "a", "name": "Hộ tịch",
                                                                     "active": "y"}).status_code == 303
    response = officer_client.post("/quan-ly/hang-doi/nhom/them", data={"letter": "A", "name": "Khác"})
    assert response.status_code == 422 and "Chữ A đã dùng cho nhóm “Hộ tịch”" in response.get_data(as_text=True)
    response = officer_client.post("/quan-ly/hang-doi/quay/them", data={"number": "2", "active": "y"})
    assert response.status_code == 422 and "ít nhất một nhóm" in response.get_data(as_text=True)
    assert officer_client.post("/quan-ly/hang-doi/quay/them", data={"number": "2", "groups": "1",
                                                                     "active": "y"}).status_code == 303
    response = officer_client.post("/quan-ly/hang-doi/", data={"queue_hours": "8-11"})
    assert response.status_code == 422 and "Không đọc được “8-11”" in response.get_data(as_text=True)
    assert officer_client.post("/quan-ly/hang-doi/", data={"queue_hours": "7h30-11h30"}).status_code == 303
    page = officer_client.get("/quan-ly/hang-doi/").get_data(as_text=True)
    assert "Quầy số 2" in page and 'value="07:30-11:30"' in page


# --- Hall screen -------------------------------------------------------------------------------

def test_the_hall_board_shows_the_call_and_skips_unchanged_answers(client, desk, clock):
    civil, land, first, second = desk
    take(civil), take(land)
    services.call_next(second)
    db.session.commit()
    page = client.get("/man-hinh").get_data(as_text=True)
    assert "A001" in page and "Quầy số 2" in page and "Đang chờ" in page
    board = client.get("/man-hinh/bang")
    version = re.search(r'data-version="(\w+)"', board.get_data(as_text=True)).group(1)
    assert client.get(f"/man-hinh/bang?v={version}").status_code == 204
    services.call_next(first)  # nobody for counter 1: nothing changes
    db.session.commit()
    assert client.get(f"/man-hinh/bang?v={version}").status_code == 204
    services.call_next(second)
    db.session.commit()
    changed = client.get(f"/man-hinh/bang?v={version}").get_data(as_text=True)
    assert "B001" in changed and 'data-call-audio="/man-hinh/goi/2.wav"' in changed


def test_the_call_is_announced_by_value_and_the_chime_is_a_short_wav(app, desk, clock):
    take(desk[0])
    services.call_next(desk[3])
    call = db.session.query(Call).one()
    assert call.announcement == "Mời số A 1 đến quầy số 2"
    from app.speech import spoken_text

    assert spoken_text(call.announcement) == "Mời số A một đến quầy số hai"
    with wave.open(io.BytesIO(hall.chime_wav())) as chime:
        assert 0.8 < chime.getnframes() / chime.getframerate() < 2.0


# --- Statistics --------------------------------------------------------------------------------

def test_figures_per_day_group_and_counter(app, desk, clock):
    civil, land, first, second = desk
    for minutes in range(0, 10):
        take(civil if minutes < 8 else land, minutes)
    for waited in (5, 10, 20, 40):  # counter 1 serves A001–A004, each for 3 minutes
        clock.move_to(datetime(2026, 3, 10, 2, 0) + timedelta(minutes=waited))
        services.call_next(first)
        clock.shift(180)
        services.finish(first)
    services.call_next(second)
    services.mark_no_show(second)
    db.session.commit()
    report = statistics.build_report(date(2026, 3, 1), date(2026, 3, 31))
    assert (report.total.tickets, report.total.served, report.total.no_shows) == (10, 4, 1)
    a_row = report.by_group[0]
    assert a_row.name == "A – Hộ tịch – Chứng thực" and a_row.tickets == 8
    counter_one = report.by_counter[0]
    assert counter_one.name == "Quầy số 1" and counter_one.served == 4
    assert counter_one.wait_median == pytest.approx(9)  # waits 5, 9, 18, 37: nearest-rank median 9
    assert counter_one.wait_p90 == pytest.approx(37)
    assert counter_one.service_median == pytest.approx(3)
    assert report.busiest_hours == [(9, 10)]
    assert (statistics.minutes(6.5), statistics.minutes(None)) == ("6,5", "–")


def test_the_statistics_page_and_workbook_carry_the_queue(clock, viewer_client, desk):
    take(desk[0])
    page = viewer_client.get("/quan-ly/thong-ke?ky=month&nam=2026&thang=3").get_data(as_text=True)
    assert "Số thứ tự tại Bộ phận Một cửa" in page and "Đã phát <strong>1</strong> số" in page
    fragment = viewer_client.get("/quan-ly/thong-ke?ky=month&nam=2026&thang=3",
                                 headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="bao-cao"') and 'id="so-thu-tu" class="report" hx-swap-oob="true"' in fragment
    body = viewer_client.get("/quan-ly/thong-ke.xlsx?ky=month&nam=2026&thang=3").get_data()
    sheet = openpyxl.load_workbook(io.BytesIO(body))["Số thứ tự"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["Theo nhóm dịch vụ", "Số phát", "Đã phục vụ", "Vắng mặt", "Chờ – trung vị (phút)", "Chờ – 90% (phút)",
            "Phục vụ – trung vị (phút)", "Phục vụ – 90% (phút)"] in rows
    assert ["A – Hộ tịch – Chứng thực", 1, 0, 0, None, None, None, None] in rows
