"""Load test: concurrent editors against the production server setup, on loopback only.

Run:
    .venv/bin/python bench/load_test.py            # 50 editors for 300 s
    .venv/bin/python bench/load_test.py --quick    # 50 editors for 30 s
    .venv/bin/python bench/load_test.py --duration 120 --users 80 --workers 5

What it does, all bounded in time and on 127.0.0.1:

1. Its own database, ``newsdesk_load``, on the server of ``--database-url`` / ``$DATABASE_URL``
   (else the embedded PostgreSQL): migrated, the demo event loaded (``load_demo``), a few
   extra conflicts, the previous run's decisions dropped (every run starts with all conflicts
   open and no history), and one logged-in session per editor.
2. The web server as ``bin/run`` starts it: gunicorn ``newsdesk.wsgi``, ``DJANGO_DEBUG`` off,
   ``--workers`` sync workers (default 3, like ``bin/run``), access log on.
3. ``--users`` editors (threads, each with its own session and CSRF cookie) arrive evenly
   over ``--ramp`` seconds (default 10; not measured, errors still count), then loop for
   ``--duration`` seconds over what an editor does on the compare page: load the page, open a
   conflict's card, decide on it (trust a version / not a conflict / can't verify, or reopen a
   decided one) and refresh the conflict panel, pausing ``--think`` seconds on average
   (uniformly 0.5x-1.5x) between actions: 5 s by default, i.e. each editor clicks 12 times a
   minute, which is busier than people reading articles side by side. ``--think 1`` is a
   stress test that finds the server's capacity instead.

Prints requests served, errors, p50/p95/p99 (all and per action) and writes
``bench/results/load.json``. An error is a failed connection, a 5xx, or any status other than
the expected one; a 409 on a decision is expected (another editor decided that conflict
first: the app says so and keeps the attempt) and is counted separately. Target on the 2-core
reference machine: 0 errors and p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent
LOAD_DB = "newsdesk_load"
EXTRA_CONFLICTS = 12
USER_PREFIX = "load-editor-"


# --------------------------------------------------------------------------- database setup


def base_database_url(cli_value: str | None) -> str:
    if cli_value:
        return cli_value
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    out = subprocess.run(
        [sys.executable, "-m", "newsdesk.embedded_pg", "ensure"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + quote(name)))


def create_database(url: str) -> None:
    import psycopg

    from newsdesk.env import database_from_url

    cfg = database_from_url(with_database(url, "postgres"))
    params = {k.lower(): v for k, v in cfg.items() if k in {"HOST", "PORT", "USER", "PASSWORD"}}
    params = {k: v for k, v in params.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [LOAD_DB]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{LOAD_DB}"')


def set_up_data(users: int) -> dict:
    """Migrate, load the demo, add conflicts, reopen all, log in the editors (in-process)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from claims.models import Claim, Conflict, Event, Resolution

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # as bin/run does
    with tempfile.TemporaryDirectory() as tmp:
        call_command("load_demo", "--password-file", str(Path(tmp) / "login"))
    slug = json.loads((ROOT / "claims/demo/event.json").read_text())["slug"]
    event = Event.objects.get(slug=slug)
    User = get_user_model()
    claims = list(Claim.objects.filter(article__event=event).order_by("pk"))
    rng = random.Random(7)
    for n in range(EXTRA_CONFLICTS):
        a, b = rng.sample(claims, 2)
        while a.article_id == b.article_id:
            a, b = rng.sample(claims, 2)
        conflict, created = Conflict.objects.get_or_create(
            event=event,
            kind=a.kind,
            key=f"load|extra|{n}",
            defaults={
                "about": f"load-test question {n}: {a.about}"[:300],
                "explanation": f"{a.display} against {b.display}",
                "confidence": 0.5,
            },
        )
        if created:
            conflict.claims.set([a, b])
    # Every run starts from the same state: this database is the bench's own, so the previous
    # run's decisions are dropped (a bulk delete; the app itself never deletes a decision).
    Resolution.objects.filter(conflict__event=event).delete()
    Conflict.objects.filter(event=event).update(status="open", version=0)
    editors = Group.objects.get(name="Editors")
    sessions = []
    for i in range(users):
        user, created = User.objects.get_or_create(username=f"{USER_PREFIX}{i:03d}")
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(editors)
        client = Client()
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    conflict_ids = list(Conflict.objects.filter(event=event).values_list("pk", flat=True))
    info = {
        "slug": event.slug,
        "sessions": sessions,
        "conflicts": conflict_ids,
        "articles": event.articles.count(),
        "claims": len(claims),
    }
    connections.close_all()
    return info


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, threads: int, env: dict, log: Path):
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "newsdesk.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "10",
        "--no-control-socket",
    ]
    if threads > 1:
        cmd += ["--threads", str(threads)]
    out = log.open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn exited with {proc.returncode}; see {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("gunicorn did not start within 60 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children (Linux /proc)."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine from /proc/stat, or zeros elsewhere."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    idle = values[3] + values[4]
    return float(sum(values) - idle), float(sum(values))


# --------------------------------------------------------------------------- editors


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    slowest: list[tuple[float, float, str]] = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)
    measure_from: float = 0.0  # requests started earlier belong to the ramp-up
    ramp_up: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stale: int = 0
    decisions: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, action: str, seconds: float) -> None:
        began = time.monotonic() - seconds
        with self.lock:
            if began < self.measure_from:
                self.ramp_up.append(seconds)
                return
            self.latencies.setdefault(action, []).append(seconds)
            self.slowest.append((seconds, began - self.t0, action))
            if len(self.slowest) > 200:
                self.slowest = sorted(self.slowest, reverse=True)[:20]

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


