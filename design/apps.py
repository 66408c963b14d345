from django.apps import AppConfig


class DesignConfig(AppConfig):
    """The NHS.UK design system in Django: the crispy "nhsuk" template pack, the form mixin
    (prompts and messages that say what to do, the date input) and template tags."""

    name = "design"
