"""The public touchscreen kiosk: fields, procedures with their QR codes, and search."""
from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from app.announcements.models import Announcement
from app.catalog import display, life_events, search, search_events, summary
from app.catalog.models import Field, LifeEvent, Procedure
from app.core import collation
from app.core.htmx import is_fragment_request, render_html, respond
from app.extensions import db
from app import speech
from app.kiosk import assets, cache, read_aloud
from app.guides.models import Guide
from app.meetings import services as meeting_services
from app.paper_forms import kiosk as paper_forms_kiosk
from app.qr import services as qr
from app.roster import services as roster
from app.setting.services import get_setting

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")

MAX_QUERY = 200
SEARCH_LIMIT = 20  # more than a citizen reads through; fewer links to build
CODE_SLOT = "__code__"  # procedure links are built once per page, then filled per result
UNKNOWN = (display.MISSING, display.ASK_AT_COUNTER)  # not printed in lists: the procedure page says it

bp.app_template_global("static_url")(assets.static_url)
bp.after_app_request(assets.long_cache_for_versioned)


@bp.app_context_processor
def kiosk_settings() -> dict:
    """What the kiosk frame shows on every page; the same for every visitor, so pages stay cacheable."""
    return {
        "commune_name": get_setting("commune_name"),
        "idle_seconds": get_setting("kiosk_idle_seconds"),
        "announcement": get_setting("kiosk_announcement"),
    }


@bp.get("/")
def home():
    """Life events as tiles, the search box, then the common procedures."""
    # Which meetings are "today and upcoming" changes at midnight without any write: the date is in the key.
    # (Today's duty and announcements too.)
    day = meeting_services.local_today()
    return _page(("home", day), lambda: render_template(
        "kiosk/home.html",
        events=[(event, n) for event, n in life_events.events_with_counts() if n],
        common=collation.sorted_by_name(db.session.scalars(Procedure.common()), lambda p: p.display_name),
        duty_sentence=roster.duty_sentence(roster.on_duty(day)),
        announcements=db.session.scalars(Announcement.active_on(day)).all(),
        guides=db.session.scalars(Guide.in_order(published_only=True)).all(),
        meetings=meeting_services.kiosk_entries(day),
    ))


@bp.get("/su-kien/<slug>")
def life_event(slug: str):
    """The in-force procedures of one life event, in the order a citizen most likely needs them."""
    def build():
        event = LifeEvent.by_slug(slug) or abort(404)
        return render_template("kiosk/life_event.html", event=event, procedures=event.active_procedures(),
                               time_summary=display.time_summary, fee_summary=display.fee_summary,
                               unknown=UNKNOWN,
                               read_aloud_url=read_aloud.url_if_available("kiosk.read_life_event", slug=slug))
    # Whether the server can speak decides the "Đọc to" button, so it is part of the key.
    return _page(("life-event", slug, speech.is_available()), build)


@bp.get("/su-kien/<slug>/doc-to")
def read_life_event(slug: str):
    """The life event's name and its first procedures, read aloud (audio/wav)."""
    def build():
        event = LifeEvent.by_slug(slug) or abort(404)
        return read_aloud.life_event_text(event, event.active_procedures())
    return spoken(("read-life-event", slug), build)


@bp.get("/linh-vuc/")
def fields():
    """Every field with procedures in force, in Vietnamese alphabetical order."""
    return _page(("fields",), lambda: render_template(
        "kiosk/fields.html",
        fields=sorted(Field.with_active_counts(), key=lambda row: collation.sort_key(row[0].name)),
    ))


@bp.get("/linh-vuc/<slug>")
def field(slug: str):
    """The in-force procedures of one field."""
    def build():
        field = db.first_or_404(select(Field).where(Field.slug == slug))
        procedures = collation.sorted_by_name(db.session.scalars(Procedure.in_field(field)),
                                              lambda procedure: procedure.display_name)
        return render_template(
            "kiosk/field.html", field=field, procedures=procedures, unknown=UNKNOWN,
            time_summary=display.time_summary, fee_summary=display.fee_summary,
        )
    return _page(("field", slug), build)


