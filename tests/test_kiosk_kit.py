"""The technician's kiosk kit: launcher, Chromium policy and systemd unit."""
import configparser
import http.server
import json
import os
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parent.parent / "kiosk"
LAUNCHER = KIT / "launch.sh"
ESSENTIAL_FLAGS = (
    "--kiosk", "--noerrdialogs", "--disable-pinch", "--overscroll-history-navigation=0",
)
FAKE_CHROMIUM = '#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGV_FILE"\n'


def test_launcher_is_valid_bash():
    done = subprocess.run(["bash", "-n", str(LAUNCHER)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert os.access(LAUNCHER, os.X_OK)


def test_policy_allows_only_the_default_server_and_locks_the_browser():
    policy = json.loads((KIT / "policies" / "motcua-kiosk.json").read_text())
    assert policy["URLBlocklist"] == ["*"]
    assert policy["URLAllowlist"] == ["http://127.0.0.1:8000"]
    assert policy["DownloadRestrictions"] == 3  # block every download
    assert policy["PrintingEnabled"] is False
    assert policy["DeveloperToolsAvailability"] == 2  # never
    assert policy["PasswordManagerEnabled"] is False
    assert policy["TranslateEnabled"] is False
    # A persistent profile keeps the offline copy; no history is saved, and little is kept at exit.
    assert policy["IncognitoModeAvailability"] == 1
    assert policy["SavingBrowserHistoryDisabled"] is True
    assert "cookies_and_other_site_data" not in policy["ClearBrowsingDataOnExitList"]  # the offline copy


def test_unit_restarts_the_launcher_forever():
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str
    unit.read(KIT / "motcua-kiosk.service")
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert int(service["RestartSec"]) > 0
    assert service["ExecStart"].endswith("/launch.sh")
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    autostart = (KIT / "motcua-kiosk.desktop").read_text()
    assert "motcua-kiosk.service" in autostart


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _KioskPage(http.server.BaseHTTPRequestHandler):
    paths: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.paths.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"kiosk")

    def log_message(self, *args):
        pass


@pytest.fixture
def kiosk_env(tmp_path):
    """Environment for the launcher: a fake `chromium` first on PATH, a fresh HOME, no display."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "chromium"
    fake.write_text(FAKE_CHROMIUM)
    fake.chmod(0o755)
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "XDG_CACHE_HOME", "XDG_STATE_HOME", "KIOSK_CHROMIUM_FLAGS")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env.update(PATH=f"{bin_dir}:{os.environ['PATH']}", HOME=str(tmp_path / "home"),
               ARGV_FILE=str(tmp_path / "argv"), KIOSK_WAIT_STEP="0.1")
    return env


def test_launcher_waits_for_the_server_then_starts_chromium_in_kiosk_mode(kiosk_env, tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}/kiosk/"
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"URLAllowlist": [f"http://127.0.0.1:{port}"]}))
    kiosk_env.update(KIOSK_URL=url, KIOSK_POLICY_FILE=str(policy))
    launcher = subprocess.Popen([str(LAUNCHER)], env=kiosk_env, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    assert launcher.poll() is None, "the launcher must wait while the server is down"
    assert not Path(kiosk_env["ARGV_FILE"]).exists()

    server = http.server.HTTPServer(("127.0.0.1", port), _KioskPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _, stderr = launcher.communicate(timeout=20)
    finally:
        server.shutdown()
        server.server_close()

    assert launcher.returncode == 0, stderr
    assert "/kiosk/" in _KioskPage.paths
    argv = Path(kiosk_env["ARGV_FILE"]).read_text().splitlines()
    assert argv[-1] == url
    for flag in ESSENTIAL_FLAGS:
        assert flag in argv
    assert f"--user-data-dir={kiosk_env['HOME']}/.local/state/motcua-kiosk" in argv
    assert "--incognito" not in argv and not any("unsafely" in flag for flag in argv)
    assert "warning" not in stderr


def test_with_an_offline_copy_the_kiosk_starts_while_the_server_is_down(kiosk_env):
    """A power cut restarts the kiosk PC while the server is still down: the catalogue must show."""
    profile = Path(kiosk_env["HOME"]) / ".local/state/motcua-kiosk/Default"
    (profile / "Service Worker" / "CacheStorage").mkdir(parents=True)
    (profile / "History").write_text("a citizen's visit")
    kiosk_env.update(KIOSK_URL=f"http://127.0.0.1:{_free_port()}/kiosk/", KIOSK_OFFLINE_AFTER="1")
    done = subprocess.run([str(LAUNCHER)], env=kiosk_env, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    assert "offline copy" in done.stderr
    assert Path(kiosk_env["ARGV_FILE"]).read_text().splitlines()[-1] == kiosk_env["KIOSK_URL"]
    assert not (profile / "History").exists() and (profile / "Service Worker" / "CacheStorage").is_dir()


def test_a_server_on_the_hall_network_is_treated_as_a_secure_origin(kiosk_env):
    """Service workers need a secure origin; http://<hall address> is made one for this profile only."""
    profile = Path(kiosk_env["HOME"]) / ".local/state/motcua-kiosk/Default"
    (profile / "Service Worker" / "CacheStorage").mkdir(parents=True)
    # 192.0.2.10 (TEST-NET-1) never answers: the launcher starts from the offline copy at once.
    kiosk_env.update(KIOSK_URL="http://192.0.2.10:8000/kiosk/", KIOSK_OFFLINE_AFTER="0",
                     KIOSK_POLICY_FILE="/nonexistent")
    done = subprocess.run([str(LAUNCHER)], env=kiosk_env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    argv = Path(kiosk_env["ARGV_FILE"]).read_text().splitlines()
    assert "--unsafely-treat-insecure-origin-as-secure=http://192.0.2.10:8000" in argv


def test_launcher_warns_when_the_policy_blocks_the_server(kiosk_env, tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), _KioskPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # The shipped policy allows 127.0.0.1 only: "localhost" reaches the server but is blocked.
        kiosk_env.update(KIOSK_URL=f"http://localhost:{server.server_port}/kiosk/",
                         KIOSK_POLICY_FILE=str(KIT / "policies" / "motcua-kiosk.json"))
        done = subprocess.run([str(LAUNCHER)], env=kiosk_env, capture_output=True, text=True,
                              timeout=20)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0
    assert "localhost is not in" in done.stderr
    assert Path(kiosk_env["ARGV_FILE"]).read_text().splitlines()[-1] == kiosk_env["KIOSK_URL"]


@pytest.mark.parametrize("printing, policy_allows", [("1", True), ("1", False), ("0", False)])
def test_printing_is_off_unless_asked_and_the_policy_mismatch_is_logged(kiosk_env, tmp_path, printing, policy_allows):
    """KIOSK_PRINTING=1 adds --kiosk-printing (one copy, no dialog); a policy that still forbids printing is named."""
    profile = Path(kiosk_env["HOME"]) / ".local/state/motcua-kiosk/Default"
    (profile / "Service Worker" / "CacheStorage").mkdir(parents=True)
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"URLAllowlist": ["http://127.0.0.1"], "PrintingEnabled": policy_allows}))
    kiosk_env.update(KIOSK_URL=f"http://127.0.0.1:{_free_port()}/kiosk/", KIOSK_OFFLINE_AFTER="0",
                     KIOSK_POLICY_FILE=str(policy), KIOSK_PRINTING=printing)
    done = subprocess.run([str(LAUNCHER)], env=kiosk_env, capture_output=True, text=True, timeout=20)
    assert done.returncode == 0, done.stderr
    argv = Path(kiosk_env["ARGV_FILE"]).read_text().splitlines()
    assert ("--kiosk-printing" in argv) is (printing == "1")
    assert ("PrintingEnabled" in done.stderr) is (printing == "1" and not policy_allows)
