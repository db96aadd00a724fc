"""Hamlets, team members, the activity log (phone entry), and the monthly report with its XLSX."""
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from app.audit.models import AuditEntry
from app.community import report
from app.community.models import Activity, Hamlet, Member
from app.extensions import db

BASE = "/quan-ly/to-cong-nghe-so"


@pytest.fixture
def hamlets(app):
    """Three hamlets; the third never has any activity in these tests."""
    made = [Hamlet(name=name, position=i) for i, name in enumerate(("Ấp Bình Minh", "Ấp Tân Lập", "Ấp Cây Dương"), 1)]
    db.session.add_all(made)
    db.session.commit()
    return made


def _activity(hamlet, kind, people, day=date(2026, 11, 10), members=()):
    db.session.add(Activity(hamlet=hamlet, kind=kind, people_helped=people, occurred_on=day, members=list(members)))
    db.session.commit()


def test_staff_pages_need_sign_in(app, client):
    for path in (f"{BASE}/", f"{BASE}/hoat-dong", f"{BASE}/hoat-dong/them", f"{BASE}/bao-cao", f"{BASE}/bao-cao.xlsx"):
        response = client.get(path)
        assert response.status_code == 302 and "/dang-nhap" in response.headers["Location"], path


def test_viewer_reads_but_cannot_write(hamlets, viewer_client):
    assert viewer_client.get(f"{BASE}/").status_code == 200
    assert viewer_client.get(f"{BASE}/bao-cao").status_code == 200
    assert viewer_client.get(f"{BASE}/hoat-dong/them").status_code == 403
    assert viewer_client.post(f"{BASE}/", data={"name": "Ấp Mới"}).status_code == 403
    assert viewer_client.post(f"{BASE}/thanh-vien/them", data={"name": "A"}).status_code == 403
    assert db.session.scalar(db.select(db.func.count(Hamlet.id))) == 3


def test_officer_adds_a_hamlet_and_a_duplicate_is_refused(hamlets, officer_client):
    assert officer_client.post(f"{BASE}/", data={"name": "  Ấp   Phú Hòa "}).status_code == 303
    assert db.session.scalar(db.select(Hamlet).where(Hamlet.name == "Ấp Phú Hòa"))
    for name, headers in (("Ấp Bình Minh", {}), ("Ấp  Bình Minh", {"HX-Request": "true"})):
        response = officer_client.post(f"{BASE}/", data={"name": name}, headers=headers)
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert "Đã có ấp/thôn này." in body
        assert ("<html" in body) == (not headers)


def test_member_phone_is_audited_as_secret_and_shown_to_staff(hamlets, officer_client):
    response = officer_client.post(f"{BASE}/thanh-vien/them?ap={hamlets[0].id}", data={
        "name": "Nguyễn Thị Lan", "hamlet_id": str(hamlets[0].id), "role": "leader",
        "organisation": "youth_union", "phone": "0912 345 678", "joined_on": "2026-03-26"})
    assert response.status_code == 303
    member = db.session.scalar(db.select(Member))
    assert (member.name, member.role, member.phone, member.joined_on) == (
        "Nguyễn Thị Lan", "leader", "0912 345 678", date(2026, 3, 26))
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.record_type == "team_member"))
    assert entry is not None and "0912" not in (entry.changes or "")
    page = officer_client.get(f"{BASE}/ap/{hamlets[0].id}").get_data(as_text=True)
    assert "Nguyễn Thị Lan" in page and "0912 345 678" in page and "Tổ trưởng" in page


def test_member_form_errors_in_place_both_ways(hamlets, officer_client):
    data = {"name": "", "hamlet_id": str(hamlets[0].id), "role": "member", "organisation": "police",
            "phone": "abc", "joined_on": "2026-05-01", "left_on": "2026-04-01"}
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"{BASE}/thanh-vien/them", data=data, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        for message in ("Vui lòng nhập họ và tên.", "Số điện thoại chỉ gồm chữ số", "Ngày rời tổ phải sau ngày tham gia."):
            assert message in body
        assert ("<html" in body) == (not headers)
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 0


