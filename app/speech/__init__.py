"""Read aloud (đọc to): Vietnamese text to spoken words, and words to audio made offline on the server.

Features call `spoken_text`, `is_available` and `synthesize`; nothing else shells out to a speech program.
"""
from app.speech.engine import DEFAULT_VOICE, MIMETYPE, VOICES, is_available, synthesize
from app.speech.words import spoken_text

__all__ = ["DEFAULT_VOICE", "MIMETYPE", "VOICES", "is_available", "spoken_text", "synthesize"]
