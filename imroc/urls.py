from django.contrib import admin
from django.urls import include, path

from . import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("", include("accounts.root_urls")),
    path("accounts/", include("accounts.urls")),
    path("sites/", include("sites.urls")),
    path("challenges/", include("challenges.urls")),
    path("pdsa/", include("pdsa.urls")),
    path("learning-sets/", include("learning_sets.urls")),
    path("peer-support/", include("peer_support.urls")),
    path("colleges/", include("colleges.urls")),
    path("teams/", include("teams.urls")),
    path("support/", include("support.urls")),
    path("notifications/", include("notifications.urls")),
    path("reports/", include("reports.urls")),
    path("dashboard/", include("dashboard.urls")),
    path("audit/", include("audit.urls")),
    path("exports/", include("site_exports.urls")),
    path("co-production/", include("coproduction.urls")),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]
