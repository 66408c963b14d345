from django.urls import path, re_path

from .views import closing, cycles, data, goals, indicators, library, phases, summaries, team

app_name = "pdsa"

urlpatterns = [
    path("sites/<slug:slug>/priorities/", goals.priorities_edit, name="priorities-edit"),
    path(
        "sites/<slug:slug>/priorities/<int:pk>/drop/",
        closing.priority_drop,
        name="priority-drop",
    ),
    path("sites/<slug:slug>/goals/add/", goals.goal_add, name="goal-add"),
    path("sites/<slug:slug>/timeline/", goals.site_timeline, name="site-timeline"),
    path("sites/<slug:slug>/indicators/", summaries.site_indicators, name="site-indicators"),
    path(
        "sites/<slug:slug>/indicators.csv",
        summaries.site_indicators_csv,
        name="site-indicators-csv",
    ),
    path("sites/<slug:slug>/progress/", summaries.site_progress, name="site-progress"),
    path("indicators/compare/", summaries.indicator_compare, name="indicator-compare"),
    path("goals/<int:pk>/", goals.goal_detail, name="goal-detail"),
    path("goals/<int:pk>/edit/", goals.goal_edit, name="goal-edit"),
    path("goals/<int:pk>/close/", closing.goal_close, name="goal-close"),
    path("goals/<int:pk>/reopen/", closing.goal_reopen, name="goal-reopen"),
    path("goals/<int:pk>/comments/", goals.goal_comment, name="goal-comment"),
    path("goals/<int:pk>/indicators/add/", indicators.indicator_add, name="indicator-add"),
    path("goals/<int:pk>/cycles/add/", cycles.cycle_add, name="cycle-add"),
    path("indicators/<int:pk>/", indicators.indicator_detail, name="indicator-detail"),
    path("indicators/<int:pk>/edit/", indicators.indicator_edit, name="indicator-edit"),
    path("indicators/<int:pk>/data/add/", data.datapoint_add, name="datapoint-add"),
    path("indicators/<int:pk>/data/import/", data.datapoint_import, name="datapoint-import"),
    path(
        "indicators/<int:pk>/data/<int:point_pk>/edit/",
        data.datapoint_edit,
        name="datapoint-edit",
    ),
    path(
        "indicators/<int:pk>/data/<int:point_pk>/delete/",
        data.datapoint_delete,
        name="datapoint-delete",
    ),
    path("indicators/<int:pk>/phases/add/", phases.phase_add, name="phase-add"),
    path(
        "indicators/<int:pk>/phases/<int:phase_pk>/delete/",
        phases.phase_delete,
        name="phase-delete",
    ),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    re_path(
        r"^cycles/(?P<pk>\d+)/(?P<stage>plan|do|study|act)/$",
        cycles.cycle_stage,
        name="cycle-stage",
    ),
    path("cycles/<int:pk>/comments/", cycles.cycle_comment, name="cycle-comment"),
    path("cycles/<int:pk>/team/", team.cycle_team, name="cycle-team"),
    path("library/", library.cycle_library, name="cycle-library"),
    path("library/<int:pk>/", library.library_cycle, name="library-cycle"),
]
