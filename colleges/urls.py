from django.urls import path

from . import views

app_name = "colleges"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("overview.csv", views.overview_csv, name="overview-csv"),
    path("sites/<slug:slug>/", views.site_colleges, name="site-colleges"),
    path("sites/<slug:slug>/new/", views.college_form, name="college-add"),
    path("<int:pk>/", views.college_detail, name="college-detail"),
    path("<int:pk>/edit/", views.college_form, name="college-edit"),
    path("<int:pk>/checks/new/", views.check_form, name="check-add"),
    path("<int:pk>/checks/<int:check>/", views.check_detail, name="check-detail"),
    path("<int:pk>/checks/<int:check>/edit/", views.check_form, name="check-edit"),
    path("<int:pk>/terms/new/", views.term_form, name="term-add"),
    path("<int:pk>/terms/<int:term>/", views.term_form, name="term-edit"),
    path("<int:pk>/terms/<int:term>/courses/new/", views.course_form, name="course-add"),
    path("<int:pk>/courses/<int:course>/", views.course_form, name="course-edit"),
    path("<int:pk>/<str:kind>/<int:record>/remove/", views.record_remove, name="record-remove"),
]
