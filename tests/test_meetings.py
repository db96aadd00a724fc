"""Meetings: staff pages, uploads that leave nothing behind, publication and the share link."""
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEntry
from app.extensions import db
from app.meetings import links
from app.meetings.models import Meeting, MeetingDocument, ShareLink
from tests.uploadfiles import EXE_BYTES, office_bytes, pdf_bytes, zip_bomb_docx

STAFF = "/quan-ly/cuoc-hop"


def _create(client, **overrides) -> Meeting:
    values = {"title": "Họp giao ban tháng 11", "day": "2026-11-25", "at": "08:30",
              "place": "Hội trường UBND xã", "chair": "Ông Nguyễn Văn Đông", "notes": ""} | overrides
    response = client.post(f"{STAFF}/them", data=values)
    assert response.status_code == 303, response.get_data(as_text=True)
    return db.session.scalars(select(Meeting).order_by(Meeting.id.desc())).first()


def _upload(client, meeting, data: bytes, name: str, **fields):
    return client.post(f"{STAFF}/{meeting.id}/tai-lieu", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), name), "title": "", "agenda_item": "0"} | fields)


def _stored_files(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_DIR"])
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_officer_creates_a_meeting_shown_in_vietnam_time(app, officer_client):
    meeting = _create(officer_client)
    assert meeting.starts_at == datetime(2026, 11, 25, 1, 30)  # 08:30 in Hà Nội
    page = officer_client.get(f"{STAFF}/{meeting.id}").get_data(as_text=True)
    assert "08:30 ngày 25/11/2026" in page and "Bản nháp" in page


def test_meeting_form_errors_are_shown_in_place_both_ways(app, officer_client):
    for headers in ({}, {"HX-Request": "true"}):
        response = officer_client.post(f"{STAFF}/them", data={"title": "", "day": "", "at": ""}, headers=headers)
        assert response.status_code == 422
        body = response.get_data(as_text=True)
        assert "Vui lòng nhập tên cuộc họp." in body
        assert ("<html" in body) is (not headers)
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


@pytest.mark.parametrize("name,data,message", [
    ("bien-ban.pdf", EXE_BYTES, "không phải tệp được nhận"),
    ("to-trinh.docx", zip_bomb_docx(), "giải nén ra quá lớn"),
    ("../../x.pdf", pdf_bytes(), "không được chứa đường dẫn"),
    ("rong.pdf", b"", "Tệp rỗng"),
])
def test_forged_uploads_are_refused_and_nothing_is_stored(app, officer_client, name, data, message):
    meeting = _create(officer_client)
    response = _upload(officer_client, meeting, data, name)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(MeetingDocument.id))) == 0
    assert _stored_files(app) == []


def test_an_over_size_upload_is_refused_with_the_limit(app, officer_client):
    app.config["MAX_UPLOAD_MB"] = 1
    meeting = _create(officer_client)
    response = _upload(officer_client, meeting, pdf_bytes(padding=1024 * 1024 + 10), "lon.pdf")
    assert response.status_code == 422
    assert "Mỗi tệp tối đa 1 MB" in response.get_data(as_text=True)
    assert _stored_files(app) == []


def test_a_body_over_the_request_cap_gets_a_vietnamese_413(app, officer_client):
    app.config["MAX_CONTENT_LENGTH"] = 200_000
    meeting = _create(officer_client)
    response = _upload(officer_client, meeting, pdf_bytes(padding=300_000), "lon.pdf")
    assert response.status_code == 413
    assert "mỗi tệp tối đa 50 MB" in response.get_data(as_text=True)
    assert _stored_files(app) == []


def test_upload_keeps_the_vietnamese_name_and_audits_it(app, officer_client):
    meeting = _create(officer_client)
    assert _upload(officer_client, meeting, pdf_bytes(), "Báo cáo đường giao thông.pdf").status_code == 303
    document = db.session.scalars(select(MeetingDocument)).one()
    assert document.original_name == "Báo cáo đường giao thông.pdf" and "Báo" not in document.stored_name
    assert document.title == "Báo cáo đường giao thông"
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "upload")).label == document.original_name


def test_viewers_see_meetings_but_cannot_change_them(app, officer_client, viewer_client):
    meeting = _create(officer_client)
    assert viewer_client.get(f"{STAFF}/{meeting.id}").status_code == 200
    assert "Tải lên" not in viewer_client.get(f"{STAFF}/{meeting.id}").get_data(as_text=True)
    for path in (f"{STAFF}/them", f"{STAFF}/{meeting.id}/cong-bo", f"{STAFF}/{meeting.id}/lien-ket"):
        assert viewer_client.post(path).status_code == 403, path
    assert _upload(viewer_client, meeting, pdf_bytes(), "a.pdf").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(app, client):
    assert client.get(f"{STAFF}/").status_code == 302


