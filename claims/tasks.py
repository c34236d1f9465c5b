"""Background work, run by the task backend's workers (``manage.py db_worker``)."""

from django.tasks import task

from claims import services


@task()
def extract_article(article_id: int) -> None:
    """Run spaCy extraction for one article and re-align its event."""
    services.run_extraction(article_id=article_id)
