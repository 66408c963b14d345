from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from .models import Framework


@login_required
def framework_current(request):
    return redirect(Framework.objects.current())


@login_required
def framework_detail(request, version):
    framework = get_object_or_404(
        Framework.objects.prefetch_related("challenges", "stages"), version=version
    )
    return render(
        request,
        "challenges/framework_detail.html",
        {"framework": framework, "frameworks": Framework.objects.all()},
    )
