from django.urls import path

from . import review_views, views

app_name = "support"

urlpatterns = [
    path("reviews/", review_views.review_index, name="review-index"),
    path("reviews/<int:pk>/", review_views.review_detail, name="review-detail"),
    path("reviews/<int:pk>/edit/", review_views.review_edit, name="review-edit"),
    path("actions/<int:pk>/", review_views.action_detail, name="action-detail"),
    path("reviews/<int:pk>/respond/", review_views.review_respond, name="review-respond"),
    path("sites/<slug:slug>/", views.site_support, name="site-support"),
    path("sites/<slug:slug>/package/", views.package_edit, name="package-edit"),
    path("sites/<slug:slug>/log/add/", views.log_add, name="log-add"),
    path("sites/<slug:slug>/log/<int:pk>/edit/", views.log_edit, name="log-edit"),
    path("sites/<slug:slug>/log/<int:pk>/delete/", views.log_delete, name="log-delete"),
    path("sites/<slug:slug>/training/add/", views.training_add, name="training-add"),
    path("sites/<slug:slug>/training/<int:pk>/edit/", views.training_edit, name="training-edit"),
    path(
        "sites/<slug:slug>/training/<int:pk>/delete/",
        views.training_delete,
        name="training-delete",
    ),
    path("sites/<slug:slug>/outcomes/", views.outcomes, name="outcomes"),
    path("sites/<slug:slug>/outcomes/add/", views.outcome_add, name="outcome-add"),
    path("sites/<slug:slug>/reviews/", review_views.review_list, name="review-list"),
    path("sites/<slug:slug>/reviews/add/", review_views.review_add, name="review-add"),
]
