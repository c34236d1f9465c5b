"""Conflicts with the desk's decisions as plain data: JSON (the `export_conflicts` shape) and CSV.

Shared by ``manage.py export_conflicts`` and the event's download links.
"""

from __future__ import annotations

import csv
import io

from django.db.models import Prefetch

from claims.models import Conflict, Event, Resolution

CSV_COLUMNS = [
    "id",
    "kind",
    "status",
    "confidence",
    "about",
    "explanation",
    "versions",
    "decision",
    "chosen_outlet",
    "chosen_value",
    "note",
    "source_url",
    "decided_by",
    "decided_at",
]


def event_conflicts(event: Event):
    """The event's conflicts with their claims and applied decisions (three queries)."""
    return (
        Conflict.objects.for_event(event)
        .with_claims()
        .prefetch_related(
            Prefetch(
                "resolutions",
                queryset=Resolution.objects.filter(applied=True).select_related("editor"),
                to_attr="applied_resolutions",
            )
        )
        .order_by("pk")
    )


def decision_to_json(conflict: Conflict) -> dict | None:
    """The decision in force (the latest applied one), or None for an undecided conflict."""
    resolutions = getattr(conflict, "applied_resolutions", None)
    if resolutions is None:
        resolutions = list(conflict.resolutions.filter(applied=True).select_related("editor"))
    if not resolutions or conflict.is_open:
        return None
    latest = resolutions[0]
    return {
        "decision": latest.decision,
        "label": latest.get_decision_display(),
        "chosen_outlet": latest.chosen_outlet,
        "chosen_value": latest.chosen_value,
        "note": latest.note,
        "source_url": latest.source_url,
        "editor": latest.editor.get_username(),
        "at": latest.created_at.isoformat(),
    }


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
                "negated": claim.negated,
                "quote": claim.quote,
                "speaker": claim.speaker,
            }
            for claim in conflict.claims.all()
        ],
        "decision": decision_to_json(conflict),
    }


def event_to_json(event: Event) -> dict:
    return {"event": event.slug, "conflicts": [conflict_to_json(c) for c in event_conflicts(event)]}


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def event_to_csv(event: Event) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for conflict in event_conflicts(event):
        data = conflict_to_json(conflict)
        decision = data["decision"] or {}
        versions = " | ".join(f"{c['outlet']}: {c['display']}" for c in data["claims"])
        row = [
            data["id"],
            data["kind"],
            data["status"],
            data["confidence"],
            data["about"],
            data["explanation"],
            versions,
            decision.get("label", ""),
            decision.get("chosen_outlet", ""),
            decision.get("chosen_value", ""),
            decision.get("note", ""),
            decision.get("source_url", ""),
            decision.get("editor", ""),
            decision.get("at", ""),
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
