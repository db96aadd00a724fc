"""Queue numbers (số thứ tự): tickets from the kiosk, the counters that call them, the hall screen
that announces the calls, and the waiting-time figures. Routes are attached in blueprint.py."""
