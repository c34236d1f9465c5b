"""``manage.py run_worker``: django-tasks-db's ``db_worker`` plus recovery of dead extractions.

Same options as ``db_worker`` (``--interval``, ``--batch``, ...) and ``--recover-every``.
Before taking tasks it runs ``services.recover_stale_extractions`` once (so a worker restarted
after a crash picks up what the dead one left ``running``), then again every
``--recover-every`` seconds in a background thread with its own database connection.
Any number of these may run, on any number of machines (see the recovery's docstring).
"""

from __future__ import annotations

import logging
import threading

from django.db import close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from claims import services

logger = logging.getLogger(__name__)


def recover_once() -> None:
    try:
        services.recover_stale_extractions()
    except Exception:
        # The database may be down for a moment; the next pass tries again.
        logger.exception("Recovering stale extractions failed")
    finally:
        close_old_connections()


def _recover_forever(every: float, stop: threading.Event) -> None:
    try:
        while not stop.wait(every):
            recover_once()
    finally:
        connections.close_all()


class Command(DbWorkerCommand):
    help = (
        "Run the task worker (db_worker) and re-queue extractions whose worker died: once at "
        "start, then every --recover-every seconds."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=60.0,
            help="Seconds between recovery passes (default: %(default)s; 0 = only at start).",
        )

    def handle(self, *args, recover_every: float, **options):
        recover_once()
        if recover_every > 0:
            stop = threading.Event()
            threading.Thread(
                target=_recover_forever,
                args=(recover_every, stop),
                name="recover-extractions",
                daemon=True,
            ).start()
        super().handle(*args, **options)
