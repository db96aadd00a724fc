"""Staff routes for publication, share links, the table card and the hall Wi-Fi (blueprint from views.py)."""
from datetime import time, timedelta

from flask import abort, flash, render_template, request, url_for
from flask_login import current_user

from app.audit import services as audit
from app.core.confirm import ask_first, is_confirmed
from app.auth.access import role_required
from app.core.htmx import render
from app.extensions import db
from app.meetings import forms, links, services
from app.meetings.blueprint import STAFF, bp, done as _done, link_url as _link_url
from app.meetings.blueprint import meeting_or_404 as _meeting_or_404, meeting_page as _meeting_page
from app.qr import services as qr
from app.setting.services import get_setting, save_settings
from app.setting.models import Setting


@bp.post(f"{STAFF}/<int:meeting_id>/cong-bo")
@role_required("officer")
def publish_meeting(meeting_id: int):
    """Publish (attendees with the link see it) or take back to draft (they see nothing)."""
    meeting = _meeting_or_404(meeting_id)
    services.publish(meeting, request.form.get("published") == "1")
    db.session.commit()
    flash("Đã công bố cuộc họp." if meeting.is_published else "Đã chuyển cuộc họp về bản nháp.", "success")
    return _done(url_for(".show_meeting", meeting_id=meeting.id))


@bp.post(f"{STAFF}/<int:meeting_id>/lien-ket")
@role_required("officer")
def create_link(meeting_id: int):
    """A new share link; any older one stops working."""
    meeting = _meeting_or_404(meeting_id)
    form = forms.LinkForm()
    if not form.validate_on_submit():
        db.session.rollback()
        return _meeting_page(meeting, "content", 422, link_form=form)
    expires_at = services.utc_from_local(form.expires_on.data + timedelta(days=1), time.min)
    links.create_link(meeting, expires_at, form.pin.data or None, current_user.username)
    db.session.commit()
    flash("Đã tạo liên kết mới. Liên kết cũ (nếu có) không còn mở được.", "success")
    return _done(url_for(".show_meeting", meeting_id=meeting.id) + "#lien-ket")


@bp.post(f"{STAFF}/<int:meeting_id>/lien-ket/<int:link_id>/thu-hoi")
@role_required("officer")
def revoke_link(meeting_id: int, link_id: int):
    """Stop a link at once (e.g. it leaked), once the officer confirmed."""
    meeting = _meeting_or_404(meeting_id)
    link = next((l for l in meeting.share_links if l.id == link_id), None) or abort(404)
    if link.revoked_at is None and not is_confirmed():
        return ask_first("Thu hồi liên kết của cuộc họp?",
                         f"Mọi mã QR và thẻ đặt bàn đã in cho “{meeting.title}” sẽ không mở được tài liệu nữa. "
                         "Muốn dùng tiếp, phải tạo liên kết mới và in lại.",
                         "Thu hồi liên kết", url_for(".show_meeting", meeting_id=meeting.id) + "#lien-ket")
    if link.revoked_at is None:
        links.revoke(link)
        db.session.commit()
    flash("Đã thu hồi liên kết: mã QR đã in không còn mở được tài liệu.", "success")
    return _done(url_for(".show_meeting", meeting_id=meeting.id) + "#lien-ket")


@bp.get(f"{STAFF}/<int:meeting_id>/lien-ket/<int:link_id>/qr.svg")
@role_required("viewer")
def link_qr(meeting_id: int, link_id: int):
    """The QR code of a live link, for the staff page and the table card."""
    meeting = _meeting_or_404(meeting_id)
    link = next((l for l in links.live_links(meeting) if l.id == link_id), None) or abort(404)
    url = _link_url(link) or abort(404)
    return qr.qr_response(url, "svg")


@bp.get(f"{STAFF}/<int:meeting_id>/the-ban")
@role_required("viewer")
def table_card(meeting_id: int):
    """The printable card for the tables: meeting QR, title, time, place and the Wi-Fi QR."""
    meeting = _meeting_or_404(meeting_id)
    live = links.live_links(meeting)
    link = live[-1] if live else None
    ssid, password = get_setting("hall_wifi_ssid"), get_setting("hall_wifi_password")
    return render_template(
        "meetings/card.html", meeting=meeting, link=link, link_url=_link_url(link) if link else None,
        size="a4" if request.args.get("kho") == "a4" else "a5", ssid=ssid, password=password,
        wifi_version=qr.content_tag(services.wifi_text(ssid, password)) if ssid else None,
        commune_name=get_setting("commune_name"), base_warning=links.base_warning())


@bp.get(f"{STAFF}/wifi-qr.svg")
@role_required("viewer")
def wifi_qr():
    """The hall Wi-Fi as a QR code that phones join in one tap."""
    ssid = get_setting("hall_wifi_ssid") or abort(404)
    return qr.qr_response(services.wifi_text(ssid, get_setting("hall_wifi_password")), "svg")


@bp.route(f"{STAFF}/wifi", methods=["GET", "POST"])
@role_required("officer")
def edit_wifi():
    """The hall's Wi-Fi name and password, printed on every table card."""
    form = forms.WifiForm(data={"ssid": get_setting("hall_wifi_ssid"),
                                "password": get_setting("hall_wifi_password")})
    if form.validate_on_submit():
        _save_wifi(form.ssid.data.strip(), form.password.data)
        db.session.commit()
        flash("Đã lưu Wi-Fi hội trường.", "success")
        return _done(url_for(".list_meetings"))
    response = render("meetings/wifi.html", "form", form=form)
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


def _save_wifi(ssid: str, password: str) -> None:
    save_settings({"hall_wifi_ssid": ssid})
    # The password goes through its own row so the audit log says it changed without showing it.
    if password != get_setting("hall_wifi_password"):
        row = db.session.get(Setting, "hall_wifi_password") or Setting(key="hall_wifi_password")
        row.value = password
        db.session.add(row)
        audit.record("settings", record_type="setting", message="Đổi mật khẩu Wi-Fi hội trường")
