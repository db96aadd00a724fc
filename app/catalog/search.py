"""Kiosk search over the catalogue. (First version: replaced by the ranked search below.)"""
from dataclasses import dataclass

from sqlalchemy import select

from app.catalog.folding import fold
from app.catalog.models import STATUS_ACTIVE, Field, Procedure
from app.extensions import db


@dataclass(frozen=True)
class SearchHit:
    code: str
    name: str
    field_name: str
    field_slug: str
    online: bool | None
    is_common: bool
    score: float


def search_procedures(query: str, limit: int = 30) -> list[SearchHit]:
    """In-force procedures whose folded text holds every word of the query as a word prefix."""
    words = fold(query).split()
    if not words:
        return []
    rows = db.session.execute(
        select(Procedure, Field).join(Field).where(Procedure.status == STATUS_ACTIVE)
    )
    hits = []
    for procedure, field in rows:
        text_words = procedure.search_text.split()
        if all(any(t.startswith(w) for t in text_words) for w in words):
            hits.append(SearchHit(procedure.code, procedure.name, field.name, field.slug,
                                  procedure.online, procedure.is_common, 1.0))
    return hits[:limit]
