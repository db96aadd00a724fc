"""The counter page (/quan-ly/quay/<number>): call, recall, no-show, transfer, done, and intake."""
from flask import abort, flash, render_template, url_for
from sqlalchemy import select
from wtforms import SelectChoice

from app.auth.access import role_required
from app.core import htmx
from app.core.htmx import render
from app.extensions import db
from app.queue import services
from app.queue.blueprint import bp
from app.queue.forms import ActionForm, TransferForm
from app.queue.models import Counter, Ticket

ACTIONS = {
    "goi-tiep": services.call_next,
    "goi-lai": services.recall,
    "vang-mat": services.mark_no_show,
    "xong": services.finish,
}


@bp.get("/quan-ly/quay/")
@role_required("officer")
def list_counters():
    """The counters to choose from, with today's waiting numbers."""
    counters = db.session.scalars(Counter.in_order()).all()
    return render_template("queue/counters.html", counters=counters,
                           waiting=Ticket.waiting_counts(services.today()))


@bp.get("/quan-ly/quay/<int:number>")
@role_required("officer")
def show_counter(number: int):
    """The counter's current number, its buttons and the queue of its groups."""
    return _page(_counter_or_404(number))


@bp.post("/quan-ly/quay/<int:number>/<any('goi-tiep', 'goi-lai', 'vang-mat', 'xong'):action>")
@role_required("officer")
def act(number: int, action: str):
    """One button of the counter; htmx gets the panel back, a plain form the page."""
    counter = _counter_or_404(number)
    if not ActionForm().validate_on_submit():
        abort(400)
    ticket = ACTIONS[action](counter)
    db.session.commit()
    return _done(counter, _message(action, ticket, counter))


@bp.post("/quan-ly/quay/<int:number>/chuyen")
@role_required("officer")
def transfer(number: int):
    """Send the current citizen to another counter."""
    counter = _counter_or_404(number)
    form = _transfer_form(counter)
    if not form.validate_on_submit():
        response = _page(counter, transfer_form=form)
        response.status_code = 422
        return response
    target = db.session.scalar(select(Counter).where(Counter.id == form.target.data))
    ticket = services.transfer(counter, target)
    db.session.commit()
    message = f"Đã chuyển số {ticket.code} sang {target.label}." if ticket else "Quầy chưa gọi số nào."
    return _done(counter, message)


def _counter_or_404(number: int) -> Counter:
    return Counter.by_number(number) or abort(404)


def _transfer_form(counter: Counter, **kwargs) -> TransferForm:
    form = TransferForm(**kwargs)
    others = db.session.scalars(Counter.in_order(active_only=True).where(Counter.id != counter.id))
    form.target.choices = [SelectChoice(other.id, other.label) for other in others]
    return form


def _message(action: str, ticket, counter: Counter) -> str:
    if action == "goi-tiep":
        return f"Đang mời số {ticket.code} đến {counter.label}." if ticket else "Không còn ai chờ."
    if ticket is None:
        return "Quầy chưa gọi số nào."
    return {"goi-lai": f"Đã gọi lại số {ticket.code}.", "vang-mat": f"Số {ticket.code}: vắng mặt.",
            "xong": f"Số {ticket.code}: đã xong."}[action]


def _done(counter: Counter, message: str):
    if htmx.is_fragment_request():
        return _page(counter, message=message)
    flash(message, "success")
    return htmx.redirect_to(url_for("queue.show_counter", number=counter.number))


def _page(counter: Counter, message: str | None = None, transfer_form: TransferForm | None = None):
    """The page, or for htmx its panel block."""
    day = services.today()
    ticket = services.current_ticket(counter)
    waiting = Ticket.waiting_counts(day)
    intake = None
    if ticket is not None:
        hint = ticket.group.intake_hint
        intake = url_for("dossiers.create_dossier", procedure=hint) if hint else url_for("dossiers.create_dossier")
    return render("queue/counter.html", "panel", counter=counter, ticket=ticket, message=message,
                  waiting=[(group, waiting.get(group.id, 0)) for group in counter.groups],
                  transfer_form=transfer_form or _transfer_form(counter, formdata=None),
                  intake_url=intake)
