"""JSON whose text can never be read as markup, whatever a client or a browser does with it."""

from __future__ import annotations

from rest_framework.renderers import JSONRenderer

# <, > and & only ever occur inside JSON strings, where their \u escapes mean the same.
MARKUP = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


class MarkupSafeJSONRenderer(JSONRenderer):
    """Members write the texts the APIs serve; escaped like this, hostile text stays inert data."""

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        rendered = super().render(data, accepted_media_type, renderer_context)
        return rendered.decode().translate(MARKUP).encode()