@bp.get("/thu-tuc/<code>")
def procedure(code: str):
    """One procedure in full, with the QR code of its online-service page."""
    def build():
        procedure = Procedure.by_code(code) or abort(404)
        replacement = Procedure.by_code(procedure.replaced_by) if procedure.replaced_by else None
        return render_template(
            "kiosk/procedure.html",
            procedure=procedure,
            replacement=replacement,
            summary=summary.citizen_summary(procedure),
            events=life_events.events_of(procedure),
            details=display.details(procedure),
            # The QR image URL names its content, so the image may be cached for good.
            qr_version=qr.content_tag(procedure.url) if procedure.url else None,
            read_aloud_url=read_aloud.url_if_available("kiosk.read_procedure", code=code),
            paper_forms=paper_forms_kiosk.section(procedure),
        )
    return _page(("procedure", code, speech.is_available()), build)


@bp.get("/thu-tuc/<code>/doc-to")
def read_procedure(code: str):
    """The procedure's citizen summary read aloud (audio/wav): name, time, fee, online, what to bring."""
    def build():
        procedure = Procedure.by_code(code) or abort(404)
        return read_aloud.procedure_text(procedure, summary.citizen_summary(procedure),
                                         paper_forms_kiosk.spoken_titles(procedure))
    return spoken(("read-procedure", code), build)


@bp.get("/thu-tuc/<code>/qr.<any(svg, png):kind>")
def procedure_qr(code: str, kind: str):
    """The QR code of the procedure's public online-service URL (never an intranet address)."""
    url = _procedure_url(code)
    return qr_response_or_404(url, kind)


@bp.get("/tim-kiem")
def search_page():
    """Ranked results as links; htmx asks for the results block only, as the user types."""
    query = request.args.get("q", "")[:MAX_QUERY]

    def build() -> str:
        hits = search.search_procedures(query, limit=SEARCH_LIMIT + 1)
        href = url_for("kiosk.procedure", code=CODE_SLOT)
        return render_html("kiosk/search.html", "results", lean=True, query=query,
                           hits=hits[:SEARCH_LIMIT], more=len(hits) > SEARCH_LIMIT,
                           rows=[result_row(href.replace(CODE_SLOT, hit.code), hit.short_name, hit.field_name)
                                 for hit in hits[:SEARCH_LIMIT]],
                           events=search_events.events_for(hits))

    # Kiosk users repeat the same few searches: keep each rendered answer until the catalogue moves.
    return respond(cache.cached(("search", query, is_fragment_request()), build))


_rows: dict[tuple[str, str, str], Markup] = {}
_MAX_ROWS = 20_000


def result_row(href: str, name: str, field_name: str) -> Markup:
    """One result's HTML, rendered once: a row is the same whatever was typed to reach it."""
    key = (href, name, field_name)
    row = _rows.get(key)
    if row is None:
        if len(_rows) >= _MAX_ROWS:
            _rows.clear()
        macro = current_app.jinja_env.get_template("kiosk/_result_row.html").module.result_row
        row = _rows[key] = Markup(macro(href, name, field_name))
    return row


def _page(key: tuple, build) -> Response:
    """Serve a kiosk page from the per-worker cache; htmx boosts get the same full page."""
    body = cache.cached(key, build)
    response = Response(body, mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    return response


def spoken(key: tuple, build) -> Response:
    """Audio of the text `build` makes, the text kept like a page; 404 before any work without speech."""
    if not speech.is_available():
        abort(404)
    return read_aloud.audio_response(cache.cached(key, build).decode())


def _procedure_url(code: str) -> str:
    def build():
        procedure = Procedure.by_code(code)
        return procedure.url if procedure and procedure.url else ""
    return cache.cached(("qr-url", code), build).decode()


def qr_response_or_404(text: str, kind: str) -> Response:
    if not text:
        abort(404)
    return qr.qr_response(text, kind)
