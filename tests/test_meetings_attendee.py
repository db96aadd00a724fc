"""The attendee side: link checks on every request, PIN limit, downloads, Range, zip, kiosk."""
import io
import zipfile
from datetime import datetime, timedelta

import time_machine
from sqlalchemy import select

from app.extensions import db
from app.meetings import links
from app.meetings.models import Meeting, MeetingDocument, ShareLink
from tests.conftest import StaffClient
from tests.test_meetings import STAFF, _create, _upload
from tests.uploadfiles import office_bytes, pdf_bytes

GONE = "Không mở được liên kết này"


def _shared(client, publish=True, pin="", expires_on="2026-12-02"):
    """A meeting with an agenda item, two documents and a link; returns (meeting, path of the link)."""
    meeting = _create(client)
    client.post(f"{STAFF}/{meeting.id}/noi-dung", data={"title": "Kế hoạch làm đường"})
    item = meeting.agenda_items[0]
    _upload(client, meeting, office_bytes("docx"), "Tờ trình đường.docx", agenda_item=str(item.id))
    _upload(client, meeting, pdf_bytes(padding=5000), "Báo cáo đánh giá.pdf")
    if publish:
        client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "1"})
    client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": expires_on, "pin": pin})
    link = db.session.scalars(select(ShareLink).order_by(ShareLink.id.desc())).first()
    return meeting, f"/h/{links.token_for(link)}"


def _documents():
    return {d.original_name: d for d in db.session.scalars(select(MeetingDocument))}


def test_the_link_opens_the_meeting_and_its_documents_anonymously(app, officer_client):
    _, path = _shared(officer_client)
    page = app.test_client().get(path)
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Họp giao ban tháng 11" in body and "Kế hoạch làm đường" in body
    assert "Tải tất cả (2 tệp" in body and "Word" in body
    assert page.headers["Cache-Control"] == "no-store" and page.headers["Referrer-Policy"] == "no-referrer"


def test_the_token_is_long_and_only_its_hash_is_stored(app, officer_client):
    _, path = _shared(officer_client)
    token = path.removeprefix("/h/")
    link = db.session.scalars(select(ShareLink)).one()
    assert len(token) >= 22 and token not in (link.token_hash, link.nonce)


def test_pdf_opens_inline_with_its_vietnamese_name_and_resumes_with_range(app, officer_client):
    _, path = _shared(officer_client)
    document = _documents()["Báo cáo đánh giá.pdf"]
    client = app.test_client()
    whole = client.get(f"{path}/tai-lieu/{document.id}")
    assert whole.status_code == 200 and whole.data.startswith(b"%PDF-")
    assert whole.headers["Content-Disposition"].startswith("inline")
    assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%C4%91%C3%A1nh%20gi%C3%A1.pdf" in whole.headers["Content-Disposition"]
    part = client.get(f"{path}/tai-lieu/{document.id}", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.data == whole.data[100:200]
    db.session.expire_all()
    assert document.download_count == 1 and document.last_downloaded_at is not None


def test_office_files_download_as_attachments(app, officer_client):
    _, path = _shared(officer_client)
    document = _documents()["Tờ trình đường.docx"]
    response = app.test_client().get(f"{path}/tai-lieu/{document.id}")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.data == office_bytes("docx")


def test_download_all_is_one_zip_in_agenda_order_with_numbered_names(app, officer_client):
    _, path = _shared(officer_client)
    response = app.test_client().get(f"{path}/tai-tat-ca.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert archive.namelist() == ["01. Báo cáo đánh giá.pdf", "02. Tờ trình đường.docx"]
    assert archive.read("02. Tờ trình đường.docx") == office_bytes("docx")


def test_unknown_revoked_and_draft_links_get_the_same_404(app, officer_client):
    meeting, path = _shared(officer_client)
    draft, draft_path = _shared(officer_client, publish=False)
    client = app.test_client()
    unknown = client.get("/h/AAAAAAAAAAAAAAAAAAAAAAAA")
    link = db.session.scalars(select(ShareLink).where(ShareLink.meeting_id == meeting.id)).one()
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket/{link.id}/thu-hoi", data={"xac_nhan": "1"})
    revoked = client.get(path)
    unpublished = client.get(draft_path)
    assert unknown.status_code == revoked.status_code == unpublished.status_code == 404
    assert unknown.data == revoked.data == unpublished.data
    assert GONE in unknown.get_data(as_text=True)


def test_every_download_rechecks_the_link(app, officer_client):
    meeting, path = _shared(officer_client)
    document = _documents()["Báo cáo đánh giá.pdf"]
    client = app.test_client()
    assert client.get(f"{path}/tai-lieu/{document.id}").status_code == 200
    officer_client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "0"})
    assert client.get(f"{path}/tai-lieu/{document.id}").status_code == 404
    assert client.get(f"{path}/tai-tat-ca.zip").status_code == 404


def test_a_document_of_another_meeting_cannot_be_fetched_through_a_link(app, officer_client):
    _, path = _shared(officer_client)
    other, _ = _shared(officer_client)
    foreign = [d for d in db.session.scalars(select(MeetingDocument)) if d.meeting_id == other.id][0]
    assert app.test_client().get(f"{path}/tai-lieu/{foreign.id}").status_code == 404


