"""What the hall screen shows (served numbers per counter, the last calls, waiting per group) and its chime."""
import hashlib
import io
import math
import struct
import wave
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.queue.models import Call, Counter, ServiceGroup, Ticket

LAST_CALLS = 6
CHIME_RATE = 22050
# "Ding-dong": two bell-like tones, the usual call signal in Vietnamese service halls.
CHIME_NOTES = ((880.0, 0.45), (659.25, 0.75))


@dataclass
class HallState:
    serving: list[tuple[Counter, Ticket | None]]
    calls: list[Call]  # newest first
    waiting: list[tuple[ServiceGroup, int]]

    @property
    def latest_call(self) -> Call | None:
        return self.calls[0] if self.calls else None

    @property
    def version(self) -> str:
        """Changes whenever anything on the screen would: the screen skips identical answers."""
        shown = ([c.id for c in self.calls], [(c.id, t.id if t else None) for c, t in self.serving],
                 [(g.id, g.name, n) for g, n in self.waiting])
        return hashlib.sha1(repr(shown).encode()).hexdigest()[:16]


def hall_state(day: date) -> HallState:
    """Everything the screen shows for `day`, in four small queries."""
    counters = db.session.scalars(Counter.in_order(active_only=True)).all()
    serving = db.session.scalars(select(Ticket).options(selectinload(Ticket.group))
                                 .where(Ticket.day == day, Ticket.status == "called")
                                 .order_by(Ticket.called_at)).all()
    by_counter = {ticket.counter_id: ticket for ticket in serving}  # the latest call wins
    calls = db.session.scalars(
        select(Call).join(Call.ticket).where(Ticket.day == day)
        .options(selectinload(Call.ticket).selectinload(Ticket.group), selectinload(Call.counter))
        .order_by(Call.id.desc()).limit(LAST_CALLS)).all()
    waiting = Ticket.waiting_counts(day)
    groups = db.session.scalars(ServiceGroup.in_order(active_only=True)).all()
    return HallState(serving=[(counter, by_counter.get(counter.id)) for counter in counters], calls=calls,
                     waiting=[(group, waiting.get(group.id, 0)) for group in groups])


@lru_cache(maxsize=1)
def chime_wav() -> bytes:
    """A 1.2 s two-note chime, made here with `wave` and sine tones (no sound file to ship)."""
    frames = bytearray()
    for frequency, seconds in CHIME_NOTES:
        count = int(CHIME_RATE * seconds)
        for i in range(count):
            t = i / CHIME_RATE
            # A bell: a fast attack, an exponential decay, a quiet octave above for brightness.
            envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t)
            sample = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(4 * math.pi * frequency * t)
            frames += struct.pack("<h", int(0.45 * 32767 * envelope * sample / 1.3))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(CHIME_RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
