"""The Django admin: everything is manageable here; decisions are read-only history."""

from django.contrib import admin

from claims.models import (
    Agreement,
    Article,
    Claim,
    Conflict,
    Entity,
    Event,
    Mention,
    Outlet,
    Resolution,
)
from claims.services import retry_extraction


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


class ArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "outlet", "published_on", "status"]
    readonly_fields = ["status"]
    show_change_link = True
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "created_by", "created_at"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["created_by"]
    raw_id_fields = ["created_by"]
    inlines = [ArticleInline]


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ["text", "label", "refers_to", "start", "end", "entity"]
    raw_id_fields = ["entity"]
    extra = 0


class ClaimInline(admin.StackedInline):
    model = Claim
    fields = [
        ("kind", "about"),
        ("value_text", "display"),
        "sentence",
        ("attribution", "hedges", "negated"),
        "key",
        "normalized",
    ]
    readonly_fields = ["sentence"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "outlet", "published_on", "status", "attempts"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "url", "text"]
    list_select_related = ["event", "outlet"]
    autocomplete_fields = ["event", "outlet"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["content_hash", "extracted_at", "error", "attempts"]
    inlines = [MentionInline, ClaimInline]
    actions = ["retry"]

    @admin.action(description="Run extraction again")
    def retry(self, request, queryset):
        for article in queryset:
            retry_extraction(article=article)
        self.message_user(request, f"Queued {queryset.count()} article(s).")


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "label", "event"]
    list_filter = ["label"]
    search_fields = ["name", "key"]
    list_select_related = ["event"]
    raw_id_fields = ["event"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["about", "kind", "value_text", "display", "article"]
    list_filter = ["kind"]
    search_fields = ["about", "value_text", "sentence", "key"]
    list_select_related = ["article"]
    raw_id_fields = ["article"]


class ResolutionInline(admin.TabularInline):
    model = Resolution
    fields = [
        "created_at",
        "editor",
        "decision",
        "chosen_outlet",
        "chosen_value",
        "note",
        "source_url",
        "applied",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["about", "event", "kind", "status", "confidence", "stale", "updated_at"]
    list_filter = ["status", "kind", "stale"]
    search_fields = ["about", "explanation", "key"]
    list_select_related = ["event"]
    raw_id_fields = ["event"]
    filter_horizontal = []
    readonly_fields = ["status", "version", "claims"]
    inlines = [ResolutionInline]


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    """Read-only: the decision history is an audit trail."""

    list_display = ["conflict", "editor", "decision", "chosen_value", "applied", "created_at"]
    list_filter = ["decision", "applied"]
    search_fields = ["note", "conflict__about", "editor__username"]
    list_select_related = ["conflict", "editor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    """Corroborations found by the engine; rebuilt on every alignment, so read-only."""

    list_display = ["about", "event", "kind"]
    list_filter = ["kind"]
    search_fields = ["about", "key"]
    list_select_related = ["event"]
    readonly_fields = ["event", "kind", "key", "about", "claims"]

    def has_add_permission(self, request):
        return False
