"""The site itself, its project group and everyone the site's rows name."""

from django.db.models import Q

from site_exports.registry import site_entry, site_rows

from .models import Person, ProjectGroupMember, Site


@site_rows("sites.Site", order=10)
def site(site):
    return Site.objects.filter(pk=site.pk)


def _same_account(person):
    """Someone with an account is one person in the whole programme."""
    if person.user_id is None:
        return None
    return Person.objects.filter(user_id=person.user_id).first()


@site_rows("sites.Person", order=12, reuse=_same_account)
def people(site):
    """Whoever a registered row of the site points at: group members, assessment
    participants, goal and action owners, and whatever later apps add."""
    named = Q(pk__in=[])
    for relation in Person._meta.related_objects:
        entry = site_entry(relation.related_model._meta.label_lower)
        if entry is not None and not relation.many_to_many:
            named |= Q(pk__in=entry.rows(site).values(relation.field.attname))
    return Person.objects.filter(named)


@site_rows("sites.ProjectGroupMember", order=20)
def project_group(site):
    return ProjectGroupMember.objects.filter(site=site)
