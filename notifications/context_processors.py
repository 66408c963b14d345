from .selectors import unread_count


def unread_notifications(request):
    """The nav's unread count: one query, and only when a template asks for it."""
    user = request.user
    return {"unread_notifications": lambda: unread_count(user)}
