"""The addresses accounts answers at the site's root: each person's home page and the
signed-in floor page the benchmark measures."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/floor", views.floor, name="healthz-floor"),
]
