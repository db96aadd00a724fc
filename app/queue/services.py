"""Taking a number (within opening hours, atomically numbered) and what a counter does with it."""
import re
from datetime import date, datetime, time

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.core.timeutil import to_local, utcnow
from app.dossiers import calendar
from app.extensions import db
from app.queue.models import MAX_NUMBER, Call, Counter, ServiceGroup, Ticket, TicketSequence
from app.roster import services as roster
from app.setting.services import get_setting

_SPAN = re.compile(r"^(\d{1,2})[:hg](\d{2})\s*[-–]\s*(\d{1,2})[:hg](\d{2})$")
HOURS_EXAMPLE = "Ví dụ: 07:30-11:30, 13:30-17:00."
CALL_ATTEMPTS = 5  # another counter may claim the same ticket first: try the next one


class QueueClosed(Exception):
    """No numbers now; the message says why, in Vietnamese."""


def parse_hours(text: str) -> list[tuple[time, time]]:
    """'07:30-11:30, 13:30-17:00' as [(start, end), ...]; ValueError with a Vietnamese message."""
    spans = []
    for part in filter(None, (p.strip() for p in re.split(r"[,;]", text or ""))):
        match = _SPAN.match(part)
        try:
            h1, m1, h2, m2 = (int(n) for n in match.groups()) if match else (None,) * 4
            start, end = time(h1, m1), time(h2, m2)
        except (TypeError, ValueError):
            raise ValueError(f"Không đọc được “{part}”. {HOURS_EXAMPLE}") from None
        if start >= end:
            raise ValueError(f"Trong “{part}”, giờ bắt đầu phải trước giờ kết thúc.")
        spans.append((start, end))
    if not spans:
        raise ValueError(f"Vui lòng nhập giờ phát số. {HOURS_EXAMPLE}")
    return sorted(spans)


def hours_label(spans: list[tuple[time, time]]) -> str:
    return " và ".join(f"{start:%H:%M}–{end:%H:%M}" for start, end in spans)


def opening_hours() -> list[tuple[time, time]]:
    """The configured hours; the default when the stored text cannot be read."""
    try:
        return parse_hours(get_setting("queue_hours"))
    except ValueError:
        return parse_hours("07:30-11:30, 13:30-17:00")


def closed_reason(now: datetime | None = None) -> str | None:
    """Why no number can be taken at `now` (UTC), or None when the counter is open."""
    local = to_local(now or utcnow())
    day, spans = local.date(), opening_hours()
    holiday = roster.holiday_name(day)
    if holiday:
        return f"Hôm nay là ngày nghỉ lễ ({holiday}). Bộ phận Một cửa không phát số thứ tự."
    if not calendar.is_working_day(day):
        return "Hôm nay là ngày nghỉ. Bộ phận Một cửa làm việc và phát số thứ tự từ thứ Hai đến thứ Sáu."
    if not any(start <= local.time() < end for start, end in spans):
        return f"Đã ngoài giờ phát số thứ tự. Mời bạn quay lại trong giờ làm việc: {hours_label(spans)}."
    return None


def next_number(group_id: int, day: date) -> int:
    """The group's next number on `day`, in one statement: two kiosks never get the same one.

    An upsert on the (group, day) row: the database serialises the increments (SQLite's write lock,
    PostgreSQL's row lock), and RETURNING gives each caller its own value.
    """
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(TicketSequence).values(group_id=group_id, day=day, last_number=1)
                 .on_conflict_do_update(index_elements=[TicketSequence.group_id, TicketSequence.day],
                                        set_={"last_number": TicketSequence.last_number + 1})
                 .returning(TicketSequence.last_number))
    return db.session.execute(statement).scalar_one()


def take_ticket(group: ServiceGroup, now: datetime | None = None) -> Ticket:
    """A new ticket in `group`, numbered after the day's last; QueueClosed outside hours. Caller commits."""
    now = now or utcnow()
    reason = closed_reason(now)
    if reason:
        raise QueueClosed(reason)
    day = to_local(now).date()
    number = next_number(group.id, day)
    if number > MAX_NUMBER:
        raise QueueClosed("Hôm nay đã hết số thứ tự của nhóm này. Xin mời hỏi cán bộ tại quầy.")
    ahead = db.session.scalar(select(func.count()).select_from(Ticket).where(
        Ticket.group_id == group.id, Ticket.day == day, Ticket.status == "waiting"))
    ticket = Ticket(group=group, day=day, number=number, taken_at=now, waiting_ahead=ahead)
    db.session.add(ticket)
    db.session.flush()
    return ticket


def today() -> date:
    return to_local(utcnow()).date()


def current_ticket(counter: Counter) -> Ticket | None:
    """The ticket the counter is serving now."""
    return db.session.scalar(select(Ticket).where(Ticket.counter_id == counter.id, Ticket.status == "called")
                             .order_by(Ticket.called_at.desc()).limit(1))


def _next_waiting(counter: Counter, day: date):
    """Tickets transferred to this counter first, then the oldest of its groups'."""
    groups = [group.id for group in counter.groups]
    mine = Ticket.counter_id == counter.id
    return (select(Ticket.id).where(Ticket.day == day, Ticket.status == "waiting",
                                    or_(mine, and_(Ticket.counter_id.is_(None), Ticket.group_id.in_(groups))))
            .order_by(case((mine, 0), else_=1), Ticket.taken_at, Ticket.id).limit(1))


def call_next(counter: Counter, now: datetime | None = None) -> Ticket | None:
    """Finish the current ticket as served and call the next one; None when nobody waits."""
    now = now or utcnow()
    finish(counter, now)
    for _ in range(CALL_ATTEMPTS):
        ticket_id = db.session.scalar(_next_waiting(counter, to_local(now).date()))
        if ticket_id is None:
            return None
        # Claimed only if still waiting: two counters pressing at once never call the same person.
        claimed = db.session.execute(
            update(Ticket).where(Ticket.id == ticket_id, Ticket.status == "waiting")
            .values(status="called", counter_id=counter.id, called_at=now,
                    first_called_at=func.coalesce(Ticket.first_called_at, now))
            .execution_options(synchronize_session=False))
        if claimed.rowcount == 1:
            ticket = db.session.get(Ticket, ticket_id, populate_existing=True)
            db.session.add(Call(ticket=ticket, counter=counter, called_at=now))
            return ticket
    return None


def recall(counter: Counter, now: datetime | None = None) -> Ticket | None:
    """Announce the current ticket again."""
    ticket = current_ticket(counter)
    if ticket is not None:
        ticket.called_at = now or utcnow()
        db.session.add(Call(ticket=ticket, counter=counter, called_at=ticket.called_at))
    return ticket


def mark_no_show(counter: Counter, now: datetime | None = None) -> Ticket | None:
    """The called citizen did not come."""
    return _end(counter, "no_show", now)


def finish(counter: Counter, now: datetime | None = None) -> Ticket | None:
    """The current citizen has been served."""
    return _end(counter, "served", now)


def _end(counter: Counter, status: str, now: datetime | None) -> Ticket | None:
    ticket = current_ticket(counter)
    if ticket is not None:
        ticket.status, ticket.finished_at = status, now or utcnow()
    return ticket


def transfer(counter: Counter, target: Counter) -> Ticket | None:
    """Send the current citizen to `target`, whose next call takes them before its own queue."""
    ticket = current_ticket(counter)
    if ticket is not None:
        ticket.status, ticket.counter_id = "waiting", target.id
    return ticket
