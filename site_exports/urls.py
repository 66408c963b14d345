from django.urls import path

from . import views

app_name = "site_exports"

urlpatterns = [
    path("sites/<slug:slug>/", views.site_export, name="site-export"),
    path("<int:pk>/", views.export_detail, name="export-detail"),
    path("<int:pk>/retry/", views.export_retry, name="export-retry"),
    path("<int:pk>/download/", views.export_download, name="export-download"),
]
