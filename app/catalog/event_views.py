"""Staff pages for life events (the kiosk's main way in) and the review of unclear processing times."""
from flask import Response, abort, redirect, url_for
from sqlalchemy import select

from app.auth.access import role_required
from app.catalog import display, forms, life_events
from app.catalog.blueprint import bp, done, invalid
from app.catalog.models import STATUS_ACTIVE, LifeEvent, Procedure
from app.core.htmx import render
from app.extensions import db


def _event_or_404(event_id: int) -> LifeEvent:
    return db.get_or_404(LifeEvent, event_id)


def _event_form(**kwargs) -> forms.LifeEventForm:
    form = forms.LifeEventForm(**kwargs)
    form.set_icons(life_events.available_icons())
    return form


@bp.get("/su-kien")
@role_required("viewer")
def list_life_events():
    """Life events in kiosk order, a form for a new one, and procedures no event reaches."""
    return _events_page(_event_form())


def _events_page(form) -> Response:
    return render("catalog/life_events.html", "content", events=life_events.events_with_counts(),
                  orphans=life_events.procedures_in_no_event(), form=form)


@bp.post("/su-kien")
@role_required("officer")
def create_life_event():
    """A new life event at the end of the kiosk's tiles; its address is fixed from now on."""
    form = _event_form()
    if form.validate_on_submit():
        event = life_events.create_event(form.name.data.strip(), form.icon.data)
        db.session.commit()
        return done(url_for(".show_life_event", event_id=event.id))
    return invalid(_events_page(form))


@bp.post("/su-kien/<int:event_id>/<any(len, xuong):direction>")
@role_required("officer")
def move_life_event(event_id: int, direction: str):
    """Move a life event one tile earlier or later on the kiosk home."""
    life_events.move_event(_event_or_404(event_id), -1 if direction == "len" else 1)
    db.session.commit()
    return done(url_for(".list_life_events"))


@bp.get("/su-kien/<int:event_id>")
@role_required("viewer")
def show_life_event(event_id: int):
    """One event: its name, icon and procedures in kiosk order."""
    return _event_page(_event_or_404(event_id))


@bp.post("/su-kien/<int:event_id>")
@role_required("officer")
def rename_life_event(event_id: int):
    """Rename an event or change its icon; the slug, and so its kiosk address, stays."""
    event = _event_or_404(event_id)
    form = _event_form()
    if form.validate_on_submit():
        event.name, event.icon = form.name.data.strip(), form.icon.data
        db.session.commit()
        return done(url_for(".show_life_event", event_id=event.id, da_luu=1))
    return _event_page(event, form=form)


def _event_page(event: LifeEvent, form=None, add_form=None) -> Response:
    response = render("catalog/life_event.html", "content", event=event, form=form or _event_form(obj=event),
                      add_form=add_form or forms.EventProcedureForm(), STATUS_ACTIVE=STATUS_ACTIVE)
    if (form and form.errors) or (add_form and add_form.errors):
        return invalid(response)
    return response


@bp.post("/su-kien/<int:event_id>/thu-tuc")
@role_required("officer")
def add_event_procedure(event_id: int):
    """Append a procedure, by code, to the end of the event's list."""
    event = _event_or_404(event_id)
    add_form = forms.EventProcedureForm()
    if add_form.validate_on_submit():
        life_events.add_procedure(event, add_form.procedure)
        db.session.commit()
        return done(url_for(".show_life_event", event_id=event.id))
    return _event_page(event, add_form=add_form)


@bp.post("/su-kien/<int:event_id>/thu-tuc/<int:procedure_id>/<any(len, xuong, bo):action>")
@role_required("officer")
def change_event_procedure(event_id: int, procedure_id: int, action: str):
    """Move a procedure up or down in the event's list, or take it out."""
    event = _event_or_404(event_id)
    if action == "bo":
        life_events.remove_procedure(event, procedure_id)
    else:
        life_events.move_procedure(event, procedure_id, -1 if action == "len" else 1)
    db.session.commit()
    return done(url_for(".show_life_event", event_id=event.id) + f"#thu-tuc-{procedure_id}")


@bp.post("/su-kien/<int:event_id>/xoa")
@role_required("officer")
def delete_life_event(event_id: int):
    """Delete an event; its procedures stay in the catalogue."""
    db.session.delete(_event_or_404(event_id))
    db.session.commit()
    return done(url_for(".list_life_events"))


@bp.get("/thoi-han")
@role_required("viewer")
def review_times():
    """In-force procedures whose processing time the kiosk cannot state, to confirm one by one."""
    query = select(Procedure).where(Procedure.status == STATUS_ACTIVE).order_by(Procedure.code)
    pending = [p for p in db.session.scalars(query) if display.needs_time_review(p)]
    pending.sort(key=lambda p: (not p.is_common, not p.event_links, p.code))
    return render("catalog/review_times.html", "content", pending=pending, form=forms.ConfirmTimeForm())


@bp.post("/thoi-han/<code>")
@role_required("officer")
def confirm_time(code: str):
    """Confirm a procedure's processing time: the kiosk shows it and intake computes due dates."""
    procedure = Procedure.by_code(code) or abort(404)
    form = forms.ConfirmTimeForm()
    if form.validate_on_submit() and form.time_amount.data:
        form.save_time(procedure)
        db.session.commit()
        return redirect(url_for(".review_times", da_luu=code), code=303)
    db.session.rollback()
    query = select(Procedure).where(Procedure.status == STATUS_ACTIVE).order_by(Procedure.code)
    pending = [p for p in db.session.scalars(query) if display.needs_time_review(p)]
    response = render("catalog/review_times.html", "content", pending=pending, form=form, failed=code)
    response.status_code = 422
    return response
