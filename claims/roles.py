"""The newsroom's roles as Django groups: Editors change things, Viewers only read.

Admins are staff users with the admin's own permissions. The groups are (re)made after every
``migrate`` and after every test-database flush (``post_migrate``), so they always exist.
"""

from __future__ import annotations

from typing import Any

EDITOR_PERMS = [
    "add_event",
    "change_event",
    "add_article",
    "change_article",
    "add_resolution",
    "view_event",
    "view_article",
    "view_conflict",
    "view_claim",
]
VIEWER_PERMS = ["view_event", "view_article", "view_conflict", "view_claim"]
ROLES = {"Editors": EDITOR_PERMS, "Viewers": VIEWER_PERMS}


def ensure_groups(**kwargs: Any) -> None:
    """Create the groups and give them their permissions (a ``post_migrate`` receiver)."""
    from django.contrib.auth.models import Group, Permission

    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )
