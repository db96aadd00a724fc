"""The procedure's own text as a weaker search field: who may apply, the result, the documents...

A sentence about one's situation often holds words that only this text has ("mồ côi", "thương binh",
"vũ khí thô sơ"). Each text field has its own weight and its own length normalisation (BM25F): one
mention in the short "applicants" line says more than one in twenty pages of documents. A word's
saturated score in (0, 1) is kept as one of a few levels, each a bit set of documents, so the
search's best-first walk over bit sets works on it as on the name.
"""
from collections import Counter
from dataclasses import dataclass

from app.catalog.folding import fold, search_spelling

# Procedure column -> (weight, length normalisation b). Steps and documents are long and alike.
FIELDS = {
    "applicants": (2.0, 0.5),
    "result": (2.0, 0.5),
    "conditions": (1.5, 0.75),
    "what_to_bring": (1.5, 0.5),
    "documents": (1.0, 0.75),
    "steps": (0.5, 0.75),
}
K1 = 1.2
LEVELS = 4  # a word's score in a document is rounded up to a quarter
_MEMO_SIZE = 20_000


@dataclass(frozen=True)
class BodyIndex:
    """Per folded word, disjoint (level in (0, 1], documents), the highest level first."""

    words: dict[str, list[tuple[float, int]]]
    frequency: dict[str, int]  # documents holding the word

    def levels(self, word: str) -> list[tuple[float, int]]:
        return self.words.get(word, [])


def body_index(rows: list) -> BodyIndex:
    """Index the text fields of `rows` (objects with the FIELDS as attributes), numbered as given."""
    counts = [{name: _counted(getattr(row, name)) for name in FIELDS} for row in rows]
    average = {name: _average_length(counts, name) for name in FIELDS}
    levels: dict[str, dict[float, list[int]]] = {}
    for number, fields in enumerate(counts):
        for word, score in _saturated(fields, average).items():
            level = -(-score * LEVELS // 1) / LEVELS  # rounded up: any mention is worth a level
            levels.setdefault(word, {}).setdefault(level, []).append(number)
    words = {word: sorted(((level, bit_set(ids)) for level, ids in by_level.items()), reverse=True)
             for word, by_level in levels.items()}
    frequency = {word: sum(len(ids) for ids in by_level.values()) for word, by_level in levels.items()}
    return BodyIndex(words, frequency)


@dataclass(frozen=True)
class _Counted:
    words: Counter
    length: int


_EMPTY = _Counted(Counter(), 0)
_memo: dict[str, _Counted] = {}


def _counted(text: str | None) -> _Counted:
    """Word counts of one field's text, memoised: a catalogue edit changes few texts."""
    if not text:
        return _EMPTY
    known = _memo.get(text)
    if known is None:
        if len(_memo) >= _MEMO_SIZE:
            _memo.clear()
        words = fold(text).split()
        counts = Counter()
        for word, tf in Counter(words).items():
            counts[search_spelling(word)] += tf
        known = _memo[text] = _Counted(counts, len(words))
    return known


def _average_length(counts: list[dict[str, _Counted]], name: str) -> float:
    lengths = [fields[name].length for fields in counts if fields[name].length]
    return sum(lengths) / len(lengths) if lengths else 1.0


def _saturated(fields: dict[str, _Counted], average: dict[str, float]) -> dict[str, float]:
    """BM25F: each field's counts weighted and length-normalised, summed, then saturated."""
    pseudo: Counter = Counter()
    for name, counted in fields.items():
        if not counted.length:
            continue
        weight, b = FIELDS[name]
        norm = weight / (1 - b + b * counted.length / average[name])
        for word, tf in counted.words.items():
            pseudo[word] += tf * norm
    return {word: tf / (K1 + tf) for word, tf in pseudo.items()}


def bit_set(numbers: list[int]) -> int:
    """The int whose bits `numbers` are set: the search's document set."""
    bits = bytearray((max(numbers) >> 3) + 1)
    for n in numbers:
        bits[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(bits, "little")
