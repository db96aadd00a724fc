"""Import through the staff UI (upload, preview, apply in one transaction) and export."""
import io
from pathlib import PurePath

from flask import Response, flash, redirect, send_file, session, url_for

from app.audit import services as audit
from app.auth.access import role_required
from app.catalog import exporter, forms, services
from app.catalog.importer import CatalogImportError
from app.catalog.blueprint import bp, done as _done, invalid as _invalid
from app.core.htmx import render
from app.core.timeutil import to_local, utcnow
from app.extensions import db

# The session remembers which stored upload this user is previewing.
SESSION_KEY = "catalog_import"
# Procedures listed in the preview; the counts above them give the rest.
SHOWN_ROWS = 200
EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", exporter.to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exporter.to_xlsx),
}


def _pending() -> tuple[str, str] | None:
    """(token, filename) of the upload being previewed, when its file is still there."""
    pending = session.get(SESSION_KEY) or {}
    token, filename = pending.get("token"), pending.get("filename")
    if not token or not filename:
        return None
    try:
        services.load_upload(token)
    except FileNotFoundError:
        return None
    return token, filename


def _forget_pending() -> None:
    pending = session.pop(SESSION_KEY, None) or {}
    services.delete_upload(pending.get("token"))


@bp.route("/nhap", methods=["GET", "POST"])
@role_required("officer")
def import_catalog():
    """Upload a JSON, CSV or XLSX file; a readable file goes on to the preview."""
    form = forms.ImportForm()
    if form.validate_on_submit():
        data = form.file.data.read(services.MAX_IMPORT_BYTES + 1)
        filename = PurePath(form.file.data.filename).name[-120:]
        error = _check_readable(data, filename)
        if error is None:
            _forget_pending()
            session[SESSION_KEY] = {"token": services.save_upload(data), "filename": filename}
            return _done(url_for(".preview_import"))
        form.file.errors.append(error)
    response = render("catalog/import.html", "form", form=form)
    return _invalid(response) if form.is_submitted() else response


def _check_readable(data: bytes, filename: str) -> str | None:
    """A Vietnamese reason the file cannot be previewed at all, or None."""
    if len(data) > services.MAX_IMPORT_BYTES:
        return f"Tệp lớn hơn {services.MAX_IMPORT_BYTES // (1024 * 1024)} MB, không nhận được."
    if not data.strip():
        return "Tệp trống."
    try:
        services.plan_upload(data, filename)
    except CatalogImportError as exc:
        return str(exc)
    return None


@bp.get("/nhap/xem-truoc")
@role_required("officer")
def preview_import():
    """What applying would do, planned against the catalogue as it is now."""
    pending = _pending()
    if pending is None:
        flash("Chưa có tệp nào đang chờ, hoặc tệp đã được áp dụng. Vui lòng tải tệp lên.", "warning")
        return redirect(url_for(".import_catalog"))
    token, filename = pending
    plan = services.plan_upload(services.load_upload(token), filename)
    return render("catalog/import_preview.html", "content", plan=plan, filename=filename,
                  form=forms.FlaskForm(), shown=SHOWN_ROWS)


@bp.post("/nhap/ap-dung")
@role_required("officer")
def apply_import():
    """Apply the previewed file in one transaction, or nothing when any row is bad."""
    form = forms.FlaskForm()
    pending = _pending()
    if not form.validate_on_submit() or pending is None:
        flash("Không còn tệp để áp dụng. Vui lòng tải tệp lên lại.", "warning")
        return _done(url_for(".import_catalog"))
    token, filename = pending
    plan = services.apply_upload(services.load_upload(token), filename)
    if plan.errors:
        response = render("catalog/import_preview.html", "content", plan=plan, filename=filename, form=form,
                          shown=SHOWN_ROWS)
        return _invalid(response)
    audit.record("import", record_type="procedure", label=filename, message=_summary(plan, filename))
    db.session.commit()
    _forget_pending()
    flash(_summary(plan, filename), "success")
    return _done(url_for(".list_procedures"))


def _summary(plan, filename: str) -> str:
    return (f"Đã nhập “{filename}”: thêm {len(plan.added)}, cập nhật {len(plan.changed)}, "
            f"giữ nguyên {len(plan.unchanged)} thủ tục.")


@bp.post("/nhap/huy")
@role_required("officer")
def cancel_import():
    """Drop the uploaded file without applying it."""
    if forms.FlaskForm().validate_on_submit():
        _forget_pending()
    return _done(url_for(".import_catalog"))


@bp.get("/xuat.<any(csv, xlsx):kind>")
@role_required("viewer")
def export_catalog(kind: str) -> Response:
    """The whole catalogue in the importer's own columns, to edit in Excel and import back."""
    mimetype, build = EXPORT_TYPES[kind]
    day = to_local(utcnow()).strftime("%Y-%m-%d")
    # send_file adds an ASCII fallback name beside the UTF-8 one for old browsers.
    return send_file(io.BytesIO(build()), mimetype=mimetype, as_attachment=True,
                     download_name=f"Danh mục thủ tục {day}.{kind}")
