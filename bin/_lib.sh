# Shared helpers for bin/run and bin/test. Source it; do not run it.
# shellcheck shell=bash

NEWSDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEWSDESK_STATE="$NEWSDESK_ROOT/.newsdesk"
NEWSDESK_UV_VERSION="0.13.8"
NEWSDESK_UV="$NEWSDESK_STATE/uv/bin/uv"
NEWSDESK_VENV="$NEWSDESK_ROOT/.venv"
VPY="$NEWSDESK_VENV/bin/python"
# Set by nd_ensure_database: 1 when this script started the embedded Postgres.
NEWSDESK_PG_STARTED_HERE=0

nd_say() { printf 'newsdesk: %s\n' "$*" >&2; }
nd_die() {
    nd_say "$*"
    exit 1
}
nd_is_root() { [[ "$(id -u)" == 0 ]]; }

# Seconds since the epoch with milliseconds, for timings.
nd_now() { date +%s.%N; }
nd_since() { awk -v s="$1" -v e="$(nd_now)" 'BEGIN { printf "%.1f s", e - s }'; }

# Load .env (KEY=VALUE lines, shell syntax). Variables already set in the environment win,
# so `PORT=8001 bin/run` beats PORT in .env.
nd_load_dotenv() {
    local file="$NEWSDESK_ROOT/.env"
    [[ -f "$file" ]] || return 0
    local -A before=()
    local kv name
    while IFS= read -r -d '' kv; do
        before["${kv%%=*}"]="${kv#*=}"
    done < <(env -0)
    set -a
    # shellcheck disable=SC1090
    . "$file"
    set +a
    for name in "${!before[@]}"; do
        [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
        [[ "${!name-}" == "${before[$name]}" ]] && continue
        export "$name=${before[$name]}"
    done
    nd_say "loaded .env"
}

# --------------------------------------------------------------------------- Python 3.12

# Print the path of a working Python 3.12 (with venv support), or fail with instructions.
nd_find_python() {
    local check='import sys, venv, ensurepip; sys.exit(0 if sys.version_info[:2] == (3, 12) else 1)'
    if [[ -n "${NEWSDESK_PYTHON:-}" ]]; then
        if "$NEWSDESK_PYTHON" -c "$check" >/dev/null 2>&1; then
            printf '%s\n' "$NEWSDESK_PYTHON"
            return 0
        fi
        nd_die "NEWSDESK_PYTHON=$NEWSDESK_PYTHON is not a working Python 3.12 with the venv module."
    fi
    local candidates=() c
    c="$(command -v python3.12 2>/dev/null || true)"
    [[ -n "$c" ]] && candidates+=("$c")
    # pyenv installs (the python3.12 shim on PATH fails unless 3.12 is the selected version).
    local pyenv_root
    for pyenv_root in "${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv; do
        [[ -n "$pyenv_root" && -d "$pyenv_root/versions" ]] || continue
        while IFS= read -r c; do
            candidates+=("$c")
        done < <(compgen -G "$pyenv_root/versions/3.12*/bin/python3.12" | sort -rV)
    done
    candidates+=(/usr/bin/python3.12 /usr/local/bin/python3.12 /opt/homebrew/bin/python3.12)
    c="$(command -v python3 2>/dev/null || true)"
    [[ -n "$c" ]] && candidates+=("$c")
    # A Python installed with `uv python install 3.12`.
    if command -v uv >/dev/null 2>&1; then
        c="$(UV_PYTHON_DOWNLOADS=never uv python find 3.12 2>/dev/null || true)"
        [[ -n "$c" ]] && candidates+=("$c")
    fi
    for c in "${candidates[@]}"; do
        [[ -x "$c" ]] || continue
        if "$c" -c "$check" >/dev/null 2>&1; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    nd_say "Python 3.12 was not found (Newsdesk needs exactly 3.12, with the venv module)."
    nd_say "Install it, then run this command again:"
    nd_say "  Ubuntu 24.04:       sudo apt-get install python3.12 python3.12-venv"
    nd_say "  Debian, others:     pyenv install 3.12   (https://github.com/pyenv/pyenv)"
    nd_say "                      or: uv python install 3.12   (https://docs.astral.sh/uv/)"
    nd_say "  Fedora:             sudo dnf install python3.12"
    nd_say "  macOS:              brew install python@3.12"
    nd_say "Or point Newsdesk at one:  export NEWSDESK_PYTHON=/path/to/python3.12"
    exit 1
}

# --------------------------------------------------------------------------- uv + .venv

# nd_bootstrap dev|no-dev: uv in .newsdesk/uv, then the locked dependencies in .venv.
nd_bootstrap() {
    local start py
    start="$(nd_now)"
    py="$(nd_find_python)"
    mkdir -p "$NEWSDESK_STATE"
    if [[ "$("$NEWSDESK_UV" --version 2>/dev/null || true)" != "uv $NEWSDESK_UV_VERSION"* ]]; then
        nd_say "installing uv $NEWSDESK_UV_VERSION into .newsdesk/uv (with $py)"
        "$py" -m venv --clear "$NEWSDESK_STATE/uv" ||
            nd_die "could not create a virtualenv with $py (Debian/Ubuntu: install python3.12-venv)"
        "$NEWSDESK_STATE/uv/bin/python" -m pip install -qq --disable-pip-version-check \
            "uv==$NEWSDESK_UV_VERSION" ||
            nd_die "pip could not install uv==$NEWSDESK_UV_VERSION (is the package index reachable?)"
    fi
    local args=(sync --locked)
    if [[ "$1" == no-dev ]]; then
        # --inexact: keep dev tools that bin/test installed, so the two commands don't churn.
        args+=(--no-dev --inexact)
    fi
    export UV_PROJECT_ENVIRONMENT="$NEWSDESK_VENV"
    export UV_PYTHON_DOWNLOADS=never
    if [[ -n "${CI:-}" ]]; then
        export UV_NO_PROGRESS=1
    fi
    (cd "$NEWSDESK_ROOT" && UV_PYTHON="$py" "$NEWSDESK_UV" "${args[@]}") || nd_die \
        "'uv ${args[*]}' failed. If uv.lock is out of date, run: .newsdesk/uv/bin/uv lock"
    nd_say "Python environment ready in .venv ($("$VPY" -V 2>&1), $(nd_since "$start"))"
}

# --------------------------------------------------------------------------- database

# Use DATABASE_URL when set; otherwise start the embedded Postgres and export its URL.
nd_ensure_database() {
    if [[ -n "${DATABASE_URL:-}" ]]; then
        nd_say "using DATABASE_URL from the environment (${DATABASE_URL%%\?*})"
        return 0
    fi
    local url start
    start="$(nd_now)"
    if ! (cd "$NEWSDESK_ROOT" && "$VPY" -m newsdesk.embedded_pg status --quiet); then
        NEWSDESK_PG_STARTED_HERE=1
    fi
    url="$(cd "$NEWSDESK_ROOT" && "$VPY" -m newsdesk.embedded_pg ensure)" ||
        nd_die "the embedded Postgres did not start (see above). Or set DATABASE_URL."
    export DATABASE_URL="$url"
    nd_say "embedded Postgres ready in .newsdesk/pgdata ($(nd_since "$start"))"
}

# Stop the embedded Postgres if this script started it (leave it as we found it).
nd_stop_database_if_started() {
    if [[ "$NEWSDESK_PG_STARTED_HERE" == 1 ]]; then
        (cd "$NEWSDESK_ROOT" && "$VPY" -m newsdesk.embedded_pg stop) || true
        NEWSDESK_PG_STARTED_HERE=0
    fi
}
