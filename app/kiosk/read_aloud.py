"""What "Đọc to" says on the kiosk's pages, and the audio response; app.speech turns it into sound.

Each text says what the page shows first, in the page's own words; app.speech reads numbers as words
and leaves out codes and addresses.
"""
import hashlib
import io

from flask import Response, abort, send_file, url_for

from app import speech
from app.catalog.summary import CitizenSummary
from app.setting.services import get_setting

FIRST_PROCEDURES = 5  # a life event's list read aloud; the rest are on the screen


def url_if_available(endpoint: str, **values) -> str | None:
    """The read-aloud URL for a page's button, or None when the server cannot speak (no button then)."""
    return url_for(endpoint, **values) if speech.is_available() else None


def procedure_text(procedure, summary: CitizenSummary, form_titles: list[str] = ()) -> str:
    """A procedure's citizen summary: name, time, fee, online or not, what to bring, its forms."""
    sentences = [summary.name]
    if not procedure.is_active:
        sentences.append("Thủ tục này đã được thay thế, không còn áp dụng")
    sentences += [f"Thời gian giải quyết: {summary.time}", f"Lệ phí: {summary.fee}"]
    if procedure.is_active:
        sentences.append(_online_sentence(procedure, summary.online))
    if summary.bring:
        sentences.append("Cần mang theo: " + ". ".join(summary.bring))
    else:
        sentences.append("Giấy tờ cần mang theo: xin hỏi cán bộ tại quầy")
    if form_titles:
        sentences += ["Mẫu đơn, tờ khai: " + ". ".join(form_titles), "Có mẫu tại quầy, hoặc quét mã để tải về"]
    return _sentences(sentences)


def _online_sentence(procedure, online: bool | None) -> str:
    if online:
        whole = ", làm trọn trên mạng" if procedure.online_full else ""
        return f"Nộp qua mạng: được, bằng điện thoại{whole}"
    if online is False:
        return "Nộp qua mạng: chưa được, mời mang giấy tờ đến Bộ phận Một cửa"
    return "Nộp qua mạng: chưa rõ, xin hỏi cán bộ"


def life_event_text(event, procedures: list) -> str:
    """A life event's name and the short names of the first procedures it needs."""
    if not procedures:
        return _sentences([event.name, "Chưa có thủ tục nào. Xin mời hỏi cán bộ tại quầy"])
    names = [procedure.display_name for procedure in procedures[:FIRST_PROCEDURES]]
    more = len(procedures) - len(names)
    sentences = [event.name, "Các việc thường phải làm: " + ". ".join(names)]
    if more:
        sentences.append(f"Và {more} việc khác trên màn hình")
    sentences.append("Chạm vào việc bạn cần làm để xem chi tiết")
    return _sentences(sentences)


def guide_text(guide) -> str:
    """A guide's title, summary and steps (the speech package cuts a very long guide after a sentence)."""
    sentences = [guide.title] + ([guide.summary] if guide.summary else [])
    sentences += [f"Bước {number}: {step.text}" for number, step in enumerate(guide.steps, start=1)
                  if step.text.strip()]
    return _sentences(sentences)


def _sentences(parts: list[str]) -> str:
    """One sentence per part, each ending in a full stop, so the voice pauses between them."""
    return " ".join(part.strip().rstrip(".:;, ") + "." for part in parts if part and part.strip())


def audio_response(text: str) -> Response:
    """The spoken `text` as WAV in the admin's chosen voice; 404 when the server cannot speak.

    The browser may keep the audio but checks it each time (ETag), so a changed summary or voice is
    heard at once; Range requests are answered, as media players make them.
    """
    if not speech.is_available():
        abort(404)
    audio = speech.synthesize(text, get_setting("kiosk_voice"))
    if audio is None:
        abort(503)  # the program failed (logged by app.speech); the button says so
    response = send_file(io.BytesIO(audio), mimetype=speech.MIMETYPE, conditional=True,
                         etag=hashlib.sha256(audio).hexdigest()[:32], max_age=None)
    response.cache_control.public = True
    return response
