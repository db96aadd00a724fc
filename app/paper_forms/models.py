"""Forms (mẫu đơn, tờ khai), their files with previews rendered once, and the procedures they serve."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from app.catalog.models import Procedure
from app.core.timeutil import utcnow
from app.extensions import db


class PaperFile(db.Model):
    """One uploaded file (a blank form or a filled example) and the images rendered from it."""

    __tablename__ = "paper_file"
    # The kiosk shows each file's preview and QR code.
    __revision__ = "kiosk"
    __audit_label__ = "Tệp mẫu đơn"

    id: Mapped[int] = mapped_column(primary_key=True)
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # app.uploads kind: pdf, docx, jpeg, png
    mimetype: Mapped[str] = mapped_column(String(120))
    size: Mapped[int]
    # Pages rendered as images (PDF: each page up to a cap; an image: 1; DOCX: 0, no honest preview).
    page_count: Mapped[int] = mapped_column(default=0)
    preview_width: Mapped[int] = mapped_column(default=0)
    preview_height: Mapped[int] = mapped_column(default=0)
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[str] = mapped_column(String(80), default="")

    @property
    def has_preview(self) -> bool:
        return self.page_count > 0

    @property
    def version(self) -> str:
        """Changes with the file: preview URLs carry it, so browsers may keep the images for good."""
        return self.stored_name.rsplit("/", 1)[-1].split(".", 1)[0][:12]


class PaperForm(db.Model):
    """A form by its title: the blank file to print or download, and an optional filled example."""

    __tablename__ = "paper_form"
    __revision__ = "kiosk"
    __audit_label__ = "Mẫu đơn, tờ khai"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    blank_id: Mapped[int] = mapped_column(ForeignKey("paper_file.id"))
    example_id: Mapped[int | None] = mapped_column(ForeignKey("paper_file.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    blank: Mapped[PaperFile] = relationship(foreign_keys=[blank_id])
    example: Mapped[PaperFile | None] = relationship(foreign_keys=[example_id])
    links: Mapped[list["ProcedurePaperForm"]] = relationship(
        back_populates="paper_form", cascade="all, delete-orphan", passive_deletes=True)

    @property
    def is_printable(self) -> bool:
        """Only a blank PDF has page images to print; a Word form is printed at the counter."""
        return self.blank.kind == "pdf" and self.blank.has_preview

    @property
    def procedures(self) -> list[Procedure]:
        return [link.procedure for link in self.links]

    @classmethod
    def listed(cls):
        """Every form with its files and procedures, by title, for the staff list."""
        return select(cls).order_by(cls.title, cls.id).options(
            selectinload(cls.blank), selectinload(cls.example),
            selectinload(cls.links).selectinload(ProcedurePaperForm.procedure))

    @classmethod
    def of_procedure(cls, procedure_id: int):
        """The forms linked to one procedure, in the order staff linked them, files loaded."""
        return (select(cls).join(ProcedurePaperForm)
                .where(ProcedurePaperForm.procedure_id == procedure_id)
                .order_by(ProcedurePaperForm.position, cls.id)
                .options(selectinload(cls.blank), selectinload(cls.example)))


class ProcedurePaperForm(db.Model):
    """One form serving one procedure: a form is uploaded once and linked to many."""

    __tablename__ = "procedure_paper_form"
    __revision__ = "kiosk"
    __audit_label__ = "Mẫu đơn của thủ tục"

    procedure_id: Mapped[int] = mapped_column(
        ForeignKey("procedure.id", ondelete="CASCADE"), primary_key=True)
    paper_form_id: Mapped[int] = mapped_column(
        ForeignKey("paper_form.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(default=0)

    procedure: Mapped[Procedure] = relationship()
    paper_form: Mapped[PaperForm] = relationship(back_populates="links")


class PaperFormPrint(db.Model):
    """One print from the kiosk, kept to limit prints per few minutes across workers."""

    __tablename__ = "paper_form_print"
    # Counted on every tap: not news for the audit log, and nothing the kiosk pages show.
    __audit__ = False

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_form_id: Mapped[int] = mapped_column(ForeignKey("paper_form.id", ondelete="CASCADE"), index=True)
    printed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    @classmethod
    def count_since(cls, since: datetime, paper_form_id: int | None = None) -> int:
        """Prints since `since`, of one form or of all."""
        query = select(func.count(cls.id)).where(cls.printed_at >= since)
        if paper_form_id is not None:
            query = query.where(cls.paper_form_id == paper_form_id)
        return db.session.scalar(query) or 0
