"""What the kiosk's service worker keeps for a network outage: the list of pages and a search index.

The worker (static/js/kiosk-sw.js, served as /kiosk/sw.js so its scope is the kiosk) fills its cache
from `manifest()` after the first visit and again whenever the catalogue revision moves; offline it
answers searches in the browser from `search_index()`, folded the way the server folds.
"""
from pathlib import Path

from flask import current_app, url_for
from sqlalchemy import select

from app.catalog.folding import search_fold
from app.catalog import search_phrases
from app.catalog.models import STATUS_ACTIVE, Field, LifeEvent, Procedure
from app.catalog.search_index import is_variant
from app.catalog.synonyms import thesaurus
from app.core.database import current_revision
from app.extensions import db
from app.guides.models import Guide
from app.kiosk.assets import static_url
from app.paper_forms import kiosk as paper_forms_kiosk
from app.qr import services as qr

# Files kiosk pages load; kept so that a page opened offline looks and behaves the same.
SHELL_FILES = (
    "css/kiosk.css", "css/kiosk-community.css", "css/kiosk-modes.css", "css/meetings.css",
    "js/kiosk.js", "js/keyboard.js", "js/kiosk-offline.js", "js/kiosk-modes.js", "js/read-aloud.js",
    "js/offline-search.js", "icons/life-events.svg", "vendor/htmx-2.0.11.min.js",
    "css/paper-forms.css", "js/paper-forms.js",
)


def revision() -> int:
    """The counter every write to kiosk-visible content bumps: the worker's cheap freshness check."""
    return current_revision("kiosk")


def _active_procedures() -> list[Procedure]:
    query = select(Procedure).join(Field).where(Procedure.status == STATUS_ACTIVE).order_by(Procedure.code)
    return list(db.session.scalars(query))


def manifest() -> dict:
    """Every URL the kiosk needs offline, at this revision."""
    procedures = _active_procedures()
    urls = [url_for("kiosk.home"), url_for("kiosk.fields"), url_for("kiosk.search_page"),
            url_for("kiosk_offline.offline_page"), url_for("kiosk_offline.search_index")]
    urls += [url_for("kiosk.field", slug=slug) for slug in
             sorted({procedure.field.slug for procedure in procedures})]
    urls += [url_for("kiosk.life_event", slug=slug) for slug in db.session.scalars(select(LifeEvent.slug))]
    for procedure in procedures:
        urls.append(url_for("kiosk.procedure", code=procedure.code))
        if procedure.url:
            urls.append(url_for("kiosk.procedure_qr", code=procedure.code, kind="svg",
                                v=qr.content_tag(procedure.url)))
    urls += paper_forms_kiosk.offline_urls(procedures)  # previews and QR codes; the downloads stay online
    urls += [url_for("kiosk_guides.show_guide", guide_id=guide.id)
             for guide in db.session.scalars(Guide.in_order(published_only=True))]
    urls += [static_url(name) for name in SHELL_FILES if _exists(name)]
    return {"revision": revision(), "urls": urls}


def search_index() -> dict:
    """A compact index for searching in the browser: names, short names, keywords, fields, synonyms."""
    docs, phrases = [], search_phrases.bundled()
    for procedure in _active_procedures():
        words = " ".join([procedure.name, procedure.short_name or "", procedure.keywords or ""])
        name_words = search_fold(procedure.name).split()
        docs.append([procedure.code, procedure.display_name, procedure.field.name,
                     1 if procedure.is_common else 0, search_fold(words), search_fold(procedure.field.name),
                     len(name_words), 1 if is_variant(name_words) else 0,
                     [search_fold(phrase) for phrase in phrases.get(procedure.code, ())]])
    words = thesaurus()
    synonyms = [[" ".join(key), list(targets), 1 if key in words.strong else 0]
                for key, targets in words.phrases.items()]
    return {"revision": revision(), "docs": docs, "synonyms": synonyms, "phrase_settings": search_phrases.settings()}


def _exists(name: str) -> bool:
    return (Path(current_app.static_folder) / name).exists()
