"""Queue numbers (số thứ tự): tickets from the kiosk, the counters that call them, the hall screen
that announces the calls, and the waiting-time figures."""
from flask import Blueprint


def blueprint_with_routes() -> Blueprint:
    """The queue blueprint with every route module attached (blueprint.py imports none of them)."""
    from app.queue import counter_views, hall_views, setting_views, ticket_views  # noqa: F401
    from app.queue.blueprint import bp

    return bp
