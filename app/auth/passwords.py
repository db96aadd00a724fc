"""Password hashing with argon2id; parameters come from the config so they can be raised later."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

MIN_LENGTH = 10

# A hash of a random password, verified when the account does not exist so timing reveals nothing.
_DUMMY_PASSWORD = "not-a-real-password-0"


def hasher() -> PasswordHasher:
    """The app's PasswordHasher, built once from PASSWORD_TIME_COST / PASSWORD_MEMORY_COST."""
    cached = current_app.extensions.get("password_hasher")
    if cached is None:
        config = current_app.config
        cached = PasswordHasher(
            time_cost=config.get("PASSWORD_TIME_COST", 3),
            memory_cost=config.get("PASSWORD_MEMORY_COST", 65536),
            parallelism=config.get("PASSWORD_PARALLELISM", 4),
        )
        current_app.extensions["password_hasher"] = cached
    return cached


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


def waste_time(password: str) -> None:
    """Spend as long as a real verification, for unknown accounts."""
    dummy = current_app.extensions.get("password_dummy_hash")
    if dummy is None:
        dummy = current_app.extensions["password_dummy_hash"] = hash_password(_DUMMY_PASSWORD)
    verify(dummy, password)
