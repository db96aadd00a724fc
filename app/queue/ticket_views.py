"""Taking a number at the kiosk: choose a group, get the ticket page that prints itself (80 mm).

Outside /kiosk/ on purpose: the kiosk's offline worker never keeps or replays these pages.
"""
from flask import redirect, render_template, url_for

from app.auth.access import public
from app.core.timeutil import to_local
from app.extensions import db
from app.queue import services
from app.queue.blueprint import bp
from app.queue.forms import TakeTicketForm
from app.queue.models import ServiceGroup, Ticket


@bp.get("/lay-so/")
@public
def choose_group():
    """The service groups as big buttons, or why no number can be taken now."""
    return _chooser(TakeTicketForm(), services.closed_reason())


@bp.post("/lay-so/")
@public
def take_ticket():
    """Give the next number of the chosen group and open its ticket page."""
    form = TakeTicketForm()
    if not form.validate_on_submit():
        return _chooser(form, None), 422
    try:
        ticket = services.take_ticket(form.chosen)
    except services.QueueClosed as closed:
        db.session.rollback()
        return _chooser(form, str(closed)), 409
    db.session.commit()
    return redirect(url_for("queue.show_ticket", ticket_id=ticket.id), 303)


@bp.get("/lay-so/ve/<int:ticket_id>")
@public
def show_ticket(ticket_id: int):
    """The ticket: number, group, time, people waiting ahead and the date; printed on arrival."""
    ticket = db.get_or_404(Ticket, ticket_id)
    return render_template("queue/ticket.html", ticket=ticket, taken=to_local(ticket.taken_at))


def _chooser(form: TakeTicketForm, closed: str | None) -> str:
    groups = db.session.scalars(ServiceGroup.in_order(active_only=True)).all()
    waiting = Ticket.waiting_counts(services.today())
    return render_template("queue/choose.html", form=form, closed=closed, groups=groups, waiting=waiting)
