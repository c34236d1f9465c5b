"""End to end in Chromium: log in, open the demo event, see entities, resolve a conflict."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_editor_resolves_a_demo_conflict(page: Page, live_server, demo, artifacts):
    username, password = demo
    page.set_viewport_size({"width": 1600, "height": 1000})
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("link", name="Compare").first.click()
    columns = page.locator("article.column")
    expect(columns).to_have_count(4)
    for i in range(columns.count()):
        expect(columns.nth(i).locator("mark.ent").first).to_be_visible()

    # Hovering an entity lights up the same entity in the other columns.
    linked = page.locator("mark.ent[data-entity]").first
    entity = linked.get_attribute("data-entity")
    same = page.locator(f'mark[data-entity="{entity}"]')
    linked.hover()
    expect(same.first).to_have_class(re.compile("linked"))
    page.screenshot(path=str(artifacts / "compare-1600.png"), full_page=False)

    card = page.locator(".conflict-card.status-open").first
    expect(card).to_be_visible()
    card_id = card.get_attribute("id")
    card.locator("input[type=radio]").first.check()
    card.get_by_role("button", name="Trust selected version").click()

    resolved = page.locator(f"#{card_id}")
    expect(resolved).to_have_class(re.compile("status-resolved"))
    resolved.locator("details.history summary").click()
    expect(resolved.locator(".history")).to_contain_text(username)
    expect(resolved.locator(".history")).to_contain_text("Trust this version")
    # The panel's counts refreshed through the conflictResolved event.
    expect(page.locator("#conflict-tabs a", has_text="Resolved")).to_contain_text("1")
    page.screenshot(path=str(artifacts / "compare-resolved-1600.png"), full_page=False)
