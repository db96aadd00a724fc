"""The attendee side: a meeting's link opens its documents on a phone, no account needed.

Every request re-checks the link (known, not revoked, not expired), the PIN and the publication:
a document id or a stored file name alone opens nothing.
"""
from flask import abort, make_response, redirect, render_template, request, send_file, session, url_for

from app import uploads
from app.auth.access import public
from app.core.timeutil import utcnow
from app.extensions import db
from app.meetings import forms, links, services
from app.meetings.models import Meeting, ShareLink
from app.meetings.blueprint import bp
from app.qr import services as qr

GRANTS_KEY = "meeting_pins"
MAX_GRANTS = 20


class LinkGone(Exception):
    """The link opens nothing: 404 (unknown, revoked or unpublished, one answer) or 410 (expired)."""

    def __init__(self, status: int):
        self.status = status


@bp.errorhandler(LinkGone)
def _link_gone(error: LinkGone):
    response = make_response(render_template("meetings/attendee_gone.html", expired=error.status == 410),
                             error.status)
    return _private(response)


def _private(response):
    """Attendee pages carry a secret in their URL: no caching by others, no Referer, no indexing."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _open(token: str) -> tuple[ShareLink, Meeting]:
    """The live link and its published meeting, or LinkGone; expiry is told only to the right token."""
    link = links.find(token)
    if link is None or link.revoked_at is not None or not link.meeting.is_published:
        raise LinkGone(404)
    if not link.is_live(utcnow()):
        raise LinkGone(410)
    meeting = db.session.scalar(Meeting.with_everything(link.meeting_id))
    return link, meeting


def _granted(link: ShareLink) -> bool:
    return link.pin_hash is None or links.pin_grant(link) in session.get(GRANTS_KEY, [])


def _grant(link: ShareLink) -> None:
    session[GRANTS_KEY] = (session.get(GRANTS_KEY, []) + [links.pin_grant(link)])[-MAX_GRANTS:]


@bp.route("/h/<token>", methods=["GET", "POST"])
@public
def open_link(token: str):
    """The meeting, its agenda and documents, sized for a phone; a PIN form first when set."""
    link, meeting = _open(token)
    if not _granted(link):
        return _pin_page(link, meeting, token)
    return _private(make_response(render_template(
        "meetings/attendee.html", meeting=meeting, token=token, documents=meeting.documents_in_order(),
        kinds=uploads.KINDS)))


def _pin_page(link: ShareLink, meeting: Meeting, token: str):
    form = forms.PinForm()
    status, locked = 200, links.pin_locked(link, utcnow())
    if locked:
        status = 429
    elif form.validate_on_submit():
        right = links.check_pin(link, form.pin.data)
        if right:
            _grant(link)
            return redirect(url_for(".open_link", token=token), code=303)
        form.pin.errors = ["Mã PIN chưa đúng, vui lòng thử lại."]
        # None: locked before this PIN was even compared; False: wrong, and maybe the last try.
        locked = right is None or links.pin_locked(db.session.get(ShareLink, link.id), utcnow())
        status = 429 if locked else 422
    html = render_template("meetings/attendee_pin.html", form=form, token=token, locked=locked, meeting=meeting,
                           minutes=int(links.PIN_WINDOW.total_seconds() // 60))
    return _private(make_response(html, status))


@bp.get("/h/<token>/tai-lieu/<int:document_id>")
@public
def download_document(token: str, document_id: int):
    """One current document of this link's meeting: PDFs open in the phone, others download."""
    link, meeting = _open(token)
    if not _granted(link):
        return redirect(url_for(".open_link", token=token))
    document = next((d for d in meeting.current_documents if d.id == document_id), None)
    if document is None:
        raise LinkGone(404)
    if _first_bytes_asked():
        services.count_downloads([document])
    response = send_file(uploads.path_of(document.stored_name), mimetype=document.mimetype,
                         as_attachment=document.kind != "pdf", download_name=document.original_name,
                         conditional=True, max_age=0)
    return _private_file(uploads.sandboxed(response))


@bp.get("/h/<token>/tai-tat-ca.zip")
@public
def download_all(token: str):
    """Every current document in one zip, in agenda order, numbered."""
    link, meeting = _open(token)
    if not _granted(link):
        return redirect(url_for(".open_link", token=token))
    documents = meeting.documents_in_order()
    if not documents:
        raise LinkGone(404)
    path = services.zip_path(meeting)
    if _first_bytes_asked():
        services.count_downloads(documents)
    response = send_file(path, mimetype="application/zip", as_attachment=True,
                         download_name=f"Tài liệu - {meeting.title[:80]}.zip", conditional=True, max_age=0)
    return _private_file(response)


def _first_bytes_asked() -> bool:
    """Count a download once: not for a resumed range or a HEAD request."""
    if request.method == "HEAD":
        return False
    return request.range is None or request.range.ranges[0][0] == 0


def _private_file(response):
    # Revocation must bite at once: no shared cache may keep the file; the ETag still lets a
    # phone resume a big PDF with a Range request.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@bp.get("/h/<token>/qr.svg")
@public
def share_qr(token: str):
    """The link's own QR code (shown on the kiosk for public meetings)."""
    _open(token)
    return qr.qr_response(links.public_url(token), "svg")
