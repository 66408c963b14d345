from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("sites/<slug:slug>/", views.site_teams, name="site-teams"),
    path("sites/<slug:slug>/new/", views.team_form, name="team-add"),
    path("<int:pk>/", views.team_detail, name="team-detail"),
    path("<int:pk>/edit/", views.team_form, name="team-edit"),
    path("<int:pk>/assessments/new/", views.assessment_add, name="assessment-add"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment-detail"),
    path("<int:pk>/actions/new/", views.action_form, name="action-add"),
    path("<int:pk>/actions/<int:action_pk>/", views.action_form, name="action-edit"),
]
