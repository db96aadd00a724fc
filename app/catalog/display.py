"""Turn the national database's scraped text into something a citizen can read at the kiosk.

Every parser here is pure and falls back to the text split into lines when the shape is not
recognised: a reader may get less structure, never less text.
"""
import re
from dataclasses import dataclass

from app.catalog.scraped import (
    DocumentGroup, LegalDocument, Line, clean, document_groups, legal_documents, lines,
)

MISSING = "Chưa có thông tin"
# A bare number with no unit (1 day? 1 hour?) is not printed: a citizen is sent to the counter instead.
ASK_AT_COUNTER = "Xin hỏi cán bộ tại quầy"
TIME_UNITS = ("giờ", "ngày", "ngày làm việc")
NO_INFO = {"", "không có thông tin", "none"}

# Display order: the counter first, because the citizen is standing at it.
CHANNELS = {"Trực tiếp": "Nộp trực tiếp", "Trực tuyến": "Nộp trực tuyến", "Dịch vụ bưu chính": "Gửi qua bưu điện"}
SHORT_CHANNELS = {"Trực tiếp": "trực tiếp", "Trực tuyến": "trực tuyến", "Dịch vụ bưu chính": "bưu điện"}
ONLINE = {True: "Nộp được trực tuyến", False: "Chưa nộp được trực tuyến", None: MISSING}

TIME = re.compile(r"^(\d+)\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)?$", re.IGNORECASE)
MONEY = re.compile(r"^(\d[\d.,]*)\s*(việt nam đồng|vnđ|vnd|đồng|đ|usd)$", re.IGNORECASE)
# A fee note like "/trang" is the unit of the fee, cut off into the next column by the scraper.
FEE_UNIT = re.compile(r"^/\s*[^\W\d][\w ]{0,30}$")


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    time: str
    fee: str


@dataclass
class ProcedureDetails:
    online: str
    channel_rows: list[ChannelRow]
    channels_differ: bool
    channel_names: str
    time_summary: str
    fee_summary: str
    fee_note: list[Line]
    documents: list[DocumentGroup]
    steps: list[Line]
    applicants: list[str]
    result: list[Line]
    conditions: list[Line]
    legal_basis: list[LegalDocument]
    missing: str = MISSING


def details(procedure) -> ProcedureDetails:
    """Everything the detail page shows, cleaned for reading."""
    rows = channel_rows(procedure)
    return ProcedureDetails(
        online=online_text(procedure.online),
        channel_rows=rows,
        channels_differ=len({(r.time, r.fee) for r in rows}) > 1,
        channel_names=_sentence(row.channel for row in rows),
        time_summary=_summary(procedure, rows, "time"),
        fee_summary=_summary(procedure, rows, "fee"),
        fee_note=[] if _fee_unit(procedure.fee_note) else lines(_clean_fee_note(procedure.fee_note)),
        documents=document_groups(procedure.documents),
        steps=lines(procedure.steps),
        applicants=applicants(procedure.applicants),
        result=lines(procedure.result),
        conditions=lines(procedure.conditions),
        legal_basis=legal_documents(procedure.legal_basis),
    )


def online_text(online: bool | None) -> str:
    """Whether the procedure can be filed online, in words."""
    return ONLINE.get(online, MISSING)


def is_missing(text: str | None) -> bool:
    return (text or "").strip().lower() in NO_INFO


# --- Processing time -------------------------------------------------------------------------

def format_time(text: str | None) -> str:
    """'3 Ngày làm việc' -> '3 ngày làm việc'; a bare number, whose unit nobody knows, sends to the counter."""
    if is_missing(text):
        return MISSING
    text = text.strip()
    match = TIME.match(text)
    if not match:
        return text
    number, unit = int(match.group(1)), match.group(2)
    if not unit:
        return ASK_AT_COUNTER
    return f"{number} {unit.lower()}"


def confirmed_time(procedure) -> tuple[int, str] | None:
    """The time an officer confirmed (number and unit), which wins over the source's text."""
    amount, unit = getattr(procedure, "time_amount", None), getattr(procedure, "time_unit", None)
    return (amount, unit) if amount and unit else None


def needs_time_review(procedure) -> bool:
    """The source gives no usable time for some way of filing, and no officer has confirmed one."""
    if confirmed_time(procedure):
        return False
    rows = channel_rows(procedure)
    names = [name for name in CHANNELS if CHANNELS[name] in {row.channel for row in rows}] or [None]
    return any(processing_span(procedure.processing_time, name) is None for name in names)


def processing_span(text: str | None, channel: str | None = None) -> tuple[int, str] | None:
    """'3 Ngày làm việc' -> (3, 'ngày làm việc'), for `channel` when times differ by channel.

    None when the time is missing, has no unit, or names several cases: a person must decide.
    (Added for the dossier register's due dates.)
    """
    if is_missing(text):
        return None
    per_channel = _per_channel(text)
    if per_channel is not None:
        values = per_channel.get(channel or "", [])
        if len(values) != 1:
            return None
        text = values[0]
    match = TIME.match(text.strip())
    if not match or not match.group(2):
        return None
    return int(match.group(1)), match.group(2).lower()


