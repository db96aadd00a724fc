"""Staff routes for a meeting's agenda items and documents (blueprint from views.py)."""
from flask import abort, flash, request, send_file, url_for
from flask_login import current_user

from app import uploads
from app.auth.access import role_required
from app.core import htmx
from app.extensions import db
from app.meetings import forms, services
from app.meetings.models import AgendaItem, MeetingDocument
from app.meetings.blueprint import STAFF, bp, done as _done
from app.meetings.blueprint import meeting_or_404 as _meeting_or_404, meeting_page as _meeting_page


def _item_or_404(meeting, item_id: int) -> AgendaItem:
    return next((i for i in meeting.agenda_items if i.id == item_id), None) or abort(404)


def _document_or_404(meeting, document_id: int) -> MeetingDocument:
    return next((d for d in meeting.documents if d.id == document_id), None) or abort(404)


def _after_change(meeting, block: str):
    """htmx: the changed part of the page; a plain form: back to the page (303)."""
    if htmx.is_fragment_request():
        # The upload form's agenda choice follows the agenda without a reload.
        return _meeting_page(meeting, block, refresh_choices=block == "agenda")
    return _done(url_for(".show_meeting", meeting_id=meeting.id) + "#" + block.replace("_", "-"))


@bp.post(f"{STAFF}/<int:meeting_id>/noi-dung")
@role_required("officer")
def add_agenda_item(meeting_id: int):
    """Append one point to the agenda."""
    meeting = _meeting_or_404(meeting_id)
    form = forms.AgendaItemForm()
    if not form.validate_on_submit():
        db.session.rollback()
        return _meeting_page(meeting, "agenda" if htmx.is_fragment_request() else "content", 422, agenda_form=form)
    position = max((i.position for i in meeting.agenda_items), default=0) + 1
    meeting.agenda_items.append(AgendaItem(title=" ".join(form.title.data.split()), position=position,
                                           presenter=(form.presenter.data or "").strip()))
    db.session.commit()
    return _after_change(meeting, "agenda")


@bp.post(f"{STAFF}/<int:meeting_id>/noi-dung/<int:item_id>/<any(len, xuong):direction>")
@role_required("officer")
def move_agenda_item(meeting_id: int, item_id: int, direction: str):
    """Swap an agenda point with its neighbour."""
    meeting = _meeting_or_404(meeting_id)
    _swap(meeting.agenda_items, _item_or_404(meeting, item_id), direction)
    db.session.commit()
    return _after_change(meeting, "agenda")


def _swap(ordered: list, item, direction: str) -> None:
    for n, thing in enumerate(ordered, 1):
        thing.position = n
    index = ordered.index(item)
    other = index - 1 if direction == "len" else index + 1
    if 0 <= other < len(ordered):
        item.position, ordered[other].position = ordered[other].position, item.position


@bp.post(f"{STAFF}/<int:meeting_id>/noi-dung/<int:item_id>/xoa")
@role_required("officer")
def delete_agenda_item(meeting_id: int, item_id: int):
    """Remove an agenda point; its documents become the meeting's own."""
    meeting = _meeting_or_404(meeting_id)
    item = _item_or_404(meeting, item_id)
    for document in meeting.documents:
        if document.agenda_item_id == item.id:
            document.agenda_item_id = None
    meeting.agenda_items.remove(item)
    db.session.commit()
    return _after_change(meeting, "agenda")


@bp.post(f"{STAFF}/<int:meeting_id>/tai-lieu")
@role_required("officer")
def upload_document(meeting_id: int):
    """Attach a file; refused files leave nothing behind and say why next to the field."""
    meeting = _meeting_or_404(meeting_id)
    form = forms.DocumentForm()
    form.set_items(meeting.agenda_items)
    item = next((i for i in meeting.agenda_items if i.id == form.agenda_item.data), None)
    upload = request.files.get("file")
    try:
        if not form.validate_on_submit():
            raise uploads.UploadRejected("Biểu mẫu không hợp lệ, vui lòng tải lại trang.")
        services.add_document(meeting, upload, upload.filename if upload else None, item,
                              " ".join((form.title.data or "").split()), current_user.username)
    except uploads.UploadRejected as refused:
        db.session.rollback()
        form.file.errors = [refused.message]
        return _meeting_page(_meeting_or_404(meeting_id), "content", 422, document_form=form)
    db.session.commit()
    flash(f"Đã tải lên “{upload.filename}”.", "success")
    return _done(url_for(".show_meeting", meeting_id=meeting.id) + "#tai-lieu")


@bp.post(f"{STAFF}/<int:meeting_id>/tai-lieu/<int:document_id>/thay")
@role_required("officer")
def replace_document(meeting_id: int, document_id: int):
    """A new version of a document; the old one stays listed until deleted."""
    meeting = _meeting_or_404(meeting_id)
    old = _document_or_404(meeting, document_id)
    upload = request.files.get("file")
    try:
        if old.replaced_at is not None:
            raise uploads.UploadRejected("Bản này đã được thay rồi; hãy thay bản mới nhất.")
        services.add_document(meeting, upload, upload.filename if upload else None, None, old.title,
                              current_user.username, replaces=old)
    except uploads.UploadRejected as refused:
        db.session.rollback()
        flash(refused.message, "error")
        return _meeting_page(_meeting_or_404(meeting_id), "content", 422)
    db.session.commit()
    flash(f"Đã thay “{old.title}” bằng bản mới; bản cũ vẫn giữ đến khi xóa.", "success")
    return _done(url_for(".show_meeting", meeting_id=meeting.id) + "#tai-lieu")


@bp.post(f"{STAFF}/<int:meeting_id>/tai-lieu/<int:document_id>/<any(len, xuong):direction>")
@role_required("officer")
def move_document(meeting_id: int, document_id: int, direction: str):
    """Swap a document with its neighbour under the same agenda point."""
    meeting = _meeting_or_404(meeting_id)
    document = _document_or_404(meeting, document_id)
    item = next((i for i in meeting.agenda_items if i.id == document.agenda_item_id), None)
    if document.replaced_at is None:
        _swap(meeting.documents_of(item), document, direction)
        db.session.commit()
    return _after_change(meeting, "documents")


@bp.post(f"{STAFF}/<int:meeting_id>/tai-lieu/<int:document_id>/xoa")
@role_required("officer")
def delete_document(meeting_id: int, document_id: int):
    """Delete one version: the row now, the file once that is committed."""
    meeting = _meeting_or_404(meeting_id)
    services.delete_document(_document_or_404(meeting, document_id))
    db.session.commit()
    db.session.expire(meeting)
    return _after_change(_meeting_or_404(meeting_id), "documents")


@bp.get(f"{STAFF}/<int:meeting_id>/tai-lieu/<int:document_id>")
@role_required("viewer")
def staff_download(meeting_id: int, document_id: int):
    """Staff open any version, published or not; not counted as an attendee download."""
    document = _document_or_404(_meeting_or_404(meeting_id), document_id)
    return uploads.sandboxed(send_file(
        uploads.path_of(document.stored_name), mimetype=document.mimetype, as_attachment=document.kind != "pdf",
        download_name=document.original_name, conditional=True))
