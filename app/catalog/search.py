"""Kiosk search: rank in-force procedures by the weighted words of what a citizen typed.

Citizens type the way they speak ("xin giấy khai sinh cho con"), so no word is mandatory.
Each query word is worth its rarity (IDF), more when it is in the name than in the field,
a little less as a prefix or through a synonym; adjacent words found together earn a phrase
bonus. The procedure's own text (search_body) and what citizens say when they need it
(search_phrases) are weaker features beside the name. The best documents are found by a best-first search over the index's bit sets, so a
query costs set operations on a few features instead of a loop over every procedure.
"""
import heapq
import itertools
import math
from dataclasses import dataclass

from app.catalog import search_phrases
from app.catalog.folding import search_fold
from app.catalog.respell import corrected, in_catalogue_words, split_run_together
from app.catalog.search_body import bit_set
from app.catalog.search_index import SearchIndex, current_index
from app.catalog.synonyms import Span, Thesaurus

MAX_QUERY_CHARS = 300
MAX_WORDS = 20
SHORT_QUERY = 3  # words: unknown ones are taken for typing slips
# What one query word is worth, as a share of its weight, by where and how it matched.
IN_NAME = 1.0
TYPED_PREFIX = 0.9  # the last word, still being typed
OTHER_PREFIX = 0.7  # an earlier word that is no whole word of the catalogue
BY_SYNONYM = 0.85
SYNONYM_AGREES = 0.1  # a literal match that the synonym list also points to
IN_FIELD = 0.45
PHRASE = 0.6  # two adjacent query words adjacent in the name: share of their mean weight
FILLER = 0.15
SCATTERED = 0.8  # words of a synonym span found apart, in a document the list does not point to
# The procedure's own text (search_body): a word's share of its rarity there, at the top level.
IN_BODY = 0.3
# A word in a fifth of the texts or more ("giấy", "có", "người") says nothing of a situation.
BODY_MIN_WEIGHT = 1.1
# Words that join two needs in one sentence ("và", "với lại", "đồng thời"); "rồi" and "với" mostly do not.
NEED_JOINS = (("va",), ("voi", "lai"), ("dong", "thoi"), ("sau", "do"), ("them", "nua"))
NEED_POOL = 10  # a need's best answer moves up only from the sentence's ten best
# Hits scoring under this share of the best one are noise to an elderly reader.
KEEP_SHARE = 0.3
MAX_STEPS = 5000
# Names longer than this many words weigh less, by the square root; ranked from a wider pool.
LONG_NAME = 60
LONG_NAME_POOL = 10


@dataclass(frozen=True)
class SearchHit:
    """One result row: what the kiosk lists, and the score it was ranked by."""

    code: str
    name: str
    short_name: str
    field_name: str
    field_slug: str
    online: bool | None
    is_common: bool
    score: float


@dataclass(frozen=True)
class Feature:
    """One query word or word pair: disjoint document sets, each with what it adds to the score."""

    options: list[tuple[float, int]]
    union: int

    @property
    def best(self) -> float:
        return self.options[0][0]


def search_procedures(query: str, limit: int = 30) -> list[SearchHit]:
    """The in-force procedures best matching `query`, best first; [] for an empty query."""
    if not query_words(query) or limit <= 0:
        return []
    index = current_index()
    if not index.size:
        return []
    words = query_words(query, index.thesaurus)
    words = split_run_together(index, in_catalogue_words(words))[:MAX_WORDS]
    ranked = _first_need_first(index, words, _sentence_ranked(index, words, max(limit, NEED_POOL)))
    return [_hit(index, number, score) for score, number in ranked[:limit]]


def _sentence_ranked(index: SearchIndex, words: list[str], limit: int) -> list[tuple[float, int]]:
    if len(words) <= SHORT_QUERY:
        return _ranked(index, words, limit)
    # A sentence: its everyday words pile up in very long names.
    return sorted(((score * _long_name_factor(index, number), number)
                   for score, number in _ranked(index, words, limit + LONG_NAME_POOL)),
                  key=lambda pair: (-pair[0], pair[1]))


