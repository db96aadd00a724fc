"""Forms: upload once, link to many procedures, the list of procedures still missing theirs, kiosk prints."""
import re
from datetime import timedelta

from flask import current_app, has_app_context, url_for
from sqlalchemy import event, exists, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from app import uploads
from app.audit import services as audit
from app.catalog.folding import fold
from app.catalog.life_events import OTHER_SLUG
from app.catalog.models import STATUS_ACTIVE, Field, LifeEvent, LifeEventProcedure, Procedure
from app.catalog.scraped import DOCUMENT_HEADER
from app.core.timeutil import utcnow
from app.extensions import db
from app.paper_forms import previews
from app.paper_forms.models import PaperFile, PaperForm, PaperFormPrint, ProcedurePaperForm
from app.setting.services import get_setting, unreachable_reason
from app.uploads.checks import as_stream

FOLDER = "paper_forms"
BLANK_KINDS = frozenset({"pdf", "docx"})
EXAMPLE_KINDS = frozenset({"pdf", "jpeg", "png"})
# Word 97-2003 files: a compound file, not a ZIP. Nothing here can check or show one.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Words in a procedure's documents that name a paper to fill in (folded; the table's own
# header "Mẫu đơn, tờ khai" is removed first). "Đơn" alone would also match "đơn vị".
NAMES_A_FORM = re.compile(
    r"\b(to khai|ban khai|mau so|theo mau|mau [a-z]{0,3}\d|giay de nghi|"
    r"don (de nghi|xin|dang ky|yeu cau|khieu nai|to cao|trinh bay|cam ket)|"
    r"phieu (yeu cau|de nghi|dang ky|thong tin|thu nhan|thu thap|lay y kien))\b")
# Kiosk prints: at most this many of one form, and of all forms, within the window.
PRINT_WINDOW = timedelta(minutes=3)
PRINTS_PER_FORM = 3
PRINTS_IN_ALL = 10


def store_file(source, filename: str | None, kinds: frozenset, username: str) -> PaperFile:
    """Check, store and render one upload; raises UploadRejected before any row is added."""
    _refuse_old_word(source, filename)
    checked = uploads.inspect_upload(source, filename, kinds)
    stored_name = uploads.store(source, checked, FOLDER)
    _forget_on_rollback(stored_name, checked.kind, previews.MAX_PAGES)
    pages, (width, height) = previews.render(stored_name, checked.kind, checked.original_name)
    paper_file = PaperFile(original_name=checked.original_name, stored_name=stored_name, kind=checked.kind,
                           mimetype=checked.mimetype, size=checked.size, page_count=pages,
                           preview_width=width, preview_height=height, uploaded_by=username)
    db.session.add(paper_file)
    return paper_file


def _refuse_old_word(source, filename: str | None) -> None:
    """A .doc gets a message a person can act on, not 'not accepted'."""
    stream = as_stream(source)
    head = stream.read(len(OLE_MAGIC))
    stream.seek(0)
    if head == OLE_MAGIC or (filename or "").lower().endswith(".doc"):
        raise uploads.UploadRejected(
            f"“{filename}” là tệp Word đời cũ (.doc). Vui lòng mở tệp trong Word, chọn “Lưu thành” "
            "(Save As) dạng PDF hoặc Word (.docx), rồi tải lên tệp mới.")


def create_form(title: str, blank: PaperFile, example: PaperFile | None) -> PaperForm:
    """A new form from stored files; the title defaults to the blank file's name."""
    title = " ".join(title.split()) or blank.original_name.rsplit(".", 1)[0]
    paper_form = PaperForm(title=title, blank=blank, example=example)
    db.session.add(paper_form)
    audit.record("upload", record_type="paper_form", label=title,
                 message=f"Tải lên mẫu “{title}” ({blank.original_name}"
                 + (f", mẫu điền sẵn {example.original_name}" if example else "") + ")")
    return paper_form


def replace_file(paper_form: PaperForm, role: str, new: PaperFile | None) -> None:
    """Put `new` as the form's blank or example (None: no example); the old file goes after commit."""
    old = paper_form.blank if role == "blank" else paper_form.example
    if role == "blank":
        paper_form.blank = new
    else:
        paper_form.example = new
    if old is not None:
        delete_file(old)


def delete_form(paper_form: PaperForm) -> None:
    """Remove the form, its links and its files (the files once that is committed)."""
    files = [paper_form.blank, paper_form.example]
    db.session.delete(paper_form)
    db.session.flush()
    for paper_file in files:
        if paper_file is not None:
            delete_file(paper_file)


def delete_file(paper_file: PaperFile) -> None:
    db.session.info.setdefault("paper_files_deleted", []).append(
        (paper_file.stored_name, paper_file.kind, paper_file.page_count))
    db.session.delete(paper_file)


