# The portal served by daphne (HTTP and WebSockets). Used by compose.yaml; see there for the
# environment it needs (DJANGO_ENV=production refuses to start without SECRET_KEY and ALLOWED_HOSTS).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    DJANGO_SETTINGS_MODULE=portal.settings

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home app

WORKDIR /app

# Dependencies first, in their own layer: with only pyproject.toml present the package itself is
# empty, so this layer is rebuilt only when the dependencies change.
COPY pyproject.toml README.md ./
RUN pip install . && rm -rf build *.egg-info

# The project. PYTHONPATH=/app makes Python import it from here (templates/, portal/assets/ and
# locale/ live beside the packages); the install below registers the distribution itself.
COPY . .
RUN pip install --no-deps . && rm -rf build *.egg-info \
    && mkdir -p /app/static /app/media /app/private \
    && chown app:app /app/static /app/media /app/private \
    && chmod 0755 docker/entrypoint.sh

USER app

EXPOSE 8000

# The entrypoint migrates and collects the static files; it loads no demo data. With
# DJANGO_ENV=production the demo app (demo/) is not even installed unless DEMO=true: a
# demonstration server sets that and a DEMO_PASSWORD, then runs `manage.py load_demo` once.
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["daphne", "--bind", "0.0.0.0", "--port", "8000", "--websocket-max-message-size", "65536", \
     "--websocket-max-frame-size", "65536", "portal.asgi:application"]
