"""Images of a form's pages, rendered once per file on the server with PDFium (pypdfium2).

Image 0 is the kiosk's preview of the first page; images 1..n are the pages the kiosk prints.
A Word file gets none: without LibreOffice there is no honest rendering of it, so the kiosk shows
an icon and the file name instead. A JPG or PNG example is its own preview, downscaled.
"""
import threading
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from app import uploads
from app.uploads import UploadRejected

PREVIEW_WIDTH = 640  # pixels: the kiosk shows it about 420 px wide, sharp in large-text mode too
PRINT_DPI = 150  # enough for a form's small print on a laser printer, ~150 KB a page in grey
MAX_PRINT_SIDE = 2400  # pixels: a giant page is scaled down, never a 100-megapixel image
MAX_PAGES = 10  # forms are 1-4 pages; a longer PDF is downloaded, not printed at the kiosk
# PDFium is not thread-safe: one render at a time per process.
_pdfium_lock = threading.Lock()


def image_name(stored_name: str, number: int, kind: str) -> str:
    """The stored name of image `number` of a file (0: preview, 1..: printed pages)."""
    stem = stored_name.rsplit(".", 1)[0]
    extension = ".jpg" if kind == "jpeg" and number == 0 else ".png"
    return f"{stem}-{number}{extension}"


def render(stored_name: str, kind: str, name: str) -> tuple[int, tuple[int, int]]:
    """Write a stored file's images beside it; returns (page images, preview size)."""
    source = uploads.path_of(stored_name)
    if kind == "pdf":
        return _render_pdf(source, stored_name, name)
    if kind in ("jpeg", "png"):
        return 1, _render_image(source, image_name(stored_name, 0, kind), kind)
    return 0, (0, 0)


def _render_pdf(source: Path, stored_name: str, name: str) -> tuple[int, tuple[int, int]]:
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(str(source))
        except pdfium.PdfiumError:
            raise UploadRejected(f"“{name}” có mật khẩu hoặc bị hỏng nên không mở được. "
                                 "Vui lòng lưu lại thành PDF thường rồi tải lên.") from None
        try:
            if len(document) == 0:
                raise UploadRejected(f"“{name}” không có trang nào.")
            count = min(len(document), MAX_PAGES)
            preview = _page_image(document[0], PREVIEW_WIDTH / _page_width(document[0]), False)
            _save(preview, image_name(stored_name, 0, "pdf"))
            for number in range(count):
                page = document[number]
                scale = min(PRINT_DPI / 72, MAX_PRINT_SIDE / max(page.get_size()))
                _save(_page_image(page, scale, True), image_name(stored_name, number + 1, "pdf"))
            return count, preview.size
        finally:
            document.close()


def _page_width(page) -> float:
    return max(page.get_size()[0], 1.0)


def _page_image(page, scale: float, grey: bool) -> Image.Image:
    image = page.render(scale=scale, grayscale=grey, may_draw_forms=True).to_pil()
    return image.convert("L" if grey else "RGB")


def _render_image(source: Path, target: str, kind: str) -> tuple[int, int]:
    with Image.open(source) as opened:
        # Phone photos are stored sideways with an EXIF turn; the kiosk shows them upright.
        image = ImageOps.exif_transpose(opened).convert("RGB")
    image.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 2))
    _save(image, target, "JPEG" if kind == "jpeg" else "PNG")
    return image.size


def _save(image: Image.Image, stored_name: str, image_format: str = "PNG") -> None:
    path = uploads.path_of(stored_name)
    # PNG's optimize costs 10 times the time for 3% fewer bytes (measured on text pages): left off.
    options = {"quality": 85, "optimize": True} if image_format == "JPEG" else {}
    image.save(path, image_format, **options)


def remove(stored_name: str, kind: str, pages: int) -> None:
    """Delete a file's images (already gone is fine)."""
    for number in range(pages + 1):
        uploads.delete(image_name(stored_name, number, kind))
