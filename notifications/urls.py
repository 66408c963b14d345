from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("<int:pk>/open/", views.notification_open, name="notification-open"),
    path("read-all/", views.notifications_read_all, name="read-all"),
    path("preferences/", views.preferences, name="preferences"),
    path("stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("failed/", views.failed_list, name="failed-list"),
    path("failed/<int:pk>/retry/", views.failed_retry, name="failed-retry"),
    path("schedule/", views.schedule, name="schedule"),
]
