"""The statistics are proven: a register with known dossiers across the period's edges, every cell checked."""
import io
import random
from datetime import date, datetime, timedelta, timezone

import openpyxl
import pytest

from app.core.timeutil import VN_TZ
from app.dossiers import statistics
from app.dossiers.export import row_values
from app.dossiers.models import RATINGS, Dossier, Rating
from app.dossiers.periods import month_period, quarter_period
from app.dossiers.statistics import COUNTS, Rate, format_percent
from app.extensions import db

MARCH = month_period(2026, 3)


def utc(text: str) -> datetime:
    """'2026-03-31 23:59' in Vietnam time -> naive UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ).astimezone(timezone.utc).replace(tzinfo=None)


@pytest.fixture
def add_dossier():
    numbers = iter(range(1, 10_000))

    def add(procedure, received, due, channel="direct", digitised=False, status="received",
            finished=None, rated=None) -> Dossier:
        dossier = Dossier(receipt_code=f"T-{next(numbers)}", procedure=procedure, applicant_name="Người thử",
                          channel=channel, received_at=utc(received), digitised=digitised,
                          due_date=date.fromisoformat(due))
        if finished:
            dossier.change_status(status, at=utc(finished))
        if rated:
            score, when = rated
            dossier.rating = Rating(score=score, created_at=utc(when))
        db.session.add(dossier)
        db.session.commit()
        return dossier
    return add


@pytest.fixture
def register(app, make_field, make_procedure, add_dossier):
    """Two fields, sixteen dossiers placed around March 2026's edges (times in Vietnam time)."""
    field_a, field_b = make_field(name="Hộ tịch"), make_field(name="Chứng thực")
    a, b = make_procedure(field=field_a), make_procedure(field=field_b)
    add_dossier(a, "2026-02-20 10:00", "2026-03-05")                                        # carried, open, overdue
    add_dossier(a, "2026-02-25 09:00", "2026-03-02", status="resolved", finished="2026-03-04 10:00",
                rated=("not_satisfied", "2026-03-05 08:00"))                                  # carried, late
    add_dossier(a, "2026-02-10 09:00", "2026-02-27", status="resolved", finished="2026-02-27 15:00")  # gone before
    add_dossier(a, "2026-02-26 09:00", "2026-03-03", status="resolved", finished="2026-03-01 00:00")  # carried, early
    add_dossier(a, "2026-03-02 08:00", "2026-03-05", "online", True, "resolved", "2026-03-04 09:00")  # early
    add_dossier(a, "2026-03-10 08:00", "2026-03-13", status="resolved", finished="2026-03-13 16:00",
                rated=("very_satisfied", "2026-03-14 09:00"))                                 # on time
    add_dossier(a, "2026-03-30 14:00", "2026-04-02", "postal")                             # open, within time
    add_dossier(a, "2026-04-01 00:30", "2026-04-06", "online")                             # after the period
    add_dossier(a, "2026-03-31 23:59", "2026-04-03", "online")                             # last minute, within
    add_dossier(a, "2026-03-05 09:00", "2026-03-10", status="returned", finished="2026-03-06 10:00")
    add_dossier(a, "2026-03-20 09:00", "2026-03-25", digitised=True, status="resolved",
                finished="2026-04-02 09:00")                                                  # open at the end, overdue
    add_dossier(b, "2026-03-03 09:00", "2026-03-06", "online", status="withdrawn", finished="2026-03-04 09:00")
    add_dossier(b, "2026-03-03 10:00", "2026-03-06", status="rejected", finished="2026-03-09 09:00")
    add_dossier(b, "2026-02-27 09:00", "2026-03-31")                                        # due on the last day: overdue
    add_dossier(b, "2026-03-02 09:00", "2026-03-05", "online", status="resolved", finished="2026-03-10 09:00",
                rated=("satisfied", "2026-04-01 09:00"))                                      # late; rated in April
    add_dossier(b, "2026-03-16 09:00", "2026-04-01")                                        # within time
    return field_a, field_b


EXPECTED_A = dict(carried=3, received=6, direct=3, online=2, postal=1, digitised=2, resolved=4, early=2,
                  on_time=1, late=1, rejected=0, returned=1, withdrawn=0, in_progress=4, within_time=2, overdue=2)
EXPECTED_B = dict(carried=1, received=4, direct=2, online=2, postal=0, digitised=0, resolved=1, early=0,
                  on_time=0, late=1, rejected=1, returned=0, withdrawn=1, in_progress=2, within_time=1, overdue=1)
EXPECTED_TOTAL = {name: EXPECTED_A[name] + EXPECTED_B[name] for name in COUNTS}


