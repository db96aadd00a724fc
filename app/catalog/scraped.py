"""Parse the national database's flattened tables (documents, legal basis) and free text into parts.

The scraper glued table cells together without separators, so these parsers look for the seams
(a quantity like "1 bản chính", a law number like "85/2019/TT-BTC") and never drop the text between.
"""
import re
from dataclasses import dataclass

DOCUMENT_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
QUANTITY = re.compile(r"\d+ bản (?:chính|sao)(?:,\s*\d+ bản (?:chính|sao))*")
COPIES = re.compile(r"(\d+) bản (chính|sao)")
FORM_FILE = re.compile(r"\.(?:docx?|pdf|xlsx?)$", re.IGNORECASE)
# "66.7/2025/NQ-CP", "90/QĐ-TTg"; a year glued in front ("năm 201335/2013/QH13") is not part of it.
LAW_NUMBER = re.compile(r"(?:(?:19|20)\d\d(?=\d{1,4}/))?(\d{1,4}(?:\.\d(?!\d))?/(?:\d{4}/)?)")
# Words that continue a title right after an issuer ("TT-BCAngày"): the capital belongs to the issuer.
TITLE_CONTINUATIONS = ("ngày ", "của ", "về ", "năm ")
LAW_KIND = re.compile(r"(?<=\S)((?:Thông tư|Nghị định|Quyết định|Nghị quyết|Luật)(?: số)?\s*)$")
BULLET = re.compile(r"^(?:[-–+*•]\)?\s*)+")
STEP = re.compile(r"^(?:[-–+*•]\s*)?((?:Bước|Trường hợp)\s*\d+\s*[:.]?)(?:\s+|$)", re.IGNORECASE)
MAX_HEADING = 120
# A " - " or " + " that may open a new point inside a line; _opens_point decides.
INLINE_BULLET = re.compile(r" +(?=[-+] +[^\W\d_])")
FORM_SEAMS = ".;:)”\"’"
MAX_TITLE = 160
# Marks the scraper copied from the web page that a reader cannot see (e.g. "đăng k\u200eý").
INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


@dataclass(frozen=True)
class Line:
    text: str
    kind: str  # "step", "heading", "item", "sub" (a "+" bullet under an item) or "text"
    label: str = ""  # "Bước 1:" of a step, shown in bold before its text


@dataclass(frozen=True)
class DocumentItem:
    name: str
    form: str | None
    # None when the source says 0 copies: a note or a paper only shown, not one to hand in.
    quantity: str | None
    sub: bool = False

    @property
    def parts(self) -> list[Line]:
        """The name split at its inline bullets ("... bao gồm: + A; + B"), for long entries."""
        return lines(self.name)


@dataclass(frozen=True)
class DocumentGroup:
    title: str | None
    intro: str | None
    items: list[DocumentItem]
    lines: list[Line]  # the text split into lines, when it is not a table


@dataclass(frozen=True)
class LegalDocument:
    title: str
    number: str | None


# --- Free text -------------------------------------------------------------------------------

def clean(text: str | None) -> str:
    """The text without invisible marks, non-breaking spaces as spaces, trimmed."""
    return INVISIBLE.sub("", (text or "").replace("\xa0", " ")).strip()


def lines(text: str | None) -> list[Line]:
    """Text split into lines, bullets marked by kind and stripped of their marker."""
    result = []
    for raw in clean(text).splitlines():
        for piece in _points(raw):
            # Leading stray punctuation is where the scraper cut a sentence; it carries nothing.
            piece = piece.strip().lstrip(".;,) ")
            if piece.strip(".;,:) "):
                result.append(_line(piece))
    return result


def _points(raw: str) -> list[str]:
    """Split a line at the bullets the scraper ran together ("... bao gồm: + A; + B")."""
    pieces, start = [], 0
    for match in INLINE_BULLET.finditer(raw):
        before, after = raw[max(match.start() - 2, 0):match.start()], raw[match.end():match.end() + 40]
        if _opens_point(before, after):
            pieces.append(raw[start:match.start()])
            start = match.end()
    pieces.append(raw[start:])
    return pieces


def _opens_point(before: str, after: str) -> bool:
    # After a sentence end or a closing ")"; or a dash before a capital ("nhà ở - Trong thời hạn"),
    # never a dash inside a name ("tư pháp - hộ tịch").
    if len(before) == 2 and before[1] in ".;:" and (before[0].isalnum() or before[0] == ")"):
        return True
    if before.endswith(")") and before[:1].isalnum():
        return True
    return before[-1:].isalnum() and after.startswith("-") and after[1:].lstrip()[:1].isupper()


def _line(text: str) -> Line:
    if step := STEP.match(text):
        return Line(text[step.end():], "step", step.group(1))
    marker = BULLET.match(text)
    rest = text[marker.end():].strip() if marker else ""
    if not rest:
        return Line(text, "text")
    if marker.group().startswith("*"):
        return Line(rest, "heading" if len(rest) <= MAX_HEADING else "text")
    return Line(rest, "sub" if "+" in marker.group() else "item")


# --- Required documents ----------------------------------------------------------------------

def document_groups(text: str | None) -> list[DocumentGroup]:
    """The documents table: groups (title, items with form and quantity); plain lines if no table."""
    text = clean(text)
    if DOCUMENT_HEADER not in text:
        loose = lines(text)
        return [DocumentGroup(None, None, [], loose)] if loose else []
    segments = text.split(DOCUMENT_HEADER)
    groups, heading = [], segments[0]
    for segment in segments[1:]:
        items, heading_next = _rows(segment)
        groups.append(_group(heading, items))
        heading = heading_next
    if heading.strip(" -*:;."):
        # Text after the last quantity: keep it, as a note of the last group.
        groups[-1].items.append(DocumentItem(heading.strip(), None, None))
    return groups


