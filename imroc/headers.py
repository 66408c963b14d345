"""Security headers that Django does not set itself."""

# Browser features the app never uses, refused to every page and anything it might embed.
DENIED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every signed-in page and every download: a shared NHS
    PC must not keep special-category data in its browser cache after the person leaves.
    A response that says how it may be cached already (the API's ETags, /healthz) keeps it;
    static files are served before this by whitenoise, with their own long cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        download = response.get("Content-Disposition", "").startswith("attachment")
        if (signed_in or download) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response