def _first_need_first(index: SearchIndex, words: list[str], ranked: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Two needs in one sentence ("khai tử cho bố và rút tiền tuất"): the first need's best answer leads.

    An answer serving both (a joint procedure) stays first; only answers the whole sentence already
    ranks among its best move up: a need read alone is easily misread, the sentence around it is not."""
    needs = _needs(index, words)[:2]
    if len(needs) < 2 or not ranked:
        return ranked
    bests = [[number for _, number in _sentence_ranked(index, need, 3)] for need in needs]
    if all(ranked[0][1] in best for best in bests):
        return ranked
    pool = {number: score for score, number in ranked[:NEED_POOL]}
    leads = list(dict.fromkeys(best[0] for best in bests if best and best[0] in pool))
    if not leads or leads[0] != bests[0][0]:  # the first need's answer is not among the sentence's best
        return ranked
    top = ranked[0][0]
    return [(top, n) for n in leads] + [(score, n) for score, n in ranked if n not in leads]


def _needs(index: SearchIndex, words: list[str]) -> list[list[str]]:
    """The sentence cut at its conjunctions, keeping parts with two words or more that are not filler."""
    parts, current, i = [], [], 0
    while i < len(words):
        join = next((j for j in NEED_JOINS if tuple(words[i:i + len(j)]) == j), None)
        if join:
            parts.append(current)
            current, i = [], i + len(join)
        else:
            current.append(words[i])
            i += 1
    parts.append(current)
    return [part for part in parts if _content(index, part) >= 2]


def _content(index: SearchIndex, words: list[str]) -> int:
    """How many of `words` are no filler of the synonym list."""
    covered = set()
    for span in index.thesaurus.spans(words):
        if span.is_filler:
            covered.update(range(span.start, span.end))
    return len(words) - len(covered)


def _ranked(index: SearchIndex, words: list[str], limit: int) -> list[tuple[float, int]]:
    ranked = _best_documents(index.size, _features(index, words), limit)
    # A slip in a short query is most of the query; in a sentence it is more often a real word.
    if (not ranked or len(words) <= SHORT_QUERY) and (fixed := corrected(index, words)) != words:
        ranked = _best_documents(index.size, _features(index, fixed), limit) or ranked
    return ranked


def _long_name_factor(index: SearchIndex, number: int) -> float:
    """A name of scores of words (scraped text run on) holds a sentence's everyday words by chance."""
    length = index.entries[number].length
    return 1.0 if length <= LONG_NAME else math.sqrt(LONG_NAME / length)


def query_words(query: object, thesaurus: Thesaurus | None = None) -> list[str]:
    """Folded query words, each once, at most MAX_WORDS: any input is safe here.

    With the synonym list, listed filler of two words or more goes first: a question's "cần giấy
    tờ gì" or "ở đâu" says nothing of the need, and would lose its shape once repeated words go."""
    if not isinstance(query, str):
        return []
    words = search_fold(query[:MAX_QUERY_CHARS]).split()
    if thesaurus is not None:
        spans = [span for span in thesaurus.spans(words) if span.is_filler and span.end - span.start > 1]
        dropped = {i for span in spans for i in range(span.start, span.end)}
        words = [word for i, word in enumerate(words) if i not in dropped] or words
    return list(dict.fromkeys(words))[:MAX_WORDS]


def _hit(index: SearchIndex, number: int, score: float) -> SearchHit:
    e = index.entries[number]
    return SearchHit(e.code, e.name, e.short_name, e.field_name, e.field_slug, e.online, e.is_common, round(score, 3))


def _features(index: SearchIndex, words: list[str]) -> list[Feature]:
    """One feature per matching word and per adjacent pair, the most valuable first."""
    span_of: list[Span | None] = [None] * len(words)
    for span in index.thesaurus.spans(words):
        span_of[span.start:span.end] = [span] * (span.end - span.start)
    typing = len(words) - 1
    literal = [_literal(index, word, i == typing) for i, word in enumerate(words)]
    synonyms = {id(s): _synonym(index, words, literal, s) for s in span_of if s and not s.is_filler}
    weights, features = [], []
    filler = [bool(span and span.is_filler) for span in span_of]
    # A listed phrase is read as the list says ("nhập khẩu" is residence, not imported goods).
    body_weights = [0.0 if span_of[i] else _body_weight(index, word) for i, word in enumerate(words)]
    for i, span in enumerate(span_of):
        weight, feature = _word_feature(index.size, literal[i], synonyms.get(id(span), NO_SYNONYM))
        if filler[i]:
            feature, weight = _scaled(feature, FILLER), weight * FILLER
        weights.append(weight)
        features.append(_with_body(index, feature, words[i], body_weights[i]))
    for i in range(typing):
        same_span = span_of[i] is not None and span_of[i] is span_of[i + 1]
        synonym = synonyms.get(id(span_of[i]), NO_SYNONYM) if same_span else NO_SYNONYM
        pair = _scaled(_pair_feature(index, words[i], words[i + 1], i + 1 == typing, synonym),
                       PHRASE * (weights[i] + weights[i + 1]) / 2)
        features.append(pair)
    # In a short query a synonym's procedures count its words already; in a sentence phrasings say more.
    listed = [(span, synonyms[id(span)]) for span in set(span_of) if span and not span.is_filler]
    features.append(_phrase_feature(index, words, listed if len(words) <= SHORT_QUERY else []))
    kept = [f for f in features if f.options]
    return sorted(kept, key=lambda f: f.best, reverse=True)


def _named(index: SearchIndex, term: str) -> int:
    """The documents whose name holds the word, or both words of the pair (side by side or not)."""
    mask = -1
    for word in term.split():
        mask &= index.primary.exact(word)
    return max(mask, 0)


def _phrase_feature(index: SearchIndex, words: list[str], spans: list[tuple[Span, "Synonym"]]) -> Feature:
    """The documents whose everyday phrasings the query resembles, by how much.

    A term the document's name holds, or a synonym span pointing to the document covers, is counted
    there already: its phrasings add nothing for it."""
    named = {term: _named(index, term) for term in search_phrases.terms(words) if term in index.phrases.weights}
    for span, synonym in spans:
        for term in search_phrases.terms(words[span.start:span.end]):
            if term in named:
                named[term] |= synonym.mask
    levels = index.phrases.levels(words, named)
    options = [(search_phrases.WEIGHT * score, bit_set(numbers)) for score, numbers in levels]
    union = 0
    for _, mask in options:
        union |= mask
    return Feature(options, union)


@dataclass(frozen=True)
class Synonym:
    """Documents a synonym span points to, those holding the span itself, and their share."""

    mask: int
    whole: int  # pointed to and holding the span as typed
    phrase: int  # holding the span as typed, pointed to or not
    share: float

    @property
    def best(self) -> float:
        """The share of a document holding the span as typed and also pointed to by the list."""
        return max(IN_NAME, self.share) + SYNONYM_AGREES


NO_SYNONYM = Synonym(0, 0, -1, 0.0)


def _synonym(index: SearchIndex, words: list[str], literal: list, span: Span) -> Synonym:
    mask = 0
    for target in span.targets:
        mask |= index.synonym_masks.get(target, 0)
    # The span itself as a phrase of the name: every adjacent pair of its words side by side.
    phrase = literal[span.start][0][1] | literal[span.start][1][1]
    for i in range(span.start, span.end - 1):
        pair = f"{words[i]} {words[i + 1]}"
        typed = index.bigrams.prefix(pair) if i + 1 == len(words) - 1 else 0
        phrase &= index.bigrams.exact(pair) | typed
    share = IN_NAME + SYNONYM_AGREES if span.strong else BY_SYNONYM
    return Synonym(mask, phrase & mask, phrase, share)


def _literal(index: SearchIndex, word: str, typing: bool) -> list[tuple[float, int]]:
    """Where the word itself matches, as disjoint (share, documents): name, prefix, field."""
    in_name = index.primary.exact(word)
    anywhere = index.anywhere.exact(word)
    prefix, share = 0, TYPED_PREFIX
    # Only the last word is still being typed; an earlier one is a prefix only when no word.
    if typing or not anywhere:
        share = TYPED_PREFIX if typing else OTHER_PREFIX
        prefix = index.primary.prefix(word) & ~in_name
        anywhere |= index.anywhere.prefix(word)
    return [(IN_NAME, in_name), (share, prefix), (IN_FIELD, anywhere & ~(in_name | prefix))]


def _word_feature(size: int, literal: list[tuple[float, int]], synonym: Synonym) -> tuple[float, Feature]:
    """The word's weight (its rarity) and what it adds to each document's score.

    Every document the synonym list points to counts the span as matched, a bit less than a
    literal match, whatever stray words of the span it holds; one also holding the span as
    typed ranks above both.
    """
    union = synonym.mask
    for _, mask in literal:
        union |= mask
    if not union:
        return 0.0, Feature([], 0)
    weight = _idf(union.bit_count(), size)
    # What the synonym points to is as rare as its documents, even when its words fold onto
    # common ones ("phòng trọ" onto the "phòng" and "trợ" of many names).
    concept = max(weight, _idf(synonym.mask.bit_count(), size)) if synonym.mask else weight
    options = [(synonym.best * concept, synonym.whole), (synonym.share * concept, synonym.mask & ~synonym.whole)]
    for value, mask in literal:
        # A name holding the span as typed is as specific as the synonym's procedures.
        options += [(value * concept, mask & synonym.phrase & ~synonym.mask),
                    (value * SCATTERED * weight, mask & ~synonym.phrase & ~synonym.mask)]
    return weight, _feature(options, union, 1.0)


def _pair_feature(index: SearchIndex, first: str, second: str, typing: bool, synonym: Synonym) -> Feature:
    """Two adjacent query words found side by side (or inside one synonym span)."""
    phrase = f"{first} {second}"
    exact = index.bigrams.exact(phrase)
    prefix = index.bigrams.prefix(phrase) & ~exact if typing else 0
    options = [(synonym.best, synonym.whole), (synonym.share, synonym.mask & ~synonym.whole),
               (1.0, exact & ~synonym.mask), (TYPED_PREFIX, prefix & ~synonym.mask)]
    return _feature(options, exact | prefix | synonym.mask, 1.0)


def _feature(options: list[tuple[float, int]], union: int, weight: float) -> Feature:
    kept = sorted(((value * weight, mask) for value, mask in options if mask), key=lambda o: -o[0])
    return Feature(kept, union)


def _body_weight(index: SearchIndex, word: str) -> float:
    """The word's rarity in the procedures' own text; 0 when no text holds it."""
    frequency = index.body.frequency.get(word, 0)
    weight = _idf(frequency, index.size) if frequency else 0.0
    return weight if weight >= BODY_MIN_WEIGHT else 0.0


def _with_body(index: SearchIndex, feature: Feature, word: str, weight: float) -> Feature:
    """The word's feature plus the documents whose own text alone holds it, by its level there.

    Per word the better field counts: the text adds nothing where the name holds the word, so a
    name that matches keeps its lead and twin procedures keep their order."""
    if not weight:
        return feature
    options, union = list(feature.options), feature.union
    for level, mask in index.body.levels(word):
        if mask := mask & ~feature.union:
            options.append((IN_BODY * weight * level, mask))
            union |= mask
    return _feature(options, union, 1.0)


def _scaled(feature: Feature, factor: float) -> Feature:
    return Feature([(value * factor, mask) for value, mask in feature.options], feature.union)


def _idf(matches: int, total: int) -> float:
    return math.log(1 + (total - matches + 0.5) / (matches + 0.5))


def _best_documents(size: int, features: list[Feature], limit: int) -> list[tuple[float, int]]:
    """Top (score, document) pairs: best-first branch and bound over the features' bit sets.

    A node is a set of documents that made the same choice for the first `depth` features;
    its bound adds the best that the remaining features could give. Leaves pop in score order,
    and within a leaf the lowest document numbers are the preferred ones (see search_index).
    """
    rest = [0.0] * (len(features) + 1)
    for depth in range(len(features) - 1, -1, -1):
        rest[depth] = rest[depth + 1] + features[depth].best
    heap = [(-rest[0], 0, 0, 0.0, (1 << size) - 1)]
    found: list[tuple[float, int]] = []
    floor, order = 0.0, itertools.count(1)
    for _ in range(MAX_STEPS):
        if not heap:
            break
        bound, depth, _, score, documents = heapq.heappop(heap)
        bound, depth = -bound, -depth
        if bound <= floor or (len(found) >= limit and bound < found[-1][0] - 1e-9):
            break
        if depth == len(features):
            floor = max(floor, score * KEEP_SHARE)
            found += [(score, number) for number in _lowest(documents, limit)]
            continue
        feature, below = features[depth], rest[depth + 1]
        for value, mask in [*feature.options, (0.0, ~feature.union)]:
            if chosen := documents & mask:
                heapq.heappush(heap, (-(score + value + below), -(depth + 1), next(order), score + value, chosen))
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    return found[:limit]


def _lowest(mask: int, count: int) -> list[int]:
    """The `count` lowest set bits' positions."""
    numbers = []
    while mask and len(numbers) < count:
        low = mask & -mask
        numbers.append(low.bit_length() - 1)
        mask ^= low
    return numbers
