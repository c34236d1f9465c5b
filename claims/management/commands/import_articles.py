from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims import services
from claims.importing import ArticleInputError
from claims.models import Event


class Command(BaseCommand):
    help = (
        "Import .txt (headline, optional URL:/OUTLET:/DATE: lines, blank line, body) or .html "
        "files into an event, then run extraction (waits for it unless --no-wait)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--event", required=True, metavar="SLUG", help="The event's slug.")
        parser.add_argument(
            "--create", action="store_true", help="Create the event if it does not exist."
        )
        parser.add_argument("--title", help="Title of the event when --create makes it.")
        parser.add_argument(
            "--no-wait",
            action="store_true",
            help="Queue extraction for the task worker instead of running it here.",
        )

    def handle(self, *args, files, event, create, title, no_wait, **options):
        slug = event
        event_obj = Event.objects.filter(slug=slug).first()
        if event_obj is None:
            if not create:
                raise CommandError(f"No event {slug!r}; pass --create to make it.")
            event_obj = Event.objects.create(slug=slug, title=title or slug.replace("-", " "))
            self.stdout.write(f"created event {slug}")
        imported = []
        failures = 0
        for path in files:
            try:
                article = services.import_file(event=event_obj, path=path, enqueue=no_wait)
            except services.DuplicateArticle as dup:
                self.stdout.write(f"skipped  {path}: duplicate of article #{dup.existing.pk}")
                continue
            except (ArticleInputError, OSError) as exc:
                failures += 1
                self.stderr.write(f"failed   {path}: {exc}")
                continue
            imported.append((path, article))
            if no_wait:
                self.stdout.write(f"queued   {path}: article #{article.pk} “{article.title}”")
        if not no_wait:
            for path, article in imported:
                try:
                    services.run_extraction(article_id=article.pk, rebuild=False)
                except Exception as exc:
                    failures += 1
                    self.stderr.write(f"failed   {path}: extraction error: {exc}")
                    continue
                article.refresh_from_db()
                self.stdout.write(
                    f"imported {path}: article #{article.pk} “{article.title}” "
                    f"({article.outlet_name}) {article.mentions.count()} mentions, "
                    f"{article.claims.count()} claims"
                )
            summary = services.rebuild_event(event=event_obj)
            self.stdout.write(
                f"event {slug}: {summary.entities} entities, {summary.conflicts} conflicts"
            )
        if failures:
            raise CommandError(f"{failures} file(s) could not be imported")
