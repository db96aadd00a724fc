"""Staff forms for guides and their steps."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.catalog.forms import check_portal_url

URL_HINT = "Chỉ địa chỉ http:// hoặc https://; kiosk hiện thành mã QR để quét bằng điện thoại."


class GuideForm(FlaskForm):
    title = StringField("Tên hướng dẫn", validators=[
        DataRequired("Vui lòng nhập tên hướng dẫn."), Length(max=200, message="Tối đa 200 ký tự.")])
    summary = TextAreaField("Giới thiệu ngắn", validators=[Optional(), Length(max=500, message="Tối đa 500 ký tự.")])
    url = StringField("Địa chỉ cho mã QR của cả hướng dẫn", validators=[
        Optional(), Length(max=500, message="Địa chỉ dài quá 500 ký tự."), check_portal_url])
    position = IntegerField("Thứ tự trên kiosk", default=0, validators=[
        Optional(), NumberRange(min=0, max=999, message="Từ 0 đến 999.")])
    published = BooleanField("Hiện trên kiosk")

    def save_to(self, guide) -> None:
        guide.title = " ".join(self.title.data.split())
        guide.summary = (self.summary.data or "").strip() or None
        guide.url = (self.url.data or "").strip() or None
        guide.position = self.position.data or 0
        guide.published = self.published.data


class StepForm(FlaskForm):
    text = TextAreaField("Nội dung bước", validators=[
        DataRequired("Vui lòng nhập nội dung bước."), Length(max=2000, message="Tối đa 2000 ký tự.")])
    url = StringField("Địa chỉ cho mã QR của bước (nếu có)", validators=[
        Optional(), Length(max=500, message="Địa chỉ dài quá 500 ký tự."), check_portal_url])
    image = FileField("Ảnh minh họa (JPG hoặc PNG)")
    remove_image = BooleanField("Bỏ ảnh hiện có")
