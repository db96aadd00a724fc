"""Staff pages for the duty roster: the month calendar, recurring shifts and exceptions."""
from datetime import date, timedelta

from flask import Blueprint, Response, abort, redirect, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.auth.access import role_required
from app.community.models import Member
from app.core import htmx
from app.core.htmx import render
from app.extensions import db
from app.roster import forms, services
from app.roster.models import WEEKDAYS, DutyException, DutyShift

bp = Blueprint("roster", __name__, url_prefix="/quan-ly/lich-truc")


def _month() -> date:
    """The first day of the month asked for as ?thang=YYYY-MM, of this month otherwise."""
    try:
        year, month = (int(part) for part in request.args.get("thang", "").split("-"))
        return date(year, month, 1) if 2000 <= year <= 2100 else abort(404)
    except ValueError:
        return services.today().replace(day=1)


def _done(first: date) -> Response:
    location = url_for(".show_month", thang=first.strftime("%Y-%m"))
    return htmx.redirect_client(location) if htmx.is_fragment_request() else redirect(location, code=303)


@bp.get("/")
@role_required("viewer")
def show_month():
    """The month calendar with who is on duty each session, and the forms to change the roster."""
    first = _month()
    return _month_page(first, forms.ShiftForm(formdata=None), forms.ExceptionForm(formdata=None))


def _month_page(first: date, shift_form, exception_form, status: int = 200) -> Response:
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    members = Member.active_on(services.today())
    forms.set_members(shift_form, members)
    forms.set_members(exception_form, members)
    if not shift_form.starts_on.data:
        shift_form.starts_on.data = services.today()
    shifts = db.session.scalars(
        select(DutyShift).options(selectinload(DutyShift.member))
        .where((DutyShift.ends_on.is_(None)) | (DutyShift.ends_on >= first))
        .order_by(DutyShift.weekday, DutyShift.session.desc(), DutyShift.id)).all()
    exceptions = db.session.scalars(
        select(DutyException).options(selectinload(DutyException.member))
        .where(DutyException.day.between(first, last)).order_by(DutyException.day)).all()
    response = render(
        "roster/month.html", "content", first=first, weeks=services.month_weeks(first.year, first.month),
        roster=services.roster_between(first, last), shifts=shifts, exceptions=exceptions,
        holiday_name=services.holiday_name, today=services.today(), weekdays=WEEKDAYS,
        shift_form=shift_form, exception_form=exception_form,
        previous=(first - timedelta(days=1)).strftime("%Y-%m"), following=(last + timedelta(days=1)).strftime("%Y-%m"))
    response.status_code = status
    return response


@bp.post("/ca-truc")
@role_required("officer")
def create_shifts():
    """Put a member on duty on the chosen weekdays and sessions."""
    form = forms.ShiftForm()
    forms.set_members(form, Member.active_on(services.today()))
    if not form.validate_on_submit():
        return _month_page(_month(), form, forms.ExceptionForm(formdata=None), status=422)
    for weekday in form.weekdays.data:
        for session in form.sessions.data:
            _upsert_shift(form.member_id.data, weekday, session, form.starts_on.data)
    db.session.commit()
    return _done(form.starts_on.data.replace(day=1))


def _upsert_shift(member_id: int, weekday: int, session: str, starts_on: date) -> None:
    """One shift per member and slot: adding it again restarts it from the new date."""
    shift = db.session.scalar(select(DutyShift).filter_by(member_id=member_id, weekday=weekday, session=session))
    shift = shift or DutyShift(member_id=member_id, weekday=weekday, session=session)
    shift.starts_on, shift.ends_on = starts_on, None
    db.session.add(shift)


@bp.post("/ca-truc/<int:shift_id>/ket-thuc")
@role_required("officer")
def end_shift(shift_id: int):
    """Stop a recurring shift from today on; past months keep showing it."""
    shift = db.get_or_404(DutyShift, shift_id)
    yesterday = services.today() - timedelta(days=1)
    if shift.starts_on > yesterday:
        db.session.delete(shift)
    else:
        shift.ends_on = yesterday
    db.session.commit()
    return _done(_month())


@bp.post("/ngoai-le")
@role_required("officer")
def create_exception():
    """Record a swap, an absence or a day without duty."""
    form = forms.ExceptionForm()
    forms.set_members(form, Member.active_on(services.today()))
    if not form.validate_on_submit():
        return _month_page(_month(), forms.ShiftForm(formdata=None), form, status=422)
    db.session.add(DutyException(
        day=form.day.data, session=form.session.data or None, kind=form.kind.data,
        member_id=form.member_id.data if form.kind.data != "closed" else None, note=form.note.data or None))
    db.session.commit()
    return _done(form.day.data.replace(day=1))


@bp.post("/ngoai-le/<int:exception_id>/xoa")
@role_required("officer")
def delete_exception(exception_id: int):
    """Remove an exception entered by mistake."""
    exception = db.get_or_404(DutyException, exception_id)
    first = exception.day.replace(day=1)
    db.session.delete(exception)
    db.session.commit()
    return _done(first)
