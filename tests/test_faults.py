"""Faults: a worker killed mid-extraction, extractions that keep failing, recovery racing with
itself, and PostgreSQL restarted under a running web server. Real processes, real Postgres."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.decorators import login_not_required
from django.db import close_old_connections, connection, connections
from django.http import HttpResponse
from django.urls import path
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from claims import services
from claims.models import Article, ExtractionStatus
from claims.tasks import extract_article
from newsdesk import embedded_pg
from tests.conftest import make_article, make_event

ROOT = Path(django_settings.BASE_DIR)
PYTHON = sys.executable
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SLOW_MARKER = "SLOW-EXTRACTION-FOR-TEST"

# A real `manage.py db_worker`, except that extracting a text holding SLOW_MARKER sleeps
# first (for $SLOW_SECONDS), so the test can kill the worker while the task is running.
SLOW_WORKER = textwrap.dedent(
    f"""
    import os, sys, time
    import django
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    import claims.nlp.pipeline as pipeline
    real = pipeline.analyse_article
    def slow(text, **kwargs):
        if {SLOW_MARKER!r} in text:
            time.sleep(float(os.environ["SLOW_SECONDS"]))
        return real(text, **kwargs)
    pipeline.analyse_article = slow
    from django.core.management import execute_from_command_line
    execute_from_command_line(["manage.py", *sys.argv[1:]])
    """
)


def database_url_of(settings_dict: dict) -> str:
    """A DATABASE_URL for a subprocess, pointing at the same database as this connection."""
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host, port = settings_dict["HOST"] or "", settings_dict["PORT"] or ""
    name = quote(settings_dict["NAME"])
    if host.startswith("/"):
        return f"postgres://{user}{password}@:{port or 5432}/{name}?host={quote(host)}"
    return f"postgres://{user}{password}@{host}{':' + port if port else ''}/{name}"


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TASKS_BACKEND"}
    env.update(
        DATABASE_URL=database_url_of(connection.settings_dict),
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def wait_for(predicate, *, timeout: float, what: str, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@contextmanager
def process(cmd: list[str], *, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """A child process, stopped (TERM, then KILL) by its PID on the way out."""
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def status_of(pk: int) -> tuple[str, int]:
    article = Article.objects.get(pk=pk)
    return article.status, article.attempts


# --------------------------------------------------------------------------- 2. killed worker


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_extraction_leaves_the_article_and_a_new_worker_finishes_it(
    settings, tmp_path
):
    settings.TASKS = DB_TASKS
    event = make_event()
    article = services.add_article(
        event=event,
        title="Harbour fire",
        text="Harbour fire\n\nAt least 12 people were injured in the fire at the harbour in "
        f"Portmouth on Monday, police said. {SLOW_MARKER}",
        outlet_name="North Gazette",
    )  # autocommit: the task is queued in the database at once
    task = DBTaskResult.objects.get(task_path=extract_article.module_path)
    assert task.status == TaskResultStatus.READY

    worker_args = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    with process(
        [PYTHON, "-c", SLOW_WORKER, *worker_args],
        env=subprocess_env(SLOW_SECONDS="300"),
        log=tmp_path / "worker1.log",
    ) as first:
        wait_for(
            lambda: status_of(article.pk) == (ExtractionStatus.RUNNING, 1),
            timeout=90,
            what="the first worker to start extracting",
        )
        assert services.extraction_in_progress([article.pk]) == {article.pk}
        os.kill(first.pid, signal.SIGKILL)  # by PID: this worker and nothing else
        first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL

    # The article is still there, and django-tasks-db would leave both "running" forever.
    assert status_of(article.pk) == (ExtractionStatus.RUNNING, 1)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING
    wait_for(
        lambda: not services.extraction_in_progress([article.pk]),
        timeout=10,
        what="Postgres to drop the dead worker's session",
    )

    with process(
        [PYTHON, "manage.py", "run_worker", *worker_args[1:], "--recover-every", "1"],
        env=subprocess_env(),
        log=tmp_path / "worker2.log",
    ):
        wait_for(
            lambda: status_of(article.pk)[0] == ExtractionStatus.DONE,
            timeout=120,
            what="the new worker to finish the article "
            f"(log: {(tmp_path / 'worker2.log').read_text(errors='replace')[-2000:]})",
        )

    article.refresh_from_db()
    assert article.attempts == 2 and article.error == ""
    assert article.claims.exists() and article.mentions.exists()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "claims.services.WorkerLost"
    rerun = DBTaskResult.objects.exclude(pk=task.pk).get(task_path=extract_article.module_path)
    assert rerun.status == TaskResultStatus.SUCCESSFUL


# --------------------------------------------------------------------------- 2. retries


@pytest.fixture
def failing_analysis(monkeypatch):
    """Make extraction fail the first ``n`` times (``n`` set by the test)."""
    state = {"fail_times": 0, "calls": 0}
    from claims.nlp import pipeline

    real = pipeline.analyse_article

    def flaky(text, **kwargs):
        state["calls"] += 1
        if state["calls"] <= state["fail_times"]:
            raise RuntimeError(f"parser crashed (call {state['calls']})")
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_article", flaky)
    return state


def run_worker_batch() -> None:
    """The real django-tasks-db worker loop, in this process, until the queue is empty."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.mark.django_db(transaction=True)