def test_every_cell_of_march(register):
    field_a, field_b = register
    report = statistics.build_report(MARCH)
    rows = {row.name: row for row in report.rows}
    assert [row.name for row in report.rows] == ["Hộ tịch", "Chứng thực"]
    assert rows["Hộ tịch"].counts == EXPECTED_A
    assert rows["Chứng thực"].counts == EXPECTED_B
    assert report.total.counts == EXPECTED_TOTAL
    assert rows["Hộ tịch"].ratings == {"very_satisfied": 1, "satisfied": 0, "not_satisfied": 1}
    assert rows["Chứng thực"].ratings == dict.fromkeys(RATINGS, 0)  # its rating came in April


def test_carried_plus_received_equals_what_left_plus_what_is_still_open(register):
    for period in (MARCH, month_period(2026, 2), month_period(2026, 4), quarter_period(2026, 1)):
        for row in statistics.build_report(period).rows:
            c = row.counts
            assert c["carried"] + c["received"] == (c["resolved"] + c["rejected"] + c["returned"]
                                                    + c["withdrawn"] + c["in_progress"])


def test_april_carries_over_what_march_left_open(register):
    april = statistics.build_report(month_period(2026, 4)).total
    march = statistics.build_report(MARCH).total
    assert april.carried == march.in_progress == 6
    assert april.received == 1


def test_rates_against_the_target(register):
    rates = statistics.build_report(MARCH).total.rates({"online": 90, "digitised": 90, "on_time": 50})
    assert (rates["online"].part, rates["online"].whole, format_percent(rates["online"].percent)) == (4, 10, "40,00 %")
    assert format_percent(rates["digitised"].percent) == "20,00 %"
    assert (rates["on_time"].part, rates["on_time"].whole) == (3, 5)
    assert format_percent(rates["on_time"].percent) == "60,00 %"
    assert rates["online"].met is False and rates["on_time"].met is True


def test_one_field_only(register):
    field_a, _ = register
    report = statistics.build_report(MARCH, field_a.id)
    assert [row.name for row in report.rows] == ["Hộ tịch"]
    assert report.total.counts == EXPECTED_A


def test_the_reference_figure_214_of_468_online_is_45_72_percent():
    rate = Rate(214, 468, 90)
    assert format_percent(rate.percent) == "45,72 %"
    assert rate.met is False
    # Cut, not rounded: 89.996 % must not show as a met 90 %.
    assert format_percent(Rate(22499, 25000, 90).percent) == "89,99 %"
    assert Rate(22499, 25000, 90).met is False
    assert format_percent(Rate(9, 9, 90).percent) == "100,00 %"
    assert format_percent(Rate(0, 0, 90).percent) == "–"
    assert statistics.format_count(12345) == "12.345"


def test_the_page_shows_214_of_468_as_45_72_percent(app, viewer_client, make_procedure):
    procedure = make_procedure()
    rows = [dict(receipt_code=f"R-{n}", procedure_id=procedure.id, applicant_name="A",
                 channel="online" if n < 214 else "direct", received_at=utc("2026-05-10 09:00"),
                 digitised=False, due_date=date(2026, 5, 15), status="received",
                 created_at=utc("2026-05-10 09:00"), updated_at=utc("2026-05-10 09:00")) for n in range(468)]
    db.session.execute(db.insert(Dossier), rows)
    db.session.commit()
    page = viewer_client.get("/quan-ly/thong-ke?ky=month&nam=2026&thang=5").get_data(as_text=True)
    assert "45,72 %" in page and "214/468" in page
    assert 'class="rate rate-missed" data-rate="online"' in page


def test_page_cells_and_xlsx_match_the_counts(register, viewer_client):
    response = viewer_client.get("/quan-ly/thong-ke?ky=month&nam=2026&thang=3")
    page = response.get_data(as_text=True)
    total = page.split('data-field="total"')[1].split("</tr>")[0]
    for name, value in EXPECTED_TOTAL.items():
        assert f'data-cell="{name}">{value}</td>' in total, name
    workbook = openpyxl.load_workbook(io.BytesIO(viewer_client.get(
        "/quan-ly/thong-ke.xlsx?ky=month&nam=2026&thang=3").data))
    sheet_rows = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    report = statistics.build_report(MARCH)
    assert sheet_rows[1][1:3] == ["Tồn kỳ trước", "Tiếp nhận trong kỳ"]
    assert sheet_rows[2][:4] == ["Lĩnh vực", "Tồn kỳ trước", "Tổng", "Trực tiếp"]
    assert sheet_rows[3:6] == [row_values(row) for row in [*report.rows, report.total]]
    assert sheet_rows[5][:8] == ["Tổng cộng", 4, 10, 5, 4, 1, 2, 5]
    assert ["Tỷ lệ nộp trực tuyến", 40.0, 90, "Chưa đạt"] in [row[:4] for row in sheet_rows]


