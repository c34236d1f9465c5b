"""Background work, run by the task backend's workers (``manage.py run_worker``).

django-tasks-db runs each task once and never retries; ``run_extraction`` re-queues a failed
extraction while attempts are left, and ``services.recover_stale_extractions`` (run by
``run_worker``) re-queues the ones whose worker died.
"""

from django.conf import settings
from django.tasks import task

from claims import services


@task()
def extract_article(article_id: int) -> None:
    """Run spaCy extraction for one article and re-align its event (retried on failure)."""
    services.run_extraction(
        article_id=article_id, max_attempts=settings.NEWSDESK_EXTRACTION_MAX_ATTEMPTS
    )
