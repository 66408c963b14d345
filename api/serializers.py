"""What each resource returns. Ids are the database's (stable); a site is named by its id and
slug; a challenge by its key, shared across framework versions, and its number."""

from rest_framework import serializers

from challenges.models import Assessment, Rating
from learning_sets.models import Workshop
from pdsa.models import Cycle, Goal, Indicator, Priority
from sites.models import Site
from support.models import ProgrammeOutcome, SupportLogEntry


class StepSerializer(serializers.Serializer):
    score = serializers.FloatField()
    label = serializers.CharField()
    met = serializers.BooleanField()
    reason = serializers.CharField()


class ProgressSerializer(serializers.Serializer):
    score = serializers.FloatField()
    label = serializers.CharField()
    steps = StepSerializer(many=True)


class SiteSerializer(serializers.ModelSerializer):
    progress = ProgressSerializer(source="api_progress", read_only=True)

    class Meta:
        model = Site
        fields = [
            "id",
            "slug",
            "name",
            "organisation_type",
            "category",
            "region",
            "date_joined",
            "is_active",
            "archived_on",
            "last_activity",
            "progress",
        ]


class RatingSerializer(serializers.ModelSerializer):
    challenge_key = serializers.CharField(source="challenge.key")
    challenge_number = serializers.IntegerField(source="challenge.number")
    challenge = serializers.CharField(source="challenge.title")
    stage_rank = serializers.IntegerField(source="stage.rank")
    stage = serializers.CharField(source="stage.name")

    class Meta:
        model = Rating
        fields = ["challenge_key", "challenge_number", "challenge", "stage_rank", "stage"]


class AssessmentSerializer(serializers.ModelSerializer):
    site_slug = serializers.CharField(source="site.slug")
    framework = serializers.CharField(source="framework.version")
    ratings = RatingSerializer(many=True)

    class Meta:
        model = Assessment
        fields = ["id", "site", "site_slug", "framework", "assessed_on", "updated_at", "ratings"]


class PrioritySerializer(serializers.ModelSerializer):
    site_slug = serializers.CharField(source="site.slug")
    challenge_key = serializers.CharField(source="challenge.key")
    challenge_number = serializers.IntegerField(source="challenge.number")
    challenge = serializers.CharField(source="challenge.title")

    class Meta:
        model = Priority
        fields = [
            "id",
            "site",
            "site_slug",
            "challenge_key",
            "challenge_number",
            "challenge",
            "agreed_on",
            "dropped_on",
        ]


class GoalSerializer(serializers.ModelSerializer):
    site = serializers.IntegerField(source="priority.site_id")
    site_slug = serializers.CharField(source="priority.site.slug")
    challenge_key = serializers.CharField(source="priority.challenge.key")
    progress = ProgressSerializer(source="api_progress", read_only=True)

    class Meta:
        model = Goal
        fields = [
            "id",
            "site",
            "site_slug",
            "priority",
            "challenge_key",
            "title",
            "difficulty",
            "status",
            "start_date",
            "target_date",
            "closed_on",
            "progress",
        ]


class PointSerializer(serializers.Serializer):
    date = serializers.DateField()
    value = serializers.FloatField()
    note = serializers.CharField()
    phase = serializers.IntegerField(help_text="1 for the first phase.")
    xmr_signals = serializers.ListField(
        child=serializers.CharField(), help_text="outside, shift, trend, two_of_three"
    )
    reading = serializers.CharField(
        allow_null=True, help_text="improvement, concern, common cause or special cause"
    )
    improvement = serializers.BooleanField()
    run_signals = serializers.ListField(
        child=serializers.CharField(), help_text="shift, trend, astronomical"
    )
    run_position = serializers.CharField(allow_null=True, help_text="above, below or on")


class PhaseSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    first = serializers.DateField()
    last = serializers.DateField()
    points = serializers.IntegerField()
    mean = serializers.FloatField(allow_null=True)
    median = serializers.FloatField(allow_null=True)
    upper_limit = serializers.FloatField(allow_null=True)
    lower_limit = serializers.FloatField(allow_null=True)
    baseline_points = serializers.IntegerField()
    trial_limits = serializers.BooleanField()


class ChartSerializer(serializers.Serializer):
    mean = serializers.FloatField(allow_null=True, help_text="The latest phase's centre line.")
    upper_limit = serializers.FloatField(allow_null=True)
    lower_limit = serializers.FloatField(allow_null=True)
    median = serializers.FloatField(allow_null=True)
    trial_limits = serializers.BooleanField()
    variation = serializers.CharField(allow_null=True)
    variation_words = serializers.CharField()
    assurance = serializers.CharField(allow_null=True)
    assurance_words = serializers.CharField()
    too_large = serializers.BooleanField()
    phases = PhaseSerializer(many=True)
    points = PointSerializer(many=True)


class IndicatorSerializer(serializers.ModelSerializer):
    site = serializers.IntegerField(source="goal.priority.site_id")
    site_slug = serializers.CharField(source="goal.priority.site.slug")
    chart = ChartSerializer(source="api_chart", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "site",
            "site_slug",
            "goal",
            "name",
            "unit",
            "better",
            "baseline",
            "target",
            "chart",
        ]


class CycleSerializer(serializers.ModelSerializer):
    site = serializers.IntegerField(source="goal.priority.site_id")
    site_slug = serializers.CharField(source="goal.priority.site.slug")
    current_stage = serializers.CharField()

    class Meta:
        model = Cycle
        fields = [
            "id",
            "site",
            "site_slug",
            "goal",
            "number",
            "change_idea",
            "starts_on",
            "ends_on",
            "current_stage",
            *(
                f"{stage}_{when}"
                for stage in ("plan", "do", "study", "act")
                for when in ("due", "done")
            ),
            "outcome",
            "adapted_from",
        ]


class WorkshopSerializer(serializers.ModelSerializer):
    learning_set_name = serializers.CharField(source="learning_set.name")
    topic = serializers.CharField(source="topic.name", allow_null=True, default=None)

    class Meta:
        model = Workshop
        fields = ["id", "learning_set", "learning_set_name", "number", "date", "topic"]


class CountSerializer(serializers.Serializer):
    perspective = serializers.CharField()
    registered = serializers.IntegerField()
    attended = serializers.IntegerField()


class AttendanceSerializer(serializers.Serializer):
    """One site's delegates at one workshop: counts only, never a person's needs."""

    id = serializers.CharField(help_text="workshop-site")
    workshop = serializers.IntegerField()
    date = serializers.DateField()
    site = serializers.IntegerField()
    site_slug = serializers.CharField()
    registered = serializers.IntegerField()
    attended = serializers.IntegerField()
    waiting = serializers.IntegerField()
    by_perspective = CountSerializer(many=True)


class SupportSerializer(serializers.ModelSerializer):
    site_slug = serializers.CharField(source="site.slug")
    challenge_key = serializers.CharField(source="challenge.key", allow_null=True, default=None)

    class Meta:
        model = SupportLogEntry
        fields = [
            "id",
            "site",
            "site_slug",
            "kind",
            "date",
            "hours",
            "is_peer_trainer",
            "challenge_key",
            "topic",
            "created_at",
        ]


class OutcomeSerializer(serializers.ModelSerializer):
    site_slug = serializers.CharField(source="site.slug")

    class Meta:
        model = ProgrammeOutcome
        exclude = ["notes", "recorded_by"]
