"""Staff pages for forms: the list, one form, a procedure's forms, and 'Còn thiếu mẫu'."""
from flask import abort, flash, request, send_file, url_for
from flask_login import current_user
from app import uploads
from app.auth.access import role_required
from app.catalog.blueprint import done, invalid
from app.catalog.models import Procedure
from app.core.htmx import render
from app.extensions import db
from app.paper_forms import forms, services
from app.paper_forms.blueprint import bp
from app.paper_forms.models import PaperFile, PaperForm

STAFF = "/quan-ly/mau-don"
ROLES = {"trong": "blank", "dien-san": "example"}
KINDS = {"blank": services.BLANK_KINDS, "example": services.EXAMPLE_KINDS}


def _form_or_404(form_id: int) -> PaperForm:
    return db.session.scalar(PaperForm.listed().where(PaperForm.id == form_id)) or abort(404)


def _procedure_or_404(code: str) -> Procedure:
    return Procedure.by_code(code) or abort(404)


@bp.get(f"{STAFF}/")
@role_required("viewer")
def list_forms():
    """Every form with its files and the procedures it serves, and the upload box."""
    return _list_page(forms.UploadForm())


def _list_page(upload_form, status: int = 200):
    response = render("paper_forms/list.html", "content", paper_forms=db.session.scalars(PaperForm.listed()).all(),
                      upload_form=upload_form, missing=len(services.missing_forms()))
    response.status_code = status
    return response


@bp.post(f"{STAFF}/")
@role_required("officer")
def upload_form():
    """A new form from its blank file and optional example; linked at once when sent from a procedure."""
    form = forms.UploadForm()
    procedure = Procedure.by_code(form.procedure_code.data or "")
    try:
        if not form.validate_on_submit():
            raise uploads.UploadRejected("Biểu mẫu không hợp lệ, vui lòng tải lại trang.")
        paper_form = services.create_form(form.title.data or "", _stored("blank", form.blank),
                                          _stored("example", form.example, required=False))
        if procedure is not None:
            services.link(paper_form, procedure)
    except uploads.UploadRejected as refused:
        db.session.rollback()
        (form.example if getattr(refused, "field", "") == "example" else form.blank).errors = [refused.message]
        if procedure is not None:
            return invalid(_procedure_page(procedure, upload_form=form))
        return invalid(_list_page(form))
    db.session.commit()
    flash(f"Đã tải lên mẫu “{paper_form.title}”.", "success")
    if procedure is not None:
        return done(url_for(".procedure_forms", code=procedure.code))
    return done(url_for(".show_form", form_id=paper_form.id))


def _stored(role: str, field, required: bool = True) -> PaperFile | None:
    """The upload of one file field, checked and stored; the refusal names the field it belongs to."""
    upload = field.data if field.data and getattr(field.data, "filename", "") else None
    if upload is None and not required:
        return None
    try:
        return services.store_file(upload or b"", upload.filename if upload else None, KINDS[role],
                                   current_user.username)
    except uploads.UploadRejected as refused:
        refused.field = role
        raise


@bp.get(f"{STAFF}/<int:form_id>")
@role_required("viewer")
def show_form(form_id: int):
    """One form: its files, the procedures it serves, rename, replace, link."""
    return _form_page(_form_or_404(form_id))


def _form_page(paper_form: PaperForm, status: int = 200, **forms_shown):
    context = {"title_form": forms.TitleForm(obj=paper_form), "link_form": forms.LinkForm(),
               "file_form": forms.FileForm(), "file_errors": {}} | forms_shown
    response = render("paper_forms/form.html", "content", paper_form=paper_form, **context)
    response.status_code = status
    return response


@bp.post(f"{STAFF}/<int:form_id>/ten")
@role_required("officer")
def rename_form(form_id: int):
    """Change the title citizens read on the kiosk."""
    paper_form = _form_or_404(form_id)
    form = forms.TitleForm()
    if not form.validate_on_submit():
        return invalid(_form_page(paper_form, title_form=form))
    paper_form.title = " ".join(form.title.data.split())
    db.session.commit()
    return done(url_for(".show_form", form_id=form_id))


@bp.post(f"{STAFF}/<int:form_id>/tep/<any(trong, 'dien-san'):role>")
@role_required("officer")
def replace_file(form_id: int, role: str):
    """A new blank file or example; the old file and its images go once saved."""
    paper_form = _form_or_404(form_id)
    form = forms.FileForm()
    try:
        if not form.validate_on_submit():
            raise uploads.UploadRejected("Biểu mẫu không hợp lệ, vui lòng tải lại trang.")
        services.replace_file(paper_form, ROLES[role], _stored(ROLES[role], form.file))
    except uploads.UploadRejected as refused:
        db.session.rollback()
        return invalid(_form_page(_form_or_404(form_id), file_errors={role: refused.message}))
    db.session.commit()
    flash("Đã thay tệp.", "success")
    return done(url_for(".show_form", form_id=form_id))


