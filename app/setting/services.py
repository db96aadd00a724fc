"""Reading settings with their config defaults, saving them, and judging the public address."""
import ipaddress
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app

from sqlalchemy import select

from app.audit import services as audit
from app.core.database import current_revision
from app.extensions import db
from app.setting.models import Setting
from app.speech import DEFAULT_VOICE, VOICES


_snapshot: dict = {}


def flag(value) -> bool:
    """A stored on/off setting: 'True' (as saved), '1', 'yes' or 'on' read as on; anything else as off."""
    return str(value).strip().lower() in ("true", "1", "yes", "on")


@dataclass(frozen=True)
class Spec:
    config_key: str  # the config entry that gives the default
    fallback: object  # used when the config has no such entry
    label: str  # how the audit log names it
    kind: Callable = str
    choices: tuple = ()  # when not empty, any other value reads as the fallback


SPECS = {
    "commune_name": Spec("COMMUNE_NAME", "UBND xã", "tên đơn vị"),
    "public_base_url": Spec("PUBLIC_BASE_URL", "http://localhost:8000", "địa chỉ công khai"),
    "kiosk_idle_seconds": Spec("KIOSK_IDLE_SECONDS", 120, "thời gian chờ của kiosk", int),
    "kiosk_announcement": Spec("KIOSK_ANNOUNCEMENT", "", "thông báo trên kiosk"),
    # The region's accent for "Đọc to" (app.speech).
    "kiosk_voice": Spec("KIOSK_VOICE", DEFAULT_VOICE, "giọng đọc trên kiosk", choices=tuple(VOICES)),
    # Printed on meeting table cards as a Wi-Fi QR code (app.meetings).
    "hall_wifi_ssid": Spec("HALL_WIFI_SSID", "", "tên Wi-Fi hội trường"),
    "hall_wifi_password": Spec("HALL_WIFI_PASSWORD", "", "mật khẩu Wi-Fi hội trường"),
    # "In mẫu này" beside the kiosk's forms (app.paper_forms); the kiosk PC needs KIOSK_PRINTING=1 too.
    "kiosk_printer": Spec("KIOSK_PRINTER", False, "kiosk có máy in", flag),
    # When the kiosk gives queue numbers on working days (app.queue), e.g. "07:30-11:30, 13:30-17:00".
    "queue_hours": Spec("QUEUE_HOURS", "07:30-11:30, 13:30-17:00", "giờ phát số thứ tự"),
    # Off by default (Nghị định 13/2023: keep no more personal data than the register needs); when
    # on, intake keeps the number a CCCD scan read, to find a citizen's earlier dossiers (app.dossiers).
    "keep_citizen_id_number": Spec("KEEP_CITIZEN_ID_NUMBER", False, "lưu số căn cước", flag),
}


def get_setting(name: str):
    """The stored value of setting `name`, or its config default, typed (int for seconds)."""
    spec = SPECS[name]
    stored = _stored_settings()
    if name in stored:
        value = spec.kind(stored[name])
    else:
        value = spec.kind(current_app.config.get(spec.config_key, spec.fallback))
    if spec.choices and value not in spec.choices:
        current_app.logger.warning("Setting %s: %r is not one of %s", name, value, ", ".join(spec.choices))
        return spec.fallback
    return value


def _stored_settings() -> dict[str, str]:
    """All stored rows in one query, kept per worker until the 'kiosk' revision moves.

    The kiosk reads several settings on every page; a query each cost more than the page itself.
    """
    key = (current_app.config["SQLALCHEMY_DATABASE_URI"], current_revision("kiosk"))
    if _snapshot.get("key") != key:
        rows = db.session.scalars(select(Setting))
        _snapshot.update(key=key, values={row.key: row.value for row in rows})
    return _snapshot["values"]


def all_settings() -> dict:
    return {name: get_setting(name) for name in SPECS}


def save_settings(values: dict) -> dict:
    """Store the given values; audit and return {name: [old, new]} for those that changed."""
    changes = {}
    for name, new in values.items():
        old = get_setting(name)
        if old == new:
            continue
        row = db.session.get(Setting, name) or Setting(key=name)
        row.value = str(new)
        db.session.add(row)
        changes[name] = [old, new]
    if changes:
        audit.record("settings", record_type="setting", changes=changes,
                     message="Đổi " + ", ".join(SPECS[name].label for name in changes))
    return changes


def unreachable_reason(url: str) -> str | None:
    """Why phones on mobile data could not open `url`, or None when it looks public."""
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return "địa chỉ không có tên máy chủ"
    if host == "localhost" or host.endswith((".localhost", ".local", ".lan", ".internal")):
        return f"“{host}” chỉ dùng được trong máy hoặc mạng nội bộ"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if "." not in host:
            return f"“{host}” là tên máy trong mạng nội bộ, không phải tên miền công khai"
        return None
    if address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified:
        return f"“{host}” là địa chỉ nội bộ"
    return None