def time_summary(procedure) -> str:
    """The processing time on one line, also for lists of procedures."""
    return _summary(procedure, channel_rows(procedure), "time")


# --- Fee -----------------------------------------------------------------------------------

def format_money(text: str | None, unit: str = "") -> str:
    """'50,000 Việt Nam Đồng' -> '50.000 đồng'; other currencies keep their code."""
    if is_missing(text):
        return MISSING
    text = text.strip()
    if text.lower() == "miễn phí":
        return "Miễn phí"
    match = MONEY.match(text)
    if not match:
        return text + unit
    amount = int(re.sub(r"\D", "", match.group(1)))
    currency = "USD" if match.group(2).lower() == "usd" else "đồng"
    return f"{amount:,}".replace(",", ".") + f" {currency}{unit}"


def fee_summary(procedure) -> str:
    """The fee on one line, also for lists of procedures."""
    return _summary(procedure, channel_rows(procedure), "fee")


def _fee_unit(note: str | None) -> str:
    note = (note or "").strip()
    return note if FEE_UNIT.match(note) else ""


def _clean_fee_note(note: str | None) -> str:
    # "Đồng (Mức lệ phí ...)": a currency word left over from the fee column.
    note = re.sub(r"^Đồng\s+(?=\()", "", (note or "").strip())
    return re.sub(r"\)(?=[^\W\d_])", ") ", note)


# --- Channels: time and fee per way of filing ------------------------------------------------

def channel_rows(procedure) -> list[ChannelRow]:
    """One row per way of filing, merging the channels, processing_time and fee columns."""
    times = _per_channel(procedure.processing_time)
    fees = _per_channel(procedure.fee)
    listed = {name.strip() for name in (procedure.channels or "").split("|")}
    present = listed | set(times or {}) | set(fees or {})
    unit = _fee_unit(procedure.fee_note)
    confirmed = confirmed_time(procedure)
    rows = []
    for name in CHANNELS:
        if name in present:
            time = (f"{confirmed[0]} {confirmed[1]}" if confirmed
                    else _cell(procedure.processing_time, times, name, format_time))
            fee = _cell(procedure.fee, fees, name, lambda value: format_money(value, unit))
            rows.append(ChannelRow(CHANNELS[name], time, fee))
    return rows


def _per_channel(text: str | None) -> dict[str, list[str]] | None:
    """'Trực tuyến/Dịch vụ bưu chính: 20 Ngày; Trực tiếp: 15 Ngày' -> values by channel, else None."""
    if not text or ":" not in text:
        return None
    values: dict[str, list[str]] = {}
    for part in filter(str.strip, text.split(";")):
        label, _, value = part.partition(":")
        names = [name.strip() for name in label.split("/")]
        if not all(name in CHANNELS for name in names):
            return None
        for name in names:
            if value.strip() not in values.setdefault(name, []):
                values[name].append(value.strip())
    return values


def _cell(text: str | None, per_channel: dict | None, name: str, fmt) -> str:
    if per_channel is None:
        return fmt(text)
    return _alternatives([fmt(value) for value in per_channel.get(name, [])])


def _alternatives(values: list[str]) -> str:
    """Several values for one channel mean different cases the source does not name."""
    values = list(dict.fromkeys(values))
    if not values:
        return MISSING
    if len(values) == 1:
        return values[0]
    return "Tùy trường hợp: " + ", ".join(values[:-1]) + " hoặc " + values[-1]


def _summary(procedure, rows: list[ChannelRow], column: str) -> str:
    values = {getattr(row, column) for row in rows}
    if len(values) > 1:
        short = {CHANNELS[name]: label for name, label in SHORT_CHANNELS.items()}
        return "; ".join(f"{short[row.channel]}: {getattr(row, column)}" for row in rows)
    if values:
        return values.pop()
    if column == "time":
        confirmed = confirmed_time(procedure)
        return f"{confirmed[0]} {confirmed[1]}" if confirmed else format_time(procedure.processing_time)
    return format_money(procedure.fee, _fee_unit(procedure.fee_note))


def _sentence(parts) -> str:
    """'Nộp trực tiếp, gửi qua bưu điện': one capital, at the start."""
    parts = list(parts)
    if not parts:
        return MISSING
    return ", ".join([parts[0], *(part[0].lower() + part[1:] for part in parts[1:])])


# --- Short lists -----------------------------------------------------------------------------

def applicants(text: str | None) -> list[str]:
    """'Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)' -> two entries."""
    if is_missing(text):
        return []
    parts = re.split(r",\s*(?![^()]*\))", clean(text))
    return list(dict.fromkeys(part.strip() for part in parts if part.strip()))
