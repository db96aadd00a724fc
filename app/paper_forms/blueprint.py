"""The forms blueprint: staff pages under /quan-ly/mau-don, downloads, and the kiosk's images and prints."""
from flask import Blueprint

bp = Blueprint("paper_forms", __name__)
