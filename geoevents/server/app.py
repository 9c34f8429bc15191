"""The FastAPI application: Nominatim-compatible geocoding plus ``/extract`` and ``/map``.

``create_app()`` builds it around one read-only :class:`~geoevents.gazetteer.Gazetteer`
(each thread gets its own SQLite connection). Every error, including a malformed
parameter, is answered in Nominatim's format ``{"error": {"code": 400, "message": ...}}``
and never carries a traceback or a file path.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import orjson
from fastapi import Depends, FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from fastapi.security import APIKeyHeader
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import geoevents
from geoevents.errors import GazetteerError, GeoeventsError, QueryError
from geoevents.gazetteer.store import Gazetteer, check_coordinates
from geoevents.server import nominatim, schemas
from geoevents.server.extract import (
    ExtractionTimeout,
    ExtractionUnavailable,
    Extractor,
    feature_collection,
)

log = logging.getLogger("geoevents.server")

DEFAULT_MAX_BODY_BYTES = 1_000_000
DEFAULT_EXTRACT_TIMEOUT_S = 30.0
CONFIG_ENV = "GEOEVENTS_SERVER_CONFIG"  # JSON settings handed to worker processes

Endpoint = Callable[[Request], Awaitable[Response]]


class JSONBody(JSONResponse):
    """JSON written with orjson, without pydantic (the geocoding hot path)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class ApiError(Exception):
    """An error answered in Nominatim's format with the given HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str,
                   headers: Mapping[str, str] | None = None) -> JSONBody:
    return JSONBody({"error": {"code": status, "message": message}}, status_code=status,
                    headers=headers)


# -- middleware ----------------------------------------------------------------------------


class _BodyTooLarge(HTTPException):
    pass


class BodyLimit:
    """Answers 413 to request bodies larger than ``max_bytes``, whether announced by
    Content-Length or streamed in chunks."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.message = f"request body is larger than the limit of {max_bytes:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit()
                                              or int(value) > self.max_bytes):
                await error_response(413, self.message)(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _BodyTooLarge(413, self.message)
            return message

        await self.app(scope, limited, send)


class AllowAnyOriginForGet:
    """``Access-Control-Allow-Origin: *`` on GET responses, as Nominatim sends, so browser
    code can geocode; POST endpoints (``/extract``, ``/map``) get no CORS headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"access-control-allow-origin", b"*")]
            await send(message)

        await self.app(scope, receive, send_with_cors)


class FastGeocoding:
    """Serves ``GET`` on the geocoding endpoints straight from ASGI.

    FastAPI's routing, dependency and exception layers cost more per request than the
    gazetteer lookup itself (measured in ``benchmarks/bench_server.py``). These endpoints
    read only the query string and validate it themselves, so they skip those layers; they
    are registered as FastAPI routes too, which is what documents them in ``/openapi.json``.
    """

    def __init__(self, app: ASGIApp, endpoints: Mapping[str, Endpoint]) -> None:
        self.app = app
        self.endpoints = endpoints

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self.endpoints.get(scope["path"]) \
            if scope["type"] == "http" and scope["method"] == "GET" else None
        if endpoint is None:
            await self.app(scope, receive, send)
            return
        try:
            response = await endpoint(Request(scope, receive))
        except ApiError as exc:
            response = error_response(exc.status, exc.message)
        except QueryError as exc:
            response = error_response(400, str(exc))
        await response(scope, receive, send)


# -- error handlers -----------------------------------------------------------------------


def _validation_message(errors: Sequence[Any]) -> tuple[int, str]:
    """(status, one sentence) for the first of pydantic's errors: 400 for parameters (as
    Nominatim answers), 422 for an invalid JSON body."""
    if not errors:
        return 400, "invalid request"
    err = errors[0]
    where, *path = err.get("loc") or ("request",)
    if where != "body":
        name = f"parameter '{path[0]}'" if path else f"{where}"
        status = 400
    else:
        name = "body field '" + ".".join(str(p) for p in path) + "'" if path else "body"
        status = 422
    if err.get("type") == "json_invalid":
        return 422, "request body is not valid JSON"
    if where == "body" and not path and err.get("type") in ("model_attributes_type",
                                                             "dict_type"):
        return 422, "request body must be a JSON object (Content-Type: application/json)"
    if err.get("type") == "missing":
        return status, f"missing {name}"
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    return status, f"invalid {name}: {message}"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message)

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> Response:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> Response:
        return error_response(*_validation_message(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> Response:
        messages = {404: "no such endpoint; see /docs",
                    405: "method not allowed for this endpoint; see /docs"}
        message = exc.detail if isinstance(exc, _BodyTooLarge) else \
            messages.get(exc.status_code, str(exc.detail))
        return error_response(exc.status_code, message, exc.headers)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.error("error answering %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal server error")


# -- the application --------------------------------------------------------------------------

_ERRORS: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": schemas.ErrorBody, "description": "Invalid request (Nominatim's format)."},
}
P = TypeVar("P", bound=schemas.QueryParams)


def parse_params(model: type[P], request: Request) -> P:
    """The request's query parameters validated by ``model``; 400 naming the first bad one."""
    try:
        return model.model_validate(dict(request.query_params))
    except ValidationError as exc:
        errors = [{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]
        raise ApiError(*_validation_message(errors)) from None


def output_options(params: schemas.OutputParams, *,
                   addressdetails: bool) -> nominatim.OutputOptions:
    """What to include in the results; ``addressdetails`` is the endpoint's default."""
    for name in ("polygon_kml", "polygon_svg"):
        if nominatim.parse_flag(getattr(params, name), False):
            raise ApiError(400, f"{name} is not supported; use polygon_geojson=1 or "
                                "polygon_text=1")
    return nominatim.OutputOptions(
        format=params.format,
        addressdetails=nominatim.parse_flag(params.addressdetails, addressdetails),
        namedetails=nominatim.parse_flag(params.namedetails, False),
        extratags=nominatim.parse_flag(params.extratags, False),
        polygon_geojson=nominatim.parse_flag(params.polygon_geojson, False),
        polygon_text=nominatim.parse_flag(params.polygon_text, False),
        polygon_threshold=params.polygon_threshold,
    )


def create_app(gazetteer: Gazetteer | str | Path | None = None, *, api_key: str | None = None,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
               extract_timeout_s: float = DEFAULT_EXTRACT_TIMEOUT_S) -> FastAPI:
    """The HTTP API over ``gazetteer`` (a Gazetteer, a path, or None for the default one).

    ``api_key``, when set, is required in the ``X-API-Key`` header of ``/extract`` and
    ``/map``; bodies above ``max_body_bytes`` get 413; extraction taking longer than
    ``extract_timeout_s`` gets 503.
    """
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else Gazetteer.open(gazetteer)
    gaz.country_at(0.0, 0.0)  # loads the country shapes now, not on the first request
    countries = nominatim.Countries(gaz)
    writer = nominatim.Writer(countries)
    extractor = Extractor(extract_timeout_s)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        extractor.close()

    app = FastAPI(
        title="geoevents",
        version=geoevents.__version__,
        description=(
            "Offline geocoding with Nominatim's API (`/search`, `/reverse`, `/lookup`, "
            "`/status`) over the local gazetteer, and event extraction from news text "
            "(`/extract`, `/map`). Data: GeoNames (CC BY 4.0), Natural Earth (public "
            "domain)."),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    _install_offline_docs(app)
    fast_endpoints: dict[str, Endpoint] = {}  # filled below, with the routes
    app.add_middleware(FastGeocoding, endpoints=fast_endpoints)
    app.add_middleware(AllowAnyOriginForGet)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    _install_error_handlers(app)
    key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Required when the server runs with --api-key.")

    async def require_key(key: str | None = Security(key_header)) -> None:
        if api_key is not None and (
                key is None or not hmac.compare_digest(key.encode(), api_key.encode())):
            raise ApiError(401, "missing or wrong API key; send it in the X-API-Key header")

    # -- geocoding --------------------------------------------------------------------------

    async def search(request: Request) -> Response:
        """Find places by name (Nominatim's `/search`): free text `q` or the structured
        `city`/`county`/`state`/`country`. No match is an empty result, not an error."""
        p = parse_params(schemas.SearchParams, request)
        if p.q is not None and any((p.city, p.county, p.state, p.country, p.street,
                                    p.postalcode)):
            raise ApiError(400, "structured parameters (city, county, state, country, "
                                "street, postalcode) cannot be combined with 'q'")
        query = nominatim.SearchQuery(
            q=p.q,
            city=nominatim.structured_value("city", p.city),
            county=nominatim.structured_value("county", p.county),
            state=nominatim.structured_value("state", p.state),
            country=nominatim.structured_value("country", p.country),
            limit=p.limit,
            countrycodes=nominatim.parse_countrycodes(p.countrycodes),
            viewbox=nominatim.parse_viewbox(p.viewbox),
            bounded=nominatim.parse_flag(p.bounded, False),
            feature_type=p.feature_type,
            exclude=nominatim.parse_place_ids(p.exclude_place_ids),
        )
        options = output_options(p, addressdetails=False)
        places = nominatim.search(gaz, countries, query)
        return JSONBody(writer.results(places, options, query.text))

    async def reverse(request: Request) -> Response:
        """Name the place at a coordinate (Nominatim's `/reverse`). Nothing known there
        (open sea) is `{"error": "Unable to geocode"}` with status 200, as in Nominatim."""
        p = parse_params(schemas.ReverseParams, request)
        lat, lon = check_coordinates(p.lat, p.lon)
        options = output_options(p, addressdetails=True)
        place = nominatim.reverse(gaz, countries, lat, lon, p.zoom)
        return JSONBody(writer.single(place, options, f"{lat},{lon}"))

    async def lookup(request: Request) -> Response:
        """Places by id (Nominatim's `/lookup`); unknown ids are skipped."""
        p = parse_params(schemas.LookupParams, request)
        options = output_options(p, addressdetails=True)
        places = nominatim.lookup(gaz, p.osm_ids)
        return JSONBody(writer.results(places, options, p.osm_ids))

    updated = datetime.fromtimestamp(gaz.path.stat().st_mtime, UTC).isoformat()

    async def status(request: Request) -> Response:
        """Is the service up? `OK` as text, or Nominatim's JSON status object."""
        p = parse_params(schemas.StatusParams, request)
        try:
            gaz.check()  # also fails once any lookup has met a corrupt page
        except GazetteerError:
            log.exception("gazetteer unreadable")
            if p.format == "json":
                return JSONBody({"status": 700, "message": "Database connection failed",
                                 "software_version": geoevents.__version__}, status_code=503)
            return PlainTextResponse("ERROR: Database connection failed", status_code=503)
        if p.format == "text":
            return PlainTextResponse("OK")
        return JSONBody({
            "status": 0, "message": "OK", "data_updated": updated,
            "software_version": geoevents.__version__,
            "database_version": gaz.meta.get("schema_version"),
        })

    text = {"text/plain": {"schema": {"type": "string"}}}
    routes: tuple[tuple[str, Any, type[schemas.QueryParams], Any, dict[str, Any]], ...] = (
        ("/search", search, schemas.SearchParams, schemas.SearchResult, {}),
        ("/reverse", reverse, schemas.ReverseParams, schemas.ReverseResult, {}),
        ("/lookup", lookup, schemas.LookupParams, schemas.SearchResult, {}),
        ("/status", status, schemas.StatusParams, schemas.Status, text),
    )
    for path, endpoint, params, model, content in routes:
        app.add_api_route(
            path, endpoint, methods=["GET"], tags=["geocoding"],
            openapi_extra={"parameters": params.openapi_parameters()},
            responses={200: {"model": model, "content": content}, **_ERRORS})
        fast_endpoints[path] = fast_endpoints[f"{path}.php"] = endpoint

    # -- extraction -------------------------------------------------------------------------

    extraction_errors: dict[int | str, dict[str, Any]] = {
        **_ERRORS,
        503: {"model": schemas.ErrorBody,
              "description": "Extraction unavailable or over its time budget."},
    }

    @app.post("/extract", tags=["events"], response_class=JSONBody,
              responses={200: {"model": schemas.FeatureCollection}, **extraction_errors},
              dependencies=[Depends(require_key)])
    async def extract(body: schemas.ExtractRequest) -> Response:
        """Events and mentioned places of the posted text(s) as one GeoJSON
        FeatureCollection (`layer` is `event` or `place`)."""
        documents = await _extraction(extractor.parse(body.items()))
        return JSONBody(feature_collection(documents))

    @app.post("/map", tags=["events"], response_class=HTMLResponse,
              responses={200: {"content": {"text/html": {"schema": {"type": "string"}}},
                               "description": "A self-contained HTML map."},
                         **extraction_errors},
              dependencies=[Depends(require_key)])
    async def map_html(body: schemas.ExtractRequest) -> Response:
        """An interactive HTML map (offline, self-contained) of the posted text(s)."""
        return HTMLResponse(await _extraction(extractor.map_html(body.items())))

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse("/docs")

    return app


def _install_offline_docs(app: FastAPI) -> None:
    """Serve Swagger UI at /docs from the files the ``swagger-ui-py`` package ships, so the
    API documentation works without internet (FastAPI's default loads it from a CDN)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    static = Path(str(resources.files("swagger_ui").joinpath("static")))
    app.mount("/docs-static", StaticFiles(directory=static), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="geoevents API",
            swagger_js_url="/docs-static/swagger-ui-bundle.js",
            swagger_css_url="/docs-static/swagger-ui.css",
            swagger_favicon_url="data:,")


async def _extraction(work: Any) -> Any:
    """Await pipeline work, turning its failures into API errors."""
    try:
        return await work
    except ExtractionUnavailable as exc:
        raise ApiError(503, str(exc)) from None
    except ExtractionTimeout as exc:
        raise ApiError(503, str(exc)) from None
    except GeoeventsError as exc:
        raise ApiError(422, str(exc)) from None


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings come from ``$GEOEVENTS_SERVER_CONFIG``
    (set by ``geoevents serve``)."""
    config = json.loads(os.environ.get(CONFIG_ENV, "{}"))
    return create_app(config.get("gazetteer"), api_key=config.get("api_key"),
                      max_body_bytes=config.get("max_body_bytes", DEFAULT_MAX_BODY_BYTES),
                      extract_timeout_s=config.get("extract_timeout_s",
                                                   DEFAULT_EXTRACT_TIMEOUT_S))
