from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.models import Event


class Command(BaseCommand):
    help = (
        "Run extraction again on every article of an event, then re-align it. Idempotent: "
        "entities, claims and conflicts are replaced, never duplicated, and decisions on "
        "conflicts that are found again are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--event", required=True, metavar="SLUG", help="The event's slug.")

    def handle(self, *args, event, **options):
        event_obj = Event.objects.filter(slug=event).first()
        if event_obj is None:
            raise CommandError(f"No event {event!r}.")
        for article in event_obj.articles.order_by("pk"):
            try:
                services.run_extraction(article_id=article.pk, rebuild=False)
            except Exception as exc:
                self.stderr.write(f"failed   article #{article.pk}: {exc}")
            else:
                self.stdout.write(f"extracted article #{article.pk} “{article.title}”")
        summary = services.rebuild_event(event=event_obj)
        self.stdout.write(
            f"event {event}: {summary.entities} entities, {summary.conflicts} conflicts "
            f"({summary.new_conflicts} new), {summary.agreements} agreements"
        )
