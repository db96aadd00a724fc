"""Settings an admin changes at run time, stored as key/value rows."""
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.timeutil import utcnow
from app.extensions import db


class Setting(db.Model):
    """One stored setting; absent keys fall back to the config (see services.get_setting)."""

    __tablename__ = "setting"
    # The kiosk shows the commune name and announcement: a change must drop its cached pages.
    __revision__ = "kiosk"
    # Saved through services.save_settings, which records one explicit audit entry instead.
    __audit__ = False

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
