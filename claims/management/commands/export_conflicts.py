import json

from django.core.management.base import BaseCommand, CommandError

from claims.exports import event_to_json
from claims.models import Event


class Command(BaseCommand):
    help = (
        "Print an event's conflicts as JSON: kind, status, confidence, each outlet's claim "
        "and the desk's decision in force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--event", required=True, metavar="SLUG", help="The event's slug.")
        parser.add_argument("--indent", type=int, default=2, help="JSON indent (0 for compact).")

    def handle(self, *args, event, indent, **options):
        event_obj = Event.objects.filter(slug=event).first()
        if event_obj is None:
            raise CommandError(f"No event {event!r}.")
        payload = event_to_json(event_obj)
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=indent or None))
