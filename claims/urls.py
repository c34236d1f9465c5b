from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/articles/add/", views.article_add, name="article_add"),
    path("events/<slug:slug>/compare/", views.event_compare, name="event_compare"),
    path("articles/<int:pk>/retry/", views.article_retry, name="article_retry"),
    path("conflicts/<int:pk>/", views.conflict_detail, name="conflict_detail"),
    path("conflicts/<int:pk>/resolve/", views.conflict_resolve, name="conflict_resolve"),
]
