from django.apps import AppConfig


class PdsaConfig(AppConfig):
    verbose_name = "Goals and PDSA cycles"
    name = "pdsa"
