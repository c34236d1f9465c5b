from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Newsdesk claims"
    default_auto_field = "django.db.models.BigAutoField"
