"""Read aloud (đọc to): what the kiosk says for a text, and the audio the offline engine makes of it."""
import io
import json
import os
import shutil
import subprocess
import sys
import time
import wave

import pytest

from app.speech import engine, is_available, spoken_text, synthesize
from app.speech.words import date_words, number_words

# CI sets MOTCUA_REQUIRE_SPEECH: there a missing espeak-ng fails these tests instead of skipping them.
needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None and not os.environ.get("MOTCUA_REQUIRE_SPEECH"),
    reason="espeak-ng is not installed (make system-deps installs it; MOTCUA_REQUIRE_SPEECH=1 fails instead)")

THREE_WORDS = "Chào bà con."
THIRTY_WORDS = ("Người dân mang theo căn cước công dân và giấy chứng sinh của trẻ đến Bộ phận Một cửa, "
                "cán bộ xem hồ sơ rồi trả giấy khai sinh ngay.")
SUMMARY = ("Đăng ký khai sinh cho trẻ mới sinh. Mang theo giấy chứng sinh và căn cước công dân của cha hoặc mẹ. "
           "Lệ phí 50.000 đồng, miễn cho hộ nghèo. Trả kết quả trong 1 ngày làm việc, từ 7h30 đến 11h30, "
           "thứ 2 đến thứ 6. Có thể nộp trực tuyến bằng VNeID mức độ 2. Mã thủ tục 1.001193.")


# --- Words ------------------------------------------------------------------------------------