VERSION_RE = re.compile(r'name="version" value="(\d+)"')
CLAIM_RE = re.compile(r'name="claim" value="(\d+)"')
CSRF_RE = re.compile(r"csrftoken=([A-Za-z0-9]+)")


class Editor:
    def __init__(self, n: int, port: int, session: str, info: dict, stats: Stats, think: float):
        self.until = float("inf")
        self.port, self.session, self.info, self.stats = port, session, info, stats
        self.think = think
        self.csrf = ""
        self.rng = random.Random(n)
        self.conn: http.client.HTTPConnection | None = None

    def request(self, action: str, method: str, path: str, *, expect=(200,), body=None, hx=None):
        cookie = f"sessionid={self.session}" + (f"; csrftoken={self.csrf}" if self.csrf else "")
        headers = {"Cookie": cookie}
        if hx:
            headers.update({"HX-Request": "true", "HX-Target": hx})
        if method == "POST":
            headers.update(
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-CSRFToken": self.csrf,
                    "Origin": f"http://127.0.0.1:{self.port}",
                }
            )
        if time.monotonic() >= self.until:
            return None, ""
        started = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
        except (OSError, http.client.HTTPException) as exc:
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            self.stats.error(f"{action}: {exc.__class__.__name__}: {exc}")
            return None, ""
        self.stats.record(action, time.perf_counter() - started)
        for cookie in response.headers.get_all("Set-Cookie") or []:
            match = CSRF_RE.search(cookie)
            if match:
                self.csrf = match.group(1)
        if response.status not in expect:
            self.stats.error(f"{action}: HTTP {response.status} on {method} {path}")
        return response.status, text

    def pause(self) -> None:
        wanted = self.rng.uniform(0.5, 1.5) * self.think
        time.sleep(max(0.0, min(wanted, self.until - time.monotonic())))

    def run(self, start_at: float, until: float) -> None:
        self.until = until
        slug = self.info["slug"]
        compare = f"/events/{slug}/compare/"
        time.sleep(max(0.0, start_at - time.monotonic()))  # staggered arrival (ramp-up)
        while time.monotonic() < until:
            self.request("compare page", "GET", compare)
            self.pause()
            conflict = self.rng.choice(self.info["conflicts"])
            status, card = self.request(
                "conflict card", "GET", f"/conflicts/{conflict}/", hx=f"c-{conflict}"
            )
            self.pause()
            if status == 200 and self.csrf:
                self.decide(conflict, card)
                self.pause()
            self.request("conflict panel", "GET", compare + "?status=open", hx="conflict-panel")
            self.pause()
        if self.conn is not None:
            self.conn.close()

    def decide(self, conflict: int, card: str) -> None:
        version = VERSION_RE.search(card)
        if not version:
            self.stats.error(f"conflict card {conflict}: no version field")
            return
        claims = CLAIM_RE.findall(card)
        if claims:  # open: decide
            decision = self.rng.choice(["pick", "pick", "not_conflict", "cant_verify"])
        else:
            decision = "reopen"
        form = f"decision={decision}&version={version.group(1)}&note=load+test"
        if decision == "pick":
            form += f"&claim={self.rng.choice(claims)}"
        status, _ = self.request(
            "decision",
            "POST",
            f"/conflicts/{conflict}/resolve/",
            body=form,
            hx=f"c-{conflict}",
            expect=(200, 409),
        )
        with self.stats.lock:
            self.stats.decisions += 1
            self.stats.stale += status == 409