def test_quick_activity_entry_saves_and_offers_the_next(hamlets, officer_client):
    lan = Member(name="Nguyễn Thị Lan", hamlet=hamlets[0])
    db.session.add(lan)
    db.session.commit()
    form = officer_client.get(f"{BASE}/hoat-dong/them").get_data(as_text=True)
    assert 'name="viewport"' in form and "VNeID mức độ 2" in form
    response = officer_client.post(f"{BASE}/hoat-dong/them", headers={"HX-Request": "true"}, data={
        "occurred_on": "2026-11-20", "hamlet_id": str(hamlets[0].id), "kind": "vneid_2",
        "people_helped": "7", "member_ids": [str(lan.id)], "note": "Nhà văn hóa ấp"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith(f"{BASE}/hoat-dong/them?ap={hamlets[0].id}")
    activity = db.session.scalar(db.select(Activity))
    assert (activity.kind, activity.people_helped, [m.name for m in activity.members]) == ("vneid_2", 7, ["Nguyễn Thị Lan"])
    after = officer_client.get(response.headers["HX-Redirect"]).get_data(as_text=True)
    assert "Đã lưu: VNeID mức độ 2, 7 người, Ấp Bình Minh" in after


def test_activity_without_hamlet_or_people_is_refused(hamlets, officer_client):
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"{BASE}/hoat-dong/them", headers=headers, data={
            "occurred_on": "2026-11-20", "hamlet_id": "0", "kind": "vneid_1", "people_helped": "0"})
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "Vui lòng chọn ấp/thôn." in body and "Vui lòng nhập số người được hỗ trợ" in body
        assert ("<html" in body) == (not headers)
    assert db.session.scalar(db.select(db.func.count(Activity.id))) == 0


def test_report_figures_by_hamlet_and_kind(hamlets, viewer_client):
    binh_minh, tan_lap, _ = hamlets
    _activity(binh_minh, "vneid_1", 12)
    _activity(binh_minh, "vneid_1", 8, day=date(2026, 11, 30))
    _activity(binh_minh, "cashless", 5)
    _activity(tan_lap, "vneid_2", 3, day=date(2026, 11, 1))
    _activity(tan_lap, "vneid_2", 40, day=date(2026, 10, 31))  # last month: not counted
    rows = {r.hamlet.name: r for r in report.monthly_report(2026, 11)}
    assert rows["Ấp Bình Minh"].activities == {"vneid_1": 2, "cashless": 1}
    assert rows["Ấp Bình Minh"].people == {"vneid_1": 20, "cashless": 5}
    assert rows["Ấp Tân Lập"].people == {"vneid_2": 3}
    assert rows["Ấp Cây Dương"].total_activities == 0
    page = viewer_client.get(f"{BASE}/bao-cao?thang=2026-11").get_data(as_text=True)
    row = page.split('data-hamlet="Ấp Bình Minh"')[1].split("</tr>")[0]
    assert '<td data-kind="vneid_1">20 <span class="muted">(2 lượt)</span>' in row
    assert '<strong>25</strong> <span class="muted">(3 lượt)</span>' in row
    silent = page.split('data-hamlet="Ấp Cây Dương"')[1].split("</tr>")[0]
    assert "chưa hoạt động" in silent
    assert "Chưa có hoạt động trong tháng: <strong>Ấp Cây Dương</strong>" in page
    assert page.count('<rect x="200"') == 3


def test_report_xlsx_cell_by_cell(hamlets, viewer_client):
    binh_minh, tan_lap, _ = hamlets
    _activity(binh_minh, "vneid_1", 12)
    _activity(binh_minh, "online_filing", 4)
    _activity(tan_lap, "health_app", 6)
    response = viewer_client.get(f"{BASE}/bao-cao.xlsx?thang=2026-11")
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert "bao-cao-to-cns-2026-11.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "Báo cáo hoạt động Tổ công nghệ số cộng đồng tháng 11/2026"
    assert rows[1][:5] == ["Ấp/thôn", "VNeID mức độ 1 (lượt)", "VNeID mức độ 1 (người)",
                           "VNeID mức độ 2 (lượt)", "VNeID mức độ 2 (người)"]
    assert rows[1][-2:] == ["Tổng số lượt", "Tổng số người"]
    #            name           v1 lượt/người v2     cashless online  health  other  totals
    # Hamlets in Vietnamese alphabetical order.
    assert rows[2] == ["Ấp Bình Minh", 1, 12, 0, 0, 0, 0, 1, 4, 0, 0, 0, 0, 2, 16]
    assert rows[3] == ["Ấp Cây Dương"] + [0] * 14
    assert rows[4] == ["Ấp Tân Lập", 0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 0, 0, 1, 6]
    assert sheet.cell(row=4, column=1).fill.fgColor.rgb.endswith("FDE2E2")
    assert sheet.cell(row=3, column=1).fill.fill_type is None


def test_report_month_navigation(hamlets, viewer_client):
    page = viewer_client.get(f"{BASE}/bao-cao?thang=2026-01").get_data(as_text=True)
    assert "Báo cáo tháng 01/2026" in page
    assert "thang=2025-12" in page and "thang=2026-02" in page
    assert viewer_client.get(f"{BASE}/bao-cao?thang=2026-13").status_code == 404


def test_youth_union_member_without_a_hamlet_and_leaving_the_team(hamlets, officer_client):
    response = officer_client.post(f"{BASE}/thanh-vien/them", data={
        "name": "Phạm Quốc Huy", "hamlet_id": "0", "role": "member", "organisation": "youth_union"})
    assert response.headers["Location"].endswith(f"{BASE}/truc-quay")
    huy = db.session.scalar(db.select(Member))
    assert huy.hamlet_id is None
    assert "Phạm Quốc Huy" in officer_client.get(f"{BASE}/truc-quay").get_data(as_text=True)
    officer_client.post(f"{BASE}/thanh-vien/{huy.id}/sua", data={
        "name": "Phạm Quốc Huy", "hamlet_id": "0", "role": "member", "organisation": "youth_union",
        "left_on": "2026-11-01"})
    page = officer_client.get(f"{BASE}/truc-quay").get_data(as_text=True)
    assert "(đã rời tổ 01/11/2026)" in page
