from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.evaluation import evaluate, format_report


class Command(BaseCommand):
    help = (
        "Score the conflict engine on labelled corpus folders (articles + gold.json): prints "
        "precision, recall and F1 per kind and overall, every miss and every false flag."
    )

    def add_arguments(self, parser):
        parser.add_argument("folders", nargs="+", type=Path, metavar="DIR")
        parser.add_argument(
            "--articles",
            "--seeds",
            dest="articles",
            type=Path,
            help="Read the articles from this folder instead of DIR (e.g. ../shared/seeds).",
        )

    def handle(self, *args, folders, articles, **options):
        for folder in folders:
            if not (folder / "gold.json").is_file():
                raise CommandError(f"{folder} has no gold.json")
        from claims.nlp.pipeline import get_nlp

        report = evaluate(
            folders, articles_dir=articles, nlp=get_nlp(settings.NEWSDESK_SPACY_MODEL)
        )
        self.stdout.write(format_report(report))
