"""Forms of the queue: taking a number, the counter's transfer, groups, counters and opening hours."""
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.extensions import db
from app.queue import services
from app.queue.models import Counter, ServiceGroup


class TakeTicketForm(FlaskForm):
    group = HiddenField(validators=[DataRequired("Vui lòng chọn một nhóm dịch vụ.")])
    chosen: ServiceGroup | None = None

    def validate_group(self, field) -> None:
        group = db.session.get(ServiceGroup, int(field.data)) if field.data.isdigit() else None
        if group is None or not group.active:
            raise ValidationError("Nhóm dịch vụ này không còn phát số. Vui lòng chọn nhóm khác.")
        self.chosen = group


class ActionForm(FlaskForm):
    """A counter button: nothing but the CSRF token."""


class TransferForm(FlaskForm):
    target = SelectField("Chuyển sang quầy", coerce=int, validate_choice=False)

    def validate_target(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Vui lòng chọn một quầy khác trong danh sách.")


class GroupForm(FlaskForm):
    letter = StringField("Chữ đầu số", validators=[
        DataRequired("Vui lòng nhập một chữ cái, ví dụ A."),
        Regexp(r"^[A-Za-z]$", message="Chỉ một chữ cái không dấu, ví dụ A, B, C.")])
    name = StringField("Tên nhóm dịch vụ", validators=[
        DataRequired("Vui lòng nhập tên nhóm, ví dụ Hộ tịch – Chứng thực."), Length(max=100, message="Tối đa 100 ký tự.")])
    position = IntegerField("Thứ tự trên kiosk", default=0, validators=[
        Optional(), NumberRange(min=0, max=99, message="Nhập một số từ 0 đến 99.")])
    intake_hint = StringField("Gõ sẵn vào ô thủ tục khi tiếp nhận hồ sơ", validators=[
        Optional(), Length(max=200, message="Tối đa 200 ký tự.")])
    active = BooleanField("Đang phát số", default=True)
    editing: ServiceGroup | None = None

    def validate_letter(self, field) -> None:
        field.data = field.data.strip().upper()
        taken = db.session.scalar(select(ServiceGroup).where(ServiceGroup.letter == field.data))
        if taken is not None and taken is not self.editing:
            raise ValidationError(f"Chữ {field.data} đã dùng cho nhóm “{taken.name}”.")

    def save_to(self, group: ServiceGroup) -> None:
        group.letter, group.name = self.letter.data, " ".join(self.name.data.split())
        group.position, group.intake_hint = self.position.data or 0, (self.intake_hint.data or "").strip()
        group.active = self.active.data


class CounterForm(FlaskForm):
    number = IntegerField("Số quầy", validators=[
        DataRequired("Vui lòng nhập số quầy, ví dụ 2."), NumberRange(min=1, max=99, message="Nhập một số từ 1 đến 99.")])
    name = StringField("Tên quầy (không bắt buộc)", validators=[Optional(), Length(max=100, message="Tối đa 100 ký tự.")])
    groups = SelectMultipleField("Nhóm dịch vụ quầy này phục vụ", coerce=int, validate_choice=False,
                                 widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    active = BooleanField("Đang làm việc", default=True)
    editing: Counter | None = None

    def validate_number(self, field) -> None:
        # Out of range already has its message; a 30-digit number must not reach the database.
        taken = Counter.by_number(field.data) if field.data and 1 <= field.data <= 99 else None
        if taken is not None and taken is not self.editing:
            raise ValidationError(f"Đã có quầy số {field.data}.")

    def validate_groups(self, field) -> None:
        known = {choice.value for choice in field.choices}
        if not field.data:
            raise ValidationError("Vui lòng chọn ít nhất một nhóm dịch vụ.")
        if not set(field.data) <= known:
            raise ValidationError("Vui lòng chọn nhóm trong danh sách.")

    def save_to(self, counter: Counter) -> None:
        counter.number, counter.name = self.number.data, (self.name.data or "").strip()
        counter.groups = [db.session.get(ServiceGroup, group_id) for group_id in self.groups.data]
        counter.active = self.active.data


class HoursForm(FlaskForm):
    queue_hours = StringField("Giờ phát số thứ tự (các ngày làm việc)", validators=[
        DataRequired("Vui lòng nhập giờ phát số. " + services.HOURS_EXAMPLE), Length(max=100, message="Tối đa 100 ký tự.")])

    def validate_queue_hours(self, field) -> None:
        try:
            spans = services.parse_hours(field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None
        field.data = ", ".join(f"{start:%H:%M}-{end:%H:%M}" for start, end in spans)
