"""Speech audio from a configured offline program (Debian's espeak-ng by default), cached on disk.

The program gets the spoken text on stdin and writes WAV to stdout; it is run without a shell, with a
timeout, and never fetches anything. Audio is kept under the instance folder by a hash of the command,
the voice and the text, so every gunicorn worker shares it and a changed command starts afresh.
"""
import hashlib
import json
import os
import shlex
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from flask import current_app

from app.speech.words import spoken_text

DEFAULT_COMMAND = "espeak-ng -v {voice} -s 140 --stdout"
DEFAULT_TIMEOUT_SECONDS = 20
# About four minutes of speech at 140 words a minute: more than any page summary.
DEFAULT_MAX_CHARS = 3000
MIMETYPE = "audio/wav"
VOICES = {
    "vi": "Giọng miền Bắc",
    "vi-vn-x-central": "Giọng miền Trung",
    "vi-vn-x-south": "Giọng miền Nam",
}
DEFAULT_VOICE = "vi"


class SpeechError(Exception):
    """The program failed, timed out or wrote something that is not WAV audio."""


def is_available() -> bool:
    """True when the configured program is installed (the kiosk hides "Đọc to" otherwise)."""
    argv = _command(DEFAULT_VOICE)
    return bool(argv) and shutil.which(argv[0]) is not None


def synthesize(text: str, voice: str) -> bytes | None:
    """WAV audio of `text` read in `voice`, from the cache when it was made before; None on failure."""
    spoken = _capped(spoken_text(text))
    if not spoken:
        return None
    if voice not in VOICES:
        current_app.logger.warning("Speech: unknown voice %r, using %r", voice, DEFAULT_VOICE)
        voice = DEFAULT_VOICE
    argv = _command(voice)
    path = _cache_dir() / f"{_cache_key(argv, voice, spoken)}.wav"
    try:
        return path.read_bytes()
    except OSError:
        pass
    try:
        audio = _run(argv, spoken)
    except (OSError, SpeechError, subprocess.SubprocessError) as error:
        current_app.logger.warning("Speech: %s failed: %s", argv[0] if argv else "(no command)", error)
        return None
    _store(path, audio)
    return audio


def _setting(key: str, default):
    """Flask config first, then the environment, then the default."""
    return current_app.config.get(key) or os.environ.get(key) or default


def _command(voice: str) -> list[str]:
    """The program and its arguments, {voice} filled in; empty when the setting cannot be parsed."""
    try:
        parts = shlex.split(_setting("SPEECH_COMMAND", DEFAULT_COMMAND))
    except ValueError as error:
        current_app.logger.warning("Speech: SPEECH_COMMAND cannot be read: %s", error)
        return []
    return [part.replace("{voice}", voice) for part in parts]


def _cache_dir() -> Path:
    return Path(_setting("SPEECH_CACHE_DIR", Path(current_app.instance_path) / "speech-cache"))


def _cache_key(argv: list[str], voice: str, spoken: str) -> str:
    return hashlib.sha256(json.dumps([argv, voice, spoken], ensure_ascii=False).encode()).hexdigest()


def _capped(spoken: str) -> str:
    """At most SPEECH_MAX_CHARS characters, cut after a sentence (or else a word) when too long."""
    limit = int(_setting("SPEECH_MAX_CHARS", DEFAULT_MAX_CHARS))
    if len(spoken) <= limit:
        return spoken
    head = spoken[:limit]
    sentence_end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[:sentence_end + 1] if sentence_end > limit // 2 else head.rsplit(" ", 1)[0]


def _run(argv: list[str], spoken: str) -> bytes:
    """The program's WAV output for `spoken`; its whole process group is killed on timeout."""
    if not argv:
        raise SpeechError("SPEECH_COMMAND is empty")
    timeout = float(_setting("SPEECH_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
    with subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True) as process:
        try:
            audio, errors = process.communicate(spoken.encode("utf-8"), timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise SpeechError(f"no audio after {timeout:g} s") from None
    if process.returncode != 0:
        raise SpeechError(f"exit status {process.returncode}: {errors.decode(errors='replace')[:200]}")
    return with_true_sizes(audio)


def with_true_sizes(audio: bytes) -> bytes:
    """The WAV with its RIFF and data sizes set to what it holds.

    espeak-ng writing to a pipe cannot seek back, so its header claims ~2 GB of samples; players
    and the `wave` module would then get the duration wrong.
    """
    if len(audio) < 12 or audio[:4] != b"RIFF" or audio[8:12] != b"WAVE":
        raise SpeechError("the output is not WAV audio")
    patched = bytearray(audio)
    struct.pack_into("<I", patched, 4, len(audio) - 8)
    offset = 12
    while offset + 8 <= len(audio):
        chunk, size = struct.unpack_from("<4sI", audio, offset)
        if chunk == b"data":
            struct.pack_into("<I", patched, offset + 4, len(audio) - offset - 8)
            return bytes(patched)
        offset += 8 + size + (size & 1)
    raise SpeechError("the WAV output has no audio data")


def _store(path: Path, audio: bytes) -> None:
    """Write through a temporary file and rename, so no worker ever reads half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(audio)
            os.replace(temporary, path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        current_app.logger.warning("Speech: could not cache audio in %s: %s", path.parent, error)
