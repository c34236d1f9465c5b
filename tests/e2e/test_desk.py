"""End to end in Chromium: the editor's desk on the demo event.

Adding coverage (paste and file), pinning an entity, keyboard triage, panel filters, the matrix,
the timeline and the CSV export; screenshots of the main screens at 1280 and 1920 px are saved
under test-artifacts/screenshots/.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from claims.models import Event

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 1920)


@pytest.fixture
def shots(artifacts):
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder


def log_in(page: Page, live_server, demo, width: int = 1280) -> None:
    username, password = demo
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Events")).to_be_visible()


def demo_url(live_server, path: str = "") -> str:
    event = Event.objects.order_by("created_at").first()
    return f"{live_server.url}/events/{event.slug}/{path}"


def test_add_by_paste_and_by_file_and_watch_extraction(
    page: Page, live_server, demo, tmp_path, shots
):
    log_in(page, live_server, demo)
    page.get_by_label("Title").fill("Bridge closure")
    page.get_by_role("button", name="Create event").click()
    expect(page.get_by_role("heading", name="Bridge closure")).to_be_visible()

    page.get_by_label("Text").fill(
        "Bridge closed after crash\nOUTLET: Valley Courier\nDATE: 2025-03-04\n\n"
        "The Kingsway bridge was closed on Monday after a lorry hit its railing, police said. "
        "About 300 drivers were diverted."
    )
    page.get_by_role("button", name="Add article").click()
    row = page.locator("#article-list tr", has_text="Bridge closed after crash")
    expect(row).to_be_visible()
    expect(row.locator(".status")).to_have_text("Done", timeout=60_000)

    upload = tmp_path / "bridge.txt"
    upload.write_text(
        "Kingsway bridge shut\nOUTLET: River Post\nDATE: 2025-03-05\n\n"
        "The Kingsway bridge was shut on Tuesday after a van struck it, the council said. "
        "Some 500 drivers were diverted."
    )
    page.get_by_label("…or upload a file").set_input_files(str(upload))
    page.get_by_role("button", name="Add article").click()
    row = page.locator("#article-list tr", has_text="Kingsway bridge shut")
    expect(row.locator(".status")).to_have_text("Done", timeout=60_000)
    expect(page.locator("#article-list tr.status, #article-list tbody tr")).to_have_count(2)
    page.screenshot(path=str(shots / "event-1280.png"), full_page=True)


def test_pin_an_entity_and_toggle_legend_and_columns(page: Page, live_server, demo, shots):
    log_in(page, live_server, demo)
    page.goto(demo_url(live_server, "compare/"))
    mark = page.locator("article.column").nth(1).locator("mark.ent[data-entity]").first
    entity = mark.get_attribute("data-entity")
    mark.click()
    panel = page.locator("#entity-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h3.entity-outlet").first).to_be_visible()
    expect(page.locator(f'mark.pinned[data-entity="{entity}"]').first).to_be_visible()
    # Keyboard: Enter on a focused mark pins too; pressing it again unpins.
    mark.focus()
    page.keyboard.press("Enter")
    expect(panel).to_be_hidden()

    legend = page.locator("button.legend-toggle").first
    group = legend.get_attribute("data-group")
    legend.click()
    expect(legend).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#columns")).to_have_class(re.compile(f"hide-{group}"))

    first_column = page.locator("article.column").first
    page.locator("input[data-column]").first.uncheck()
    expect(first_column).to_be_hidden()
    page.locator("input[data-column]").first.check()
    expect(first_column).to_be_visible()


def test_resolve_with_the_keyboard(page: Page, live_server, demo, shots):
    log_in(page, live_server, demo)
    page.goto(demo_url(live_server, "compare/"))
    open_count = page.locator("#open-count")
    before = int(open_count.inner_text().split()[0])

    page.keyboard.press("?")
    expect(page.locator("dialog#shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("dialog#shortcuts")).to_be_hidden()

    page.keyboard.press("j")
    card = page.locator(".conflict-card.current")
    expect(card).to_have_count(1)
    card_id = card.get_attribute("id")
    anchor = card.locator("a.jump").first.get_attribute("data-anchor")
    sentence = page.locator(f"#{anchor}")
    expect(sentence).to_have_class(re.compile("selected"))
    expect(sentence).to_have_class(re.compile("disputed"))
    page.keyboard.press("1")
    resolved = page.locator(f"#{card_id}")
    expect(resolved).to_have_class(re.compile("status-resolved"))
    expect(resolved).to_have_class(re.compile("current"))
    # The column's highlight followed the decision (no reload): no longer disputed.
    expect(sentence).not_to_have_class(re.compile("disputed"))
    expect(sentence).to_have_class(re.compile("selected"))
    expect(open_count).to_have_text(f"{before - 1} open")
    expect(page.locator("#conflict-tabs a", has_text="Resolved")).to_contain_text("1")
    page.screenshot(path=str(shots / "compare-resolved-1280.png"))

    page.keyboard.press("r")
    expect(resolved).to_have_class(re.compile("status-open"))
    expect(open_count).to_have_text(f"{before} open")
    expect(sentence).to_have_class(re.compile("disputed"))
    page.keyboard.press("n")
    expect(resolved).to_have_class(re.compile("status-dismissed"))

    # Shortcuts do nothing while typing: "/" focuses search, then "n" is just a letter.
    page.keyboard.press("/")
    search = page.locator("#conflict-q")
    expect(search).to_be_focused()
    page.keyboard.type("n")
    expect(search).to_have_value("n")
    expect(resolved).to_have_class(re.compile("status-dismissed"))


def test_filter_the_panel(page: Page, live_server, demo):
    log_in(page, live_server, demo)
    page.goto(demo_url(live_server, "compare/?status=all"))
    cards = page.locator("#conflict-panel .conflict-card")
    total = cards.count()
    assert total >= 2
    kind = cards.first.locator(".badge.kind").inner_text()
    page.get_by_label("Kind", exact=True).select_option(label=kind)
    expect(page).to_have_url(re.compile("kind="))
    expect(cards.first).to_be_visible()
    for i in range(cards.count()):
        expect(cards.nth(i).locator(".badge.kind")).to_have_text(kind)
    page.get_by_label("Search conflicts").fill("zzzz-nothing")
    expect(cards).to_have_count(0)
    expect(page.locator("#conflict-panel .empty")).to_contain_text("match these filters")
    page.get_by_role("link", name="Clear").click()
    expect(cards).to_have_count(total)


def test_matrix_timeline_export_and_screenshots(page: Page, live_server, demo, shots):
    log_in(page, live_server, demo)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 1000})
        page.goto(demo_url(live_server, "compare/"))
        expect(page.locator("article.column")).to_have_count(4)
        page.screenshot(path=str(shots / f"compare-{width}.png"))
        page.goto(demo_url(live_server, "matrix/"))
        expect(page.locator("table.matrix tbody tr").first).to_be_visible()
        expect(page.locator(".cell .state").first).to_have_text(
            re.compile("Agrees|Disagrees|Silent")
        )
        page.screenshot(path=str(shots / f"matrix-{width}.png"), full_page=True)
        page.goto(demo_url(live_server, "timeline/"))
        expect(page.locator("figure.timeline svg circle")).to_have_count(4)
        page.screenshot(path=str(shots / f"timeline-{width}.png"), full_page=True)
        page.goto(demo_url(live_server, "memo/"))
        expect(page.get_by_role("heading", name=re.compile("Corrections memo"))).to_be_visible()
        page.screenshot(path=str(shots / f"memo-{width}.png"), full_page=True)

    page.goto(demo_url(live_server, "matrix/"))
    page.locator("a.cell").first.click()
    expect(page).to_have_url(re.compile(r"/compare/#s-\d+-\d+"))

    page.goto(demo_url(live_server, "compare/"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-conflicts.csv")
    with open(download.path(), encoding="utf-8") as exported:
        header = exported.readline()
    assert header.startswith("id,kind,status,confidence,about")
