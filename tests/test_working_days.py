"""Due dates in working days: weekends and Vietnam's public holidays (lunar Tết too) do not count."""
from datetime import date

import pytest

from app.catalog.display import processing_span
from app.dossiers.calendar import add_working_days, due_date, is_working_day, next_working_day


@pytest.mark.parametrize("start, days, expected", [
    (date(2026, 2, 13), 1, date(2026, 2, 23)),   # Friday before Tết 2026: 16-20/2 off, then the weekend
    (date(2026, 2, 12), 3, date(2026, 2, 24)),   # 13/2, then 23/2 and 24/2
    (date(2026, 2, 12), 2, date(2026, 2, 23)),   # 13/2, then 23/2
    (date(2027, 2, 3), 2, date(2027, 2, 12)),    # Tết 2027: 4-10/2 off
    (date(2026, 4, 29), 2, date(2026, 5, 5)),    # 30/4 and 1/5 fall on Thursday and Friday
    (date(2026, 4, 24), 1, date(2026, 4, 28)),   # Hùng Kings' day on Sunday 26/4, observed Monday 27/4
    (date(2026, 8, 28), 1, date(2026, 9, 3)),    # National Day: 31/8, 1/9 and 2/9 off
    (date(2026, 11, 20), 3, date(2026, 11, 26)),  # Friday; Vietnam Cultural Day 24/11 is off
    (date(2026, 11, 16), 5, date(2026, 11, 23)),  # an ordinary week
])
def test_working_days_skip_weekends_and_holidays(start, days, expected):
    assert add_working_days(start, days) == expected


def test_tet_days_are_not_working_days():
    assert [is_working_day(date(2026, 2, d)) for d in range(13, 24)] == [
        True, False, False, False, False, False, False, False, False, False, True]


def test_a_time_in_calendar_days_ending_on_a_holiday_moves_to_the_next_working_day():
    assert due_date(date(2026, 2, 6), (10, "ngày")) == date(2026, 2, 23)
    assert due_date(date(2026, 3, 2), (15, "ngày")) == date(2026, 3, 17)


def test_hours_end_the_same_working_day_or_count_as_working_days():
    assert due_date(date(2026, 2, 9), (1, "giờ")) == date(2026, 2, 9)
    assert due_date(date(2026, 2, 14), (4, "giờ")) == date(2026, 2, 23)  # received on a Saturday of Tết
    assert due_date(date(2026, 2, 13), (8, "giờ")) == date(2026, 2, 23)
    assert due_date(date(2026, 2, 12), (16, "giờ làm việc")) == date(2026, 2, 23)


def test_an_unclear_time_leaves_the_due_date_to_the_officer():
    assert due_date(date(2026, 3, 2), None) is None
    assert due_date(date(2026, 3, 2), (2, "tháng")) is None
    assert next_working_day(date(2026, 2, 16)) == date(2026, 2, 23)


@pytest.mark.parametrize("text, channel, expected", [
    ("3 Ngày làm việc", "Trực tiếp", (3, "ngày làm việc")),
    ("15 Ngày", None, (15, "ngày")),
    ("8 Giờ", "Trực tuyến", (8, "giờ")),
    ("5", "Trực tiếp", None),  # a bare number: days or hours, nobody knows
    ("Không có thông tin", "Trực tiếp", None),
    ("", "Trực tiếp", None),
    (None, "Trực tiếp", None),
    ("Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày", "Trực tiếp", (15, "ngày")),
    ("Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày", "Dịch vụ bưu chính", (20, "ngày")),
    ("Trực tiếp: 3 Ngày làm việc; Trực tuyến: 4 Ngày làm việc", "Dịch vụ bưu chính", None),
    ("Trực tuyến: 1 Ngày làm việc; Trực tuyến: 3 Ngày làm việc", "Trực tuyến", None),  # two cases
])
def test_processing_time_shapes_of_the_catalogue(text, channel, expected):
    assert processing_span(text, channel) == expected
