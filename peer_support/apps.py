from django.apps import AppConfig


class PeerSupportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "peer_support"
    verbose_name = "Peer support workers"
