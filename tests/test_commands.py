"""import_articles, export_conflicts and load_demo on the demo articles (real spaCy run)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, Conflict, Event, ExtractionStatus

DEMO = Path(__file__).resolve().parent.parent / "claims" / "demo" / "articles"

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_import_then_export_finds_conflicts_in_the_demo():
    files = sorted(str(p) for p in DEMO.glob("*.txt"))
    assert len(files) >= 3
    output = run("import_articles", "--event", "demo", "--create", *files)
    assert output.count("imported ") == len(files)
    assert Article.objects.filter(status=ExtractionStatus.DONE).count() == len(files)

    exported = json.loads(run("export_conflicts", "--event", "demo"))
    assert exported["event"] == "demo"
    assert len(exported["conflicts"]) >= 1
    for conflict in exported["conflicts"]:
        assert set(conflict) >= {"id", "kind", "status", "confidence", "about", "claims"}
        assert conflict["status"] == "open"
        assert 0 <= conflict["confidence"] <= 1
        outlets = {c["outlet"] for c in conflict["claims"]}
        assert len(outlets) >= 2, conflict
        for claim in conflict["claims"]:
            assert set(claim) >= {
                "article_id",
                "article_title",
                "outlet",
                "sentence",
                "value",
                "normalized",
            }
            assert claim["value"] in claim["sentence"]


def test_import_skips_duplicates_and_reports_bad_files(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Ferry delayed\nOUTLET: Isle News\n\nThe ferry left two hours late on Sunday.")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CommandError, match="1 file"):
        run("import_articles", "--event", "ferry", "--create", str(good), str(bad))
    output = run("import_articles", "--event", "ferry", str(good))
    assert "duplicate" in output
    assert Article.objects.count() == 1


def test_import_needs_create_for_a_new_event(tmp_path):
    with pytest.raises(CommandError, match="--create"):
        run("import_articles", "--event", "nope", str(tmp_path / "x.txt"))


def test_import_no_wait_queues_extraction(tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "a.txt"
    path.write_text("Ferry delayed\n\nThe ferry left two hours late on Sunday.")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        output = run("import_articles", "--event", "ferry", "--create", "--no-wait", str(path))
    assert "queued" in output
    assert Article.objects.get().status == ExtractionStatus.PENDING
    assert len(callbacks) == 1


def test_export_unknown_event():
    with pytest.raises(CommandError):
        run("export_conflicts", "--event", "nope")


def test_load_demo_is_idempotent(tmp_path, django_user_model):
    password_file = tmp_path / "login.txt"
    first = run("load_demo", "--password-file", str(password_file))
    username, password = password_file.read_text().split()
    assert f"{username} / {password}" in first
    event = Event.objects.get()
    articles = event.articles.count()
    conflicts = Conflict.objects.count()
    assert articles >= 3 and conflicts >= 1

    second = run("load_demo", "--password-file", str(password_file))
    assert password_file.read_text().split() == [username, password]
    assert f"{username} / {password}" in second
    assert (Event.objects.count(), event.articles.count(), Conflict.objects.count()) == (
        1,
        articles,
        conflicts,
    )
    user = django_user_model.objects.get(username=username)
    assert user.check_password(password) and user.is_superuser
