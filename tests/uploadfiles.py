"""Genuine and forged upload files built in memory, for the upload and meetings tests."""
import io
import zipfile

from PIL import Image

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.{main}"/>'
                 '</Types>')
OFFICE = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def pdf_bytes(text: str = "Tai lieu hop", padding: int = 0) -> bytes:
    """A small valid PDF with one page of text; `padding` adds a comment of that many bytes."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    if padding:
        out.write(b"%" + b"x" * padding + b"\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def office_bytes(kind: str = "docx", main_type: str | None = None, extra: dict | None = None) -> bytes:
    """A minimal Office file of `kind` (its main part and [Content_Types].xml), the same bytes every call."""
    part, main = OFFICE[kind]
    out = io.BytesIO()
    # A fixed time: writestr with a bare name stamps the current second, and tests compare bytes
    # of an upload with bytes built again later.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_entry("[Content_Types].xml"), CONTENT_TYPES.format(part=part, main=main_type or main))
        archive.writestr(_entry(part), "<document>Nội dung</document>")
        for name, data in (extra or {}).items():
            archive.writestr(_entry(name), data)
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 2, 3, 4, 6))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def zip_bomb_docx(megabytes: int = 60) -> bytes:
    """A docx-shaped ZIP with a part of zeros that inflates to `megabytes` MB."""
    out = io.BytesIO()
    part, main = OFFICE["docx"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part=part, main=main))
        with archive.open(part, "w", force_zip64=True) as entry:
            block = bytes(1024 * 1024)
            for _ in range(megabytes):
                entry.write(block)
    return out.getvalue()


def image_bytes(kind: str = "png", size=(40, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG" if kind == "png" else "JPEG")
    return out.getvalue()


# A Windows program's first bytes: what an .exe renamed to .pdf really starts with.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200)
