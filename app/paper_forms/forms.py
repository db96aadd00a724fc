"""Staff forms for forms (mẫu đơn): upload, replace a file, rename, link to a procedure."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from app.catalog.models import Procedure

TITLE_LENGTH = Length(max=300, message="Tên mẫu dài quá 300 ký tự.")


class UploadForm(FlaskForm):
    """A new form: its blank file, an optional filled example; the procedure it is uploaded for."""

    title = StringField("Tên mẫu (để trống: dùng tên tệp), ví dụ: Tờ khai đăng ký khai sinh",
                        validators=[TITLE_LENGTH])
    blank = FileField("Mẫu để trống (PDF hoặc Word .docx)")
    example = FileField("Mẫu điền sẵn để tham khảo (không bắt buộc: PDF, ảnh JPG hoặc PNG)")
    procedure_code = HiddenField()


class FileForm(FlaskForm):
    """A new version of one file of a form."""

    file = FileField("Tệp mới")


class TitleForm(FlaskForm):
    title = StringField("Tên mẫu", validators=[DataRequired("Vui lòng nhập tên mẫu."), TITLE_LENGTH])


class LinkForm(FlaskForm):
    """Link a form to one more procedure, by its code."""

    code = StringField("Mã thủ tục, ví dụ 1.001193", validators=[DataRequired("Vui lòng nhập mã thủ tục.")])

    def validate_code(self, field) -> None:
        self.procedure = Procedure.by_code(field.data.strip())
        if self.procedure is None:
            raise ValidationError(f"Không có thủ tục mã “{field.data.strip()[:20]}”.")


class AttachForm(FlaskForm):
    """Link one of the forms already uploaded to this procedure."""

    paper_form = SelectField("Mẫu đã có", coerce=int, validate_choice=False)

    def set_forms(self, forms) -> None:
        self.paper_form.choices = [(0, "Chọn một mẫu…")] + [(f.id, f.title[:120]) for f in forms]

    def validate_paper_form(self, field) -> None:
        if field.data not in {value for value, _ in self.paper_form.choices if value}:
            raise ValidationError("Vui lòng chọn một mẫu trong danh sách.")
