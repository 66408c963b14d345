"""A site's part in its learning sets: its topic choices, its delegates and their
evaluations. The sets, workshops, topics and venues are the programme's, found by name and
number on import; the site's own registration links (access tokens) are not carried."""

from site_exports.registry import shared, site_rows

from .models import Delegate, Evaluation, TopicChoice

shared("learning_sets.Topic", key=("name",))
shared("learning_sets.Venue", key=("name", "address"))
shared("learning_sets.LearningSet", key=("name",), of_site=lambda site: site.learning_sets.all())
shared("learning_sets.Workshop", key=("learning_set", "number"))


@site_rows("learning_sets.TopicChoice", order=90)
def topic_choices(site):
    return TopicChoice.objects.filter(site=site)


@site_rows("learning_sets.Delegate", order=91, drop=("registration_link",))
def delegates(site):
    return Delegate.objects.filter(site=site)


@site_rows("learning_sets.Evaluation", order=92)
def evaluations(site):
    return Evaluation.objects.filter(delegate__site=site)
