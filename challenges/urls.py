from django.urls import path

from . import views

app_name = "challenges"

urlpatterns = [
    path("", views.framework_current, name="framework-current"),
    path("<slug:version>/", views.framework_detail, name="framework-detail"),
]
