"""Factories for the queue tests: service groups and counters, and a clock inside opening hours."""
from itertools import count

import pytest

from app.extensions import db
from app.queue.models import Counter, ServiceGroup

# A Tuesday morning in Vietnam, inside the default hours (07:30–11:30, 13:30–17:00).
OPEN = "2026-03-10 09:00 +0700"


@pytest.fixture
def make_group():
    """Returns make(letter, name, **overrides) -> a committed ServiceGroup."""
    positions = count(1)

    def make(letter: str = "A", name: str = "Hộ tịch – Chứng thực", **overrides) -> ServiceGroup:
        group = ServiceGroup(letter=letter, name=name, position=next(positions), **overrides)
        db.session.add(group)
        db.session.commit()
        return group

    return make


@pytest.fixture
def make_counter():
    """Returns make(number, groups) -> a committed Counter serving `groups`."""
    def make(number: int, groups: list[ServiceGroup], **overrides) -> Counter:
        counter = Counter(number=number, groups=groups, **overrides)
        db.session.add(counter)
        db.session.commit()
        return counter

    return make
