"""Models every feature shares."""
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Revision(db.Model):
    """A counter bumped by every write to content it names, e.g. 'kiosk' for what the kiosk shows."""

    __tablename__ = "revision"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
