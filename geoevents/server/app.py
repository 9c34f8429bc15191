"""The FastAPI application: Nominatim-compatible geocoding plus ``/extract`` and ``/map``.

``create_app()`` builds it around one read-only :class:`~geoevents.gazetteer.Gazetteer`
(each thread gets its own SQLite connection). Every error, including a malformed
parameter, is answered in Nominatim's format ``{"error": {"code": 400, "message": ...}}``
and never carries a traceback or a file path.

Nothing slow runs on the event loop: geocoding runs in threads (requests with shapes in a
small bounded pool of their own, with a vertex budget per response), extraction in worker
processes with a time budget (:mod:`geoevents.server.extract`). The API key and the
``Host`` header are checked before the request body is read; bodies are limited in size
and in the time they may take to arrive.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hmac
import json
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import anyio.to_thread
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
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import geoevents
from geoevents.errors import GazetteerError, GeoeventsError, QueryError
from geoevents.gazetteer.store import Gazetteer, check_coordinates
from geoevents.model import Place
from geoevents.server import nominatim, schemas
from geoevents.server.extract import (
    ExtractionFailed,
    ExtractionTimeout,
    ExtractionUnavailable,
    Extractor,
)

log = logging.getLogger("geoevents.server")

DEFAULT_MAX_BODY_BYTES = 1_000_000
DEFAULT_EXTRACT_TIMEOUT_S = 30.0
DEFAULT_BODY_TIMEOUT_S = 30.0
CONFIG_ENV = "GEOEVENTS_SERVER_CONFIG"  # JSON settings handed to worker processes
FASTAPI_BODY_ERROR = "There was an error parsing the body"  # undecodable or too deep
KEY_HEADER = "X-API-Key"
API_KEY_ENV = "GEOEVENTS_API_KEY"
MAX_KEY_FILE_BYTES = 4096
KEY_PATHS = frozenset({"/extract", "/map"})
# Shapes in one geocoding response have at most this many vertices together (about 2 MB
# of GeoJSON); larger shapes are simplified until they fit. Without it, /lookup of the 50
# largest countries is 20 MB.
MAX_RESPONSE_VERTICES = 50_000
MIN_SHAPE_VERTICES = 200
# geocoding requests that ask for shapes share this many threads
GEOMETRY_THREADS = 2

Endpoint = Callable[[Request], Response]


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


class _BodyTooSlow(HTTPException):
    pass


class BodyLimit:
    """Answers 413 to request bodies larger than ``max_bytes``, whether announced by
    Content-Length or streamed in chunks, and 408 when the body does not arrive within
    ``timeout_s`` (a client that trickles its body cannot hold a request open)."""

    def __init__(self, app: ASGIApp, max_bytes: int,
                 timeout_s: float = DEFAULT_BODY_TIMEOUT_S) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s
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
        complete = False
        deadline = asyncio.get_running_loop().time() + self.timeout_s

        async def limited() -> Message:
            nonlocal received, complete
            if complete:  # after the body: waiting for a disconnect, no deadline
                return await receive()
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                raise _BodyTooSlow(408, "the request body did not arrive within "
                                        f"{self.timeout_s:g} s") from None
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _BodyTooLarge(413, self.message)
            complete = message["type"] != "http.request" or not message.get("more_body")
            return message

        await self.app(scope, limited, send)


class RequireApiKey:
    """401 for ``/extract`` and ``/map`` without the right ``X-API-Key``, answered from
    the headers alone, before any of the body is read."""

    def __init__(self, app: ASGIApp, api_key: str) -> None:
        self.app = app
        self.key = api_key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in KEY_PATHS:
            given = next((v for k, v in scope["headers"] if k == b"x-api-key"), None)
            if given is None or not hmac.compare_digest(given, self.key):
                response = error_response(
                    401, "missing or wrong API key; send it in the X-API-Key header",
                    headers={"Connection": "close"})  # the unread body is not drained
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


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
    The endpoints are plain functions (SQLite and shapely block): they run in the thread
    pool, and requests for shapes (``polygon_*``) in a smaller pool of their own, so a
    burst of them cannot take every thread.
    """

    def __init__(self, app: ASGIApp, endpoints: Mapping[str, Endpoint]) -> None:
        self.app = app
        self.endpoints = endpoints
        self.shapes = anyio.CapacityLimiter(GEOMETRY_THREADS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self.endpoints.get(scope["path"]) \
            if scope["type"] == "http" and scope["method"] == "GET" else None
        if endpoint is None:
            await self.app(scope, receive, send)
            return
        limiter = self.shapes if b"polygon_" in scope["query_string"] else None
        try:
            response = await anyio.to_thread.run_sync(endpoint, Request(scope, receive),
                                                      limiter=limiter)
        except ApiError as exc:
            response = error_response(exc.status, exc.message)
        except QueryError as exc:
            response = error_response(400, str(exc))
        await response(scope, receive, send)


# -- error handlers -----------------------------------------------------------------------


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.message)

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> Response:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> Response:
        return error_response(*schemas.validation_message(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> Response:
        if exc.status_code == 400 and exc.detail == FASTAPI_BODY_ERROR:
            return error_response(422, "request body is not valid JSON (not UTF-8, or "
                                       "nested too deeply)")
        messages = {404: "no such endpoint; see /docs",
                    405: "method not allowed for this endpoint; see /docs"}
        message = exc.detail if isinstance(exc, (_BodyTooLarge, _BodyTooSlow)) else \
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
        raise ApiError(*schemas.validation_message(errors)) from None


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
               extract_timeout_s: float = DEFAULT_EXTRACT_TIMEOUT_S,
               extract_workers: int = 1,
               body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S,
               allowed_hosts: Sequence[str] | None = None,
               preload_extraction: bool = False) -> FastAPI:
    """The HTTP API over ``gazetteer`` (a Gazetteer, a path, or None for the default one).

    ``api_key``, when set, is required in the ``X-API-Key`` header of ``/extract`` and
    ``/map``; bodies above ``max_body_bytes`` get 413, bodies slower than
    ``body_timeout_s`` 408; extraction runs in ``extract_workers`` processes and a request
    taking longer than ``extract_timeout_s`` gets 503; with ``preload_extraction`` they
    start with the server, not at the first request. ``allowed_hosts`` (host names, or
    patterns such as ``*.example.org``) restricts the ``Host`` header; None accepts any.
    """
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else Gazetteer.open(gazetteer)
    gaz.country_at(0.0, 0.0)  # loads the country shapes now, not on the first request
    countries = nominatim.Countries(gaz)
    writer = nominatim.Writer(countries)
    extractor = Extractor(extract_timeout_s, workers=extract_workers, gazetteer=str(gaz.path))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if preload_extraction:
            extractor.start()
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
    app.state.extractor = extractor
    _install_offline_docs(app)
    fast_endpoints: dict[str, Endpoint] = {}  # filled below, with the routes
    app.add_middleware(FastGeocoding, endpoints=fast_endpoints)
    app.add_middleware(AllowAnyOriginForGet)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes, timeout_s=body_timeout_s)
    if api_key is not None:  # outside the body limit: no key, no body read at all
        app.add_middleware(RequireApiKey, api_key=api_key)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    _install_error_handlers(app)
    key_header = APIKeyHeader(name=KEY_HEADER, auto_error=False, description=(
        "Required when the server runs with an API key (checked before the body is read)."))

    async def require_key(_: str | None = Security(key_header)) -> None:
        """Documents the key in the OpenAPI schema; :class:`RequireApiKey` checks it."""

    # -- geocoding --------------------------------------------------------------------------

    def search(request: Request) -> Response:
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
        return JSONBody(writer.results(within_vertex_budget(places, options), options,
                                       query.text))

    def reverse(request: Request) -> Response:
        """Name the place at a coordinate (Nominatim's `/reverse`). Nothing known there
        (open sea) is `{"error": "Unable to geocode"}` with status 200, as in Nominatim."""
        p = parse_params(schemas.ReverseParams, request)
        lat, lon = check_coordinates(p.lat, p.lon)
        options = output_options(p, addressdetails=True)
        place = nominatim.reverse(gaz, countries, lat, lon, p.zoom)
        if place is not None:
            place = within_vertex_budget([place], options)[0]
        return JSONBody(writer.single(place, options, f"{lat},{lon}"))

    def lookup(request: Request) -> Response:
        """Places by id (Nominatim's `/lookup`); unknown ids are skipped."""
        p = parse_params(schemas.LookupParams, request)
        options = output_options(p, addressdetails=True)
        places = nominatim.lookup(gaz, p.osm_ids)
        return JSONBody(writer.results(within_vertex_budget(places, options), options,
                                       p.osm_ids))

    updated = datetime.fromtimestamp(gaz.path.stat().st_mtime, UTC).isoformat()

    def status(request: Request) -> Response:
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
        FeatureCollection (`layer` is `event` or `place`). Each document of `documents`
        that is not of the documented shape, or that the pipeline cannot process, is an
        entry of `errors` (`index`, `id`, `error`); the others are extracted."""
        return Response(await _extraction(extractor.parse(
            body.items(), body.min_confidence, lone=body.documents is None)),
            media_type="application/json")

    @app.post("/map", tags=["events"], response_class=HTMLResponse,
              responses={200: {"content": {"text/html": {"schema": {"type": "string"}}},
                               "description": "A self-contained HTML map."},
                         **extraction_errors},
              dependencies=[Depends(require_key)])
    async def map_html(body: schemas.ExtractRequest) -> Response:
        """An interactive HTML map (offline, self-contained) of the posted text(s); 422 when
        one of `documents` is not of the documented shape or cannot be processed."""
        items = body.items()
        rejected = next((i for i in items if isinstance(i, schemas.Rejected)), None)
        if rejected is not None:
            raise ApiError(422, rejected.error)
        return HTMLResponse(await _extraction(extractor.map_html(items, body.min_confidence)))

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
    except (ExtractionUnavailable, ExtractionTimeout) as exc:
        raise ApiError(503, str(exc)) from None
    except ExtractionFailed as exc:
        raise ApiError(500, str(exc)) from None
    except GeoeventsError as exc:
        raise ApiError(422, str(exc)) from None


# -- shapes within a size budget ------------------------------------------------------------


def within_vertex_budget(places: Iterable[Place],
                         options: nominatim.OutputOptions) -> list[Place]:
    """``places``, with shapes simplified so that together they have at most
    :data:`MAX_RESPONSE_VERTICES` vertices, when the response includes shapes."""
    places = list(places)
    if not (options.polygon_geojson or options.polygon_text):
        return places
    shaped = sum(1 for p in places if p.geometry_wkb is not None)
    if not shaped:
        return places
    budget = max(MIN_SHAPE_VERTICES, MAX_RESPONSE_VERTICES // shaped)
    return [p if p.geometry_wkb is None else
            dataclasses.replace(p, geometry_wkb=_capped_wkb(p.geometry_wkb, budget))
            for p in places]


@lru_cache(maxsize=256)
def _capped_wkb(wkb: bytes, budget: int) -> bytes:
    """The shape in ``wkb`` with at most ``budget`` vertices: simplified with a growing
    tolerance (from 1/4000 of its extent), letting parts too small for that tolerance
    vanish (small islands) rather than keeping a distorted ring for each; the shape
    itself when it already fits."""
    import shapely

    shape = shapely.from_wkb(wkb)
    if shapely.get_num_coordinates(shape) <= budget:
        return wkb
    west, south, east, north = shape.bounds
    tolerance = max(east - west, north - south, 1e-6) / 4000
    while True:
        simplified = _polygonal(shapely.make_valid(
            shape.simplify(tolerance, preserve_topology=False)), shape)
        if simplified.is_empty:  # everything vanished: keep the topology instead
            simplified = shape.simplify(tolerance, preserve_topology=True)
        if shapely.get_num_coordinates(simplified) <= budget or tolerance > 360:
            return bytes(shapely.to_wkb(simplified))
        tolerance *= 1.5


def _polygonal(shape: Any, original: Any) -> Any:
    """Only the areas of ``shape`` when ``original`` is an area (make_valid can leave
    lines and points where a ring collapsed)."""
    import shapely

    if shape.geom_type != "GeometryCollection" or \
            original.geom_type not in ("Polygon", "MultiPolygon"):
        return shape
    areas = [p for p in shapely.get_parts(shape) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(areas)


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings come from ``$GEOEVENTS_SERVER_CONFIG``
    (set by ``geoevents serve``; the API key comes from its own variable or file)."""
    config = json.loads(os.environ.get(CONFIG_ENV, "{}"))
    return create_app(config.get("gazetteer"), api_key=read_api_key(config.get("api_key_file")),
                      max_body_bytes=config.get("max_body_bytes", DEFAULT_MAX_BODY_BYTES),
                      extract_timeout_s=config.get("extract_timeout_s",
                                                   DEFAULT_EXTRACT_TIMEOUT_S),
                      extract_workers=config.get("extract_workers", 1),
                      allowed_hosts=config.get("allowed_hosts"),
                      preload_extraction=config.get("preload_extraction", False))



def read_api_key(path: str | Path | None = None) -> str | None:
    """The API key: the first line of the file at ``path`` when given, else
    ``$GEOEVENTS_API_KEY``, else None (no key required). Never a command-line value,
    which any user of the machine could read in ``ps``.

    Raises :class:`~geoevents.errors.InputError` when the file cannot be read or is empty.
    """
    from geoevents.errors import InputError

    if path is not None:
        try:
            with open(path, "rb") as fh:  # a key is short: never read more than this
                lines = fh.read(MAX_KEY_FILE_BYTES).decode("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the API key file {path}: "
                             f"{getattr(exc, 'strerror', None) or exc}") from None
        key = lines[0].strip() if lines else ""
        if not key:
            raise InputError(f"the API key file {path} is empty")
        return key
    return os.environ.get(API_KEY_ENV) or None
