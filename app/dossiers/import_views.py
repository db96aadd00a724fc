"""Import dossiers through the staff UI: upload, preview with row errors, apply in one transaction."""
from pathlib import PurePath

from flask import flash, session, url_for
from flask_login import current_user

from app.audit import services as audit
from app.auth.access import role_required
from app.catalog import services as uploads
from app.catalog.forms import ImportForm
from app.catalog.files import CatalogImportError
from app.core import htmx
from app.core.htmx import render
from app.dossiers import importer
from app.dossiers.models import STATUSES
from app.dossiers.blueprint import bp
from app.extensions import db

# Which stored upload (the catalogue's upload store) this user is previewing.
SESSION_KEY = "dossier_import"
SHOWN_ROWS = 200


def _pending() -> tuple[str, str, bytes] | None:
    pending = session.get(SESSION_KEY) or {}
    try:
        return pending["token"], pending["filename"], uploads.load_upload(pending["token"])
    except (KeyError, FileNotFoundError):
        return None


@bp.route("/quan-ly/ho-so/nhap", methods=["GET", "POST"])
@role_required("officer")
def import_dossiers():
    """Upload a CSV or XLSX export; the preview follows, nothing is saved yet."""
    form = ImportForm()
    form.file.label.text = "Tệp hồ sơ (.csv hoặc .xlsx)"
    if form.validate_on_submit():
        data = form.file.data.read(uploads.MAX_IMPORT_BYTES + 1)
        filename = PurePath(form.file.data.filename).name[-120:]
        error = "Tệp lớn quá 10 MB." if len(data) > uploads.MAX_IMPORT_BYTES else _unreadable(data, filename)
        if error is None:
            uploads.delete_upload((session.get(SESSION_KEY) or {}).get("token"))
            session[SESSION_KEY] = {"token": uploads.save_upload(data), "filename": filename}
            return htmx.redirect_to(url_for(".preview_dossier_import"))
        form.file.errors.append(error)
    response = render("dossiers/import.html", "form", form=form)
    if form.is_submitted():
        response.status_code = 422
    return response


def _unreadable(data: bytes, filename: str) -> str | None:
    try:
        importer.check_file(data, filename)
    except CatalogImportError as exc:
        return str(exc)
    return None


@bp.get("/quan-ly/ho-so/nhap/xem-truoc")
@role_required("officer")
def preview_dossier_import():
    """The rows that would be added, those already in the register, and every row error."""
    pending = _pending()
    if pending is None:
        return htmx.redirect_to(url_for(".import_dossiers"), 302)
    _token, filename, data = pending
    plan = importer.plan_file(data, filename)
    return render("dossiers/import_preview.html", "content", plan=plan, filename=filename, shown=SHOWN_ROWS,
                  statuses=STATUSES)


@bp.post("/quan-ly/ho-so/nhap/ap-dung")
@role_required("officer")
def apply_dossier_import():
    """Write every row or none: a file with any error changes nothing."""
    pending = _pending()
    if pending is None:
        return htmx.redirect_to(url_for(".import_dossiers"))
    token, filename, data = pending
    plan = importer.plan_file(data, filename)
    if plan.errors:
        db.session.rollback()
        flash("Tệp có dòng lỗi nên chưa nhập hồ sơ nào. Vui lòng sửa rồi tải lên lại.", "error")
        return htmx.redirect_to(url_for(".preview_dossier_import"))
    importer.apply_plan(plan, current_user)
    audit.record("import", record_type="dossier", label=filename,
                 message=f"Nhập {len(plan.added)} hồ sơ, bỏ qua {len(plan.existing)} hồ sơ đã có.")
    db.session.commit()
    uploads.delete_upload(token)
    session.pop(SESSION_KEY, None)
    flash(f"Đã nhập {len(plan.added)} hồ sơ; {len(plan.existing)} hồ sơ đã có được giữ nguyên.", "success")
    return htmx.redirect_to(url_for(".list_dossiers"))
