import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from claims import services
from claims.models import Event, ExtractionStatus

DEMO_DIR = Path(settings.BASE_DIR) / "claims" / "demo"


class Command(BaseCommand):
    help = (
        "Load the demo event (claims/demo) and make sure a demo login exists. Idempotent: "
        "articles already stored are kept, and an existing login keeps its password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Where to keep the demo login ('username password'); reused on later runs.",
        )
        parser.add_argument("--username", default="editor", help="Demo login name.")
        parser.add_argument(
            "--no-extract", action="store_true", help="Store the articles but do not extract."
        )

    def handle(self, *args, password_file, username, no_extract, **options):
        username, password = self.ensure_login(username, password_file)
        event = self.ensure_event()
        if not no_extract:
            pending = event.articles.exclude(status=ExtractionStatus.DONE)
            for article in pending:
                services.run_extraction(article_id=article.pk, rebuild=False)
            summary = services.rebuild_event(event=event)
            self.stdout.write(
                f"demo event “{event.title}”: {event.articles.count()} articles, "
                f"{summary.entities} entities, {summary.conflicts} conflicts"
            )
        self.stdout.write(f"demo login: {username} / {password}")

    def ensure_event(self) -> Event:
        meta = json.loads((DEMO_DIR / "event.json").read_text())
        event, created = Event.objects.get_or_create(
            slug=meta["slug"],
            defaults={"title": meta["title"], "description": meta.get("description", "")},
        )
        if created:
            self.stdout.write(f"created demo event {event.slug}")
        for path in sorted((DEMO_DIR / "articles").glob("*.txt")):
            try:
                with transaction.atomic():
                    services.import_file(event=event, path=path, enqueue=False)
            except services.DuplicateArticle:
                continue
        return event

    def ensure_login(self, username: str, password_file: Path | None) -> tuple[str, str]:
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        stored = None
        if password_file and password_file.exists():
            parts = password_file.read_text().split()
            if len(parts) == 2 and parts[0] == username:
                stored = parts[1]
        password = os.environ.get("NEWSDESK_DEMO_PASSWORD") or stored
        if user is None or password is None or not user.check_password(password):
            password = password or secrets.token_urlsafe(9)
            user = user or User(username=username)
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            self.stdout.write(f"demo login {username} ready")
        user.groups.add(Group.objects.get(name="Editors"))
        if password_file:
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(f"{username} {password}\n")
            password_file.chmod(0o600)
        return username, password