@bp.post(f"{STAFF}/<int:form_id>/tep/dien-san/xoa")
@role_required("officer")
def remove_example(form_id: int):
    """Drop the filled example; the blank form stays."""
    services.replace_file(_form_or_404(form_id), "example", None)
    db.session.commit()
    return done(url_for(".show_form", form_id=form_id))


@bp.post(f"{STAFF}/<int:form_id>/thu-tuc")
@role_required("officer")
def link_procedure(form_id: int):
    """Link the form to one more procedure, by code: upload once, link many."""
    paper_form = _form_or_404(form_id)
    form = forms.LinkForm()
    if not form.validate_on_submit():
        return invalid(_form_page(paper_form, link_form=form))
    services.link(paper_form, form.procedure)
    db.session.commit()
    return done(url_for(".show_form", form_id=form_id) + "#thu-tuc")


@bp.post(f"{STAFF}/<int:form_id>/xoa")
@role_required("officer")
def delete_form(form_id: int):
    """Delete a form no procedure uses any more, with its files."""
    paper_form = _form_or_404(form_id)
    if paper_form.links:
        flash("Mẫu này còn gắn với thủ tục: gỡ khỏi các thủ tục trước rồi mới xóa được.", "error")
        return invalid(_form_page(paper_form))
    services.delete_form(paper_form)
    db.session.commit()
    flash(f"Đã xóa mẫu “{paper_form.title}”.", "success")
    return done(url_for(".list_forms"))


@bp.get(f"{STAFF}/tep/<int:file_id>")
@role_required("viewer")
def staff_download(file_id: int):
    """Staff open a stored file as uploaded."""
    paper_file = db.get_or_404(PaperFile, file_id)
    return uploads.sandboxed(send_file(
        uploads.path_of(paper_file.stored_name), mimetype=paper_file.mimetype,
        as_attachment=paper_file.kind == "docx", download_name=paper_file.original_name, conditional=True))


@bp.get(f"{STAFF}/thu-tuc/<code>")
@role_required("viewer")
def procedure_forms(code: str):
    """One procedure's forms: attach one already uploaded, upload a new one, detach."""
    return _procedure_page(_procedure_or_404(code))


def _procedure_page(procedure: Procedure, **forms_shown):
    attach_form = forms_shown.pop("attach_form", None) or forms.AttachForm()
    linked = services.forms_of(procedure)
    attach_form.set_forms([f for f in db.session.scalars(PaperForm.listed()) if f not in linked])
    upload_form = forms_shown.pop("upload_form", None) or forms.UploadForm(procedure_code=procedure.code)
    return render("paper_forms/procedure.html", "content", procedure=procedure, linked=linked,
                  attach_form=attach_form, upload_form=upload_form,
                  names_a_form=services.names_a_form(procedure.documents))


@bp.post(f"{STAFF}/thu-tuc/<code>/gan")
@role_required("officer")
def attach_form(code: str):
    """Link an uploaded form to this procedure."""
    procedure = _procedure_or_404(code)
    form = forms.AttachForm()
    form.set_forms(db.session.scalars(PaperForm.listed()).all())
    if not form.validate_on_submit():
        return invalid(_procedure_page(procedure, attach_form=form))
    services.link(db.session.get(PaperForm, form.paper_form.data), procedure)
    db.session.commit()
    return done(url_for(".procedure_forms", code=code))


@bp.post(f"{STAFF}/thu-tuc/<code>/go/<int:form_id>")
@role_required("officer")
def detach_form(code: str, form_id: int):
    """Unlink a form from this procedure; the form stays for the others."""
    services.unlink(_form_or_404(form_id), _procedure_or_404(code))
    db.session.commit()
    if request.form.get("back") == "form":
        return done(url_for(".show_form", form_id=form_id) + "#thu-tuc")
    return done(url_for(".procedure_forms", code=code))


@bp.get(f"{STAFF}/con-thieu")
@role_required("viewer")
def list_missing():
    """'Còn thiếu mẫu': procedures whose documents name a form and have none, most seen first."""
    return render("paper_forms/missing.html", "content", rows=services.missing_forms())


# Routes of the same blueprint for phones and the kiosk (they import blueprint.py, not this module).
from app.paper_forms import public_views  # noqa: E402,F401
