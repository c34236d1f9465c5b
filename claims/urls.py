from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/articles/add/", views.article_add, name="article_add"),
    path("events/<slug:slug>/articles/fetch/", views.article_fetch, name="article_fetch"),
    path("events/<slug:slug>/articles/bulk/", views.articles_bulk, name="articles_bulk"),
    path("events/<slug:slug>/compare/", views.event_compare, name="event_compare"),
    path("events/<slug:slug>/entities/<int:pk>/", views.entity_detail, name="entity_detail"),
    path("events/<slug:slug>/matrix/", views.event_matrix, name="event_matrix"),
    path("events/<slug:slug>/timeline/", views.event_timeline, name="event_timeline"),
    path("events/<slug:slug>/export.csv", views.event_export_csv, name="event_export_csv"),
    path("events/<slug:slug>/export.json", views.event_export_json, name="event_export_json"),
    path("events/<slug:slug>/memo/", views.event_memo, name="event_memo"),
    path("articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("conflicts/<int:pk>/", views.conflict_detail, name="conflict_detail"),
    path("conflicts/<int:pk>/resolve/", views.conflict_resolve, name="conflict_resolve"),
]
