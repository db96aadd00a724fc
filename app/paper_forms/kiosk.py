"""What the kiosk's procedure page shows of its forms: previews, download QR codes, print buttons."""
from dataclasses import dataclass

from flask import url_for

from app.paper_forms import services
from app.paper_forms.models import PaperFile, PaperForm
from app.qr import services as qr
from app.setting.services import get_setting


@dataclass(frozen=True)
class KioskFile:
    file: PaperFile
    label: str  # "Mẫu để trống" or "Mẫu điền sẵn"
    preview_url: str | None
    qr_url: str


@dataclass(frozen=True)
class KioskForm:
    form: PaperForm
    files: list[KioskFile]


@dataclass(frozen=True)
class KioskSection:
    forms: list[KioskForm]
    printer: bool
    unreachable: str | None  # why phones may not reach the download address
    wifi: str  # the hall's Wi-Fi name, said when the address is only reachable on it


def section(procedure) -> KioskSection | None:
    """The 'Mẫu đơn, tờ khai' part of an in-force procedure's page, or None without forms."""
    forms = services.forms_of(procedure) if procedure.is_active else []
    if not forms:
        return None
    return KioskSection(
        forms=[KioskForm(form, _files(form)) for form in forms],
        printer=bool(get_setting("kiosk_printer")), unreachable=services.base_warning(),
        wifi=get_setting("hall_wifi_ssid") or "")


def _files(form: PaperForm) -> list[KioskFile]:
    pairs = [(form.blank, "Mẫu để trống"), (form.example, "Mẫu điền sẵn để tham khảo")]
    return [KioskFile(file, label, preview_url(file), qr_url(file)) for file, label in pairs if file]


def preview_url(paper_file: PaperFile) -> str | None:
    if not paper_file.has_preview:
        return None
    return url_for("paper_forms.page_image", file_id=paper_file.id, number=0, v=paper_file.version)


def qr_url(paper_file: PaperFile) -> str:
    """The QR image's URL names its content, so the kiosk and its offline copy may keep it for good."""
    return url_for("paper_forms.file_qr", file_id=paper_file.id, v=qr.content_tag(services.public_url(paper_file)))


def offline_urls(procedures) -> list[str]:
    """Preview images and QR codes of the forms of these procedures, for the kiosk's offline copy."""
    urls: list[str] = []
    for form in services.forms_of_procedures([p.id for p in procedures]):
        for paper_file in filter(None, (form.blank, form.example)):
            urls += [u for u in (preview_url(paper_file), qr_url(paper_file)) if u and u not in urls]
    return urls


def spoken_titles(procedure) -> list[str]:
    """The form titles "Đọc to" names on a procedure page."""
    return [form.title for form in services.forms_of(procedure)] if procedure.is_active else []