def test_a_task_failing_three_times_marks_the_article_failed_with_the_error(
    settings, failing_analysis
):
    settings.TASKS = DB_TASKS
    settings.NEWSDESK_EXTRACTION_RETRY_DELAY = 0
    failing_analysis["fail_times"] = 99
    article = make_article(make_event(), status=ExtractionStatus.PENDING)
    extract_article.enqueue(article.pk)
    run_worker_batch()
    article.refresh_from_db()
    assert article.status == ExtractionStatus.FAILED
    assert article.attempts == 3 and failing_analysis["calls"] == 3
    assert "RuntimeError: parser crashed (call 3)" in article.error
    assert article.text  # the article stays
    tasks = DBTaskResult.objects.filter(task_path=extract_article.module_path)
    assert [t.status for t in tasks] == [TaskResultStatus.FAILED] * 3


@pytest.mark.django_db(transaction=True)
def test_a_task_failing_twice_is_retried_and_then_succeeds(settings, failing_analysis):
    settings.TASKS = DB_TASKS
    settings.NEWSDESK_EXTRACTION_RETRY_DELAY = 0
    failing_analysis["fail_times"] = 2
    article = make_article(make_event(), status=ExtractionStatus.PENDING)
    extract_article.enqueue(article.pk)
    run_worker_batch()
    article.refresh_from_db()
    assert (article.status, article.attempts, article.error) == (ExtractionStatus.DONE, 3, "")
    assert article.claims.exists()


@pytest.mark.django_db(transaction=True)
def test_a_retry_waits_for_the_retry_delay(settings, failing_analysis):
    settings.TASKS = DB_TASKS
    settings.NEWSDESK_EXTRACTION_RETRY_DELAY = 600
    failing_analysis["fail_times"] = 1
    article = make_article(make_event(), status=ExtractionStatus.PENDING)
    extract_article.enqueue(article.pk)
    run_worker_batch()
    article.refresh_from_db()
    assert article.status == ExtractionStatus.PENDING and article.attempts == 1
    assert "Attempt 1 of 3 failed (RuntimeError: parser crashed (call 1))" in article.error
    later = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert later.run_after.timestamp() > time.time() + 500


