"""What every resource shares: token sign-in, the owner's scope, paging, filters, CSV, the
audit of every call, conditional GET (ETag from the content, Last-Modified where the app
keeps a change time) and a throttle per token."""

from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views.decorators.http import conditional_page
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, pagination, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer

from ..authentication import TokenAuthentication, TokenRateThrottle
from ..models import ApiToken
from ..renderers import CsvRenderer
from ..scope import narrowed
from ..services import token_used


class Paging(pagination.PageNumberPagination):
    """100 a page by default (``page_size`` up to 1,000); ``next`` is the following page's URL
    and null on the last page."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


@method_decorator(conditional_page, name="dispatch")
class ListResource(mixins.ListModelMixin, viewsets.GenericViewSet):
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [TokenRateThrottle]
    renderer_classes = [JSONRenderer, CsvRenderer]
    filter_backends = [DjangoFilterBackend]
    pagination_class = Paging
    site_path = "site"
    updated_field: str | None = None  # the change time behind Last-Modified

    def scoped(self, user):
        """The owner's queryset, from the app's own selector."""
        raise NotImplementedError

    def decorate(self, items: list) -> None:
        """Attach the figures computed for the page's items (progress, chart results)."""

    def get_queryset(self):
        return narrowed(self.scoped(self.request.user), self.request, self.site_path).order_by("pk")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._decorated(page)
        return page

    def get_object(self):
        found = super().get_object()
        self._decorated([found])
        return found

    def _decorated(self, items) -> None:
        items = list(items or [])
        self.decorate(items)
        if self.updated_field and items:
            stamps = [getattr(item, self.updated_field) for item in items]
            self.last_modified = max(s for s in stamps if s is not None)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-cache"
        response["Vary"] = "Authorization, Accept"
        if getattr(self, "last_modified", None) is not None:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        if isinstance(request.auth, ApiToken) and response.status_code < 400:
            data = response.data
            rows = len(data["results"]) if isinstance(data, dict) and "results" in data else 1
            token_used(token=request.auth, request=request, what=request.get_full_path(), rows=rows)
        return response


class Resource(mixins.RetrieveModelMixin, ListResource):
    """A list whose items are also read one by one at ``<id>/``."""
