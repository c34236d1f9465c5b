"""A private PostgreSQL cluster for local runs and tests (standard library only).

When ``DATABASE_URL`` is not set, ``bin/run`` and ``bin/test`` call::

    python -m newsdesk.embedded_pg ensure   # prints the DATABASE_URL on stdout
    python -m newsdesk.embedded_pg status   # exit 0 when running, 3 when not
    python -m newsdesk.embedded_pg stop
    python -m newsdesk.embedded_pg psql     # a psql shell on the cluster

The cluster lives in ``.newsdesk/pgdata`` and listens only on a Unix socket in
``.newsdesk/pgsocket`` (``listen_addresses = ''``), so it never clashes with another server's
TCP port. It uses the machine's PostgreSQL binaries (``NEWSDESK_PG_BINDIR``,
``pg_config --bindir``, ``initdb`` on ``PATH``, ``/usr/lib/postgresql/*/bin``, ...).
initdb and postgres refuse to run as root: as root, the folders belong to the ``postgres``
system user and every server command runs through ``runuser -u postgres --``.

Everything except the URL goes to stderr, so ``DATABASE_URL=$(... ensure)`` works.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import glob
import hashlib
import os
import pwd
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
STATE_DIR = ROOT / ".newsdesk"
DATA_DIR = STATE_DIR / "pgdata"
SOCKET_DIR = STATE_DIR / "pgsocket"
LOG_FILE = STATE_DIR / "postgres.log"
LOCK_FILE = STATE_DIR / "embedded_pg.lock"

DB_NAME = "newsdesk"
SUPERUSER = "postgres"
PORT = 5432  # only names the socket file (.s.PGSQL.5432); no TCP listener
OS_USER = "postgres"  # runs the server when we are root
MAX_SOCKET_PATH = 100  # sun_path holds 107 bytes; keep a margin

SERVER_CONF = """
# --- added by newsdesk/embedded_pg.py: private dev cluster, Unix socket only ---
listen_addresses = ''
port = {port}
synchronous_commit = off
"""


class EmbeddedPgError(Exception):
    """A problem with a message meant for the person at the terminal."""


def say(message: str) -> None:
    print(f"newsdesk: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- paths, users


def is_root() -> bool:
    return os.geteuid() == 0


def socket_dir() -> Path:
    """The socket folder; a short one under /tmp when the project path is too long."""
    if len(str(SOCKET_DIR / f".s.PGSQL.{PORT}")) <= MAX_SOCKET_PATH:
        return SOCKET_DIR
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"newsdesk-pg-{digest}"


def database_url() -> str:
    return f"postgresql://{SUPERUSER}@:{PORT}/{DB_NAME}?host={quote(str(socket_dir()), safe='/')}"


def clean_env() -> dict[str, str]:
    """The environment without PG* variables, which would redirect psql and pg_ctl."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    return env


def as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", OS_USER, "--", *cmd] if is_root() else cmd


def run(cmd: list[str], *, check: bool = True, capture: bool = True, **kwargs):
    """Run a command with a clean environment; its output is captured or sent to stderr."""
    kwargs.setdefault("env", clean_env())
    kwargs.setdefault("cwd", "/")
    if capture:
        kwargs.setdefault("stdout", subprocess.PIPE)
        kwargs.setdefault("stderr", subprocess.PIPE)
    else:
        kwargs.setdefault("stdout", sys.stderr)
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    result = subprocess.run(cmd, text=True, check=False, **kwargs)
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout or "").strip() if capture else ""
        raise EmbeddedPgError(
            f"command failed (exit {result.returncode}): {shlex.join(cmd)}"
            + (f"\n{detail}" if detail else "")
        )
    return result


def ensure_os_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(OS_USER)
    except KeyError:
        pass
    say(f"creating the system user {OS_USER!r} to run the embedded PostgreSQL server")
    if not shutil.which("useradd"):
        raise EmbeddedPgError(
            f"there is no {OS_USER!r} user and no useradd to create one; create a system user "
            f"named {OS_USER!r}, or set DATABASE_URL to an existing server"
        )
    run(
        [
            "useradd",
            "--system",
            "--user-group",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            OS_USER,
        ]
    )
    return pwd.getpwnam(OS_USER)


