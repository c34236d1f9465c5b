"""The Content-Security-Policy holds in the browser: every page works and nothing is refused.

``no_csp_violations`` (tests/e2e/conftest.py) fails any browser test on a violation; this one
visits every page of the demo event and checks the header the browser actually received.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from claims.models import Event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_every_page_runs_under_the_csp(page: Page, live_server, demo, no_csp_violations):
    username, password = demo
    response = page.goto(live_server.url + "/accounts/login/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/$"))

    event = Event.objects.order_by("pk").first()
    base = live_server.url + event.get_absolute_url()
    for suffix in ("", "compare/", "matrix/", "timeline/", "memo/"):
        response = page.goto(base + suffix)
        assert response.status == 200, suffix
        assert response.headers["content-security-policy"] == csp
        # Our stylesheet applied (a blocked stylesheet would leave the default white page).
        assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""

    # htmx works under the policy (script from our origin, config from the meta tag): the
    # conflict panel filters without a reload.
    page.goto(base + "compare/")
    page.locator("mark.ent[data-entity]").first.hover()
    htmx_loaded = page.evaluate("typeof window.htmx !== 'undefined'")
    assert htmx_loaded

    # An injected inline script (what an XSS would add) is refused, and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.pwned = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert any("Refused to" in m for m in no_csp_violations), no_csp_violations
    no_csp_violations.clear()
