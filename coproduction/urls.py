from django.urls import path

from . import views

app_name = "coproduction"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("sites.csv", views.programme_csv, name="programme-csv"),
]
