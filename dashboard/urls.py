from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("heatmap/", views.heatmap, name="heatmap"),
    path("me/", views.my_sites, name="me"),
    path("list/<slug:figure>/", views.figure_list, name="list"),
    path("list/<slug:figure>/csv/", views.figure_csv, name="list-csv"),
    path("csv/<slug:table>/", views.table_csv, name="table-csv"),
]
