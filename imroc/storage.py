"""Static files in production: hashed names, compressed copies, a manifest (whitenoise)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def pattern(entry) -> str:
        return entry if isinstance(entry, str) else entry[0]

    return tuple(
        (glob, tuple(entry for entry in entries if "sourceMappingURL" not in pattern(entry)))
        for glob, entries in patterns
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Every ``url()`` and ``@import`` a stylesheet names must exist, or the build fails; a
    ``sourceMappingURL`` comment is left as it is. Vendored files (nhsuk-frontend)
    name source maps they do not ship, and a missing map, a developer's aid, stopped
    ``collectstatic`` and so the Docker image."""

    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
