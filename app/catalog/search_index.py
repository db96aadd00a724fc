"""The in-memory search index of the in-force catalogue, one per worker, rebuilt on change.

Documents are numbered in "static rank" order (common first, then shorter names), and every
posting list is a Python int used as a bit set: set algebra runs in C, and among equally good
matches the lowest document number is the one to show first.
"""
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from flask import current_app
from sqlalchemy import select

from app.catalog.folding import search_fold
from app.catalog.models import STATUS_ACTIVE, Field, LifeEvent, LifeEventProcedure, Procedure
from app.catalog.search_body import FIELDS as BODY_FIELDS
from app.catalog.search_body import BodyIndex, bit_set, body_index
from app.catalog.search_phrases import PhraseIndex, phrase_index
from app.catalog.synonyms import Thesaurus, thesaurus
from app.core.database import current_revision
from app.extensions import db

# Staff write keywords as a list; a phrase must not run across their separators.
_KEYWORD_SEPARATORS = re.compile(r"[,;\n]")
_PREFIX_MEMO_SIZE = 4096


@dataclass(frozen=True)
class Entry:
    """What a result row shows about one procedure."""

    code: str
    name: str
    short_name: str  # the citizen's name, or the legal one
    field_name: str
    field_slug: str
    online: bool | None
    is_common: bool
    length: int  # words of the name, without a leading "Thủ tục"


@dataclass(frozen=True)
class EventLink:
    """A life event a result belongs to, as the search page links it."""

    slug: str
    name: str
    icon: str
    position: int


class Vocabulary:
    """Terms mapped to the bit set of documents holding them, with prefix look-up."""

    def __init__(self, postings: dict[str, list[int]]):
        self.masks = {term: bit_set(ids) for term, ids in postings.items()}
        self.terms = sorted(self.masks)
        self._prefix_memo: dict[str, int] = {}

    def exact(self, term: str) -> int:
        return self.masks.get(term, 0)

    def prefix(self, start: str) -> int:
        """Documents holding a term that begins with `start` (memoised: kiosk typing repeats)."""
        mask = self._prefix_memo.get(start)
        if mask is None:
            mask = 0
            for term in self.terms[bisect_left(self.terms, start):bisect_left(self.terms, start + "\uffff")]:
                mask |= self.masks[term]
            if len(self._prefix_memo) >= _PREFIX_MEMO_SIZE:
                self._prefix_memo.clear()
            self._prefix_memo[start] = mask
        return mask


