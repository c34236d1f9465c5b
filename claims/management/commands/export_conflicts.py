import json

from django.core.management.base import BaseCommand, CommandError

from claims.models import Conflict, Event


def conflict_to_json(conflict: Conflict) -> dict:
    return {
        "id": conflict.pk,
        "kind": conflict.kind,
        "status": conflict.status,
        "confidence": round(conflict.confidence, 3),
        "about": conflict.about,
        "explanation": conflict.explanation,
        "claims": [
            {
                "article_id": claim.article_id,
                "article_title": claim.article.title,
                "outlet": claim.article.outlet_name,
                "sentence": claim.sentence,
                "value": claim.value_text,
                "normalized": claim.normalized,
                "display": claim.display,
                "attribution": claim.attribution,
                "hedges": claim.hedges,
            }
            for claim in conflict.claims.all()
        ],
    }


class Command(BaseCommand):
    help = "Print an event's conflicts as JSON: kind, status, confidence and each outlet's claim."

    def add_arguments(self, parser):
        parser.add_argument("--event", required=True, metavar="SLUG", help="The event's slug.")
        parser.add_argument("--indent", type=int, default=2, help="JSON indent (0 for compact).")

    def handle(self, *args, event, indent, **options):
        event_obj = Event.objects.filter(slug=event).first()
        if event_obj is None:
            raise CommandError(f"No event {event!r}.")
        conflicts = Conflict.objects.for_event(event_obj).with_claims().order_by("pk")
        payload = {"event": event_obj.slug, "conflicts": [conflict_to_json(c) for c in conflicts]}
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=indent or None))
