"""Staff pages for meetings: details, agenda, documents, publication, share links, table card."""
from flask import Response, render_template, url_for

from app.auth.access import role_required
from app.core.htmx import render
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.meetings import forms, services
from app.meetings.blueprint import STAFF, bp, done as _done, meeting_or_404 as _meeting_or_404
from app.meetings.blueprint import meeting_page as _meeting_page
from app.meetings.models import Meeting


@bp.get(f"{STAFF}/")
@role_required("viewer")
def list_meetings():
    """Every meeting, newest first, with its state."""
    meetings = db.session.scalars(Meeting.listed()).all()
    return render_template("meetings/list.html", meetings=meetings, now=utcnow())


@bp.route(f"{STAFF}/them", methods=["GET", "POST"])
@role_required("officer")
def create_meeting():
    """A new meeting, as a draft."""
    form = forms.MeetingForm()
    if form.validate_on_submit():
        meeting = Meeting()
        _save_meeting(form, meeting)
        db.session.add(meeting)
        db.session.commit()
        return _done(url_for(".show_meeting", meeting_id=meeting.id))
    return _form_page(form, None)


@bp.route(f"{STAFF}/<int:meeting_id>/sua", methods=["GET", "POST"])
@role_required("officer")
def edit_meeting(meeting_id: int):
    """Title, time, place, chair, notes and the kiosk flag."""
    meeting = _meeting_or_404(meeting_id)
    form = forms.MeetingForm(obj=meeting)
    if form.validate_on_submit():
        _save_meeting(form, meeting)
        db.session.commit()
        return _done(url_for(".show_meeting", meeting_id=meeting.id))
    if not form.is_submitted():
        local = to_local(meeting.starts_at)
        form.day.data, form.at.data = local.date(), local.time()
    return _form_page(form, meeting)


def _save_meeting(form: forms.MeetingForm, meeting: Meeting) -> None:
    meeting.title = " ".join(form.title.data.split())
    meeting.starts_at = services.utc_from_local(form.day.data, form.at.data)
    meeting.place = (form.place.data or "").strip()
    meeting.chair = (form.chair.data or "").strip()
    meeting.notes = (form.notes.data or "").strip()
    meeting.is_public = form.is_public.data


def _form_page(form, meeting: Meeting | None) -> Response:
    response = render("meetings/edit.html", "form", form=form, meeting=meeting)
    if form.is_submitted():
        db.session.rollback()
        response.status_code = 422
    return response


@bp.get(f"{STAFF}/<int:meeting_id>")
@role_required("viewer")
def show_meeting(meeting_id: int):
    """The meeting with its agenda, documents, publication and share link."""
    return _meeting_page(_meeting_or_404(meeting_id))


from app.meetings import staff_documents, staff_links  # noqa: E402,F401  (routes on this blueprint)
from app.meetings import attendee  # noqa: E402,F401
