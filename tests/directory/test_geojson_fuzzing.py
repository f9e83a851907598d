"""Schemathesis over /api/v1/actors/geojson/ alone, every check, schema-valid and invalid input.

tests/portal/test_api_fuzzing.py runs every operation but stops at the first that fails; this one
holds the GeoJSON answer to its schema on its own. One allowance, as for the calendar there: the
distance parameters depend on each other (lat needs lon, near excludes both), which OpenAPI 3.0
cannot say, so a schema-valid combination may rightly be refused with 400.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.modes import GenerationMode

from tests.factories import ActorFactory, LocationFactory, OfferFactory

PATH = "/api/v1/actors/geojson/"
CONFIG = SchemathesisConfig.from_dict(
    {
        "operations": [
            {
                "include-path": PATH,
                "checks": {
                    "positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404", "429"]}
                },
            }
        ]
    }
)


pytestmark = pytest.mark.usefixtures("connection_kept")  # tests/conftest.py


@pytest.fixture(autouse=True)
def published(db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    actor = ActorFactory(slug="offene-tuer")
    OfferFactory(actor=actor)
    LocationFactory(actor=actor)
    LocationFactory(actor=actor, latitude=None, longitude=None)


def test_it_answers_as_documented():
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application(), config=CONFIG
    )
    (operation,) = [
        result.ok() for result in schema.get_all_operations() if result.ok().path == PATH
    ]
    for mode in GenerationMode:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=25,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case) -> None:
            case.call_and_validate()

        try:
            check()
        except Unsatisfiable:
            continue
