"""Teams as officers read them: Vietnamese order of names, sensible defaults, the report's total, editable announcements."""
import re
from datetime import date

from app.announcements.models import Announcement
from app.community.models import Activity, Hamlet, Member
from app.extensions import db

BASE = "/quan-ly/to-cong-nghe-so"
# Code point order would put Đặng after Ngô and Ấp 10 before Ấp 2.
NAMES = ["Ngô Văn Bảy", "Đặng Thị Hoa", "Âu Minh Tâm", "Dương Văn An", "Bùi Thị Út"]
VIETNAMESE_ORDER = ["Âu Minh Tâm", "Bùi Thị Út", "Dương Văn An", "Đặng Thị Hoa", "Ngô Văn Bảy"]


def _in_page_order(html: str, names) -> list[str]:
    return sorted(names, key=html.index)


def _team() -> Hamlet:
    hamlet = Hamlet(name="Ấp 2", position=1)
    db.session.add_all([hamlet, Hamlet(name="Ấp 10", position=0), Hamlet(name="Ấp Đông", position=2),
                        Hamlet(name="Ấp Chợ", position=3)])
    people = [Member(name=name, hamlet=hamlet) for name in NAMES]
    db.session.add_all(people)
    db.session.add(Activity(hamlet=hamlet, kind="vneid_1", people_helped=4, occurred_on=date(2026, 11, 3), members=people))
    db.session.commit()
    return hamlet


def test_members_sort_in_vietnamese_order_on_every_list(app, officer_client):
    hamlet = _team()
    pages = {
        "team": officer_client.get(f"{BASE}/ap/{hamlet.id}"),
        "activity log": officer_client.get(f"{BASE}/hoat-dong"),
        "quick entry": officer_client.get(f"{BASE}/hoat-dong/them"),
        "duty roster": officer_client.get("/quan-ly/lich-truc/"),
    }
    for name, response in pages.items():
        assert _in_page_order(response.get_data(as_text=True), NAMES) == VIETNAMESE_ORDER, name


def test_counter_members_sort_in_vietnamese_order(app, officer_client):
    db.session.add_all([Member(name=name, organisation="youth_union") for name in NAMES])
    db.session.commit()
    html = officer_client.get(f"{BASE}/truc-quay").get_data(as_text=True)
    assert _in_page_order(html, NAMES) == VIETNAMESE_ORDER


def test_hamlets_sort_by_name_with_numbers_by_value(app, officer_client):
    _team()
    expected = ["Ấp 2", "Ấp 10", "Ấp Chợ", "Ấp Đông"]
    for path in ("/", "/bao-cao?thang=2026-11", "/thanh-vien/them"):
        html = officer_client.get(BASE + path).get_data(as_text=True)
        found = re.findall(r">(Ấp [^<(]+?)(?=\s*<| <)", html)
        assert [h for h in dict.fromkeys(found) if h in expected] == expected, path


def test_a_new_member_is_an_ordinary_member_unless_chosen(app, officer_client):
    hamlet = _team()
    form = officer_client.get(f"{BASE}/thanh-vien/them?ap={hamlet.id}").get_data(as_text=True)
    assert re.search(r'<option selected value="member">Thành viên</option>', form)
    response = officer_client.post(f"{BASE}/thanh-vien/them", data={
        "name": "Lê Văn Mới", "hamlet_id": hamlet.id, "organisation": "other"})
    assert response.status_code == 303
    assert db.session.scalar(db.select(Member).where(Member.name == "Lê Văn Mới")).role == "member"


def test_the_only_hamlet_is_chosen_when_recording_an_activity(app, officer_client):
    db.session.add(Hamlet(name="Ấp Duy Nhất", position=1))
    db.session.commit()
    form = officer_client.get(f"{BASE}/hoat-dong/them").get_data(as_text=True)
    assert re.search(r'<option selected value="\d+">Ấp Duy Nhất</option>', form)
    db.session.add(Hamlet(name="Ấp Thứ Hai", position=2))
    db.session.commit()
    form = officer_client.get(f"{BASE}/hoat-dong/them").get_data(as_text=True)
    assert '<option selected value="0">' in form  # two hamlets: the officer chooses


def test_the_communes_total_cell_reads_like_the_others(app, viewer_client):
    _team()
    html = viewer_client.get(f"{BASE}/bao-cao?thang=2026-11").get_data(as_text=True)
    footer = html.split("<tfoot>")[1].split("</tfoot>")[0]
    total = footer.split('data-kind="total">')[1].split("</td>")[0]
    assert total == '<strong>4</strong> <span class="muted">(1 lượt)</span>'


def test_an_officer_edits_an_announcement_both_ways(app, officer_client, client):
    item = Announcement(text="Nghỉ chiều 01/12 để tập huấn.", starts_on=date(2026, 1, 1))
    db.session.add(item)
    db.session.commit()
    listing = officer_client.get("/quan-ly/thong-bao/").get_data(as_text=True)
    assert f"/quan-ly/thong-bao/{item.id}/sua" in listing
    page = officer_client.get(f"/quan-ly/thong-bao/{item.id}/sua").get_data(as_text=True)
    assert 'value="Nghỉ chiều 01/12 để tập huấn."' in page and "<html" in page
    bad = {"text": "", "starts_on": "2026-01-01"}
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"/quan-ly/thong-bao/{item.id}/sua", data=bad, headers=headers)
        assert response.status_code == 422 and "Vui lòng nhập nội dung thông báo." in response.get_data(as_text=True)
        assert ("<html" in response.get_data(as_text=True)) == (not headers)
    response = officer_client.post(f"/quan-ly/thong-bao/{item.id}/sua", data={
        "text": "Nghỉ  chiều 02/12 để tập huấn.", "starts_on": "2026-01-01", "ends_on": "2026-12-02"})
    assert response.status_code == 303
    db.session.refresh(item)
    assert (item.text, item.ends_on) == ("Nghỉ chiều 02/12 để tập huấn.", date(2026, 12, 2))
    assert db.session.scalar(db.select(db.func.count(Announcement.id))) == 1


def test_a_viewer_cannot_edit_an_announcement(app, viewer_client):
    item = Announcement(text="Thông báo", starts_on=date(2026, 1, 1))
    db.session.add(item)
    db.session.commit()
    assert viewer_client.post(f"/quan-ly/thong-bao/{item.id}/sua", data={"text": "Đổi", "starts_on": "2026-01-01"}).status_code == 403
