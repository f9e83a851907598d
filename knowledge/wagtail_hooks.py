"""Documents of the knowledge base are served only to whom knowledge.permissions allows.

Wagtail's document view (/documents/<id>/<name>) asks this hook before it sends a file: the
files themselves live in the private storage, which no URL reaches.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks

from knowledge.models import KnowledgeDocument
from knowledge.permissions import may_download
from network.permissions import is_signed_in


@hooks.register("before_serve_document")
def check_document_access(document: KnowledgeDocument, request: HttpRequest) -> HttpResponse | None:
    if may_download(request.user, document):
        return None
    if not is_signed_in(request.user):
        return redirect_to_login(request.get_full_path())
    raise Http404("No such document.")
