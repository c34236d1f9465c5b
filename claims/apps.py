from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Newsdesk claims"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from claims.roles import ensure_groups

        # After auth's own receiver has created the permissions (auth comes first in apps).
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="claims.ensure_groups")
