"""Two kiosks at the same moment never get the same number: 200 tickets from 20 threads through two
app instances (as two gunicorn workers) on one database, SQLite or PostgreSQL (MOTCUA_TEST_DB)."""
import threading

import time_machine
from sqlalchemy import select

from app import create_app
from app.extensions import db
from app.kiosk import cache
from app.queue.models import ServiceGroup, Ticket, TicketSequence
from tests.conftest import _config
from tests.queue_factories import OPEN

THREADS, EACH = 20, 10


def test_200_tickets_at_once_from_two_workers_are_200_consecutive_numbers(database_factory, tmp_path):
    cache.clear()
    url = database_factory("empty", tmp_path)
    # Two instances with their own engines and connection pools, as two worker processes have.
    apps = [create_app(_config(url, tmp_path) | {"WTF_CSRF_ENABLED": False}) for _ in range(2)]
    with apps[0].app_context():
        db.session.add(ServiceGroup(letter="A", name="Hộ tịch – Chứng thực"))
        db.session.commit()
        group_id = db.session.scalar(select(ServiceGroup.id))
    start, statuses, errors = threading.Barrier(THREADS), [], []

    def kiosk(n: int) -> None:
        client = apps[n % 2].test_client()
        start.wait()
        for _ in range(EACH):
            try:
                statuses.append(client.post("/lay-so/", data={"group": group_id}).status_code)
            except Exception as error:  # noqa: BLE001  (reported below, not lost in the thread)
                errors.append(repr(error))

    with time_machine.travel(OPEN, tick=True):
        threads = [threading.Thread(target=kiosk, args=(n,)) for n in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == [] and statuses == [303] * THREADS * EACH
    with apps[1].app_context():
        numbers = db.session.scalars(select(Ticket.number).order_by(Ticket.number)).all()
        assert numbers == list(range(1, THREADS * EACH + 1))
        assert db.session.scalar(select(TicketSequence.last_number)) == THREADS * EACH
        assert db.session.scalar(select(Ticket).where(Ticket.number == 200)).code == "A200"
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
