"""Dated announcements shown as a line on the kiosk home."""
