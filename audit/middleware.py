"""Every file a signed-in person downloads is recorded, whichever app serves it: the CSV,
XLSX and PDF exports all answer as attachments, and a new export cannot be missed."""

from .services import Action, record


class ExportAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        if (
            response.status_code == 200
            and disposition.startswith("attachment")
            and request.user.is_authenticated
        ):
            filename = disposition.partition("filename=")[2].strip('"')
            record(
                action=Action.EXPORTED,
                request=request,
                what=f"{filename} ({request.get_full_path()})",
            )
        return response