def test_agenda_items_are_added_and_reordered_both_ways(app, officer_client):
    meeting = _create(officer_client)
    officer_client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Báo cáo kinh tế", "presenter": ""})
    response = officer_client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Kế hoạch làm đường"},
                                   headers={"HX-Request": "true"})
    fragment = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in fragment and 'id="agenda"' in fragment
    second = meeting.agenda_items[1]
    response = officer_client.post(f"{STAFF}/{meeting.id}/noi-dung/{second.id}/len")
    assert response.status_code == 303
    db.session.expire_all()
    assert [i.title for i in db.session.get(Meeting, meeting.id).agenda_items] == ["Kế hoạch làm đường", "Báo cáo kinh tế"]
    bad = officer_client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": ""}, headers={"HX-Request": "true"})
    assert bad.status_code == 422 and "Vui lòng nhập nội dung." in bad.get_data(as_text=True)


def test_replacing_keeps_the_old_version_until_deleted(app, officer_client):
    meeting = _create(officer_client)
    _upload(officer_client, meeting, pdf_bytes("v1"), "Tờ trình.pdf")
    old = db.session.scalars(select(MeetingDocument)).one()
    response = officer_client.post(f"{STAFF}/{meeting.id}/tai-lieu/{old.id}/thay", content_type="multipart/form-data",
                                   data={"file": (io.BytesIO(pdf_bytes("v2")), "Tờ trình sửa.pdf")})
    assert response.status_code == 303
    db.session.expire_all()
    assert len(_stored_files(app)) == 2
    assert [d.original_name for d in db.session.get(Meeting, meeting.id).current_documents] == ["Tờ trình sửa.pdf"]
    officer_client.post(f"{STAFF}/{meeting.id}/tai-lieu/{old.id}/xoa", headers={"HX-Request": "true"})
    assert len(_stored_files(app)) == 1


def test_link_creation_revocation_and_publication_are_audited_without_the_token(app, officer_client):
    meeting = _create(officer_client)
    officer_client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "1"})
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": "2026-12-02", "pin": ""})
    link = db.session.scalars(select(ShareLink)).one()
    token = links.token_for(link)
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket/{link.id}/thu-hoi", data={"xac_nhan": "1"})
    entries = db.session.scalars(select(AuditEntry)).all()
    assert {"publish", "link_create", "link_revoke"} <= {e.action for e in entries}
    assert not any(token in f"{e.message}{e.changes}{e.label}" for e in entries)


def test_a_link_shows_a_warning_when_the_public_address_is_private(app, officer_client):
    app.config["PUBLIC_BASE_URL"] = "http://192.168.1.10:8000"
    meeting = _create(officer_client)
    page = officer_client.get(f"{STAFF}/{meeting.id}").get_data(as_text=True)
    assert "là địa chỉ nội bộ" in page


def test_wifi_settings_feed_the_table_card(app, officer_client):
    response = officer_client.post(f"{STAFF}/wifi", data={"ssid": "UBND;Khach", "password": "a:b\\c"})
    assert response.status_code == 303
    meeting = _create(officer_client)
    page = officer_client.get(f"{STAFF}/{meeting.id}/the-ban").get_data(as_text=True)
    assert "UBND;Khach" in page and "Quét để vào Wi-Fi" in page
    audit = " ".join(f"{e.message}{e.changes}" for e in db.session.scalars(select(AuditEntry)))
    assert "a:b" not in audit


def test_documents_are_reordered_and_agenda_items_deleted_both_ways(app, officer_client):
    meeting = _create(officer_client)
    for name in ("Một.pdf", "Hai.pdf"):
        _upload(officer_client, meeting, pdf_bytes(name), name)
    second = db.session.scalars(select(MeetingDocument).order_by(MeetingDocument.id.desc())).first()
    fragment = officer_client.post(f"{STAFF}/{meeting.id}/tai-lieu/{second.id}/len", headers={"HX-Request": "true"})
    body = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and "<html" not in body and body.index("Hai") < body.index("Một")
    assert officer_client.post(f"{STAFF}/{meeting.id}/tai-lieu/{second.id}/xuong").status_code == 303
    db.session.expire_all()
    assert [d.title for d in db.session.get(Meeting, meeting.id).documents_in_order()] == ["Một", "Hai"]
    officer_client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Báo cáo"})
    item = db.session.get(Meeting, meeting.id).agenda_items[0]
    response = officer_client.post(f"{STAFF}/{meeting.id}/noi-dung/{item.id}/xoa", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "Chưa có nội dung nào." in response.get_data(as_text=True)


def test_the_audit_log_names_meeting_actions_in_vietnamese(app, officer_client, admin_client):
    meeting = _create(officer_client)
    officer_client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "1"})
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": "2026-12-02", "pin": ""})
    page = admin_client.get("/quan-tri/nhat-ky").get_data(as_text=True)
    assert "Công bố" in page and "Tạo liên kết chia sẻ" in page and "Liên kết chia sẻ" in page
