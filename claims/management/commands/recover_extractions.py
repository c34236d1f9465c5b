from django.core.management.base import BaseCommand

from claims import services


class Command(BaseCommand):
    help = (
        "Re-queue extractions whose worker died (and fail those out of attempts). "
        "run_worker does this by itself; this is for cron or by hand."
    )

    def handle(self, *args, **options):
        summary = services.recover_stale_extractions()
        self.stdout.write(
            f"re-queued {len(summary.requeued)} article(s) {summary.requeued}, "
            f"failed {len(summary.failed)} {summary.failed}"
        )
