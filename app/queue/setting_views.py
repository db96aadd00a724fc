"""Queue settings for officers: service groups, counters and the groups they serve, opening hours."""
from flask import flash, url_for
from wtforms import SelectChoice

from app.auth.access import role_required
from app.core.htmx import redirect_to, render
from app.extensions import db
from app.queue.blueprint import bp
from app.queue.forms import CounterForm, GroupForm, HoursForm
from app.queue.models import Counter, ServiceGroup
from app.setting.services import get_setting, save_settings


@bp.route("/quan-ly/hang-doi/", methods=["GET", "POST"])
@role_required("officer")
def edit_queue():
    """Groups and counters as lists, and the opening hours form."""
    form = HoursForm(data={"queue_hours": get_setting("queue_hours")})
    if form.validate_on_submit():
        changed = save_settings({"queue_hours": form.queue_hours.data})
        db.session.commit()
        flash("Đã lưu giờ phát số." if changed else "Không có gì thay đổi.", "success")
        return redirect_to(url_for("queue.edit_queue"))
    response = render("queue/settings.html", "hours", form=form,
                      groups=db.session.scalars(ServiceGroup.in_order()).all(),
                      counters=db.session.scalars(Counter.in_order()).all())
    if form.errors:
        response.status_code = 422
    return response


@bp.route("/quan-ly/hang-doi/nhom/them", methods=["GET", "POST"], defaults={"group_id": None})
@bp.route("/quan-ly/hang-doi/nhom/<int:group_id>", methods=["GET", "POST"])
@role_required("officer")
def edit_group(group_id: int | None):
    """Add or change a service group (its letter, name, order and intake text)."""
    group = db.get_or_404(ServiceGroup, group_id) if group_id else ServiceGroup()
    form = GroupForm(obj=group if group_id else None)
    form.editing = group if group_id else None
    if form.validate_on_submit():
        form.save_to(group)
        db.session.add(group)
        db.session.commit()
        flash(f"Đã lưu nhóm “{group.letter} – {group.name}”.", "success")
        return redirect_to(url_for("queue.edit_queue"))
    return _form_page("queue/group_form.html", form, group=group if group_id else None)


@bp.route("/quan-ly/hang-doi/quay/them", methods=["GET", "POST"], defaults={"counter_id": None})
@bp.route("/quan-ly/hang-doi/quay/<int:counter_id>", methods=["GET", "POST"])
@role_required("officer")
def edit_counter(counter_id: int | None):
    """Add or change a counter and the groups it serves."""
    counter = db.get_or_404(Counter, counter_id) if counter_id else Counter()
    form = CounterForm(obj=counter if counter_id else None)
    form.editing = counter if counter_id else None
    form.groups.choices = [SelectChoice(g.id, f"{g.letter} – {g.name}")
                          for g in db.session.scalars(ServiceGroup.in_order())]
    if not form.is_submitted() and counter_id:
        form.groups.data = [group.id for group in counter.groups]
    if form.validate_on_submit():
        form.save_to(counter)
        db.session.add(counter)
        db.session.commit()
        flash(f"Đã lưu {counter.label}.", "success")
        return redirect_to(url_for("queue.edit_queue"))
    return _form_page("queue/counter_form.html", form, counter=counter if counter_id else None)


def _form_page(template: str, form, **context):
    """The page, or for htmx its form block; 422 when the submitted form has errors."""
    response = render(template, "form", form=form, **context)
    if form.errors:
        response.status_code = 422
    return response
