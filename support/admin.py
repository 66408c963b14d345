from django.contrib import admin

from imroc.formsets import CappedInline
from sites.figures_admin import FiguresAdmin

from . import services
from .models import (
    ProgrammeOutcome,
    ProgressReview,
    ReviewAction,
    ReviewResponse,
    SupportLogEntry,
    SupportPackage,
    TrainingDelivery,
)


@admin.register(SupportPackage)
class SupportPackageAdmin(FiguresAdmin):
    list_display = ["site", "consultancy_days", "training_days", "peer_trainer_days", "agreed_on"]
    list_filter = ["site__category"]
    search_fields = ["site__name"]
    list_select_related = ["site"]


@admin.register(SupportLogEntry)
class SupportLogEntryAdmin(FiguresAdmin):
    list_display = ["date", "site", "kind", "given_by", "given_by_name", "is_peer_trainer", "hours"]
    list_filter = ["kind", "is_peer_trainer", "site__category"]
    search_fields = ["site__name", "given_by_name", "topic", "notes"]
    date_hierarchy = "date"
    list_select_related = ["site", "given_by"]
    raw_id_fields = ["given_by", "recorded_by"]


@admin.register(TrainingDelivery)
class TrainingDeliveryAdmin(FiguresAdmin):
    list_display = [
        "date",
        "course_title",
        "site",
        "audience",
        "staff_attending",
        "service_users_attending",
        "co_delivered_by_peer_trainer",
    ]
    list_filter = ["audience", "co_delivered_by_peer_trainer"]
    search_fields = ["course_title", "site__name"]
    date_hierarchy = "date"
    list_select_related = ["site"]
    raw_id_fields = ["recorded_by"]


@admin.register(ProgrammeOutcome)
class ProgrammeOutcomeAdmin(FiguresAdmin):
    list_display = [
        "recorded_on",
        "site",
        "risk_policy_review",
        "ips_service",
    ]
    list_filter = ["risk_policy_review", "ips_service"]
    search_fields = ["site__name"]
    date_hierarchy = "recorded_on"
    list_select_related = ["site"]
    raw_id_fields = ["recorded_by"]


class ReviewActionInline(CappedInline, admin.TabularInline):
    model = ReviewAction
    fk_name = "review"
    extra = 0


class ReviewResponseInline(CappedInline, admin.StackedInline):
    model = ReviewResponse
    extra = 0
    raw_id_fields = ["author"]


@admin.register(ProgressReview)
class ProgressReviewAdmin(FiguresAdmin):
    list_display = ["review_date", "site", "consultant", "status", "next_review_due"]
    list_filter = ["status"]
    search_fields = ["site__name"]
    date_hierarchy = "review_date"
    list_select_related = ["site", "consultant"]
    raw_id_fields = ["consultant"]
    inlines = [ReviewActionInline, ReviewResponseInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.review_audit(
            review=form.instance, by=request.user, request=request, added=not change
        )

    def delete_model(self, request, obj):
        services.review_delete(review=obj, by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for review in queryset.select_related("site"):
            services.review_delete(review=review, by=request.user, request=request)


@admin.register(ReviewAction)
class ReviewActionAdmin(FiguresAdmin):
    list_display = ["action", "owner_name", "due_on", "done", "review"]
    list_filter = ["done"]
    search_fields = ["action", "owner_name"]
    list_select_related = ["review__site"]


@admin.register(ReviewResponse)
class ReviewResponseAdmin(FiguresAdmin):
    list_display = ["review", "author", "created_at"]
    raw_id_fields = ["author", "review"]
    list_select_related = ["review__site", "author"]
