"""Life events offered above close search results: "Có phải bạn cần…" in big buttons.

A citizen who typed a story rarely gets one clear answer; the situations the best answers belong
to ("Sinh con", "Người thân qua đời") let them land in three taps anyway.
"""
from collections import defaultdict

from app.catalog.search import SearchHit
from app.catalog.search_index import EventLink, current_index

CLOSE = 0.8  # answers scoring at least this share of the best are "close" to it
CLOSE_POOL = 5  # of the best answers
MAX_EVENTS = 3


def events_for(hits: list[SearchHit]) -> list[EventLink]:
    """The 2–3 life events of the close best answers, most of them first; [] when one answer stands out."""
    if len(hits) < 2 or hits[1].score < CLOSE * hits[0].score:
        return []
    close = [hit for hit in hits[:CLOSE_POOL] if hit.score >= CLOSE * hits[0].score]
    events = current_index().events
    weight: dict[EventLink, float] = defaultdict(float)
    for hit in close:
        for event in events.get(hit.code, ()):
            weight[event] += hit.score
    ranked = sorted(weight, key=lambda event: (-weight[event], event.position))
    return ranked[:MAX_EVENTS]