def test_an_editors_retry_starts_a_fresh_round_of_attempts(db, django_capture_on_commit_callbacks):
    article = make_article(make_event(), status=ExtractionStatus.FAILED, attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_extraction(article=article)
    article.refresh_from_db()
    assert article.status == ExtractionStatus.DONE and article.attempts == 1


# --------------------------------------------------------------------------- 2. recovery


@contextmanager
def held_by_another_session(article_id: int) -> Iterator[None]:
    """A thread (its own Postgres session) extracting this article until the block ends."""
    taken, release = threading.Event(), threading.Event()

    def hold():
        try:
            with services.extraction_lock(article_id) as free:
                assert free
                taken.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(timeout=10)
    try:
        yield
    finally:
        release.set()
        thread.join(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_recovery_requeues_dead_runs_fails_exhausted_ones_and_leaves_live_ones(settings):
    settings.TASKS = DB_TASKS
    event = make_event()
    dead = make_article(event, status=ExtractionStatus.RUNNING, attempts=1)
    exhausted = make_article(event, status=ExtractionStatus.RUNNING, attempts=3)
    live = make_article(event, status=ExtractionStatus.RUNNING, attempts=1)
    fresh_pending = make_article(event, status=ExtractionStatus.PENDING)
    extract_article.enqueue(fresh_pending.pk)
    lost_pending = make_article(event, status=ExtractionStatus.PENDING)
    Article.objects.filter(pk=lost_pending.pk).update(
        status_changed_at=lost_pending.status_changed_at.replace(year=2020)
    )
    with held_by_another_session(live.pk):
        summary = services.recover_stale_extractions(pending_grace=60)
    assert sorted(summary.requeued) == sorted([dead.pk, lost_pending.pk])
    assert summary.failed == [exhausted.pk]
    assert status_of(dead.pk) == (ExtractionStatus.PENDING, 1)
    assert "stopped (killed or crashed)" in Article.objects.get(pk=dead.pk).error
    assert status_of(live.pk) == (ExtractionStatus.RUNNING, 1)
    assert status_of(fresh_pending.pk)[0] == ExtractionStatus.PENDING
    failed = Article.objects.get(pk=exhausted.pk)
    assert failed.status == ExtractionStatus.FAILED
    assert "did not finish after 3 attempts" in failed.error
    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert sorted(t.args_kwargs["args"][0] for t in queued) == sorted(
        [fresh_pending.pk, dead.pk, lost_pending.pk]
    )


@pytest.mark.django_db(transaction=True)
def test_two_recovery_passes_at_the_same_moment_requeue_each_article_once(settings):
    from tests.test_concurrency import at_once

    settings.TASKS = DB_TASKS
    event = make_event()
    dead = [make_article(event, status=ExtractionStatus.RUNNING, attempts=1) for _ in range(30)]
    results = at_once(services.recover_stale_extractions, services.recover_stale_extractions)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    requeued = results[0][1].requeued + results[1][1].requeued
    assert sorted(requeued) == sorted(a.pk for a in dead)
    assert DBTaskResult.objects.count() == len(dead)


# --------------------------------------------------------------------------- 3. Postgres restart


@login_not_required
def _view_losing_its_connection(request):
    """Postgres ends this session mid-request, as a restart or failover would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    return HttpResponse("not reached")


urlpatterns = [path("lose-connection/", _view_losing_its_connection)]


@pytest.mark.urls(__name__)
@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_inside_a_view_is_a_503_page_and_the_next_request_reconnects(client):
    response = client.get("/lose-connection/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "The database is not reachable right now." in body and "Traceback" not in body
    # What Django's handler does when each request ends (the test client skips it): the broken
    # connection is dropped, and the next query opens a new one.
    close_old_connections()
    assert Article.objects.count() == 0


class PrivateCluster:
    """A throwaway PostgreSQL cluster on its own Unix socket, which the test can stop/start."""

    def __init__(self) -> None:
        self.bindir = embedded_pg.find_bindir()
        if self.bindir is None:
            pytest.skip("PostgreSQL server binaries are not installed")
        self.root = Path(tempfile.mkdtemp(prefix="nd-pg-", dir="/tmp"))
        self.data, self.sock, self.log = self.root / "data", self.root / "s", self.root / "log"
        self.sock.mkdir()
        if os.geteuid() == 0:  # postgres refuses to run as root
            user = pwd.getpwnam(embedded_pg.OS_USER)
            for path in (self.root, self.sock):
                os.chown(path, user.pw_uid, user.pw_gid)
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("listen_addresses = ''\nfsync = off\nsynchronous_commit = off\n")

    def run(self, exe: str, *args: str) -> None:
        embedded_pg.run(embedded_pg.as_server_user([str(self.bindir / exe), *args]))

    def start(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", f"-k {self.sock}",
                 "-w", "-s", "start")  # fmt: skip

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-s", "stop")

    def url(self, name: str) -> str:
        return f"postgres://postgres@:5432/{name}?host={quote(str(self.sock))}"

    def remove(self) -> None:
        embedded_pg.run(
            embedded_pg.as_server_user(
                [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
            ),
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


SETUP_SITE = textwrap.dedent(
    """
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_user("restart-editor", password="pw")
    client = Client()
    client.force_login(user)
    print(client.cookies["sessionid"].value)
    """
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, session: str, **headers: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def answers(base: str, session: str) -> bool:
    try:
        return fetch(base + "/", session)[0] == 200
    except urllib.error.URLError:
        return False  # not listening yet


def test_postgres_restarted_under_a_running_server_503_then_back_without_restart(tmp_path):
    cluster = PrivateCluster()
    try:
        cluster.start()
        cluster.run("createdb", "-h", str(cluster.sock), "-U", "postgres", "newsdesk")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(
            DATABASE_URL=cluster.url("newsdesk"),
            DJANGO_DEBUG="0",
            DJANGO_SETTINGS_MODULE="newsdesk.settings",
        )
        setup = subprocess.run(
            [PYTHON, "-c", SETUP_SITE], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert setup.returncode == 0, setup.stderr
        session = setup.stdout.strip().splitlines()[-1]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        gunicorn = [
            str(Path(PYTHON).parent / "gunicorn"),
            "newsdesk.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--no-control-socket",
        ]
        with process(gunicorn, env=env, log=tmp_path / "gunicorn.log"):
            wait_for(lambda: answers(base, session), timeout=30, what="gunicorn to answer 200")

            cluster.stop()
            for headers in ({}, {"HX-Request": "true"}):
                status, body = fetch(base + "/", session, **headers)
                assert status == 503, body[:500]
                assert "The database is not reachable right now." in body
                assert "Traceback" not in body and "OperationalError" not in body
            status, body = fetch(base + "/events/does-not-matter/compare/", session)
            assert status == 503

            cluster.start()
            # The very next request works: no restart of Newsdesk.
            status, body = fetch(base + "/", session)
            assert status == 200, body[:500]
            assert "not reachable" not in body
        log = (tmp_path / "gunicorn.log").read_text(errors="replace")
        assert "Booting worker" in log and log.count("Booting worker") == 1  # never restarted
    finally:
        cluster.remove()
