import datetime
from types import SimpleNamespace

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import Role, create_role_groups
from challenges import framework_2009, framework_2012, stage_descriptors
from challenges.models import Framework, StageDescriptor
from sites.models import Person, ProjectGroupMember, Site

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or []:
            self.groups.add(Group.objects.get(name=Role(role).value))


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    name = factory.Sequence(lambda n: f"Site {n:04d} NHS Trust")
    slug = factory.Sequence(lambda n: f"site-{n:04d}")
    category = Site.Category.NETWORK
    organisation_type = Site.OrganisationType.NHS_TRUST
    region = Site.Region.LONDON
    date_joined = datetime.date(2011, 4, 1)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class ProjectGroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectGroupMember

    site = factory.SubFactory(SiteFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProjectGroupMember.Role.MEMBER
    perspective = "clinician"


def join(site, user, role=ProjectGroupMember.Role.MEMBER, perspective="clinician"):
    """Put a user's person in a site's project group."""
    person, _ = Person.objects.get_or_create(
        user=user,
        defaults={"full_name": user.get_full_name() or user.username, "email": user.email},
    )
    return ProjectGroupMember.objects.create(
        site=site, person=person, role=role, perspective=perspective
    )


def reference_data() -> None:
    """What the data migrations create; transactional tests flush it, so restore it."""
    create_role_groups(Group)
    framework_2009.create(Framework)
    framework_2009.seed_short_names(Framework)
    framework_2009.seed_keys(Framework)
    framework_2012.create(Framework)
    stage_descriptors.seed(Framework, StageDescriptor)


def build_world() -> SimpleNamespace:
    reference_data()
    site_a = SiteFactory(name="Alpha Partnership NHS Trust", slug="alpha", category="pilot")
    site_b = SiteFactory(name="Beta Health Board", slug="beta", category="demonstration")
    users = {
        "lead_a": UserFactory(username="lead_a"),
        "member_a": UserFactory(username="member_a"),
        "lead_b": UserFactory(username="lead_b"),
        "consultant": UserFactory(username="consultant", roles=[Role.CONSULTANT]),
        "organiser": UserFactory(username="organiser", roles=[Role.ORGANISER]),
        "admin": UserFactory(
            username="admin", roles=[Role.ADMINISTRATOR], is_staff=True, is_superuser=True
        ),
    }
    join(site_a, users["lead_a"], ProjectGroupMember.Role.PROJECT_LEAD, "manager")
    join(site_a, users["member_a"], ProjectGroupMember.Role.MEMBER, "clinician")
    join(site_b, users["lead_b"], ProjectGroupMember.Role.PROJECT_LEAD, "manager")
    site_a.consultants.add(users["consultant"])
    return SimpleNamespace(site_a=site_a, site_b=site_b, users=users, **users)