def make_traversable(path: Path, user: pwd.struct_passwd) -> None:
    """Let ``user`` reach ``path``: add search (x) permission on ancestors that block it."""
    groups = {g for g in os.getgrouplist(user.pw_name, user.pw_gid)}
    for directory in [path, *path.parents]:
        st = directory.stat()
        if st.st_uid == user.pw_uid:
            ok = st.st_mode & 0o100
        elif st.st_gid in groups:
            ok = st.st_mode & 0o010
        else:
            ok = st.st_mode & 0o001
        if ok:
            continue
        if shutil.which("setfacl"):
            say(f"granting user {user.pw_name!r} search access to {directory} (setfacl u:x)")
            run(["setfacl", "-m", f"u:{user.pw_name}:x", str(directory)])
        else:
            say(f"adding o+x (search, not read) to {directory} so {user.pw_name!r} can reach it")
            directory.chmod(st.st_mode | 0o001)


def prepare_dirs() -> None:
    """Create the folders; as root, hand them to the server user."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    sock = socket_dir()
    for directory in (DATA_DIR, sock):
        directory.mkdir(parents=True, exist_ok=True)
    if not is_root():
        owner = DATA_DIR.stat().st_uid
        if owner != os.geteuid():
            name = pwd.getpwuid(owner).pw_name
            raise EmbeddedPgError(
                f"{DATA_DIR} was set up for user {name!r}, not you: run the command as root "
                f"(the server then runs as {OS_USER!r}), or delete {DATA_DIR} (demo data "
                "only) to start a fresh cluster of your own"
            )
    DATA_DIR.chmod(0o700)
    sock.chmod(0o755)
    LOG_FILE.touch(exist_ok=True)
    if not is_root():
        return
    user = ensure_os_user()
    for path in (DATA_DIR, sock, LOG_FILE):
        if path.stat().st_uid != user.pw_uid:
            run(["chown", "-R", f"{user.pw_uid}:{user.pw_gid}", str(path)])
    make_traversable(DATA_DIR, user)
    make_traversable(sock, user)


# --------------------------------------------------------------------------- binaries


def _major_version(bindir: Path) -> int | None:
    try:
        out = run([str(bindir / "postgres"), "--version"]).stdout
    except (EmbeddedPgError, OSError):
        return None
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(match.group(1)) if match else None


def _candidate_bindirs() -> Iterator[Path]:
    if os.environ.get("NEWSDESK_PG_BINDIR"):
        yield Path(os.environ["NEWSDESK_PG_BINDIR"])
    # An existing cluster needs binaries of its own major version: try those first.
    version_file = DATA_DIR / "PG_VERSION"
    with contextlib.suppress(OSError):
        major = version_file.read_text().strip()
        yield Path(f"/usr/lib/postgresql/{major}/bin")
        yield Path(f"/usr/pgsql-{major}/bin")
        yield Path(f"/opt/homebrew/opt/postgresql@{major}/bin")
        yield Path(f"/usr/local/opt/postgresql@{major}/bin")
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(EmbeddedPgError, OSError):
            yield Path(run([pg_config, "--bindir"]).stdout.strip())
    initdb = shutil.which("initdb")
    if initdb:
        yield Path(initdb).resolve().parent
    for pattern in (
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/opt/homebrew/opt/postgresql@*/bin",
        "/usr/local/opt/postgresql@*/bin",
    ):
        found = glob.glob(pattern)
        found.sort(key=lambda p: [int(n) for n in re.findall(r"\d+", p)], reverse=True)
        yield from map(Path, found)
    yield Path("/usr/local/pgsql/bin")


def find_bindir() -> Path | None:
    for bindir in _candidate_bindirs():
        if all(os.access(bindir / exe, os.X_OK) for exe in ("initdb", "pg_ctl", "postgres")):
            return bindir
    return None


def install_postgres() -> bool:
    """As root with apt-get: install PostgreSQL without the Debian 'main' cluster."""
    opted_out = os.environ.get("NEWSDESK_NO_INSTALL", "0") not in {"", "0"}
    if opted_out or not (is_root() and shutil.which("apt-get")):
        return False
    say("PostgreSQL binaries not found; installing them with apt-get (root, ~1 min)")
    # A drop-in, not createcluster.conf itself (a dpkg conffile): no main cluster is created
    # and none is started on port 5432 by the package.
    dropin = Path("/etc/postgresql-common/createcluster.d/newsdesk-no-main-cluster.conf")
    dropin.parent.mkdir(parents=True, exist_ok=True)
    if not dropin.exists():
        dropin.write_text("create_main_cluster = false\n")
    env = {**clean_env(), "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-q"], capture=False, env=env)
    run(
        [
            "apt-get",
            "install",
            "-y",
            "-q",
            "--no-install-recommends",
            "-o",
            "Dpkg::Options::=--force-confdef",
            "-o",
            "Dpkg::Options::=--force-confold",
            "postgresql",
            "postgresql-contrib",
        ],
        capture=False,
        env=env,
    )
    return True


NO_BINARIES = """PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found.
The embedded database needs them (PostgreSQL 14 or newer, with contrib for pg_trgm):
  Debian/Ubuntu:  sudo apt-get install postgresql
  Fedora/RHEL:    sudo dnf install postgresql-server postgresql-contrib
  macOS:          brew install postgresql@16
