from django.urls import path

from . import views

app_name = "challenges"

urlpatterns = [
    path("", views.framework_current, name="framework-current"),
    path("<slug:version>/", views.framework_detail, name="framework-detail"),
    path(
        "<slug:version>/make-current/",
        views.framework_make_current,
        name="framework-make-current",
    ),
    path(
        "<slug:version>/challenges/<int:number>/stages/",
        views.descriptors_edit,
        name="descriptors-edit",
    ),
    path("sites/<slug:slug>/assessments/", views.assessment_list, name="assessment-list"),
    path("sites/<slug:slug>/assessments/new/", views.assessment_create, name="assessment-create"),
    path(
        "sites/<slug:slug>/assessments/<int:pk>/",
        views.assessment_detail,
        name="assessment-detail",
    ),
    path(
        "sites/<slug:slug>/assessments/<int:pk>/edit/",
        views.assessment_edit,
        name="assessment-edit",
    ),
    path(
        "sites/<slug:slug>/assessments/<int:pk>/delete/",
        views.assessment_delete,
        name="assessment-delete",
    ),
]
