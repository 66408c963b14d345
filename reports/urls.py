from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("request/", views.report_request, name="report-request"),
    path(
        "learning-sets/<int:pk>/request/",
        views.learning_set_report_request,
        name="learning-set-report-request",
    ),
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/retry/", views.report_retry, name="report-retry"),
    path("<int:pk>/download/<str:fmt>/", views.report_download, name="report-download"),
]
