"""Step-by-step guides written by staff and shown on the kiosk in large type."""
