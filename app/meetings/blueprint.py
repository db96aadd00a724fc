"""The meetings blueprint, its template filters, and the helpers its route modules share
(views, staff_documents, staff_links, attendee import this module; it imports none of them)."""
from datetime import timedelta

from flask import Blueprint, Response, abort, current_app, redirect, render_template
from flask_login import current_user

from app import uploads
from app.core import htmx
from app.core.htmx import render
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.meetings import forms, links
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


def meeting_or_404(meeting_id: int) -> Meeting:
    return db.session.scalar(Meeting.with_everything(meeting_id)) or abort(404)


def done(location: str) -> Response:
    if htmx.is_fragment_request():
        return htmx.redirect_client(location)
    return redirect(location, code=303)


def meeting_page(meeting: Meeting, block: str = "content", status: int = 200, **extra) -> Response:
    document_form = extra.pop("document_form", None) or forms.DocumentForm(formdata=None)
    document_form.set_items(meeting.agenda_items)
    link_form = extra.pop("link_form", None) or forms.LinkForm(
        formdata=None, expires_on=to_local(links.default_expiry(meeting)).date())
    live = links.live_links(meeting)
    response = render(
        "meetings/meeting.html", block, meeting=meeting, now=utcnow(), officer=current_user.has_role("officer"),
        agenda_form=extra.pop("agenda_form", None) or forms.AgendaItemForm(formdata=None),
        document_form=document_form, link_form=link_form, live_link=live[-1] if live else None,
        link_url=link_url(live[-1]) if live else None, base_warning=links.base_warning(),
        replaced=[d for d in meeting.documents if d.replaced_at is not None], kinds=uploads.KINDS,
        max_upload_mb=current_app.config["MAX_UPLOAD_MB"], **extra)
    response.status_code = status
    return response


def link_url(link: ShareLink) -> str | None:
    token = links.token_for(link)
    return links.public_url(token) if token else None
