from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import SimpleRouter

from . import docs, pages
from .authentication import TokenAuthentication
from .views.resources import RESOURCES

app_name = "api"

router = SimpleRouter()
for prefix, resource in RESOURCES.items():
    router.register(prefix, resource, basename=prefix)

# The schema: for a signed-in person (their session) or a token.
READERS = {
    "authentication_classes": [TokenAuthentication, SessionAuthentication],
    "permission_classes": [IsAuthenticated],
}

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(**READERS), name="schema"),
    path("docs/", docs.api_docs, name="docs"),
    path("tokens/", pages.token_list, name="token-list"),
    path("tokens/<int:pk>/revoke/", pages.token_revoke, name="token-revoke"),
    path("v1/", include(router.urls)),
]