def link(paper_form: PaperForm, procedure: Procedure) -> bool:
    """Link a form to a procedure (last in its list); False when it already was."""
    if any(existing.procedure_id == procedure.id for existing in paper_form.links):
        return False
    position = db.session.scalar(select(db.func.max(ProcedurePaperForm.position))
                                 .where(ProcedurePaperForm.procedure_id == procedure.id)) or 0
    paper_form.links.append(ProcedurePaperForm(procedure=procedure, position=position + 1))
    return True


def unlink(paper_form: PaperForm, procedure: Procedure) -> None:
    paper_form.links = [existing for existing in paper_form.links if existing.procedure_id != procedure.id]


def forms_of(procedure: Procedure) -> list[PaperForm]:
    return list(db.session.scalars(PaperForm.of_procedure(procedure.id)))


def forms_of_procedures(procedure_ids: list[int]) -> list[PaperForm]:
    """The forms linked to any of these procedures, each once, files loaded (one statement)."""
    if not procedure_ids:
        return []
    query = (select(PaperForm).where(PaperForm.links.any(ProcedurePaperForm.procedure_id.in_(procedure_ids)))
             .order_by(PaperForm.id).options(selectinload(PaperForm.blank), selectinload(PaperForm.example)))
    return list(db.session.scalars(query))


def names_a_form(documents: str | None) -> bool:
    """True when a procedure's documents name a form to fill in."""
    return bool(NAMES_A_FORM.search(fold((documents or "").replace(DOCUMENT_HEADER, " "))))


def missing_forms() -> list[tuple[Procedure, bool]]:
    """(procedure, in a life event) for in-force procedures whose documents name a form and that have
    none: common ones first, then those in a life event, then by field and code (most seen first)."""
    # Every procedure is in some event ("Việc khác" takes the rest): only a real one counts here.
    in_event = exists().where(LifeEventProcedure.procedure_id == Procedure.id,
                              LifeEventProcedure.life_event_id == LifeEvent.id, LifeEvent.slug != OTHER_SLUG)
    has_form = exists().where(ProcedurePaperForm.procedure_id == Procedure.id)
    query = (select(Procedure, in_event).join(Field).options(contains_eager(Procedure.field))
             .where(Procedure.status == STATUS_ACTIVE, ~has_form)
             .order_by(Procedure.is_common.desc(), in_event.desc(), Field.position, Field.name, Procedure.code))
    return [(procedure, bool(in_any)) for procedure, in_any in db.session.execute(query)
            if names_a_form(procedure.documents)]


def public_url(paper_file: PaperFile) -> str:
    """The download link phones open: the public address + a short path, as meeting links are."""
    base = (get_setting("public_base_url") or "").rstrip("/")
    return base + url_for("paper_forms.download_file", file_id=paper_file.id)


def base_warning() -> str | None:
    """Why phones on mobile data may not open the download links, or None."""
    return unreachable_reason(get_setting("public_base_url") or "")


class PrintRefused(Exception):
    """No print this time; `message` says why in Vietnamese, `status` is the HTTP answer."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def claim_print(paper_form: PaperForm) -> PaperFormPrint:
    """Count one print, or raise PrintRefused: no printer, nothing to print, or too many just now."""
    if not get_setting("kiosk_printer"):
        raise PrintRefused("Kiosk này chưa nối máy in. Xin mời lấy mẫu giấy tại quầy, hoặc quét mã để tải về.", 409)
    if not paper_form.is_printable:
        raise PrintRefused("Mẫu này chưa in được tại kiosk. Xin mời lấy mẫu giấy tại quầy.", 409)
    since = utcnow() - PRINT_WINDOW
    if (PaperFormPrint.count_since(since, paper_form.id) >= PRINTS_PER_FORM
            or PaperFormPrint.count_since(since) >= PRINTS_IN_ALL):
        minutes = int(PRINT_WINDOW.total_seconds() // 60)
        raise PrintRefused(f"Vừa in nhiều bản rồi. Xin chờ {minutes} phút rồi in tiếp, "
                           "hoặc lấy mẫu giấy tại quầy.", 429)
    printed = PaperFormPrint(paper_form_id=paper_form.id)
    db.session.add(printed)
    db.session.flush()
    return printed


def _forget_on_rollback(stored_name: str, kind: str, pages: int) -> None:
    """A stored file (and its images) whose row is never committed is removed."""
    db.session.info.setdefault("paper_files", []).append((stored_name, kind, pages))


@event.listens_for(Session, "after_commit")
def _committed(session) -> None:
    session.info.pop("paper_files", None)
    for entry in session.info.pop("paper_files_deleted", []):
        _remove(*entry)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session) -> None:
    session.info.pop("paper_files_deleted", None)
    for entry in session.info.pop("paper_files", []):
        _remove(*entry)


def _remove(stored_name: str, kind: str, pages: int) -> None:
    if not has_app_context():
        return
    try:
        uploads.delete(stored_name)
        previews.remove(stored_name, kind, pages)
    except (OSError, ValueError):
        current_app.logger.warning("could not remove %s", stored_name)
