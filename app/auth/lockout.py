"""Growing back-off after repeated failed sign-ins, so guessing stays slow without locking colleagues out.

Three counters: an account from one address (the guesser: up to an hour), an account from anywhere and
an address for any account (guessing spread over many addresses or many names: a few minutes at most,
so nobody can lock a colleague out for long from another desk, or the whole office behind one address).
The counters live in the database, so every gunicorn worker sees the same lock.
"""
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete

from app.auth.models import SignInThrottle
from app.core.timeutil import utcnow
from app.extensions import db

FIRST_WAIT = timedelta(minutes=1)
MAX_WAIT = timedelta(hours=1)
SHARED_MAX_WAIT = timedelta(minutes=5)


@dataclass(frozen=True)
class Policy:
    threshold: int  # failures allowed before the first wait
    forget_after: timedelta  # a quiet period after which the count starts again
    max_wait: timedelta  # the wait doubles per failure up to this


POLICIES = {
    "pair": Policy(threshold=5, forget_after=timedelta(hours=24), max_wait=MAX_WAIT),
    "account": Policy(threshold=20, forget_after=timedelta(hours=24), max_wait=SHARED_MAX_WAIT),
    "address": Policy(threshold=20, forget_after=timedelta(hours=1), max_wait=SHARED_MAX_WAIT),
}


def _keys(username: str, address: str | None) -> dict[str, str]:
    account = username.strip().lower()[:150]
    return {"pair": f"pair:{address or '?'}:{account}"[:200], "account": f"account:{account}",
            "address": f"address:{address or '?'}"}


def seconds_to_wait(username: str, address: str | None) -> int:
    """Seconds before this account or address may try again; 0 when it may try now."""
    now = utcnow()
    rows = [db.session.get(SignInThrottle, key) for key in _keys(username, address).values()]
    waits = [(row.locked_until - now).total_seconds() for row in rows if row and row.locked_until]
    return max([0, *(math.ceil(w) for w in waits if w > 0)])


def record_failure(username: str, address: str | None) -> int:
    """Count one failure against both keys; return the seconds to wait now (0 when not locked)."""
    now = utcnow()
    _forget_old(now)
    waits = [_fail(key, POLICIES[kind], now) for kind, key in _keys(username, address).items()]
    return max(waits)


def _forget_old(now: datetime) -> None:
    """Drop counters nobody has failed on for longer than any policy remembers."""
    horizon = now - max(policy.forget_after + policy.max_wait for policy in POLICIES.values())
    db.session.execute(delete(SignInThrottle).where(SignInThrottle.last_failure_at < horizon))


def reset_account(username: str, address: str | None) -> None:
    """Forget the account's failures after a successful sign-in (the address keeps its count)."""
    keys = _keys(username, address)
    for key in (keys["pair"], keys["account"]):
        row = db.session.get(SignInThrottle, key)
        if row is not None:
            db.session.delete(row)


def _fail(key: str, policy: Policy, now: datetime) -> int:
    row = db.session.get(SignInThrottle, key)
    if row is None:
        row = SignInThrottle(key=key, failures=0, last_failure_at=now)
        db.session.add(row)
        db.session.flush()
    elif now - row.last_failure_at > policy.forget_after:
        row.failures = 0
        db.session.flush()
    # Incremented in SQL, so two workers failing at once both count.
    row.failures = SignInThrottle.failures + 1
    row.last_failure_at = now
    db.session.flush()
    excess = row.failures - policy.threshold
    if excess < 0:
        return 0
    wait = min(FIRST_WAIT * 2**excess, policy.max_wait)
    row.locked_until = now + wait
    return int(wait.total_seconds())


def describe_wait(seconds: int) -> str:
    """'Vui lòng đợi 2 phút rồi thử lại.' – the wait, never the reason."""
    if seconds < 60:
        amount = f"{seconds} giây"
    else:
        amount = f"{-(-seconds // 60)} phút"
    return f"Vui lòng đợi {amount} rồi thử lại."