def _group(heading: str, items: list[DocumentItem]) -> DocumentGroup:
    heading = heading.strip().strip("-*+ ").rstrip(": ").strip()
    if len(heading) > MAX_TITLE:
        return DocumentGroup(None, heading, items, [])
    return DocumentGroup(heading or None, None, items, [])


def _rows(segment: str) -> tuple[list[DocumentItem], str]:
    """Split one table body at its quantity cells; what follows the last cell is the next title."""
    items, start = [], 0
    for match in QUANTITY.finditer(segment):
        cell = _cell_start(segment, match, start)
        if cell is None:
            continue
        items.append(_item(segment[start:cell], segment[cell:match.end()]))
        start = match.end()
    return items, segment[start:]


def _cell_start(text: str, match: re.Match, row_start: int) -> int | None:
    """Where the quantity cell starts, or None when the match is part of a sentence."""
    before, after = text[row_start:match.start()], text[match.end():match.end() + 20]
    if not before.strip() or before.endswith("("):
        return None
    word = re.match(r"\s+([^\W\d_]+)", after)
    if after.startswith(")") or (word and word.group(1).islower() and len(word.group(1)) > 1):
        return None
    number = match.group().split(" ", 1)[0]
    # "năm 20241 bản chính": the year ran into a one-digit quantity.
    return match.start() + len(number) - 1 if len(number) > 2 else match.start()


def _item(cell_text: str, quantity: str) -> DocumentItem:
    name = cell_text.strip()
    marker = BULLET.match(name)
    sub = bool(marker and "+" in marker.group())
    if marker and name[marker.end():].strip():
        name = name[marker.end():].strip()
    name, form = _split_form(name)
    return DocumentItem(name, form, _quantity_words(quantity), sub)


def _quantity_words(quantity: str) -> str | None:
    parts = [f"{int(n)} bản {kind}" for n, kind in COPIES.findall(quantity) if int(n) > 0]
    return ", ".join(parts) or None


def _split_form(name: str) -> tuple[str, str | None]:
    """Cut off a form's file name ("...CP;Mẫu số 01.docx") glued after the document's name."""
    extension = FORM_FILE.search(name)
    if not extension:
        return name, None
    # A file name holds no law number ("/") and no sentence break, so it starts after the last one.
    floor = max(name.rfind(seam, 0, extension.start()) for seam in ("/", ". ", ";"))
    for i in range(max(floor + 1, 1), extension.start()):
        if name[i].isalnum() and _is_seam(name, i):
            return name[:i].strip(), name[i:].strip()
    return name, None


def _is_seam(name: str, i: int) -> bool:
    before, char, after = name[i - 1], name[i], name[i + 1:i + 2]
    if before in FORM_SEAMS:
        return True
    if name[i - 1:i + 2] == "TTg":
        return False
    camel = before.isupper() and char.isupper() and after.islower()
    return (before.islower() and char.isupper()) or camel


# --- Legal basis -----------------------------------------------------------------------------

def legal_documents(text: str | None) -> list[LegalDocument]:
    """'Tên văn bản pháp lýMã văn bản<title><number>...' -> (title, number) pairs."""
    text = clean(text)
    if not text.startswith(LEGAL_HEADER):
        return [LegalDocument(line.text, None) for line in lines(text)]
    body = text[len(LEGAL_HEADER):]
    entries, start, position = [], 0, 0
    while match := LAW_NUMBER.search(body, position):
        end = _law_number_end(body, match.start(1), match.end())
        position = max(end, match.end())
        if end > match.end() and _ends_entry(body, end):
            entries.append(_legal_entry(body[start:match.start(1)], body[match.start(1):end]))
            start = end
    if body[start:].strip():
        entries.append(LegalDocument(body[start:].strip(), None))
    return entries


def _law_number_end(text: str, start: int, i: int) -> int:
    """End of the issuer part of a number ("TT-BTC", "QH13", "QĐ-TTg") glued to the next title."""
    digits = 0
    while i < len(text):
        char, following = text[i], text[i + 1:i + 2]
        if text.startswith("TTg", i):
            i += 3
        elif char.isupper() and (not following.islower() or text.startswith(TITLE_CONTINUATIONS, i + 1)):
            i, digits = i + 1, 0
        elif char == "-" or (char == "/" and following.isupper()):
            i += 1
        # Digits end an issuer like "QH13"; "…TT-BTP01/2020/TT-BTP" is the same number repeated.
        elif char.isdigit() and digits < 2 and text[i - 1] != "/" and not text.startswith(text[start:i], i):
            i, digits = i + 1, digits + 1
        else:
            break
    return i - 1 if text[i - 1] in "-/" else i


def _ends_entry(text: str, i: int) -> bool:
    """A number ends an entry when the next title follows: glued, after a space, or nothing."""
    rest = text[i:i + 40].lstrip()
    return not rest or rest[0].isupper()


def _legal_entry(title: str, number: str) -> LegalDocument:
    # The number column sometimes reads "Thông tư số 03/2023/TT-BTP": its kind glues onto the title.
    kind = LAW_KIND.search(title)
    if kind and title[:kind.start()].strip():
        title, number = title[:kind.start()], kind.group(1) + number
    return LegalDocument(title.strip(), number.strip())