def test_a_replaced_version_is_not_served_to_attendees(app, officer_client):
    meeting, path = _shared(officer_client)
    old = _documents()["Báo cáo đánh giá.pdf"]
    officer_client.post(f"{STAFF}/{meeting.id}/tai-lieu/{old.id}/thay", content_type="multipart/form-data",
                        data={"file": (io.BytesIO(pdf_bytes("moi")), "Báo cáo mới.pdf")})
    assert app.test_client().get(f"{path}/tai-lieu/{old.id}").status_code == 404


def test_an_expired_link_says_so_with_410(app, officer_client):
    _, path = _shared(officer_client, expires_on="2026-12-02")
    with time_machine.travel(datetime(2026, 12, 3, 1, 0), tick=False):
        response = app.test_client().get(path)
    assert response.status_code == 410 and "đã hết hạn" in response.get_data(as_text=True)


def test_a_new_link_replaces_the_old_one(app, officer_client):
    meeting, old_path = _shared(officer_client)
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": "2026-12-02", "pin": ""})
    assert app.test_client().get(old_path).status_code == 404


def test_pin_is_asked_and_wrong_pins_are_limited_in_the_database(app, officer_client):
    _, path = _shared(officer_client, pin="2468")
    # Two phones, not signed in, sending the form's CSRF token as a browser would.
    first, second = (StaffClient(app, app.response_class, use_cookies=True) for _ in range(2))
    assert "Mã PIN" in first.get(path).get_data(as_text=True)
    document = _documents()["Báo cáo đánh giá.pdf"]
    assert first.get(f"{path}/tai-lieu/{document.id}").status_code == 302
    for _ in range(links.PIN_MAX_FAILURES):
        assert first.post(path, data={"pin": "0000"}).status_code in (422, 429)
    locked = second.post(path, data={"pin": "2468"})
    assert locked.status_code == 429 and "sai quá nhiều lần" in locked.get_data(as_text=True)
    with time_machine.travel(datetime.now() + timedelta(minutes=16), tick=False):
        assert second.post(path, data={"pin": "2468"}).status_code == 303
        assert second.get(f"{path}/tai-lieu/{document.id}").status_code == 200


def test_kiosk_home_lists_public_meetings_with_their_qr(app, officer_client):
    tomorrow = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    meeting = _create(officer_client, day=tomorrow, is_public="y", title="Họp dân ấp Bình Đông")
    officer_client.post(f"{STAFF}/{meeting.id}/cong-bo", data={"published": "1"})
    client = app.test_client()
    assert "Họp dân ấp Bình Đông" not in client.get("/kiosk/").get_data(as_text=True)
    officer_client.post(f"{STAFF}/{meeting.id}/lien-ket", data={"expires_on": tomorrow, "pin": ""})
    home = client.get("/kiosk/").get_data(as_text=True)
    assert "Họp dân ấp Bình Đông" in home
    link = db.session.scalars(select(ShareLink)).one()
    qr = client.get(f"/h/{links.token_for(link)}/qr.svg")
    assert qr.status_code == 200 and qr.mimetype == "image/svg+xml"


def test_twenty_parallel_wrong_pins_over_two_workers_compare_at_most_five(app, officer_client, monkeypatch):
    import threading

    from app import create_app
    _, path = _shared(officer_client, pin="2468")
    if db.engine.dialect.name == "sqlite":
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.session.remove()
    workers = [app, create_app(dict(app.config))]
    compared, statuses, errors = [], [], []
    hash_pin = links._hash_pin
    monkeypatch.setattr(links, "_hash_pin", lambda link, pin: compared.append(pin) or hash_pin(link, pin))
    start = threading.Barrier(20)

    def guess(worker):
        try:
            phone = StaffClient(worker, worker.response_class, use_cookies=True)
            with worker.app_context():
                phone.get(path)  # the form first, as a phone would
                start.wait()
                statuses.append(phone.post(path, data={"pin": "1357"}).status_code)
                db.session.remove()
        except Exception as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=guess, args=(workers[n % 2],)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert set(statuses) <= {422, 429} and len(statuses) == 20
    assert len(compared) <= links.PIN_MAX_FAILURES, (len(compared), statuses)
    assert statuses.count(422) < links.PIN_MAX_FAILURES
    assert db.session.scalar(select(ShareLink.pin_failures)) == links.PIN_MAX_FAILURES


def test_a_right_pin_does_not_use_up_a_try(app, officer_client):
    _, path = _shared(officer_client, pin="2468")
    guesser = StaffClient(app, app.response_class, use_cookies=True)
    for _ in range(links.PIN_MAX_FAILURES - 1):
        assert guesser.post(path, data={"pin": "0000"}).status_code == 422
    for _ in range(3):  # other phones keep getting in with the right PIN
        phone = StaffClient(app, app.response_class, use_cookies=True)
        phone.get(path)
        assert phone.post(path, data={"pin": "2468"}).status_code == 303
    assert db.session.scalar(select(ShareLink.pin_failures)) == links.PIN_MAX_FAILURES - 1