def _reference(dossiers, period):
    """The same counts by plain Python, one dossier at a time: what the SQL must agree with."""
    start, end = period.start_utc, period.end_utc
    counts = dict.fromkeys(COUNTS, 0)
    for d in dossiers:
        if d.received_at >= end or (d.finished_at is not None and d.finished_at < start):
            continue
        if d.received_at < start:
            counts["carried"] += 1
        else:
            counts["received"] += 1
            counts[d.channel] += 1
            counts["digitised"] += d.digitised
        if d.finished_at is not None and d.finished_at < end:
            counts[d.status] += 1
            if d.status == "resolved":
                key = "early" if d.finished_on < d.due_date else "on_time" if d.finished_on == d.due_date else "late"
                counts[key] += 1
        else:
            counts["in_progress"] += 1
            counts["overdue" if d.due_date <= period.end else "within_time"] += 1
    return counts


def test_sql_counts_agree_with_a_plain_reference_on_a_random_register(app, make_procedure):
    rng = random.Random(20260301)
    procedure = make_procedure()
    base = datetime(2025, 12, 1)
    dossiers = []
    for n in range(300):
        received = base + timedelta(minutes=rng.randrange(0, 150 * 24 * 60))
        dossier = Dossier(receipt_code=f"X-{n}", procedure=procedure, applicant_name="A",
                          channel=rng.choice(["direct", "online", "postal"]), received_at=received,
                          digitised=rng.random() < 0.5,
                          due_date=(received + timedelta(days=rng.randrange(0, 20))).date())
        if rng.random() < 0.8:
            dossier.change_status(rng.choice(["resolved", "resolved", "returned", "withdrawn", "rejected"]),
                                  at=received + timedelta(minutes=rng.randrange(1, 40 * 24 * 60)))
        dossiers.append(dossier)
    db.session.add_all(dossiers)
    db.session.commit()
    for period in (month_period(2026, 1), month_period(2026, 2), quarter_period(2026, 1)):
        assert statistics.build_report(period).total.counts == _reference(dossiers, period)


def test_a_kept_report_gives_way_to_the_next_dossier_or_rating(register, viewer_client, add_dossier):
    field_a, _ = register
    url = "/quan-ly/thong-ke?ky=month&nam=2026&thang=3"

    def total(cell: str) -> str:
        page = viewer_client.get(url).get_data(as_text=True)
        return page.split('data-field="total"')[1].split(f'data-cell="{cell}">')[1].split("<")[0]

    assert total("received") == "10" and total("rating-satisfied") == "0"
    assert total("received") == "10"  # served from the kept figures
    dossier = add_dossier(field_a.procedures[0], "2026-03-20 10:00", "2026-03-25")
    assert total("received") == "11"
    dossier.rating = Rating(score="satisfied", created_at=utc("2026-03-21 10:00"))
    db.session.commit()
    assert total("rating-satisfied") == "1"


def test_the_trend_counts_each_month_by_its_own_edges(register):
    from app.dossiers.periods import trend_months
    from app.dossiers.trend import Month, monthly

    field_a, field_b = register
    months = trend_months(date(2026, 4, 30), 4)
    assert monthly(months) == [Month("01/26", 0, 0, 0, 0), Month("02/26", 5, 0, 1, 1),
                               Month("03/26", 10, 4, 5, 3), Month("04/26", 1, 1, 1, 0)]
    assert monthly(months, field_b.id)[2] == Month("03/26", 4, 2, 1, 0)


def test_in_the_current_period_only_what_is_due_before_today_is_overdue(register):
    # On 10 March: due 5/3 (carried, open) is late; due 31/3, 2/4, 3/4 and 1/4 are not yet.
    march = statistics.build_report(MARCH, today=date(2026, 3, 10)).total
    assert (march.in_progress, march.overdue, march.within_time) == (6, 1, 5)
    # On 25 March the one due that day (received 20/3) can still be resolved on time.
    assert statistics.build_report(MARCH, today=date(2026, 3, 25)).total.overdue == 1
    assert statistics.build_report(MARCH, today=date(2026, 3, 26)).total.overdue == 2
    assert statistics.build_report(MARCH, today=date(2026, 4, 1)).total.overdue == 3
