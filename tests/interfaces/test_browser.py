"""The web page in a real headless browser (Debian's chromium; skipped where absent).

`make browser-test` installs chromium and runs this file.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sukien

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (make browser-test installs it)")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Flags from the machine notes: no network chatter on a closed network, fresh profile.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.db"
    with sukien.open(db) as store:
        store.ingest(sukien.reading.read([EXAMPLES]))
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "sukien.interfaces.cli", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url, tmp_path_factory.mktemp("profile")
    proc.terminate()
    proc.wait(timeout=10)


def _dom(url: str, profile: Path) -> str:
    out = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=60)
    return out.stdout


def test_timeline_renders_in_a_browser(server):
    url, profile = server
    dom = _dom(f"{url}/?country=KOR", profile)
    assert "Timeline of events" in dom
    assert "<table>" in dom and "/articles/" in dom


def test_article_page_highlights_evidence_in_a_browser(server):
    url, profile = server
    dom = _dom(f"{url}/articles/000_4299fdeffb5ad11e", profile)
    assert "<mark" in dom
    assert "Tô Lâm" in dom


def test_screenshot_is_taken(server, tmp_path):
    url, profile = server
    shot = tmp_path / "timeline.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}",
                    "--window-size=1200,900", f"{url}/"], capture_output=True, timeout=60)
    assert shot.exists() and shot.stat().st_size > 1000
