from django.urls import path

from .views import delegates, place, registration, reports, sets, workshops

app_name = "learning_sets"

urlpatterns = [
    path("", sets.set_list, name="set-list"),
    path("new/", sets.set_create, name="set-create"),
    path("<int:pk>/", sets.set_detail, name="set-detail"),
    path("<int:pk>/edit/", sets.set_edit, name="set-edit"),
    path("<int:pk>/workshops/new/", sets.series_create, name="series-create"),
    path("<int:pk>/topics/<slug:site_slug>/", sets.topic_choices, name="topic-choices"),
    path("<int:pk>/report/", reports.set_report, name="set-report"),
    path("<int:pk>/summary.csv", reports.set_summary_csv, name="set-summary-csv"),
    path("venues/", sets.venue_list, name="venue-list"),
    path("venues/new/", sets.venue_add, name="venue-add"),
    path("venues/<int:pk>/edit/", sets.venue_edit, name="venue-edit"),
    path("workshops/<int:pk>/", workshops.workshop_detail, name="workshop-detail"),
    path("workshops/<int:pk>/edit/", workshops.workshop_edit, name="workshop-edit"),
    path("workshops/<int:pk>/cancel/", workshops.workshop_cancel, name="workshop-cancel"),
    path("workshops/<int:pk>/message/", workshops.workshop_message, name="workshop-message"),
    path("workshops/<int:pk>/agenda/standard/", workshops.agenda_standard, name="agenda-standard"),
    path("workshops/<int:pk>/agenda/add/", workshops.agenda_add, name="agenda-add"),
    path("agenda/<int:pk>/edit/", workshops.agenda_edit, name="agenda-edit"),
    path("agenda/<int:pk>/remove/", workshops.agenda_remove, name="agenda-remove"),
    path("workshops/<int:pk>/calendar.ics", workshops.workshop_calendar, name="workshop-calendar"),
    path("workshops/<int:pk>/sign-in-sheet/", workshops.sign_in_sheet, name="sign-in-sheet"),
    path("workshops/<int:pk>/delegates/add/", delegates.delegate_add, name="delegate-add"),
    path("workshops/<int:pk>/delegates/batch/", registration.delegate_batch, name="delegate-batch"),
    path("workshops/<int:pk>/links/<int:site_pk>/new/", registration.link_issue, name="link-issue"),
    path(
        "workshops/<int:pk>/links/<int:site_pk>/revoke/",
        registration.link_revoke,
        name="link-revoke",
    ),
    path("join/<str:token>/", registration.join, name="join"),
    path("place/<str:token>/", place.place, name="place"),
    path("place/<str:token>/calendar.ics", place.place_calendar, name="place-calendar"),
    path("place/<str:token>/give-back/", place.place_give_back, name="place-give-back"),
    path("delegates/<int:pk>/edit/", delegates.delegate_edit, name="delegate-edit"),
    path("delegates/<int:pk>/cancel/", delegates.delegate_cancel, name="delegate-cancel"),
    path("delegates/<int:pk>/restore/", delegates.delegate_restore, name="delegate-restore"),
    path(
        "delegates/<int:pk>/joining-instructions/",
        delegates.joining_instructions,
        name="joining-instructions",
    ),
    path("workshops/<int:pk>/attendance/", delegates.attendance, name="attendance"),
    path("delegates/<int:pk>/attendance/", delegates.attendance_mark, name="attendance-mark"),
    path(
        "workshops/<int:pk>/evaluation-links/", delegates.evaluation_links, name="evaluation-links"
    ),
    path("evaluate/<str:token>/", delegates.evaluate, name="evaluate"),
    path("workshops/<int:pk>/report/", reports.workshop_report, name="workshop-report"),
    path(
        "workshops/<int:pk>/delegates.csv",
        reports.workshop_delegates_csv,
        name="workshop-delegates-csv",
    ),
]
