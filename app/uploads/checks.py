"""Judging an upload by its content, never by its name or the browser's content type.

    checked = inspect_upload(request.files["file"], request.files["file"].filename, {"pdf", "docx"})
    stored_name = store(request.files["file"], checked, "meetings")

inspect_upload raises UploadRejected with a Vietnamese message a person can act on.
"""
import io
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from flask import current_app
from PIL import Image

# Office files are ZIPs: refuse archives that would inflate past this, or hold this many parts.
MAX_UNCOMPRESSED_MB = 300
MAX_ZIP_ENTRIES = 5000
# Real document XML compresses about 5-20 times; a "zip bomb" entry, hundreds of times.
MAX_RATIO = 150
RATIO_CHECKED_FROM = 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000
MAX_NAME = 200
HEAD = 8


@dataclass(frozen=True)
class Kind:
    label: str  # what staff and attendees read
    mimetype: str
    extensions: tuple[str, ...]
    main_part: str | None = None  # Office: the part that makes the ZIP this kind of document
    main_type: str | None = None  # Office: its content type, absent from macro-enabled variants


KINDS = {
    "pdf": Kind("PDF", "application/pdf", (".pdf",)),
    "docx": Kind("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 (".docx",), "word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": Kind("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 (".xlsx",), "xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": Kind("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                 (".pptx",), "ppt/presentation.xml", "presentationml.presentation.main+xml"),
    "jpeg": Kind("Ảnh JPG", "image/jpeg", (".jpg", ".jpeg")),
    "png": Kind("Ảnh PNG", "image/png", (".png",)),
}
ALL_KINDS = frozenset(KINDS)


class UploadRejected(Exception):
    """The upload cannot be kept; `message` says why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    mimetype: str
    size: int
    original_name: str

    @property
    def extension(self) -> str:
        return KINDS[self.kind].extensions[0]


def max_upload_bytes() -> int:
    return int(current_app.config.get("MAX_UPLOAD_MB", 50)) * 1024 * 1024


def inspect_upload(source: BinaryIO | bytes, filename: str | None, allowed_kinds=ALL_KINDS) -> CheckedUpload:
    """Check name, size and content of an upload; raise UploadRejected, or describe what it is."""
    name = clean_name(filename)
    stream = as_stream(source)
    size = _size(stream)
    kind = _sniff(stream)
    if kind is None or kind not in allowed_kinds:
        raise UploadRejected(f"“{name}” không phải tệp được nhận. Chỉ nhận: {allowed_labels(allowed_kinds)}.")
    if not name.lower().endswith(KINDS[kind].extensions):
        raise UploadRejected(f"Tên “{name}” không khớp nội dung: tệp này là {KINDS[kind].label}, "
                             f"tên phải kết thúc bằng {KINDS[kind].extensions[0]}.")
    CONTENT_CHECKS[kind](stream, kind, name)
    stream.seek(0)
    return CheckedUpload(kind, KINDS[kind].mimetype, size, name)


def allowed_labels(kinds) -> str:
    return ", ".join(dict.fromkeys(KINDS[k].label for k in KINDS if k in kinds))


def clean_name(filename: str | None) -> str:
    """The file's own name, NFC (Vietnamese from macOS arrives decomposed); paths are refused."""
    name = unicodedata.normalize("NFC", (filename or "").strip())
    if not name:
        raise UploadRejected("Chưa chọn tệp nào.")
    if "/" in name or "\\" in name or name.startswith(".") or any(ord(c) < 32 or c == "\x7f" for c in name):
        raise UploadRejected(f"Tên tệp “{name[:80]}” không hợp lệ: không được chứa đường dẫn hay ký tự điều khiển.")
    if len(name) > MAX_NAME:
        raise UploadRejected(f"Tên tệp dài quá {MAX_NAME} ký tự, vui lòng đặt tên ngắn hơn.")
    return name


def as_stream(source) -> BinaryIO:
    """A seekable binary stream at its start, from bytes, a FileStorage or a file object."""
    if isinstance(source, (bytes, bytearray)):
        return io.BytesIO(source)
    stream = getattr(source, "stream", source)  # werkzeug FileStorage or a file object
    stream.seek(0)
    return stream


def _size(stream: BinaryIO) -> int:
    limit = max_upload_bytes()
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    if size == 0:
        raise UploadRejected("Tệp rỗng (0 byte), vui lòng chọn lại tệp.")
    if size > limit:
        raise UploadRejected(f"Tệp quá lớn ({size / 1048576:.1f} MB). Mỗi tệp tối đa {limit // 1048576} MB.")
    return size


def _sniff(stream: BinaryIO) -> str | None:
    head = stream.read(HEAD)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(stream)
    return None


def _office_kind(stream: BinaryIO) -> str | None:
    try:
        names = set(zipfile.ZipFile(stream).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    return next((k for k, kind in KINDS.items() if kind.main_part in names), None)


def _check_pdf(stream: BinaryIO, _kind: str, name: str) -> None:
    # A PDF ends with %%EOF (maybe followed by whitespace); a cut-off upload does not.
    stream.seek(-min(1024, _length(stream)), io.SEEK_END)
    if b"%%EOF" not in stream.read():
        raise UploadRejected(f"“{name}” là tệp PDF không hoàn chỉnh (có thể tải lên bị ngắt). Vui lòng chọn lại.")


def _length(stream: BinaryIO) -> int:
    stream.seek(0, io.SEEK_END)
    return stream.tell()


# Parts that carry code, whatever [Content_Types].xml claims (matched in lower case).
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "activex/", "attachedtoolbars.bin")
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _check_office(stream: BinaryIO, kind: str, name: str) -> None:
    broken = UploadRejected(f"“{name}” bị hỏng hoặc không phải tệp {KINDS[kind].label} thật.")
    try:
        archive = zipfile.ZipFile(stream)
        entries = archive.infolist()
        _check_inflation(entries, name)
        if "[Content_Types].xml" not in archive.namelist():
            raise broken
        with archive.open("[Content_Types].xml") as part:
            types = _content_types(part.read(1024 * 1024))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, ParseError,
            DefusedXmlException):
        raise broken from None
    if _has_macros(archive.namelist(), types, kind):
        raise UploadRejected(f"“{name}” có macro hoặc không phải tệp {KINDS[kind].label} thông thường; "
                             "vui lòng lưu lại dạng thường rồi tải lên.")


def _content_types(xml: bytes) -> dict[str, str]:
    """Part name (lower case, '/word/document.xml') or '*.ext' -> its declared content type."""
    root = fromstring(xml, forbid_dtd=True)
    types = {f"*.{e.get('Extension', '').lower()}": e.get("ContentType", "") for e in root.iter(f"{CONTENT_TYPES_NS}Default")}
    types |= {e.get("PartName", "").lower(): e.get("ContentType", "") for e in root.iter(f"{CONTENT_TYPES_NS}Override")}
    return types


def _has_macros(names: list[str], types: dict[str, str], kind: str) -> bool:
    """By the parts present, not a substring: code parts, macro content types, or a main part not plain."""
    if any(marker in part.lower() for part in names for marker in MACRO_PARTS):
        return True
    if any("macroenabled" in value.lower() or "vbaproject" in value.lower() for value in types.values()):
        return True
    main = types.get("/" + KINDS[kind].main_part, "")
    return not main.endswith("officedocument." + KINDS[kind].main_type)


def _check_inflation(entries: list[zipfile.ZipInfo], name: str) -> None:
    bomb = UploadRejected(f"“{name}” giải nén ra quá lớn hoặc quá nhiều phần, không nhận được.")
    if len(entries) > MAX_ZIP_ENTRIES:
        raise bomb
    if sum(e.file_size for e in entries) > MAX_UNCOMPRESSED_MB * 1024 * 1024:
        raise bomb
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_FROM and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise bomb


def _check_image(stream: BinaryIO, kind: str, name: str) -> None:
    broken = UploadRejected(f"“{name}” là ảnh bị hỏng, vui lòng chụp hoặc chọn lại.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream) as image:
                width, height = image.size
                image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise broken from None
    if width * height > MAX_IMAGE_PIXELS:
        raise UploadRejected(f"“{name}” có kích thước ảnh quá lớn ({width}×{height}).")


CONTENT_CHECKS = {"pdf": _check_pdf, "docx": _check_office, "xlsx": _check_office, "pptx": _check_office,
                  "jpeg": _check_image, "png": _check_image}
