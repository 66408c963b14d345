"""Seed descriptors: what each stage of the scale (0 Not started, 1 Engagement,
2 Development, 3 Transformation) means for each challenge, written from the seed documents
(the 2009 challenges, the 2010 paper and the June 2012 briefing). The programme rewrites them
in the framework pages; the data migration only fills what is missing."""

DESCRIPTORS = {
    "interactions": (
        "Day-to-day contacts are not yet looked at through recovery principles.",
        "Teams discuss hope, control and opportunity; people using services are asked how "
        "their contacts with staff feel.",
        "Teams try changes such as the '10 top tips' after each contact and hear regular "
        "feedback from people using services.",
        "Every interaction, by every member of staff, confirms hope, control and opportunity, "
        "and people using services say so.",
    ),
    "training": (
        "Training is written and delivered by professionals only.",
        "Staff and service users plan co-produced courses; peer trainers are being recruited.",
        "Co-produced courses run, delivered by staff with trained, supported peer trainers and "
        "attended by staff and service users together.",
        "A comprehensive co-produced programme reaches staff, service users, carers, team "
        "managers and the board.",
    ),
    "college": (
        "No plan for a recovery college.",
        "A college is planned jointly by staff and people with lived experience: a base, a "
        "prospectus and its principles.",
        "The college opens with a first term of co-produced courses, personal tutors and "
        "students who use services and staff.",
        "An established college, open to all, that complements treatment and drives the "
        "training programmes.",
    ),
    "culture": (
        "Recovery is not part of the organisation's vision or its board's business.",
        "The board commits to recovery and names leaders; a project group with service users "
        "and carers is formed.",
        "Recovery values enter recruitment, supervision, appraisal and operational policies; "
        "leaders from ward to board act on them.",
        "A recovery culture at every level: the board reviews progress and the changes last.",
    ),
    "personalisation": (
        "Care plans are written around services, not the person's goals.",
        "Care planning is reviewed against what people want from their lives; personal budgets "
        "are being explored.",
        "Care plans start from people's own goals in some teams; personal budgets are offered.",
        "Care everywhere is planned with the person around their goals, with real choice and "
        "personal budgets.",
    ),
    "workforce": (
        "No peer workers and no plan to employ them.",
        "Preparation: job descriptions, terms and team preparation for peer support workers "
        "are agreed.",
        "Recruitment and employment: peer support workers are appointed, trained and "
        "supervised in a few teams.",
        "Ongoing development: peer workers in many roles and teams, with a career path, "
        "changing the balance of the workforce.",
    ),
    "risk": (
        "Risk is assessed and managed by staff alone, aiming to avoid it.",
        "Risk policies are reviewed; staff and service users discuss safety planning.",
        "Safety plans are made with the person in some teams; restraint and seclusion are "
        "monitored and reduced.",
        "Risk assessment is open, transparent and co-produced: shared safety planning is "
        "usual practice.",
    ),
    "involvement": (
        "Service users and carers are consulted, if at all, after decisions are made.",
        "Service users and carers join the project group and agree how partnership will work.",
        "People with lived experience plan, deliver and review services alongside staff, "
        "paid for their time.",
        "Genuine partnership: co-production is how services are planned, delivered and reviewed.",
    ),
    "staff": (
        "Staff wellbeing and lived experience are not considered.",
        "The organisation recognises staff's own wellbeing and the value of their lived "
        "experience.",
        "Staff are supported through the change, e.g. co-produced courses and supervision "
        "about their own recovery.",
        "Staff's lived experience is valued in their roles and their wellbeing is supported "
        "as a matter of course.",
    ),
    "beyond-illness": (
        "Little help with work, housing, education or social life.",
        "Partnerships with employment, housing, education and leisure agencies are being "
        "built; IPS is planned.",
        "IPS employment specialists work in some teams; links with housing and education grow.",
        "IPS across the service and strong partnerships help people build a life beyond illness.",
    ),
}


def seed(Framework, StageDescriptor) -> None:
    """Give every keyed challenge of every version a descriptor per stage where none exists
    (idempotent; text the programme wrote is never overwritten)."""
    for framework in Framework.objects.prefetch_related("challenges", "stages"):
        for challenge in framework.challenges.all():
            texts = DESCRIPTORS.get(challenge.key)
            if texts is None:
                continue
            for stage in framework.stages.all():
                if stage.rank < len(texts):
                    StageDescriptor.objects.get_or_create(
                        challenge=challenge, stage=stage, defaults={"text": texts[stage.rank]}
                    )
