"""Playwright in Debian's Chromium (/usr/bin/chromium); no browser downloads."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NEWSDESK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def no_csp_violations(request):
    """Every browser test fails if Chromium reports a Content-Security-Policy violation."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused: list[str] = []

    def on_console(message) -> None:
        if "Refused to" in message.text or "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", on_console)
    # Also report violations the console might not show (e.g. style attributes set by scripts).
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', (e) => console.error("
        "'Refused to load: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));"
    )
    yield refused  # a test that provokes a violation on purpose clears it
    assert not refused, f"CSP violations: {refused}"


@pytest.fixture
def demo(tmp_path) -> list[str]:
    """The demo event, extracted, and its login as ``[username, password]``."""
    password_file = tmp_path / "login.txt"
    call_command("load_demo", "--password-file", str(password_file), stdout=io.StringIO())
    return password_file.read_text().split()
