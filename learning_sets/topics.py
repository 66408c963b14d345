"""The six standard topics members chose from (ImROC briefing, June 2012), with their key
questions. Used by the data migration and to restore it in transactional tests."""

STANDARD_TOPICS = [
    (
        "The organisational journey",
        [
            "How did the organisation get to where it is today?",
            "What has been learned about problems in facilitating change in the future?",
            "Where are we now against the 10 key organisational challenges?",
        ],
    ),
    (
        "Staff and service users learning together",
        [
            "How can staff and service users plan and deliver training to mixed audiences?",
            "How do we train and support staff and service users to do this?",
            "How do we recruit, train and employ peer support workers?",
        ],
    ),
    (
        "Personalisation, choice and personal budgets",
        [
            "How can services be made more personalised using social care direct budgets "
            "and personal health budgets?",
            "How can we get over the bureaucracy and produce simple, effective systems?",
            "What are the limits of personal budgets?",
        ],
    ),
    (
        "Creating a recovery college",
        [
            "What is a recovery college?",
            "How can we set up a local recovery college?",
            "How can we develop the curriculum and deliver it trust-wide?",
        ],
    ),
    (
        "Risk and safety",
        [
            "How can we reconcile the principles of recovery with responsible risk assessment "
            "and management planning?",
            "How can safety planning be done with people rather than to them?",
            "How can we reduce the use of restraint and seclusion?",
        ],
    ),
    (
        "Building a life beyond illness",
        [
            "How can we help service users into paid employment (individual placement and "
            "support)?",
            "What can we do to help people find and keep housing of their choice?",
            "How do we develop social support and community integration?",
        ],
    ),
]


def create(Topic) -> None:
    """Idempotent: add any standard topic that is missing."""
    for position, (name, questions) in enumerate(STANDARD_TOPICS, start=1):
        Topic.objects.get_or_create(
            name=name, defaults={"position": position, "key_questions": "\n".join(questions)}
        )
