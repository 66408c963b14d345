"""The addresses accounts answers at the site's root: each person's home page, the
accessibility statement and privacy notice, and the signed-in floor page the benchmark
measures."""

from django.urls import path

from . import pages, views

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("healthz/floor", views.floor, name="healthz-floor"),
]
