"""ASGI entry point served by daphne: HTTP through Django, WebSockets through Channels.

Every WebSocket handshake passes the Origin check first (portal.websocket_origin), then the
cookies are parsed; the chat consumer opens the session the cookie names and reads who it is,
with the rest of what it checks, in one database call of its own (docs/chat-protocol.md). No
session middleware: it would wrap every frame the server sends to look for session changes.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.sessions import CookieMiddleware  # noqa: E402

from portal.routing import websocket_urlpatterns  # noqa: E402
from portal.websocket_origin import OriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": OriginValidator(CookieMiddleware(URLRouter(websocket_urlpatterns))),
    }
)
