# Newsdesk web/worker image for docker-compose.yml (the README's two commands don't need it).
FROM python:3.12-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_PYTHON=/usr/local/bin/python3.12 \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH=/opt/venv/bin:$PATH

RUN pip install --no-cache-dir uv==0.13.8

WORKDIR /app
# Dependencies first (cached while only the code changes), exactly as locked, no dev tools.
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project --no-cache

COPY . .
# Static files are collected at build time; settings only need a DATABASE_URL to parse.
RUN DATABASE_URL=postgres://build@localhost/build python manage.py collectstatic --noinput \
    && useradd --create-home --uid 1000 newsdesk \
    && mkdir -p /app/.newsdesk \
    && chown newsdesk:newsdesk /app/.newsdesk

USER newsdesk
EXPOSE 8000
CMD ["gunicorn", "newsdesk.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "120", "--access-logfile", "-", "--no-control-socket"]
