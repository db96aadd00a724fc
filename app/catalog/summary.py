"""A procedure's first view for a citizen: what it is, how long, how much, and what to bring.

The legal text stays one tap away ("Xem đầy đủ"); this is what a helpful officer would say first.
"""
import re
from dataclasses import dataclass

from app.catalog import display
from app.catalog.folding import fold
from app.catalog.scraped import clean, document_groups

MAX_BRING = 6
MAX_BRING_WORDS = 14
MAX_LEGAL_NAME_WORDS = 40
# Entries that name a rare case, a note or the online-only variant of a paper: not the usual case.
_RARE = re.compile(
    r"^(truong hop|doi voi|neu|trong truong hop|ngoai ra|luu y|mau ho tich dien tu|ban chup|"
    r"ban dien tu|mau dien tu|van ban uy quyen|giay uy quyen|nguoi co yeu cau|nguoi yeu cau|can cu\b)"
    r"|\btruong hop\b"
)
_NOTE_GROUPS = ("luu y", "ghi chu")
_FORM_OPENINGS = ("to khai", "don ", "ban khai", "phieu")
# "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/...": the identity papers hộ tịch asks to be shown.
_IDENTITY_LIST = re.compile(r"^ho chieu/.*can cuoc")
IDENTITY = "Căn cước (hoặc hộ chiếu) của người đi làm thủ tục"
_CLAUSE_END = re.compile(r"\s*(?:;|\.\s|\(|:|,\s*(?:truong hop|neu|tru)\b)")


@dataclass(frozen=True)
class CitizenSummary:
    name: str  # the short name, or the legal name when there is none
    legal_name: str  # clipped: scraped names can run to 200 words
    legal_name_clipped: bool
    time: str
    fee: str
    online: bool | None
    bring: list[str]
    bring_is_curated: bool


def citizen_summary(procedure) -> CitizenSummary:
    """The first view of a procedure page, and what "Đọc to" reads."""
    legal, clipped = clip_words(clean(procedure.name), MAX_LEGAL_NAME_WORDS)
    curated = curated_bring(procedure.what_to_bring)
    return CitizenSummary(
        name=procedure.short_name or procedure.name,
        legal_name=legal,
        legal_name_clipped=clipped,
        time=display.time_summary(procedure),
        fee=display.fee_summary(procedure),
        online=procedure.online if procedure.url else False,
        bring=curated or usual_documents(procedure.documents),
        bring_is_curated=bool(curated),
    )


def curated_bring(text: str | None) -> list[str]:
    """An officer's list, one document per line ("- " bullets allowed)."""
    lines = (line.strip().lstrip("-•+* ").strip() for line in (text or "").splitlines())
    return [line for line in lines if line][:MAX_BRING]


def usual_documents(text: str | None) -> list[str]:
    """A guess at the usual case's papers from the scraped table: documents to hand in or show,
    without notes, rare cases, proxies and online-only copies, forms first, each cut to its first clause."""
    names: list[str] = []
    for group in document_groups(text):
        if group.title and fold(group.title).startswith(_NOTE_GROUPS):
            continue
        for item in group.items:
            if item.sub or not item.quantity:
                continue
            clause = first_clause(item.parts[0].text if item.parts else item.name)
            name, _ = clip_words(clause, MAX_BRING_WORDS)
            if name and not _RARE.search(fold(clause)) and name not in names:
                names.append(name)
    names.sort(key=lambda name: not fold(name).startswith(_FORM_OPENINGS))
    return names[:MAX_BRING]


def first_clause(text: str) -> str:
    """'Giấy chứng sinh; trường hợp không có...' -> 'Giấy chứng sinh'."""
    text = clean(text).strip(" -+•;.")
    if _IDENTITY_LIST.match(_ascii_shadow(text)):
        return IDENTITY
    match = _CLAUSE_END.search(_ascii_shadow(text))
    if match and match.start() > 0:
        text = text[:match.start()]
    return text.strip(" ,;:")


def clip_words(text: str, limit: int) -> tuple[str, bool]:
    """At most `limit` words, with an ellipsis when something was cut."""
    words = text.split()
    if len(words) <= limit:
        return text, False
    return " ".join(words[:limit]).rstrip(",;:") + "…", True


def _ascii_shadow(text: str) -> str:
    """The text folded letter by letter, same length, so positions found in it apply to the original."""
    return "".join(_shadow_letter(ch) for ch in text)


def _shadow_letter(ch: str) -> str:
    if ch.isspace():
        return " "
    return fold(ch)[:1] or (ch if not ch.isalnum() else "x")
