from django.urls import path

from . import views

app_name = "peer_support"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("overview.csv", views.overview_csv, name="overview-csv"),
    path("sites/<slug:slug>/", views.programme, name="programme"),
    path("sites/<slug:slug>/checklist/<slug:item>/", views.checklist_item, name="checklist-item"),
    path("sites/<slug:slug>/rounds/new/", views.round_form, name="round-add"),
    path("sites/<slug:slug>/rounds/<int:pk>/", views.round_form, name="round-edit"),
    path("sites/<slug:slug>/posts/new/", views.post_form, name="post-add"),
    path("sites/<slug:slug>/posts/<int:pk>/", views.post_form, name="post-edit"),
    path(
        "sites/<slug:slug>/<str:kind>/<int:pk>/remove/", views.record_remove, name="record-remove"
    ),
]