# --------------------------------------------------------------------------- report


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values: list[float]) -> dict:
    return {
        "requests": len(values),
        "p50_ms": round(percentile(values, 50) * 1000, 1),
        "p95_ms": round(percentile(values, 95) * 1000, 1),
        "p99_ms": round(percentile(values, 99) * 1000, 1),
        "max_ms": round(max(values, default=0) * 1000, 1),
        "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=300.0, help="seconds (default 300)")
    parser.add_argument("--quick", action="store_true", help="30 s instead of --duration")
    parser.add_argument("--users", type=int, default=50, help="concurrent editors (default 50)")
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="mean pause between an editor's actions, s (default 5: reading, then a click)",
    )
    parser.add_argument(
        "--ramp", type=float, default=10.0, help="s over which editors arrive (not measured)"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (bin/run: 3)")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument("--database-url", help="server to create newsdesk_load on")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results/load.json")
    args = parser.parse_args(argv)
    duration = 30.0 if args.quick else args.duration

    url = with_database(base_database_url(args.database_url), LOAD_DB)
    create_database(url)
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="newsdesk.settings",
        DJANGO_DEBUG="0",
        TASKS_BACKEND="django.tasks.backends.immediate.ImmediateBackend",
    )
    print(f"setting up {LOAD_DB} (demo event, extra conflicts, {args.users} editors)...")
    info = set_up_data(args.users)
    print(
        f"  {info['articles']} articles, {info['claims']} claims, "
        f"{len(info['conflicts'])} conflicts (all open)"
    )

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    log = Path(tempfile.gettempdir()) / f"newsdesk-load-gunicorn-{port}.log"
    server = start_gunicorn(port, args.workers, args.threads, env, log)
    stats = Stats()
    try:
        # Warm every worker up (imports, template compilation, first DB connection).
        warm = Editor(-1, port, info["sessions"][0], info, Stats(), 0)
        for _ in range(args.workers * 3):
            warm.request("warm-up", "GET", f"/events/{info['slug']}/compare/")
        print(
            f"running {args.users} editors for {duration:.0f} s (after {args.ramp:.0f} s of "
            f"arrivals) against gunicorn "
            f"({args.workers} workers x {args.threads} threads) on 127.0.0.1:{port}..."
        )
        t0 = stats.t0 = time.monotonic()
        stats.measure_from = started = t0 + args.ramp
        cpu_marks: dict[str, float] = {}

        def mark_cpu() -> None:
            cpu_marks["server"] = process_tree_cpu(server.pid)
            cpu_marks["busy"], cpu_marks["total"] = machine_cpu()

        threading.Timer(args.ramp, mark_cpu).start()
        until = started + duration
        editors = [
            Editor(i, port, info["sessions"][i], info, stats, args.think) for i in range(args.users)
        ]
        threads = [
            threading.Thread(
                target=e.run, args=(t0 + args.ramp * i / args.users, until), daemon=True
            )
            for i, e in enumerate(editors)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.ramp + duration + 120)
        elapsed = time.monotonic() - started
        server_cpu = process_tree_cpu(server.pid) - cpu_marks.get("server", 0.0)
        busy, total = machine_cpu()
        machine_busy = (busy - cpu_marks.get("busy", 0.0)) / max(
            1.0, total - cpu_marks.get("total", 0.0)
        )
    finally:
        stop(server)

    everything = [v for values in stats.latencies.values() for v in values]
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "setup": {
            "users": args.users,
            "duration_s": round(elapsed, 1),
            "think_s": args.think,
            "ramp_up_s": args.ramp,
            "gunicorn_workers": args.workers,
            "gunicorn_threads": args.threads,
            "conflicts": len(info["conflicts"]),
            "articles": info["articles"],
        },
        "requests": len(everything),
        "requests_per_s": round(len(everything) / elapsed, 1),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, len(everything)), 1),
        "machine_cpu_busy": round(machine_busy, 2),
        "errors": len(stats.errors),
        "error_samples": stats.errors[:20],
        "decisions": stats.decisions,
        "decisions_refused_409": stats.stale,
        "overall": summary(everything),
        "ramp_up_not_measured": summary(stats.ramp_up),
        "by_action": {name: summary(values) for name, values in sorted(stats.latencies.items())},
        "slowest": [
            {"ms": round(sec * 1000, 1), "at_s": round(at, 1), "action": action}
            for sec, at, action in sorted(stats.slowest, reverse=True)[:10]
        ],
        "target": {"errors": 0, "p95_ms": 200},
    }
    result["target_met"] = result["errors"] == 0 and result["overall"]["p95_ms"] <= 200
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")

    o = result["overall"]
    print(
        f"\nrequests served {result['requests']} ({result['requests_per_s']}/s), "
        f"errors {result['errors']}, decisions {stats.decisions} "
        f"({stats.stale} refused with 409: another editor was first)"
    )
    print(f"latency  p50 {o['p50_ms']} ms  p95 {o['p95_ms']} ms  p99 {o['p99_ms']} ms")
    print(
        f"gunicorn CPU {result['server_cpu_ms_per_request']} ms per request; machine CPU "
        f"{result['machine_cpu_busy']:.0%} busy ({os.cpu_count()} CPUs; other programs count)"
    )
    print(f"{'action':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, s in result["by_action"].items():
        print(f"{name:<16}{s['requests']:>9}{s['p50_ms']:>9}{s['p95_ms']:>9}{s['p99_ms']:>9}")
    print(
        "slowest: "
        + ", ".join(f"{x['action']} {x['ms']} ms at {x['at_s']} s" for x in result["slowest"][:5])
    )
    for line in stats.errors[:10]:
        print(f"  error: {line}")
    print(f"target (0 errors, p95 <= 200 ms): {'met' if result['target_met'] else 'NOT met'}")
    print(f"wrote {args.output} (server log: {log})")
    return 0 if result["target_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
