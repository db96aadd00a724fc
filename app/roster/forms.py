"""Staff forms for the duty roster: recurring shifts and single-date exceptions."""
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.roster.models import EXCEPTION_KINDS, SESSIONS, WEEKDAYS


class ShiftForm(FlaskForm):
    """One member on the given weekdays and sessions, from a date on."""

    member_id = SelectField("Người trực", coerce=int)
    weekdays = SelectMultipleField("Các ngày trong tuần", coerce=int, choices=list(enumerate(WEEKDAYS)),
                                   validators=[DataRequired("Chọn ít nhất một ngày.")])
    sessions = SelectMultipleField("Buổi", choices=[(k, v.capitalize()) for k, v in SESSIONS.items()],
                                   validators=[DataRequired("Chọn buổi sáng, buổi chiều hoặc cả hai.")])
    starts_on = DateField("Áp dụng từ ngày", validators=[DataRequired("Ngày không hợp lệ.")], format="%Y-%m-%d")

    def validate_member_id(self, field) -> None:
        if not field.data:
            raise ValidationError("Vui lòng chọn người trực.")


class ExceptionForm(FlaskForm):
    """A single date that differs from the roster."""

    day = DateField("Ngày", validators=[DataRequired("Ngày không hợp lệ.")], format="%Y-%m-%d")
    session = SelectField("Buổi", choices=[("", "Cả ngày")] + [(k, v.capitalize()) for k, v in SESSIONS.items()])
    kind = SelectField("Thay đổi", choices=list(EXCEPTION_KINDS.items()))
    member_id = SelectField("Người (trực thay, hoặc người vắng)", coerce=int)
    note = StringField("Ghi chú", validators=[Optional(), Length(max=200, message="Tối đa 200 ký tự.")])

    def validate_member_id(self, field) -> None:
        if self.kind.data in ("swap", "absence") and not field.data:
            raise ValidationError("Đổi người trực hoặc báo vắng thì phải chọn người.")


def set_members(form, members) -> None:
    form.member_id.choices = [(0, "— Chọn người —")] + [(m.id, m.name) for m in members]