@pytest.mark.parametrize("number, words", [
    (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (10, "mười"), (11, "mười một"), (14, "mười bốn"),
    (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
    (55, "năm mươi lăm"), (100, "một trăm"), (101, "một trăm linh một"), (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"), (110, "một trăm mười"), (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"), (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"),
    (2025, "hai nghìn không trăm hai mươi lăm"), (50_000, "năm mươi nghìn"),
    (1_500_000, "một triệu năm trăm nghìn"), (1_000_005, "một triệu không trăm linh năm"),
    (2_000_000_500, "hai tỷ năm trăm"), (10**12, "một nghìn tỷ"),
])
def test_numbers_are_vietnamese_words(number, words):
    assert number_words(number) == words


@pytest.mark.parametrize("text, spoken", [
    ("50.000 đồng", "năm mươi nghìn đồng"),
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("15", "mười lăm"),
    ("21", "hai mươi mốt"),
    ("105", "một trăm linh năm"),
    ("24", "hai mươi tư"),
    ("1 ngày", "một ngày"),
    ("Thời hạn giải quyết: 15 ngày làm việc.", "Thời hạn giải quyết: mười lăm ngày làm việc."),
    ("Lệ phí 50.000đ", "Lệ phí năm mươi nghìn đồng"),
    ("Lệ phí 20.000 VNĐ", "Lệ phí hai mươi nghìn đồng"),
    ("10.000 đồng/lần đăng ký", "mười nghìn đồng một lần đăng ký"),
    ("30.000 đồng/giao dịch", "ba mươi nghìn đồng một giao dịch"),
    ("2.000đ/trang hoặc 10 USD/trang", "hai nghìn đồng một trang hoặc mười USD một trang"),
    ("2 lần/năm", "hai lần một năm"),
    # The national database groups thousands the English way before "Việt Nam Đồng".
    ("Trực tuyến: 10,000 Việt Nam Đồng", "Trực tuyến: mười nghìn Việt Nam Đồng"),
    ("2,5 m", "hai phẩy năm m"),
    ("0,05 ha", "không phẩy không năm ha"),
    ("giảm 50% lệ phí", "giảm năm mươi phần trăm lệ phí"),
    ("thuế 2,5 %", "thuế hai phẩy năm phần trăm"),
    ("từ 3-5 ngày", "từ ba đến năm ngày"),
    ("1/2 mức thu", "một phần hai mức thu"),
    ("Gọi 0912345678", "Gọi không chín một hai ba bốn năm sáu bảy tám"),
    ("mục 1.3.2", "mục một chấm ba chấm hai"),
    ("khoản 12a", "khoản mười hai a"),
])
def test_numbers_and_money_in_a_text_are_spoken_as_words(text, spoken):
    assert spoken_text(text) == spoken


@pytest.mark.parametrize("text, spoken", [
    ("01/07/2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("Từ ngày 01/07/2025", "Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("hạn 15-10-2015", "hạn ngày mười lăm tháng mười năm hai nghìn không trăm mười lăm"),
    ("Ngày 30/4/1975", "Ngày ba mươi tháng tư năm một nghìn chín trăm bảy mươi lăm"),
    ("tháng 7/2025", "tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("từ 7/2025", "từ tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("ngày 2/9", "ngày hai tháng chín"),
    ("trước 01/7", "trước ngày một tháng bảy"),
    ("tháng 4", "tháng tư"),
    ("trước ngày 01 tháng 7 năm 2004", "trước ngày một tháng bảy năm hai nghìn không trăm linh bốn"),
    ("tháng 09", "tháng chín"),
    ("8 giờ", "tám giờ"),
    ("7h30 đến 11h30", "bảy giờ ba mươi phút đến mười một giờ ba mươi phút"),
    ("từ 13:30 đến 17h", "từ mười ba giờ ba mươi phút đến mười bảy giờ"),
    ("lúc 8:00", "lúc tám giờ"),
    ("lúc 14 giờ 15 phút", "lúc mười bốn giờ mười lăm phút"),
    ("Thứ 2 đến Thứ 6", "Thứ hai đến Thứ sáu"),
    ("thứ 4", "thứ tư"),
    ("lần thứ 1", "lần thứ nhất"),
])
def test_dates_times_and_weekdays_are_spoken_as_words(text, spoken):
    assert spoken_text(text) == spoken


def test_date_words_say_april_as_tu():
    assert date_words(30, 4, 2025) == "ba mươi tháng tư năm hai nghìn không trăm hai mươi lăm"


@pytest.mark.parametrize("text, spoken", [
    ("Mã thủ tục 1.001193.", "Mã thủ tục."),
    ("Thủ tục 2.000815 và 1.001193 ở xã", "Thủ tục và ở xã"),
    ("Xem https://dichvucong.gov.vn/p/home/dvc-tthc.html?ma=1.001193 trên điện thoại.",
     "Xem trên điện thoại."),
    ("Vào dichvucong.gov.vn để nộp.", "Vào để nộp."),
    ("Vào www.example.com, rồi bấm Nộp.", "Vào, rồi bấm Nộp."),
    ("Gửi thư tới motcua@tanphu.gov.vn nhé", "Gửi thư tới nhé"),
    ("Theo Nghị định số 123/2015/NĐ-CP ngày 15/10/2015 của Chính phủ.",
     "Theo Nghị định ngày mười lăm tháng mười năm hai nghìn không trăm mười lăm của Chính phủ."),
    ("Luật 59/2020/QH14 và Quyết định 1234/QĐ-BHXH.", "Luật và Quyết định."),
    ("Thông tư 04/2020/TT-BTP (sửa đổi)", "Thông tư (sửa đổi)"),
    # Scraped legal bases run the next word on.
    ("Hộ tịch15/2015/TT-BTPNghị định", "Hộ tịch Nghị định"),
])
def test_codes_document_numbers_and_addresses_are_not_read(text, spoken):
    assert spoken_text(text) == spoken


@pytest.mark.parametrize("text, spoken", [
    ("UBND xã cấp CCCD", "Ủy ban nhân dân xã cấp căn cước công dân"),
    ("Trực tuyến/Trực tiếp", "Trực tuyến hoặc Trực tiếp"),
    ("- Đơn đề nghị\n- Giấy chứng sinh (bản sao)", "Đơn đề nghị. Giấy chứng sinh (bản sao)"),
    ("  nhiều   khoảng  trắng ", "nhiều khoảng trắng"),
    ("(3) Bản sao", "(ba) Bản sao"),
    ("", ""),
])
def test_abbreviations_slashes_and_layout_read_naturally(text, spoken):
    assert spoken_text(text) == spoken


def test_no_digit_code_or_address_is_left_in_a_summary():
    spoken = spoken_text(SUMMARY)
    assert not any(character.isdigit() for character in spoken)
    assert "năm mươi nghìn đồng" in spoken and "một ngày làm việc" in spoken
    assert "bảy giờ ba mươi phút đến mười một giờ ba mươi phút" in spoken
    assert spoken.endswith("Mã thủ tục.")


# --- The engine, driven by a stand-in program --------------------------------------------------

FAKE_PROGRAM = """\
import json, sys, time, wave
log, mode = sys.argv[1], sys.argv[2]
text = sys.stdin.buffer.read().decode("utf-8")
with open(log, "a", encoding="utf-8") as file:
    file.write(json.dumps({"argv": sys.argv[3:], "text": text}) + "\\n")
if mode == "sleep":
    time.sleep(30)
if mode == "fail":
    sys.exit("the voice is broken")
if mode == "garbage":
    sys.stdout.write("not audio")
    sys.exit(0)
with wave.open(sys.stdout.buffer, "wb") as out:  # a quarter second of silence per word
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(8000)
    out.writeframes(bytes(2 * 2000 * len(text.split())))
"""


@pytest.fixture
def speech_app(app, tmp_path):
    """The app with its speech cache in the test's folder."""
    app.config["SPEECH_CACHE_DIR"] = str(tmp_path / "speech-cache")
    return app


@pytest.fixture
def fake_program(speech_app, tmp_path):
    """Makes SPEECH_COMMAND a stand-in program; returns a callable giving the calls it logged."""
    script = tmp_path / "fake-speech"
    script.write_text(f"#!{sys.executable}\n{FAKE_PROGRAM}")
    script.chmod(0o755)
    log = tmp_path / "calls.jsonl"

    def use(mode: str = "ok") -> None:
        speech_app.config["SPEECH_COMMAND"] = f"{script} {log} {mode} -v {{voice}}"

    def calls() -> list[dict]:
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    use()
    calls.use = use
    calls.script = script
    return calls


def _seconds(audio: bytes) -> float:
    with wave.open(io.BytesIO(audio)) as sound:
        return sound.getnframes() / sound.getframerate()


def test_the_program_gets_the_spoken_text_on_stdin_and_the_voice_in_its_arguments(fake_program):
    audio = synthesize("Lệ phí 50.000 đồng, mã 1.001193.", "vi-vn-x-south")
    [call] = fake_program()
    assert call == {"argv": ["-v", "vi-vn-x-south"], "text": "Lệ phí năm mươi nghìn đồng, mã."}
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE" and _seconds(audio) == 7 * 0.25  # seven words


def test_shell_characters_in_the_text_are_only_words(fake_program, tmp_path):
    synthesize(f"Chào $(touch {tmp_path}/pwned); `touch {tmp_path}/pwned2`", "vi")
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()
    assert "$(touch" in fake_program()[0]["text"]


def test_cached_audio_is_returned_without_running_the_program_again(fake_program, speech_app, tmp_path):
    first = synthesize("Đăng ký khai sinh", "vi")
    again = synthesize("  Đăng ký   khai sinh ", "vi")  # the same spoken text
    assert again == first and len(fake_program()) == 1
    fake_program.script.unlink()  # the program is gone: the cache still answers
    assert not is_available()
    assert synthesize("Đăng ký khai sinh", "vi") == first and len(fake_program()) == 1
    assert synthesize("Đăng ký kết hôn", "vi") is None
    cached = list((tmp_path / "speech-cache").iterdir())
    assert [path.suffix for path in cached] == [".wav"]  # no temporary file left behind


def test_each_voice_and_each_command_has_its_own_audio(fake_program, speech_app):
    synthesize("Xin chào", "vi")
    synthesize("Xin chào", "vi-vn-x-central")
    speech_app.config["SPEECH_COMMAND"] += " -s 150"  # another command line: the old audio may not fit it
    synthesize("Xin chào", "vi")
    assert [call["argv"][1] for call in fake_program()] == ["vi", "vi-vn-x-central", "vi"]


def test_an_unknown_voice_falls_back_to_the_northern_one(fake_program, caplog):
    assert synthesize("Xin chào", "--output=/etc/passwd") is not None
    assert fake_program()[0]["argv"] == ["-v", "vi"]
    assert "unknown voice" in caplog.text


@pytest.mark.parametrize("limit, sent", [
    (45, "Một hai ba bốn năm sáu bảy tám chín mười."),  # after the sentence
    (30, "Một hai ba bốn năm sáu bảy"),  # else after a word
])
def test_a_long_text_is_cut_at_the_cap(fake_program, speech_app, limit, sent):
    speech_app.config["SPEECH_MAX_CHARS"] = limit
    synthesize("Một hai ba bốn năm sáu bảy tám chín mười. Mười một mười hai mười ba", "vi")
    assert fake_program()[0]["text"] == sent


@pytest.mark.parametrize("mode, message", [("fail", "exit status 1"), ("garbage", "not WAV audio")])
def test_a_failing_program_gives_none_and_a_warning(fake_program, caplog, mode, message):
    fake_program.use(mode)
    assert synthesize("Xin chào", "vi") is None
    assert message in caplog.text
    fake_program.use("ok")
    assert synthesize("Xin chào", "vi") is not None  # nothing bad was cached


def test_a_program_that_hangs_is_stopped_at_the_timeout(fake_program, speech_app, caplog):
    fake_program.use("sleep")
    speech_app.config["SPEECH_TIMEOUT_SECONDS"] = 0.5
    started = time.monotonic()
    assert synthesize("Xin chào", "vi") is None
    assert time.monotonic() - started < 5 and "no audio after 0.5 s" in caplog.text


def test_a_missing_program_hides_read_aloud(speech_app, caplog):
    speech_app.config["SPEECH_COMMAND"] = "chuong-trinh-khong-co -v {voice} --stdout"
    assert is_available() is False
    assert synthesize("Xin chào", "vi") is None
    assert "chuong-trinh-khong-co" in caplog.text


def test_the_command_comes_from_the_environment_when_the_config_has_none(speech_app, monkeypatch):
    speech_app.config.pop("SPEECH_COMMAND", None)
    monkeypatch.setenv("SPEECH_COMMAND", "chuong-trinh-khong-co -v {voice}")
    assert is_available() is False
    monkeypatch.setenv("SPEECH_COMMAND", f"{sys.executable} -c pass")
    assert is_available() is True


def test_an_unwritable_cache_still_gives_the_audio(fake_program, speech_app, tmp_path, caplog):
    (tmp_path / "a-file").write_text("")
    speech_app.config["SPEECH_CACHE_DIR"] = str(tmp_path / "a-file" / "cache")
    assert synthesize("Xin chào", "vi") is not None
    assert "could not cache audio" in caplog.text


def test_nothing_to_say_runs_nothing(fake_program):
    assert synthesize("https://dichvucong.gov.vn 1.001193", "vi") is None
    assert fake_program() == []


def test_the_wav_header_of_a_pipe_is_given_its_true_sizes():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1), sound.setsampwidth(2), sound.setframerate(22050)
        sound.writeframes(bytes(2 * 22050))
    streamed = bytearray(buffer.getvalue())
    streamed[4:8] = streamed[40:44] = (0x7FFFF024).to_bytes(4, "little")  # what espeak-ng writes to a pipe
    assert _seconds(engine.with_true_sizes(bytes(streamed))) == 1.0


# --- The engine with Debian's espeak-ng -------------------------------------------------------

@needs_espeak
def test_espeak_is_the_default_and_is_available(speech_app):
    speech_app.config.pop("SPEECH_COMMAND", None)
    assert is_available() is True


@needs_espeak
def test_speech_is_wav_audio_whose_length_grows_with_the_text(speech_app):
    short, long = synthesize(THREE_WORDS, "vi"), synthesize(THIRTY_WORDS, "vi")
    assert short[:4] == b"RIFF" and short[8:12] == b"WAVE"
    assert 0.5 < _seconds(short) < 4
    assert _seconds(long) >= 2 * _seconds(short) and _seconds(long) > 6


@needs_espeak
def test_sox_measures_the_same_length_as_the_wave_module(speech_app, tmp_path):
    if shutil.which("soxi") is None:
        pytest.skip("sox is not installed")
    audio = synthesize(THIRTY_WORDS, "vi")
    (tmp_path / "long.wav").write_bytes(audio)
    measured = subprocess.run(["soxi", "-D", str(tmp_path / "long.wav")], capture_output=True, text=True,
                              check=True)
    assert float(measured.stdout) == pytest.approx(_seconds(audio), abs=0.01)


@needs_espeak
def test_the_three_regions_voices_speak_differently(speech_app):
    audio = {voice: synthesize("Năm mươi nghìn đồng", voice) for voice in engine.VOICES}
    assert all(_seconds(sound) > 0.5 for sound in audio.values())
    assert len(set(audio.values())) == 3


@needs_espeak
def test_codes_and_addresses_add_no_audio(speech_app):
    plain = synthesize("Lệ phí năm mươi nghìn đồng", "vi")
    with_codes = synthesize("Lệ phí 50.000 đồng, 1.001193 https://dichvucong.gov.vn/p/home", "vi")
    assert _seconds(with_codes) == pytest.approx(_seconds(plain), abs=0.3)
