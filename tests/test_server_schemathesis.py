"""Property-based API testing: schemathesis generates requests from the app's own OpenAPI
schema; no response may be a server error or disagree with the documented schema.

The schema is loaded at collection time (schemathesis' lazy fixture loader does not work
with pytest 9), which opens the default gazetteer, building it on first use.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from geoevents.geocoding import default_gazetteer
from geoevents.server import create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(default_gazetteer()))


@schema.parametrize()
@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
