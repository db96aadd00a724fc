"""Printable A4 sheets of procedure QR codes for the hall, and the public short links printed on them."""
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request
from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from app.auth.access import public, role_required
from app.catalog.models import STATUS_ACTIVE, Field, Procedure
from app.core.params import record_id
from app.core.timeutil import to_local, utcnow
from app.extensions import db
from app.qr import services as qr
from app.setting.services import get_setting, unreachable_reason

bp = Blueprint("qr", __name__)

PER_PAGE_CHOICES = (6, 8, 12)
DEFAULT_PER_PAGE = 8
# Characters of a procedure's name that fit under (or beside) its code at each page size.
NAME_LIMITS = {6: 160, 8: 150, 12: 95}


@dataclass(frozen=True)
class SheetItem:
    """One printed code: the procedure, its QR image version, and the text for people who cannot scan."""

    procedure: Procedure
    qr_version: str
    portal_text: str
    short_link: str | None


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def sheet_procedures(field_ids: list[int], common: bool) -> list[Procedure]:
    """In-force procedures of the chosen fields, plus the common ones, in kiosk order."""
    conditions = []
    if field_ids:
        conditions.append(Procedure.field_id.in_(field_ids))
    if common:
        conditions.append(Procedure.is_common)
    if not conditions:
        return []
    query = (
        select(Procedure).join(Procedure.field).options(joinedload(Procedure.field))
        .where(Procedure.status == STATUS_ACTIVE, or_(*conditions))
        .order_by(Field.position, Field.name, Procedure.name)
    )
    return list(db.session.scalars(query))


def short_link_base() -> str | None:
    """The public base URL for /t/<code> links, or None when phones could not reach it."""
    base = (get_setting("public_base_url") or "").rstrip("/")
    if not base or unreachable_reason(base) is not None:
        return None
    parts = urlsplit(base)
    return parts.netloc + parts.path


def sheet_item(procedure: Procedure, link_base: str | None) -> SheetItem:
    host = (urlsplit(procedure.url).hostname or "").removeprefix("www.")
    return SheetItem(
        procedure=procedure,
        qr_version=qr.content_tag(procedure.url),
        # A no-break space keeps "mã" and the code on one line.
        portal_text=f"{host} · mã\u00a0{procedure.code}",
        short_link=f"{link_base}/t/{procedure.code}" if link_base else None,
    )


@bp.get("/quan-ly/ma-qr")
@role_required("viewer")
def choose_sheet():
    """Pick the fields (or the common procedures) and how many codes go on each page."""
    fields = list(db.session.scalars(Field.ordered()))
    return render_template("qr/choose.html", fields=fields, choices=PER_PAGE_CHOICES,
                           per_page=DEFAULT_PER_PAGE, missing=False)


@bp.get("/quan-ly/ma-qr/in")
@role_required("viewer")
def print_sheet():
    """The A4 sheet itself; the browser's print dialog turns it into paper or a PDF."""
    field_ids = request.args.getlist("field", type=record_id)
    common = request.args.get("common") == "1"
    per_page = request.args.get("n", DEFAULT_PER_PAGE, type=int)
    if per_page not in PER_PAGE_CHOICES:
        per_page = DEFAULT_PER_PAGE
    procedures = sheet_procedures(field_ids, common)
    if not procedures:
        fields = list(db.session.scalars(Field.ordered()))
        return render_template("qr/choose.html", fields=fields, choices=PER_PAGE_CHOICES,
                               per_page=per_page, missing=True), 422
    link_base = short_link_base()
    items = [sheet_item(p, link_base) for p in procedures if p.url]
    return render_template(
        "qr/sheet.html", pages=_chunks(items, per_page), per_page=per_page, name_limit=NAME_LIMITS[per_page],
        without_url=[p for p in procedures if not p.url], title=_sheet_title(field_ids, common),
        commune_name=get_setting("commune_name"), today=to_local(utcnow()).strftime("%d/%m/%Y"),
    )


def _sheet_title(field_ids: list[int], common: bool) -> str:
    names = list(db.session.scalars(select(Field.name).where(Field.id.in_(field_ids)).order_by(Field.position)))
    parts = (["Thủ tục thường gặp"] if common else []) + names
    return ", ".join(parts) if len(parts) <= 3 else f"{len(parts)} lĩnh vực"


@bp.get("/t/<code>")
@public
def follow_short_link(code: str):
    """Printed short link: to the procedure's portal page, or its replacement's. Never change this URL."""
    procedure = Procedure.by_code(code) or abort(404)
    if not procedure.is_active and procedure.replaced_by:
        replacement = Procedure.by_code(procedure.replaced_by)
        if replacement is not None and replacement.url:
            procedure = replacement
    if not procedure.url:
        abort(404)
    return redirect(procedure.url, code=302)
