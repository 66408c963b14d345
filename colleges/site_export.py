"""A site's recovery colleges with their fidelity self-checks, terms and courses."""

from site_exports.registry import site_rows

from .models import ComponentRating, Course, FeatureRating, FidelityCheck, RecoveryCollege, Term


@site_rows("colleges.RecoveryCollege", order=110)
def colleges(site):
    return RecoveryCollege.objects.filter(site=site)


@site_rows("colleges.FidelityCheck", order=111)
def fidelity_checks(site):
    return FidelityCheck.objects.filter(college__site=site)


@site_rows("colleges.FeatureRating", order=112)
def features(site):
    return FeatureRating.objects.filter(fidelity_check__college__site=site)


@site_rows("colleges.ComponentRating", order=113)
def components(site):
    return ComponentRating.objects.filter(fidelity_check__college__site=site)


@site_rows("colleges.Term", order=114)
def terms(site):
    return Term.objects.filter(college__site=site)


@site_rows("colleges.Course", order=115)
def courses(site):
    return Course.objects.filter(term__college__site=site)
