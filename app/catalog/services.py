"""Catalogue management: the staff list's filters, retiring, reviewing, field order, import uploads."""
import re
import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import joinedload

from app.catalog import importer
from app.catalog.folding import fold
from app.catalog.models import STATUS_ACTIVE, STATUS_REPLACED, Field, Procedure
from app.core.timeutil import utcnow
from app.extensions import db

# A procedure nobody has checked against the national database for this long is flagged.
STALE_AFTER = timedelta(days=90)
MAX_IMPORT_BYTES = 10 * 1024 * 1024
UPLOAD_KEPT_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass(frozen=True)
class ListFilter:
    """What the staff list is narrowed to; every part comes from the query string."""

    query: str = ""
    field_id: int | None = None
    status: str = ""  # "", "active" or "replaced"
    online: str = ""  # "", "yes", "no" or "unknown"
    common: bool = False
    stale: bool = False


def filtered_procedures(wanted: ListFilter) -> Select:
    """Procedures matching the filter, replaced ones included, in field order then by name."""
    query = (
        select(Procedure).join(Procedure.field).options(joinedload(Procedure.field))
        .order_by(Field.position, Field.name, Procedure.name)
    )
    # Folded words hold only [0-9a-z.], so they are safe inside LIKE patterns.
    for word in fold(wanted.query).split():
        query = query.where(or_(Procedure.search_text.startswith(word),
                                Procedure.search_text.contains(" " + word)))
    if wanted.field_id:
        query = query.where(Procedure.field_id == wanted.field_id)
    if wanted.status in (STATUS_ACTIVE, STATUS_REPLACED):
        query = query.where(Procedure.status == wanted.status)
    if wanted.online:
        value = {"yes": True, "no": False, "unknown": None}.get(wanted.online)
        query = query.where(Procedure.online.is_(value))
    if wanted.common:
        query = query.where(Procedure.is_common)
    if wanted.stale:
        query = query.where(is_stale_clause())
    return query


def is_stale_clause():
    """SQL condition: never reviewed, or reviewed more than STALE_AFTER ago."""
    return or_(Procedure.reviewed_at.is_(None), Procedure.reviewed_at < utcnow() - STALE_AFTER)


def is_stale(procedure: Procedure) -> bool:
    return procedure.reviewed_at is None or procedure.reviewed_at < utcnow() - STALE_AFTER


def mark_reviewed(procedure: Procedure) -> None:
    procedure.reviewed_at = utcnow()


def retire(procedure: Procedure, replacement: Procedure) -> None:
    """Mark `procedure` replaced by `replacement`; the kiosk then points citizens to it."""
    procedure.status = STATUS_REPLACED
    procedure.replaced_by = replacement.code
    procedure.is_common = False


def restore(procedure: Procedure) -> None:
    """Put a retired procedure back in force (a retirement entered by mistake)."""
    procedure.status = STATUS_ACTIVE
    procedure.replaced_by = None


def move_field(field: Field, step: int) -> None:
    """Swap `field` with its neighbour above (step -1) or below (+1), renumbering 1..n."""
    fields = list(db.session.scalars(Field.ordered()))
    index = fields.index(field)
    other = index + step
    if 0 <= other < len(fields):
        fields[index], fields[other] = fields[other], fields[index]
    for position, each in enumerate(fields, start=1):
        if each.position != position:
            each.position = position


def fields_in_order() -> list[Field]:
    return list(db.session.scalars(Field.ordered()))


def field_counts() -> dict[int, int]:
    """Procedures per field id, replaced ones included."""
    rows = db.session.execute(select(Procedure.field_id, func.count()).group_by(Procedure.field_id))
    return dict(rows.all())


# --- Import uploads: kept on disk between the preview and "Áp dụng", named by a random token.

def _upload_dir() -> Path:
    folder = Path(current_app.config["UPLOAD_DIR"]) / "catalog-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _upload_path(token: str) -> Path:
    if not _TOKEN.match(token or ""):
        raise FileNotFoundError(token)
    return _upload_dir() / f"{token}.upload"


def save_upload(data: bytes) -> str:
    """Store an uploaded file under a fresh random token and return the token."""
    _drop_abandoned_uploads()
    token = secrets.token_urlsafe(24)
    path = _upload_path(token)
    path.write_bytes(data)
    path.chmod(0o600)
    return token


def _drop_abandoned_uploads() -> None:
    """Previews nobody applied or cancelled would otherwise pile up in instance/."""
    cutoff = time.time() - UPLOAD_KEPT_SECONDS
    for path in _upload_dir().glob("*.upload"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def load_upload(token: str) -> bytes:
    """The stored bytes; FileNotFoundError when the token is unknown or already used."""
    return _upload_path(token).read_bytes()


def delete_upload(token: str | None) -> None:
    try:
        _upload_path(token or "").unlink(missing_ok=True)
    except FileNotFoundError:
        pass


def plan_upload(data: bytes, filename: str) -> importer.ImportPlan:
    """Read and compare an uploaded catalogue; raises CatalogImportError for an unreadable file."""
    return importer.plan_import(importer.iter_rows(data, filename, importer.MAX_ROWS))


def apply_upload(data: bytes, filename: str) -> importer.ImportPlan:
    """Re-plan against the catalogue as it is now and write it; the caller commits."""
    plan = plan_upload(data, filename)
    if not plan.errors:
        importer.apply_plan(plan)
    return plan