@dataclass(frozen=True)
class SearchIndex:
    entries: list[Entry]
    primary: Vocabulary  # words of the name, the staff keywords and the code
    anywhere: Vocabulary  # also the field name: everything in Procedure.search_text
    bigrams: Vocabulary  # adjacent word pairs "a b" of the name and of each keyword phrase
    synonym_masks: dict[str, int]  # folded catalogue phrase (or field target) -> documents it points to
    thesaurus: Thesaurus  # the synonym list plus every field name of two words or more
    body: BodyIndex  # the procedure's own text: applicants, result, documents, conditions, steps...
    events: dict[str, tuple[EventLink, ...]]  # code -> the life events listing it
    phrases: PhraseIndex  # what citizens say when they need each procedure (seed/phrases)

    @property
    def size(self) -> int:
        return len(self.entries)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word of the catalogue and of the synonym list: what a query may hold as typed."""
        listed = {word for phrase in self.thesaurus.phrases for word in phrase}
        return frozenset(self.anywhere.masks) | listed | self.phrases.words

    @cached_property
    def known_pairs(self) -> frozenset[str]:
        """Every "a b" of adjacent words in a name, a staff keyword or a listed phrase."""
        listed = {f"{a} {b}" for phrase in self.thesaurus.phrases for a, b in zip(phrase, phrase[1:])}
        return frozenset(self.bigrams.masks) | listed

    def frequency(self, word: str) -> int:
        """How many procedures hold `word` anywhere."""
        return self.anywhere.exact(word).bit_count()


def build_index() -> SearchIndex:
    """Read the in-force catalogue in one query and index it."""
    rows = _ranked_rows()
    entries = [Entry(row.code, row.name, row.short_name or row.name, row.field_name, row.field_slug, row.online, row.is_common,
                     _length(words)) for row, words in rows]
    primary, anywhere, bigrams = (Vocabulary(postings) for postings in _postings(rows))
    masks, field_phrases = _synonym_masks(primary), {}
    for field_name, numbers in _field_documents(entries).items():
        words = tuple(search_fold(field_name).split())
        if len(words) >= 2:  # "Thú y", "Đất đai": a field's name typed whole finds its procedures
            target = FIELD_TARGET + " ".join(words)
            field_phrases[words], masks[target] = target, bit_set(numbers)
    return SearchIndex(entries, primary, anywhere, bigrams, masks, thesaurus().with_phrases(field_phrases),
                       body_index([row for row, _ in rows]), _events(), phrase_index([e.code for e in entries]))


def _events() -> dict[str, tuple[EventLink, ...]]:
    query = (select(Procedure.code, LifeEvent.slug, LifeEvent.name, LifeEvent.icon, LifeEvent.position)
             .join(LifeEventProcedure, LifeEventProcedure.procedure_id == Procedure.id)
             .join(LifeEvent).order_by(LifeEvent.position, LifeEvent.id))
    events: dict[str, tuple[EventLink, ...]] = {}
    for code, *event in db.session.execute(query):
        events[code] = events.get(code, ()) + (EventLink(*event),)
    return events


FIELD_TARGET = "linh vuc:"  # synonym targets that are a field's procedures, not words of names


def _field_documents(entries: list[Entry]) -> dict[str, list[int]]:
    numbers: dict[str, list[int]] = {}
    for number, entry in enumerate(entries):
        numbers.setdefault(entry.field_name, []).append(number)
    return numbers


def _ranked_rows() -> list[tuple]:
    """(row, folded name words) of in-force procedures, in static rank order."""
    query = (
        select(Procedure.code, Procedure.name, Procedure.short_name, Procedure.keywords, Procedure.search_text,
               Procedure.online, Procedure.is_common, *(getattr(Procedure, name) for name in BODY_FIELDS),
               Field.name.label("field_name"), Field.slug.label("field_slug"))
        .join(Field)
        .where(Procedure.status == STATUS_ACTIVE)
    )
    rows = [(row, search_fold(row.name).split()) for row in db.session.execute(query)]
    rows.sort(key=lambda item: (not item[0].is_common, is_variant(item[1]), _length(item[1]), item[0].code))
    return rows


# Names opening with these words amend, renew or withdraw what another procedure gave: among equally
# good matches the citizen who typed "xe may" or "giay phep xay dung" wants the first-time one.
_VARIANT_OPENINGS = tuple(tuple(search_fold(words).split()) for words in (
    "thu hoi", "cap lai", "cap doi", "doi", "dieu chinh", "dinh chinh", "gia han", "hieu dinh",
    "dang ky lai", "giai the", "dang ky giai the", "dung thuc hien", "thoi",
    "ghi vao so",  # a case already decided abroad, recorded here
))


def is_variant(name_words: list[str]) -> bool:
    words = _without_opening(name_words)
    return any(tuple(words[:len(opening)]) == opening for opening in _VARIANT_OPENINGS)


def _postings(rows: list[tuple]) -> tuple[dict, dict, dict]:
    """Document numbers per term: of name, keywords and code; of anything; of adjacent pairs."""
    primary, anywhere, bigrams, field_words = {}, {}, {}, {}
    for number, (row, name_words) in enumerate(rows):
        # The short name is one more phrase of the name's: citizens read it on every tile.
        keywords = [row.short_name or ""] + _KEYWORD_SEPARATORS.split(row.keywords or "")
        phrases = [name_words] + [search_fold(k).split() for k in keywords]
        words = {w for phrase in phrases for w in phrase} | _code_terms(row.code)
        for word in words:
            primary.setdefault(word, []).append(number)
        # The field's own words as well: a renamed field leaves search_text stale until refreshed.
        if row.field_name not in field_words:
            field_words[row.field_name] = set(search_fold(row.field_name).split())
        for word in words | field_words[row.field_name] | set(search_fold(row.search_text).split()):
            anywhere.setdefault(word, []).append(number)
        for pair in {f"{a} {b}" for phrase in phrases for a, b in zip(phrase, phrase[1:])}:
            bigrams.setdefault(pair, []).append(number)
    return primary, anywhere, bigrams


def _length(name_words: list[str]) -> int:
    return len(_without_opening(name_words))


def _without_opening(name_words: list[str]) -> list[str]:
    # Many names open with "Thủ tục": it says nothing, neither about length nor about kind.
    return name_words[2:] if name_words[:2] == ["thu", "tuc"] else name_words


def _code_terms(code: str) -> set[str]:
    """'1.001193' is found as typed, by its digits after the dot, and without the dot."""
    head, _, tail = code.partition(".")
    return {code.lower(), tail, head + tail} - {""}


def _synonym_masks(primary: Vocabulary) -> dict[str, int]:
    masks = {}
    for target in thesaurus().targets:
        mask = -1
        for word in target.split():
            mask &= primary.exact(word)
        masks[target] = max(mask, 0)
    return masks


_indexes: dict[str, tuple[int, SearchIndex]] = {}
_lock = threading.Lock()


def current_index() -> SearchIndex:
    """This worker's index for the app's database, rebuilt when the 'kiosk' revision moved."""
    # Keyed by database URI as well: tests run many apps, each with its own counter.
    uri = current_app.config["SQLALCHEMY_DATABASE_URI"]
    revision = current_revision("kiosk")
    known = _indexes.get(uri)
    if known and known[0] == revision:
        return known[1]
    with _lock:
        known = _indexes.get(uri)
        if not (known and known[0] == revision):
            if len(_indexes) >= 4:
                _indexes.clear()
            known = _indexes[uri] = (revision, build_index())
    return known[1]


def clear() -> None:
    """Forget every index (for tests that reuse a database file under the same URI)."""
    _indexes.clear()
