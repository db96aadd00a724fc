"""The audit log speaks the officers' words: records by name, Vietnamese columns and values, local times."""
import re
from datetime import date, datetime

from app.community.models import Member
from app.dossiers.models import Dossier, Rating
from app.extensions import db
from app.roster.models import DutyShift
from tests.test_meetings import _create

LOG = "/quan-tri/nhat-ky"


def _dossier(make_procedure) -> Dossier:
    dossier = Dossier(receipt_code="XT-2026-000004", procedure=make_procedure(code="1.001193"),
                      applicant_name="Nguyễn Thị Hoa", received_at=datetime(2026, 3, 2, 2, 0), due_date=date(2026, 3, 9))
    db.session.add(dossier)
    db.session.commit()
    db.session.refresh(dossier)  # loaded, as the officer's page has it
    dossier.change_status("processing")
    db.session.commit()
    dossier.rating = Rating(score="very_satisfied")
    db.session.commit()
    return dossier


def _log(admin_client) -> str:
    html = admin_client.get(LOG).get_data(as_text=True)
    return html.split('id="audit-entries"')[1]


def test_a_dossier_is_named_by_its_receipt_code_and_its_status_and_rating_in_words(app, admin_client, make_procedure):
    dossier = _dossier(make_procedure)
    log = _log(admin_client)
    assert "Hồ sơ XT-2026-000004" in log
    assert f"#{dossier.id}" not in log and "dossier" not in log
    assert "Trạng thái: <del>Đã tiếp nhận</del> → <ins>Đang giải quyết</ins>" in log
    assert "Mức hài lòng: <ins>Rất hài lòng</ins>" in log
    assert "Hồ sơ: <ins>XT-2026-000004</ins>" in log  # the rating names its dossier
    for code in ("received", "processing", "very_satisfied", "procedure_id", "score"):
        assert code not in log, code


def test_times_are_vietnam_local_and_weekdays_are_named(app, admin_client, officer_client):
    meeting = _create(officer_client, day="2026-12-03", at="08:00")
    officer_client.post(f"/quan-ly/cuoc-hop/{meeting.id}/lien-ket", data={"expires_on": "2026-12-10", "pin": ""})
    member = Member(name="Lê Văn Trực")
    db.session.add(member)
    db.session.commit()
    db.session.add(DutyShift(member=member, weekday=4, session="morning", starts_on=date(2026, 12, 1)))
    db.session.commit()
    log = _log(admin_client)
    assert "Thời gian bắt đầu: <ins>03/12/2026 08:00</ins>" in log
    assert "Thứ: <ins>Thứ Sáu</ins>" in log and "Buổi: <ins>buổi sáng</ins>" in log
    assert "Thành viên: <ins>Lê Văn Trực</ins>" in log
    assert "dùng được đến hết ngày 10/12/2026" in log
    assert "UTC" not in log and not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", log)
    assert "weekday" not in log and "starts_at" not in log
    assert re.search(r'<td class="nowrap">\d\d/\d\d/\d{4} \d\d:\d\d</td>', log)


def test_secret_columns_still_say_only_that_they_changed(app, admin_client, make_procedure):
    dossier = _dossier(make_procedure)
    dossier.applicant_phone = "0912 345 678"
    db.session.commit()
    log = _log(admin_client)
    assert "Số điện thoại người nộp <span class=\"muted\">(đã thay đổi)</span>" in log
    assert "0912" not in log and "Nguyễn Thị Hoa" not in log


def test_the_staff_home_shows_the_same_words(app, admin_client, make_procedure):
    _dossier(make_procedure)
    home = admin_client.get("/quan-ly/").get_data(as_text=True)
    assert "Hồ sơ XT-2026-000004" in home and "Mức hài lòng" in home and "score" not in home
