from django.conf import settings


def desk(request):
    """The desk's name, for every public page's header and footer."""
    return {"desk_name": settings.FACTCHECK_ORGANIZATION}
