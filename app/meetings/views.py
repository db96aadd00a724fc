"""Staff pages for meetings: details, agenda, documents, publication, share links, table card."""
from datetime import timedelta

from flask import Blueprint, Response, abort, current_app, redirect, render_template, url_for
from flask_login import current_user

from app import uploads
from app.auth.access import role_required
from app.core import htmx
from app.core.htmx import render
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.meetings import forms, links, services
from app.meetings.models import Meeting, ShareLink

bp = Blueprint("meetings", __name__)
STAFF = "/quan-ly/cuoc-hop"


@bp.app_template_filter("local_datetime")
def local_datetime(value) -> str:
    """A stored UTC time as Vietnam local time, e.g. 08:30 ngày 25/11/2026."""
    return to_local(value).strftime("%H:%M ngày %d/%m/%Y") if value else ""


@bp.app_template_filter("last_day")
def last_day(value) -> str:
    """The last local day a link works: it expires at the midnight that ends it."""
    return (to_local(value) - timedelta(seconds=1)).strftime("%d/%m/%Y")


@bp.app_template_filter("file_size")
def file_size(size: int) -> str:
    """A byte count as people read it: 850 KB, 12,4 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1048576:.1f} MB".replace(".", ",")


@bp.errorhandler(413)
def too_large(_error):
    """A body over MAX_CONTENT_LENGTH: say the per-file limit, on a staff page with a way back."""
    message = f"Tệp quá lớn: mỗi tệp tối đa {current_app.config['MAX_UPLOAD_MB']} MB. Vui lòng chọn tệp nhỏ hơn."
    return render_template("meetings/too_large.html", message=message), 413


def _meeting_or_404(meeting_id: int) -> Meeting:
    return db.session.scalar(Meeting.with_everything(meeting_id)) or abort(404)


def _done(location: str) -> Response:
    if htmx.is_fragment_request():
        return htmx.redirect_client(location)
    return redirect(location, code=303)


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


def _meeting_page(meeting: Meeting, block: str = "content", status: int = 200, **extra) -> Response:
    document_form = extra.pop("document_form", None) or forms.DocumentForm(formdata=None)
    document_form.set_items(meeting.agenda_items)
    link_form = extra.pop("link_form", None) or forms.LinkForm(
        formdata=None, expires_on=to_local(links.default_expiry(meeting)).date())
    live = links.live_links(meeting)
    response = render(
        "meetings/meeting.html", block, meeting=meeting, now=utcnow(), officer=current_user.has_role("officer"),
        agenda_form=extra.pop("agenda_form", None) or forms.AgendaItemForm(formdata=None),
        document_form=document_form, link_form=link_form, live_link=live[-1] if live else None,
        link_url=_link_url(live[-1]) if live else None, base_warning=links.base_warning(),
        replaced=[d for d in meeting.documents if d.replaced_at is not None], kinds=uploads.KINDS,
        max_upload_mb=current_app.config["MAX_UPLOAD_MB"], **extra)
    response.status_code = status
    return response


def _link_url(link: ShareLink) -> str | None:
    token = links.token_for(link)
    return links.public_url(token) if token else None


from app.meetings import staff_documents, staff_links  # noqa: E402,F401  (routes on this blueprint)
from app.meetings import attendee  # noqa: E402,F401
