from django.urls import path

from . import choosers, views

app_name = "sites"

urlpatterns = [
    path("", views.site_list, name="site-list"),
    path("search.json", choosers.site_search, name="site-search"),
    path("<slug:slug>/", views.site_detail, name="site-detail"),
    path("<slug:slug>/edit/", views.site_edit, name="site-edit"),
    path("<slug:slug>/archive/", views.site_archive, name="site-archive"),
    path("<slug:slug>/unarchive/", views.site_unarchive, name="site-unarchive"),
    path("<slug:slug>/group/add/", views.member_add, name="member-add"),
    path("<slug:slug>/group/<int:pk>/edit/", views.member_edit, name="member-edit"),
    path("<slug:slug>/group/<int:pk>/remove/", views.member_remove, name="member-remove"),
]
