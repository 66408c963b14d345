"""Templates a test writes for itself, as a new app would ship them."""


def add_template(settings, folder, name: str, text: str) -> None:
    """Write ``name`` under ``folder`` and let the template engine find it there."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], folder]}]
