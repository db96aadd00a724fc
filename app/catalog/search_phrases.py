"""What citizens say when they need a procedure: a sentence about one's situation matched phrase by phrase.

`seed/phrases/*.tsv` holds, per procedure code, everyday phrasings written from the procedure's own
text ("bố tôi mới mất", "lãnh tiền già dùm má", "giấy hôn thú bị mất"): the words a story holds and
a legal name lacks. A query is compared with every phrase: the rarity-weighted words and word pairs
they share, times the square root of the share of the phrase they cover, so that a query holding
most of one phrase beats one holding a few words of many. A procedure counts its best phrase.

The score enters the ranking as one more feature, in a few levels each a bit set of documents, like
the procedure's own text (see search_body). Rarity is counted over procedures, not phrases: a word
all of a procedure's phrases repeat is still one procedure's word.
"""
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from app.catalog.folding import search_fold

PHRASES_DIR = Path(__file__).parent / "seed" / "phrases"
# What a procedure's best phrase score adds to its ranking score, as a share (a name word counts 1).
WEIGHT = 0.8
# A term in more than this share of the procedures' phrasings ("tôi", "làm", "giấy") says nothing.
MAX_SHARE = 0.5
# A term in over this share of the phrased procedures (and in more than 3) only adds to phrases a rarer one found.
COMMON_SHARE = 1 / 12
MIN_TERMS = 2  # words or pairs a phrase must share with the query to count
COVERAGE = 0.5  # the share of a phrase the query covers weighs by this power
MEMO_SIZE = 4096
LEVELS = 4  # a procedure's phrase score is rounded up to a quarter of the best one's
FLOOR = 0.25  # procedures under this share of the best phrase score get nothing from phrases


@cache
def bundled() -> dict[str, tuple[str, ...]]:
    """Code -> its everyday phrasings as written, from every .tsv file of PHRASES_DIR."""
    phrases: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PHRASES_DIR.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, _, phrase = line.partition("\t")
            if phrase.strip():
                phrases[code.strip()].append(phrase.strip())
    return {code: tuple(dict.fromkeys(found)) for code, found in phrases.items()}


def terms(words: list[str] | tuple[str, ...]) -> set[str]:
    """The words and the adjacent pairs ("mới mất") of folded words."""
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@dataclass(frozen=True)
class PhraseIndex:
    postings: dict[str, tuple[int, ...]]  # term -> numbers of the phrases holding it
    weights: dict[str, float]  # term -> its rarity over the procedures' phrasings
    totals: tuple[float, ...]  # phrase -> the weight of all its terms
    owners: tuple[int, ...]  # phrase -> document number
    words: frozenset[str]  # every word of every phrase
    starting: frozenset[str]  # terms rare enough to find phrases on their own (see COMMON_SHARE)
    common: dict[str, frozenset[int]]  # the other weighed terms -> the phrases holding them
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # see levels()

    def scores(self, words: list[str], named: dict[str, int]) -> dict[int, float]:
        """Document number -> its best phrase's score for the folded query `words`; only documents > 0.

        `named` maps a term to the documents whose name already holds it: there a phrase adds nothing
        for that term (the name counts it), so a name that matches keeps its order among its twins."""
        matched: dict[int, float] = {}
        unnamed: dict[int, float] = {}
        evidence: Counter = Counter()
        owners = self.owners
        weighed = sorted(((self.weights[term], term) for term in terms(words) if term in self.weights), reverse=True)
        for weight, term in weighed:
            mask = named.get(term, 0)
            if term in self.starting:
                postings = self.postings[term]
            else:  # scoring every phrase holding a common word costs more than it tells
                holding = self.common[term]
                postings = [phrase for phrase in matched if phrase in holding]
            evidence.update(postings)
            add = matched.get
            for phrase in postings:
                matched[phrase] = add(phrase, 0.0) + weight
            add = unnamed.get
            for phrase in postings:
                if not mask >> owners[phrase] & 1:
                    unnamed[phrase] = add(phrase, 0.0) + weight
        best: dict[int, float] = {}
        for phrase, weight in unnamed.items():
            if evidence[phrase] < MIN_TERMS:
                continue
            score = weight * (matched[phrase] / self.totals[phrase]) ** COVERAGE
            owner = self.owners[phrase]
            if score > best.get(owner, 0.0):
                best[owner] = score
        return best

    def levels(self, words: list[str], named: dict[str, int]) -> list[tuple[float, list[int]]]:
        """(score, documents) from the best down, scores rounded up to LEVELS steps of the best one.

        Kept per weighed terms: while a word is being typed it weighs nothing yet, so each key
        after the first of a word asks what the previous one did."""
        key = tuple(sorted((term, named.get(term, 0)) for term in terms(words) if term in self.weights))
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            found = self.memo[key] = self._levels(words, named)
        return found

    def _levels(self, words: list[str], named: dict[str, int]) -> list[tuple[float, list[int]]]:
        scores = self.scores(words, named)
        if not scores:
            return []
        top = max(scores.values())
        grouped: dict[float, list[int]] = defaultdict(list)
        for number, score in scores.items():
            if score >= FLOOR * top:
                grouped[math.ceil(score / top * LEVELS) / LEVELS * top].append(number)
        return sorted(grouped.items(), reverse=True)


def settings() -> dict[str, float]:
    """The constants the browser's copy of this scoring needs (static/js/offline-search.js)."""
    return {"weight": WEIGHT, "max_share": MAX_SHARE, "common_share": COMMON_SHARE, "min_terms": MIN_TERMS, "coverage": COVERAGE,
            "levels": LEVELS, "floor": FLOOR}


EMPTY = PhraseIndex({}, {}, (), (), frozenset(), frozenset(), {})


def phrase_index(codes: list[str], phrases: dict[str, tuple[str, ...]] | None = None) -> PhraseIndex:
    """Index the phrasings of the documents `codes` (numbered as given)."""
    phrases = bundled() if phrases is None else phrases
    postings: dict[str, list[int]] = defaultdict(list)
    owners, folded = [], []
    for number, code in enumerate(codes):
        for phrase in phrases.get(code, ()):
            words = search_fold(phrase).split()
            if words:
                for term in terms(words):
                    postings[term].append(len(owners))
                owners.append(number)
                folded.append(words)
    if not owners:
        return EMPTY
    documents = {term: len({owners[p] for p in found}) for term, found in postings.items()}
    with_phrases = len(set(owners))
    weights = {term: _idf(count, with_phrases) for term, count in documents.items()
               if count <= max(1, MAX_SHARE * with_phrases)}
    starting = frozenset(term for term in weights if documents[term] <= max(3, COMMON_SHARE * with_phrases))
    totals = tuple(sum(weights.get(term, 0.0) for term in terms(words)) or 1.0 for words in folded)
    return PhraseIndex({term: tuple(postings[term]) for term in weights}, weights, totals, tuple(owners),
                       frozenset(word for words in folded for word in words), starting,
                       {term: frozenset(postings[term]) for term in weights if term not in starting})


def _idf(matches: int, total: int) -> float:
    return math.log(1 + (total - matches + 0.5) / (matches + 0.5))
