"""Meetings, their agenda and documents, shared with attendees through a QR link."""
