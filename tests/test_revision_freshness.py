"""Cached kiosk pages follow catalogue changes: at once for this worker's writes, soon for another's."""
import pytest
from sqlalchemy import text

from app.catalog.models import Procedure
from app.core import database
from app.extensions import db

DETAIL = "/kiosk/thu-tuc/1.001193"


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(database, "time", fake)
    return fake


def _rename_from_another_worker(code: str, name: str) -> None:
    """Another gunicorn worker's commit, as seen from here: new rows and counter, no event."""
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE procedure SET name = :name WHERE code = :code"),
                           {"name": name, "code": code})
        database.bump_revision(connection, "kiosk")


def test_another_workers_change_shows_once_the_counter_is_read_again(seeded_client, clock):
    assert "Thủ tục đăng ký khai sinh" in seeded_client.get(DETAIL).text
    _rename_from_another_worker("1.001193", "Đăng ký khai sinh cho trẻ em")
    clock.now += database.REVISION_MAX_AGE + 0.01
    assert "Đăng ký khai sinh cho trẻ em" in seeded_client.get(DETAIL).text


def test_this_workers_commit_shows_at_once(seeded_client, clock):
    assert "Thủ tục đăng ký khai sinh" in seeded_client.get(DETAIL).text
    Procedure.by_code("1.001193").name = "Đăng ký khai sinh cho trẻ em"
    db.session.commit()
    assert "Đăng ký khai sinh cho trẻ em" in seeded_client.get(DETAIL).text