Or point Newsdesk at binaries elsewhere:  export NEWSDESK_PG_BINDIR=/path/to/postgresql/bin
Or use a server you already have:        export DATABASE_URL=postgres://user:pass@host:5432/newsdesk
Or run everything in Docker:             docker compose up --build"""


def require_bindir() -> Path:
    bindir = find_bindir()
    if bindir is None and install_postgres():
        bindir = find_bindir()
    if bindir is None:
        raise EmbeddedPgError(NO_BINARIES)
    return bindir


# --------------------------------------------------------------------------- cluster state


def _pid_alive_postgres(pid: int) -> bool:
    """True when ``pid`` is a live postgres process (not a reused PID)."""
    if pid <= 0:
        return False
    proc = Path(f"/proc/{pid}")
    if Path("/proc/self").exists():
        try:
            comm = (proc / "comm").read_text().strip()
            state = (proc / "stat").read_text().rpartition(")")[2].split()[0]
        except (OSError, IndexError):
            return False
        # A killed postmaster can linger as a zombie (state Z) until its parent reaps it.
        return state not in {"Z", "X"} and comm.startswith(("postgres", "postmaster"))
    try:
        out = subprocess.run(
            ["ps", "-p", str(pid), "-o", "comm="], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return True  # cannot tell: let pg_ctl decide
    return "postgres" in out or "postmaster" in out


def _read_pidfile() -> list[str] | None:
    try:
        return (DATA_DIR / "postmaster.pid").read_text().splitlines()
    except OSError:
        return None


def server_pid() -> int | None:
    """PID of the postmaster of our cluster, or None (stale pid files are ignored)."""
    lines = _read_pidfile()
    if not lines:
        return None
    try:
        pid = int(lines[0])
    except ValueError:
        return None
    return pid if _pid_alive_postgres(pid) else None


def remove_stale_locks() -> None:
    """After a crash: drop lock files whose PID is not a running postgres."""
    candidates = [DATA_DIR / "postmaster.pid", socket_dir() / f".s.PGSQL.{PORT}.lock"]
    for lock in candidates:
        try:
            pid = int(lock.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            continue
        if not _pid_alive_postgres(pid):
            say(f"removing stale lock file {lock} (PID {pid} is not a running postgres)")
            lock.unlink(missing_ok=True)
            if lock.name.endswith(".lock"):
                (lock.parent / lock.name.removesuffix(".lock")).unlink(missing_ok=True)


def psql(bindir: Path, sql: str, *, database: str = "postgres", check: bool = True):
    psql_bin = bindir / "psql"
    if not os.access(psql_bin, os.X_OK):
        psql_bin = Path(shutil.which("psql") or "psql")
    cmd = [
        str(psql_bin),
        "-X",
        "-q",
        "-A",
        "-t",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        str(socket_dir()),
        "-p",
        str(PORT),
        "-U",
        SUPERUSER,
        "-d",
        database,
        "-c",
        sql,
    ]
    return run(cmd, check=check)


def database_exists(bindir: Path) -> bool | None:
    """True/False when the server answers; None when it does not."""
    result = psql(bindir, f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'", check=False)
    if result.returncode != 0:
        return None
    return result.stdout.strip() == "1"


def pick_locale() -> str:
    """A UTF-8 locale that exists here (for Unicode-aware lower() and pg_trgm), else C."""
    try:
        available = run(["locale", "-a"], check=False).stdout.split()
    except OSError:
        available = []
    normalised = {name.lower().replace("-", ""): name for name in available}
    for wanted in ("c.utf8", "en_us.utf8", "en_gb.utf8"):
        if wanted in normalised:
            return normalised[wanted]
    return "C"


def init_cluster(bindir: Path) -> None:
    if (DATA_DIR / "PG_VERSION").exists():
        return
    if any(DATA_DIR.iterdir()):
        raise EmbeddedPgError(
            f"{DATA_DIR} is not empty but holds no PostgreSQL cluster; move it away or delete it"
        )
    locale = pick_locale()
    say(f"creating the embedded PostgreSQL cluster in {DATA_DIR} (locale {locale})")
    env = {**clean_env(), "LC_ALL": locale, "LANG": locale}
    run(
        as_server_user(
            [
                str(bindir / "initdb"),
                "-D",
                str(DATA_DIR),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                f"--locale={locale}",
            ]
        ),
        env=env,
    )
    with (DATA_DIR / "postgresql.conf").open("a") as conf:
        conf.write(SERVER_CONF.format(port=PORT))


def check_version(bindir: Path) -> None:
    cluster = (DATA_DIR / "PG_VERSION").read_text().strip()
    binaries = _major_version(bindir)
    if binaries is not None and str(binaries) != cluster:
        raise EmbeddedPgError(
            f"{DATA_DIR} was made by PostgreSQL {cluster} but the binaries found "
            f"({bindir}) are version {binaries}. Set NEWSDESK_PG_BINDIR to PostgreSQL "
            f"{cluster}'s bin folder, or delete {DATA_DIR} to start afresh (demo data only)."
        )


def pg_ctl(bindir: Path, *args: str, check: bool = True):
    cmd = as_server_user([str(bindir / "pg_ctl"), "-D", str(DATA_DIR), *args])
    return run(cmd, check=check)


def start_server(bindir: Path) -> None:
    pid = server_pid()
    if pid is not None:
        lines = _read_pidfile() or []
        running_socket = lines[4].strip() if len(lines) > 4 else ""
        if running_socket and running_socket != str(socket_dir()):
            say(f"the cluster runs with its socket in {running_socket}; restarting it here")
            pg_ctl(bindir, "stop", "-m", "fast", "-w", "-s")
        else:
            # Running (perhaps still starting up): pg_ctl start -w would fail, so wait.
            wait_ready(bindir)
            return
    remove_stale_locks()
    options = f"-k {shlex.quote(str(socket_dir()))}"
    say("starting the embedded PostgreSQL server")
    result = pg_ctl(
        bindir, "start", "-w", "-t", "60", "-s", "-l", str(LOG_FILE), "-o", options, check=False
    )
    if result.returncode != 0:
        tail = ""
        with contextlib.suppress(OSError):
            tail = "\n".join(LOG_FILE.read_text(errors="replace").splitlines()[-15:])
        raise EmbeddedPgError(
            f"the embedded PostgreSQL server did not start (exit {result.returncode}).\n"
            f"{(result.stderr or '').strip()}\nLast lines of {LOG_FILE}:\n{tail}"
        )


def wait_ready(bindir: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while database_exists(bindir) is None:
        if server_pid() is None:
            raise EmbeddedPgError(f"the embedded PostgreSQL server stopped; see {LOG_FILE}")
        if time.monotonic() > deadline:
            raise EmbeddedPgError(
                f"the embedded PostgreSQL server is not answering; see {LOG_FILE}"
            )
        time.sleep(0.1)


@contextlib.contextmanager
def locked() -> Iterator[None]:
    """One ensure/stop at a time (bin/run and bin/test may start together)."""
    STATE_DIR.mkdir(parents=True, exist_ok=True)
    fd = os.open(LOCK_FILE, os.O_RDONLY | os.O_CREAT, 0o644)  # read-only: any user can lock
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- commands


def ensure() -> str:
    """Make sure the cluster exists, runs and has the database; return its URL."""
    # Fast path: a warm cluster answers one query (a few milliseconds).
    if (socket_dir() / f".s.PGSQL.{PORT}").exists():
        bindir = find_bindir()
        if bindir is not None and database_exists(bindir):
            return database_url()
    with locked():
        bindir = require_bindir()
        prepare_dirs()
        init_cluster(bindir)
        check_version(bindir)
        start_server(bindir)
        if not database_exists(bindir):
            say(f"creating database {DB_NAME!r}")
            psql(bindir, f'CREATE DATABASE "{DB_NAME}"')
    return database_url()


def stop() -> int:
    bindir = find_bindir()
    with locked():
        if server_pid() is None:
            say("the embedded PostgreSQL server is not running")
            return 0
        if bindir is None:
            raise EmbeddedPgError(NO_BINARIES)
        pg_ctl(bindir, "stop", "-m", "fast", "-w", "-t", "60", "-s")
    say("stopped the embedded PostgreSQL server (data stays in .newsdesk/pgdata)")
    return 0


def status(quiet: bool = False) -> int:
    pid = server_pid()
    if not (DATA_DIR / "PG_VERSION").exists():
        message, code = f"no embedded cluster yet ({DATA_DIR})", 3
    elif pid is None:
        message, code = f"stopped (data in {DATA_DIR})", 3
    else:
        message, code = f"running, PID {pid}, socket in {socket_dir()}", 0
    if not quiet:
        print(f"embedded PostgreSQL: {message}")
        if code == 0:
            print(f"DATABASE_URL={database_url()}")
    return code


def open_psql() -> int:
    bindir = require_bindir()
    exe = bindir / "psql" if os.access(bindir / "psql", os.X_OK) else Path("psql")
    args = [str(exe), "-h", str(socket_dir()), "-p", str(PORT), "-U", SUPERUSER, DB_NAME]
    os.execvpe(str(exe), args, clean_env())
    return 1  # not reached


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsdesk.embedded_pg",
        description="Newsdesk's private PostgreSQL cluster in .newsdesk/pgdata.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("ensure", help="create/start the cluster and database; print DATABASE_URL")
    sub.add_parser("stop", help="stop the server (the data stays)")
    status_parser = sub.add_parser("status", help="exit 0 when running, 3 when not")
    status_parser.add_argument("-q", "--quiet", action="store_true")
    sub.add_parser("psql", help="open psql on the embedded database")
    sub.add_parser("url", help="print the DATABASE_URL (without starting anything)")
    args = parser.parse_args(argv)
    try:
        if args.command == "ensure":
            print(ensure(), flush=True)
            return 0
        if args.command == "stop":
            return stop()
        if args.command == "status":
            return status(quiet=args.quiet)
        if args.command == "psql":
            return open_psql()
        print(database_url())
        return 0
    except (EmbeddedPgError, OSError) as exc:
        for line in str(exc).splitlines():
            say(line)
        return 1


if __name__ == "__main__":
    sys.exit(main())
