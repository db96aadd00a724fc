"""Staff page for the dated announcements the kiosk home shows."""
from flask import Blueprint, flash, redirect, url_for
from sqlalchemy import select

from app.announcements.forms import AnnouncementForm
from app.announcements.models import Announcement
from app.auth.access import require_role, role_required
from app.core import htmx
from app.core.htmx import render
from app.extensions import db
from app.roster.services import today
from app.setting.services import get_setting

bp = Blueprint("announcements", __name__, url_prefix="/quan-ly/thong-bao")


@bp.route("/", methods=["GET", "POST"])
@role_required("viewer")
def list_announcements():
    """Every announcement, newest first, and the form for a new one (officers)."""
    form = AnnouncementForm()
    if form.is_submitted():
        require_role("officer")
    if form.validate_on_submit():
        announcement = Announcement()
        form.save_to(announcement)
        db.session.add(announcement)
        db.session.commit()
        location = url_for(".list_announcements")
        return htmx.redirect_client(location) if htmx.is_fragment_request() else redirect(location, code=303)
    if not form.is_submitted():
        form.starts_on.data = today()
    announcements = db.session.scalars(
        select(Announcement).order_by(Announcement.starts_on.desc(), Announcement.id.desc())).all()
    response = render("announcements/list.html", "form", form=form, announcements=announcements,
                      today=today(), standing=get_setting("kiosk_announcement"))
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


@bp.route("/<int:announcement_id>/sua", methods=["GET", "POST"])
@role_required("officer")
def edit_announcement(announcement_id: int):
    """Correct an announcement's text or dates (a typo, a changed day) without taking it down."""
    announcement = db.get_or_404(Announcement, announcement_id)
    form = AnnouncementForm(obj=announcement)
    if form.validate_on_submit():
        form.save_to(announcement)
        db.session.commit()
        flash("Đã lưu thông báo.", "success")
        return htmx.redirect_to(url_for(".list_announcements"))
    response = render("announcements/edit.html", "form", form=form, announcement=announcement)
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


@bp.post("/<int:announcement_id>/xoa")
@role_required("officer")
def delete_announcement(announcement_id: int):
    """Take an announcement down for good."""
    db.session.delete(db.get_or_404(Announcement, announcement_id))
    db.session.commit()
    return htmx.redirect_to(url_for(".list_announcements"))
