"""Staff pages for guides: the list, a guide with its steps, step images and ordering."""
from flask import Blueprint, Response, abort, redirect, send_file, url_for

from app import uploads
from app.auth.access import require_role, role_required
from app.core import htmx
from app.core.confirm import ask_first, is_confirmed
from app.core.htmx import render
from app.extensions import db
from app.guides import forms, services
from app.guides.models import Guide, GuideStep

bp = Blueprint("guides", __name__, url_prefix="/quan-ly/huong-dan")


def _done(location: str) -> Response:
    return htmx.redirect_client(location) if htmx.is_fragment_request() else redirect(location, code=303)


def _invalid(response: Response) -> Response:
    db.session.rollback()
    response.status_code = 422
    return response


def _step_or_404(guide_id: int, step_id: int) -> GuideStep:
    step = db.get_or_404(GuideStep, step_id)
    return step if step.guide_id == guide_id else abort(404)


@bp.get("/")
@role_required("viewer")
def list_guides():
    """Every guide, in kiosk order, with whether the kiosk shows it."""
    return render("guides/list.html", "content", guides=db.session.scalars(Guide.in_order()).all())


@bp.route("/them", methods=["GET", "POST"])
@role_required("officer")
def create_guide():
    """A new guide; its steps are added on the next page."""
    return _guide_form(Guide())


@bp.route("/<int:guide_id>", methods=["GET", "POST"])
@role_required("viewer")
def edit_guide(guide_id: int):
    """A guide's title, link and steps; officers change them here."""
    return _guide_form(db.get_or_404(Guide, guide_id))


def _guide_form(guide: Guide) -> Response:
    form = forms.GuideForm(obj=guide if guide.id else None)
    if form.is_submitted():
        require_role("officer")
    if form.validate_on_submit():
        form.save_to(guide)
        db.session.add(guide)
        db.session.commit()
        return _done(url_for(".edit_guide", guide_id=guide.id))
    response = render("guides/edit.html", "guide_form", guide=guide, form=form, step_form=forms.StepForm(formdata=None))
    return _invalid(response) if form.is_submitted() else response


@bp.post("/<int:guide_id>/xoa")
@role_required("officer")
def delete_guide(guide_id: int):
    """Delete a guide with its steps and their images, once the officer confirmed."""
    guide = db.get_or_404(Guide, guide_id)
    if not is_confirmed():
        return ask_first(f"Xóa hướng dẫn “{guide.title}”?",
                         f"Hướng dẫn và {len(guide.steps)} bước của nó (cả ảnh) bị xóa hẳn và không còn hiện trên kiosk.",
                         "Xóa hướng dẫn", url_for(".edit_guide", guide_id=guide.id))
    images = [s.image_path for s in guide.steps]
    db.session.delete(guide)
    db.session.commit()
    for name in images:
        services.forget_file(name)
    return _done(url_for(".list_guides"))


@bp.route("/<int:guide_id>/buoc/them", methods=["POST"])
@role_required("officer")
def create_step(guide_id: int):
    """Add a step at the end, with its optional image and link."""
    guide = db.get_or_404(Guide, guide_id)
    return _save_step(guide, None)


@bp.route("/<int:guide_id>/buoc/<int:step_id>", methods=["GET", "POST"])
@role_required("officer")
def edit_step(guide_id: int, step_id: int):
    """Change a step's text, link or image."""
    step = _step_or_404(guide_id, step_id)
    return _save_step(step.guide, step)


def _save_step(guide: Guide, step: GuideStep | None) -> Response:
    form = forms.StepForm(obj=step)
    if form.validate_on_submit():
        saved = step or services.add_step(guide)
        saved.text, saved.url = form.text.data.strip(), (form.url.data or "").strip() or None
        try:
            old = _apply_image(form, saved)
        except uploads.UploadRejected as rejected:
            db.session.rollback()  # nothing of this step is kept, and no file was stored
            form.image.errors = [rejected.message]
        else:
            db.session.commit()
            services.forget_file(old)
            # No #anchor: a redirect that differs from the current page only by its hash reloads nothing.
            return _done(url_for(".edit_guide", guide_id=guide.id))
    template = "guides/step.html" if step else "guides/edit.html"
    response = render(template, "step_form", guide=guide, step=step, step_form=form, form=forms.GuideForm(obj=guide))
    return _invalid(response) if form.is_submitted() else response


def _apply_image(form, step: GuideStep) -> str | None:
    file = form.image.data
    if file and file.filename:
        return services.replace_image(step, file)
    return services.drop_image(step) if form.remove_image.data else None


@bp.post("/<int:guide_id>/buoc/<int:step_id>/<any(len, xuong):direction>")
@role_required("officer")
def move_step(guide_id: int, step_id: int, direction: str):
    """Move a step up or down."""
    services.move_step(_step_or_404(guide_id, step_id), -1 if direction == "len" else 1)
    db.session.commit()
    return _done(url_for(".edit_guide", guide_id=guide_id))


@bp.post("/<int:guide_id>/buoc/<int:step_id>/xoa")
@role_required("officer")
def delete_step(guide_id: int, step_id: int):
    """Delete a step and its image."""
    step = _step_or_404(guide_id, step_id)
    image = step.image_path
    db.session.delete(step)
    db.session.commit()
    services.forget_file(image)
    return _done(url_for(".edit_guide", guide_id=guide_id))


@bp.get("/<int:guide_id>/buoc/<int:step_id>/anh")
@role_required("viewer")
def step_image(guide_id: int, step_id: int):
    """A step's image for staff (drafts included)."""
    step = _step_or_404(guide_id, step_id)
    return send_image(step)


def send_image(step: GuideStep) -> Response:
    if not step.image_path:
        abort(404)
    return send_file(uploads.path_of(step.image_path), mimetype=step.image_type, max_age=3600)
