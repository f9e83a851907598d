"""ASGI entry point served by daphne and uvicorn: HTTP through Django, WebSockets through Channels.

Anonymous visitors' page-cache hits are sent before Django's handler (portal.pagecache's
PageCacheFront, docs/caching.md); everything else goes through Django.

Every WebSocket handshake passes the Origin check first (portal.websocket_origin), then the
cookies are parsed; the chat consumer opens the session the cookie names and reads who it is,
with the rest of what it checks, in one database call of its own (docs/chat-protocol.md). No
session middleware: it would wrap every frame the server sends to look for session changes.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_asgi_app = get_asgi_application()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402

# Django keeps its cache objects per asyncio task (asgiref's context-local storage), so each
# request built one of its own, and with it a new Redis connection (50 requests, 50
# connections). Made here, before the server starts its tasks, one object per cache is inherited
# by every task and by the threads they hand work to; Redis's client and Django's local-memory
# cache are safe to share between threads.
for alias in settings.CACHES:
    caches[alias]

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.sessions import CookieMiddleware  # noqa: E402

from portal.pagecache import PageCacheFront  # noqa: E402
from portal.routing import websocket_urlpatterns  # noqa: E402
from portal.websocket_origin import OriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": PageCacheFront(django_asgi_app),
        "websocket": OriginValidator(CookieMiddleware(URLRouter(websocket_urlpatterns))),
    }
)
