"""The staff form for a dated announcement."""
from flask_wtf import FlaskForm
from wtforms import DateField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError


class AnnouncementForm(FlaskForm):
    text = StringField("Nội dung (một dòng)", validators=[
        DataRequired("Vui lòng nhập nội dung thông báo."), Length(max=200, message="Tối đa 200 ký tự.")])
    starts_on = DateField("Hiện từ ngày", validators=[DataRequired("Ngày không hợp lệ.")], format="%Y-%m-%d")
    ends_on = DateField("Đến hết ngày", validators=[Optional()], format="%Y-%m-%d")

    def save_to(self, announcement) -> None:
        announcement.text = " ".join(self.text.data.split())
        announcement.starts_on = self.starts_on.data
        announcement.ends_on = self.ends_on.data

    def validate_ends_on(self, field) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
