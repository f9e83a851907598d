#!/bin/sh
# Bring the database and the static files up to date, then run the container's command
# (daphne by default). Set SKIP_MIGRATE=1 for one-off commands that must not touch the schema.
set -eu

if [ "${SKIP_MIGRATE:-0}" != "1" ]; then
    python manage.py migrate --noinput
    python manage.py collectstatic --noinput
fi

exec "$@"
