"""Staff pages for hamlets, their digital teams, the activity log and the monthly report."""
from datetime import date, timedelta

from flask import Blueprint, Response, abort, redirect, request, url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.auth.access import require_role, role_required
from app.community import forms, report
from app.community.models import KINDS, Activity, Hamlet, Member
from app.core import htmx
from app.core.htmx import render
from app.core.params import record_id
from app.extensions import db
from app.roster.services import today

bp = Blueprint("community", __name__, url_prefix="/quan-ly/to-cong-nghe-so")

RECENT_ACTIVITIES = 50


def _done(location: str) -> Response:
    """After a successful write: htmx loads the page whole, a plain form follows a 303."""
    if htmx.is_fragment_request():
        return htmx.redirect_client(location)
    return redirect(location, code=303)


def _invalid(response: Response) -> Response:
    """A form sent back with its messages: 422, so htmx swaps it and nothing is saved."""
    db.session.rollback()
    response.status_code = 422
    return response


def _hamlets() -> list[Hamlet]:
    return Hamlet.all_by_name()


@bp.route("/", methods=["GET", "POST"])
@role_required("viewer")
def list_hamlets():
    """The hamlets with their team sizes; officers add a hamlet here."""
    form = forms.HamletForm()
    if request.method == "POST":
        require_role("officer")
        if form.validate_on_submit():
            name = " ".join(form.name.data.split())  # checked as it will be stored
            if db.session.scalar(select(Hamlet).where(Hamlet.name == name)):
                form.name.errors.append("Đã có ấp/thôn này.")
            else:
                db.session.add(Hamlet(name=name, position=len(_hamlets()) + 1))
                db.session.commit()
                return _done(url_for(".list_hamlets"))
    sizes = dict(db.session.execute(
        select(Member.hamlet_id, func.count(Member.id)).where(Member.left_on.is_(None)).group_by(Member.hamlet_id)).all())
    response = render("community/hamlets.html", "hamlet_form", form=form, hamlets=_hamlets(), sizes=sizes)
    return _invalid(response) if form.is_submitted() else response


@bp.get("/ap/<int:hamlet_id>")
@role_required("viewer")
def show_hamlet(hamlet_id: int):
    """One hamlet's team: members (current and former) with their phones."""
    hamlet = db.get_or_404(Hamlet, hamlet_id)
    return render("community/hamlet.html", "content", hamlet=hamlet, day=today())


@bp.get("/truc-quay")
@role_required("viewer")
def list_counter_members():
    """Members who belong to no hamlet team, e.g. youth union members on counter duty only."""
    return render("community/hamlet.html", "content", hamlet=None, members=Member.without_hamlet(), day=today())


@bp.route("/thanh-vien/them", methods=["GET", "POST"])
@role_required("officer")
def create_member():
    """A new team member, in the hamlet given in the address when there is one."""
    return _member_form(Member(), request.args.get("ap", type=record_id))


@bp.route("/thanh-vien/<int:member_id>/sua", methods=["GET", "POST"])
@role_required("officer")
def edit_member(member_id: int):
    """Change a member's details, or record the date they left the team."""
    member = db.get_or_404(Member, member_id)
    return _member_form(member, member.hamlet_id)


def _member_form(member: Member, hamlet_id: int | None) -> Response:
    form = forms.MemberForm(obj=member if member.id else None)
    form.set_hamlets(_hamlets())
    if not form.is_submitted():
        form.hamlet_id.data = hamlet_id or 0
    if form.validate_on_submit():
        form.save_to(member)
        db.session.add(member)
        db.session.commit()
        target = url_for(".show_hamlet", hamlet_id=member.hamlet_id) if member.hamlet_id else url_for(".list_counter_members")
        return _done(target)
    response = render("community/member_form.html", "form", form=form, member=member)
    return _invalid(response) if form.is_submitted() else response


@bp.get("/hoat-dong")
@role_required("viewer")
def list_activities():
    """The latest activities, newest first."""
    activities = db.session.scalars(
        select(Activity).options(selectinload(Activity.members), selectinload(Activity.hamlet))
        .order_by(Activity.occurred_on.desc(), Activity.id.desc()).limit(RECENT_ACTIVITIES)).all()
    return render("community/activities.html", "content", activities=activities)


@bp.route("/hoat-dong/them", methods=["GET", "POST"])
@role_required("officer")
def create_activity():
    """Quick entry from a phone in the field; after saving, the form is ready for the next one."""
    members, hamlets = Member.active_on(today()), _hamlets()
    form = forms.ActivityForm()
    form.set_choices(hamlets, members)
    if not form.is_submitted():
        form.occurred_on.data = today()
        only = hamlets[0].id if len(hamlets) == 1 else 0
        form.hamlet_id.data = request.args.get("ap", type=record_id) or only
    if form.validate_on_submit():
        activity = Activity()
        form.save_to(activity, members)
        db.session.add(activity)
        db.session.commit()
        return _done(url_for(".create_activity", ap=activity.hamlet_id, da_luu=activity.id))
    saved = db.session.get(Activity, request.args.get("da_luu", type=record_id) or 0)
    response = render("community/activity_form.html", "form", form=form, saved=saved)
    return _invalid(response) if form.is_submitted() else response


def _month() -> tuple[int, int]:
    """The month asked for as ?thang=YYYY-MM, this month otherwise."""
    try:
        year, month = (int(part) for part in request.args.get("thang", "").split("-"))
        return (year, month) if 2000 <= year <= 2100 and 1 <= month <= 12 else abort(404)
    except ValueError:
        return today().year, today().month


@bp.get("/bao-cao")
@role_required("viewer")
def show_report():
    """Activities and people helped per hamlet and kind for a month, with a bar chart."""
    year, month = _month()
    rows = report.monthly_report(year, month)
    first = date(year, month, 1)
    return render("community/report.html", "content", rows=rows, year=year, month=month, kinds=KINDS,
                  totals=report.kind_totals(rows), bars=report.chart_bars(rows),
                  previous=(first - timedelta(days=1)).strftime("%Y-%m"),
                  following=report.month_bounds(year, month)[1].strftime("%Y-%m"))


@bp.get("/bao-cao.xlsx")
@role_required("viewer")
def export_report():
    """The month's report as an Excel file."""
    year, month = _month()
    body = report.workbook_bytes(report.monthly_report(year, month), year, month)
    response = Response(body, mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response.headers["Content-Disposition"] = f'attachment; filename="bao-cao-to-cns-{year}-{month:02d}.xlsx"'
    return response
