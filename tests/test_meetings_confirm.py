"""Meetings as officers and attendees meet them: confirmations, the upload form's agenda, local zip times,
the PIN page's meeting, and PDFs that cannot run anything."""
import io
import zipfile
from datetime import datetime

from sqlalchemy import select

from app.extensions import db
from app.guides.models import Guide, GuideStep
from app.meetings.models import ShareLink
from tests.test_meetings import STAFF, _create
from tests.test_meetings_attendee import _documents, _shared


def test_revoking_a_link_asks_first_and_changes_nothing_until_confirmed(app, officer_client):
    meeting, path = _shared(officer_client)
    link = db.session.scalars(select(ShareLink)).one()
    page = officer_client.get(f"{STAFF}/{meeting.id}").get_data(as_text=True)
    assert f"/lien-ket/{link.id}/thu-hoi" in page
    asked = officer_client.post(f"{STAFF}/{meeting.id}/lien-ket/{link.id}/thu-hoi")
    body = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Thu hồi liên kết của cuộc họp?" in body
    assert "Mọi mã QR và thẻ đặt bàn đã in cho “Họp giao ban tháng 11” sẽ không mở được" in body
    assert 'name="xac_nhan" value="1"' in body and "Không, quay lại" in body
    db.session.refresh(link)
    assert link.revoked_at is None and app.test_client().get(path).status_code == 200
    done = officer_client.post(f"{STAFF}/{meeting.id}/lien-ket/{link.id}/thu-hoi", data={"xac_nhan": "1"})
    assert done.status_code == 303
    db.session.refresh(link)
    assert link.revoked_at is not None and app.test_client().get(path).status_code == 404


def test_deleting_a_guide_asks_first(app, officer_client):
    guide = Guide(title="Cài đặt VNeID", summary="Từng bước.", published=True)
    guide.steps = [GuideStep(position=1, text="Tải ứng dụng.")]
    db.session.add(guide)
    db.session.commit()
    asked = officer_client.post(f"/quan-ly/huong-dan/{guide.id}/xoa")
    body = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Xóa hướng dẫn “Cài đặt VNeID”?" in body and "1 bước" in body
    assert db.session.get(Guide, guide.id) is not None
    assert officer_client.post(f"/quan-ly/huong-dan/{guide.id}/xoa", data={"xac_nhan": "1"}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Guide, guide.id) is None


def test_an_agenda_item_added_with_htmx_is_offered_by_the_upload_form_at_once(app, officer_client):
    meeting = _create(officer_client)
    response = officer_client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Kế hoạch làm đường"},
                                   headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    choice = html.split('id="upload-agenda-choice"')[1]
    assert choice.startswith(' hx-swap-oob="true"')
    item = meeting.agenda_items[0]
    assert f'<option value="{item.id}">1. Kế hoạch làm đường</option>' in choice
    # A plain (no htmx) page has the choice once, in the form, not out of band.
    page = officer_client.get(f"{STAFF}/{meeting.id}").get_data(as_text=True)
    assert page.count('id="upload-agenda-choice"') == 1 and "hx-swap-oob" not in page


def test_times_inside_the_zip_are_vietnam_time(app, officer_client):
    _, path = _shared(officer_client)
    documents = _documents()
    for document in documents.values():
        document.uploaded_at = datetime(2026, 12, 3, 1, 5)  # 08:05 in Hà Nội
    db.session.commit()
    archive = zipfile.ZipFile(io.BytesIO(app.test_client().get(f"{path}/tai-tat-ca.zip").data))
    assert {info.date_time for info in archive.infolist()} == {(2026, 12, 3, 8, 5, 0)}
    assert archive.read("01. Báo cáo đánh giá.pdf").startswith(b"%PDF-")


def test_the_pin_page_names_the_meeting(app, officer_client):
    _, path = _shared(officer_client, pin="2468")
    page = app.test_client().get(path).get_data(as_text=True)
    assert "Họp giao ban tháng 11" in page and "08:30 ngày 25/11/2026" in page and "Hội trường UBND xã" in page
    assert "Kế hoạch làm đường" not in page  # the agenda stays behind the PIN


def test_meeting_pdfs_are_sandboxed_for_attendees_and_staff(app, officer_client):
    meeting, path = _shared(officer_client)
    document = _documents()["Báo cáo đánh giá.pdf"]
    for client, url in ((app.test_client(), f"{path}/tai-lieu/{document.id}"),
                        (officer_client, f"{STAFF}/{meeting.id}/tai-lieu/{document.id}")):
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.headers["Content-Security-Policy"] == "sandbox"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
