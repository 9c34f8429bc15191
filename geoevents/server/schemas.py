"""Request bodies and the documented response shapes of the HTTP API.

The response models only describe the JSON for the OpenAPI schema (``/docs``,
``/openapi.json``); handlers write their bodies directly, without pydantic on the hot path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

MAX_DOCUMENTS = 1000
MAX_ID_CHARS = 200


# -- query parameters -----------------------------------------------------------------------
# Validated with pydantic directly (not FastAPI's per-parameter resolution, which costs
# several times the lookup itself) and documented in the OpenAPI schema from these models.

Flag = Annotated[str | None, Field(
    None, description="0 or 1 (as in Nominatim, anything but 0/false/empty is true).")]
Format = Literal["json", "jsonv2", "geojson", "geocodejson"]


class QueryParams(BaseModel):
    """Base of the parameter models: unknown parameters are ignored, as Nominatim does."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    @classmethod
    def openapi_parameters(cls) -> list[dict[str, Any]]:
        """The fields as OpenAPI query parameters."""
        schema = cls.model_json_schema(by_alias=True)
        required = set(schema.get("required", ()))
        parameters = []
        for name, prop in schema["properties"].items():
            prop = {k: v for k, v in prop.items() if k != "title"}
            description = prop.pop("description", None)
            parameter = {"name": name, "in": "query", "required": name in required,
                         "schema": prop}
            if description:
                parameter["description"] = description
            parameters.append(parameter)
        return parameters


class OutputParams(QueryParams):
    """The output parameters every geocoding endpoint shares."""

    format: Format = Field("jsonv2", description=(
        "json, jsonv2 (json with 'category' instead of 'class'), geojson (RFC 7946) or "
        "geocodejson (GeocodeJSON 0.1.0)."))
    addressdetails: Flag
    namedetails: Flag
    extratags: Flag
    polygon_geojson: Flag
    polygon_text: Flag
    polygon_kml: Flag = Field(None, description="Not supported (400 when set).")
    polygon_svg: Flag = Field(None, description="Not supported (400 when set).")
    polygon_threshold: float = Field(
        0.0, ge=0, le=10, description="Simplify shapes to this tolerance (degrees).")
    accept_language: str | None = Field(
        None, alias="accept-language", max_length=200,
        description="Accepted for compatibility; names come as the gazetteer has them.")


class SearchParams(OutputParams):
    q: str | None = Field(None, description="Free text, e.g. 'Jenin' or 'Moscow, Idaho'.")
    city: str | None = None
    county: str | None = None
    state: str | None = None
    country: str | None = Field(None, description="Country name or ISO 3166-1 alpha-2 code.")
    street: str | None = Field(
        None, description="Accepted; ignored, as the gazetteer has no streets.")
    postalcode: str | None = Field(
        None, description="Accepted; ignored, as the gazetteer has no postcodes.")
    limit: int = Field(10, ge=1, le=40, description="Number of results (1-40).")
    countrycodes: str | None = Field(
        None, description="Comma-separated ISO 3166-1 alpha-2 codes, e.g. 'ps,il'.")
    viewbox: str | None = Field(
        None, description="x1,y1,x2,y2 (lon,lat of two corners): results inside first.")
    bounded: Flag = Field(None, description="1: only results inside the viewbox.")
    feature_type: Literal["country", "state", "city", "settlement"] | None = Field(
        None, alias="featureType", description="Only countries, states, cities or "
        "settlements (state down to suburb).")
    exclude_place_ids: str | None = Field(
        None, description="Comma-separated place_ids to leave out.")


class ReverseParams(OutputParams):
    lat: float = Field(description="Latitude, WGS84 degrees.")
    lon: float = Field(description="Longitude, WGS84 degrees.")
    zoom: int = Field(18, ge=0, le=18, description=(
        "Detail: 0-4 country, 5-7 state, 8-18 nearest populated place."))


class LookupParams(OutputParams):
    osm_ids: str = Field(description=(
        "Comma-separated ids (at most 50): geoevents ids such as 'geonames:283506', "
        "'local:gaza-strip', 'ne:border:EG-IL', or GeoNames ids written 'G283506'."))


class StatusParams(QueryParams):
    format: Literal["text", "json"] = "text"


# -- errors ----------------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    code: int = Field(description="The HTTP status code.")
    message: str = Field(description="What was wrong, in one sentence.")


class ErrorBody(BaseModel):
    """Nominatim's error format."""

    error: ErrorDetail


class NotFound(BaseModel):
    """What ``/reverse`` answers (with status 200) when nothing is known at the point."""

    error: Literal["Unable to geocode"]


# -- Nominatim results -----------------------------------------------------------------------


class Place(BaseModel):
    """One result in the ``json``/``jsonv2`` formats (``class`` in json, ``category`` in
    jsonv2). Optional members appear only when requested."""

    model_config = ConfigDict(populate_by_name=True)

    place_id: int
    licence: str
    lat: str = Field(description="Latitude, WGS84, as a decimal string.")
    lon: str = Field(description="Longitude, WGS84, as a decimal string.")
    class_: str | None = Field(None, alias="class", description="OSM-style key (json).")
    category: str | None = Field(None, description="OSM-style key (jsonv2).")
    type: str
    place_rank: int
    importance: float
    addresstype: str
    name: str
    display_name: str
    address: dict[str, str] | None = None
    extratags: dict[str, str] | None = None
    namedetails: dict[str, str] | None = None
    boundingbox: list[str] = Field(min_length=4, max_length=4,
                                   description="[min lat, max lat, min lon, max lon].")
    geojson: dict[str, Any] | None = None
    geotext: str | None = None
    geoevents_id: str = Field(description="The gazetteer id, e.g. 'geonames:283506'.")


class Feature(BaseModel):
    type: Literal["Feature"]
    id: str | None = None
    properties: dict[str, Any]
    bbox: list[float] | None = None
    geometry: dict[str, Any] | None


class DocumentError(BaseModel):
    """A document of an ``/extract`` request that was not processed, and why."""

    index: int = Field(description="Its place in 'documents' (0 for a lone 'text').")
    id: str | None = Field(None, description="Its id, when it has a usable one.")
    error: str


class FeatureCollection(BaseModel):
    """GeoJSON (RFC 7946); ``/extract`` adds ``errors``, one entry per document it could
    not process."""

    type: Literal["FeatureCollection"]
    licence: str | None = None
    features: list[Feature]
    errors: list[DocumentError] | None = None


class GeocodingHeader(BaseModel):
    version: str
    attribution: str
    licence: str
    query: str


class GeocodeJSON(BaseModel):
    """GeocodeJSON 0.1.0."""

    type: Literal["FeatureCollection"]
    geocoding: GeocodingHeader
    features: list[Feature]


SearchResult = list[Place] | FeatureCollection | GeocodeJSON
ReverseResult = Place | NotFound | FeatureCollection | GeocodeJSON


class Status(BaseModel):
    status: int = Field(description="0 when the service works.")
    message: str
    data_updated: str | None = None
    software_version: str
    database_version: str | None = None


# -- errors ---------------------------------------------------------------------------------


def validation_message(errors: Sequence[Any]) -> tuple[int, str]:
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


# -- extraction ------------------------------------------------------------------------------


def _check_unicode(value: str) -> str:
    """JSON can carry lone surrogates ("\\ud800"), which are not text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("contains invalid Unicode (a lone surrogate)") from None
    return value


def _check_published(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("published must be an ISO 8601 date such as 2023-10-07") from None
    return value


Text = Annotated[str, AfterValidator(_check_unicode)]
Published = Annotated[str, AfterValidator(_check_published)]
DocId = Annotated[str, Field(max_length=MAX_ID_CHARS), AfterValidator(_check_unicode)]


class DocumentIn(BaseModel):
    """One text to extract events from."""

    model_config = ConfigDict(extra="forbid")

    id: DocId | None = Field(None, description="Your document id.")
    text: Text = Field(min_length=1, description="The article text.")
    published: Published | None = Field(
        None, description="Publication date (ISO 8601), anchors relative dates.")


@dataclass(frozen=True)
class Rejected:
    """A document of ``documents`` that is not a :class:`DocumentIn`: its id, when it has
    a usable one, and why."""

    id: str | None
    error: str


class ExtractRequest(BaseModel):
    """Either one ``text`` (with optional ``id`` and ``published``) or ``documents``; a
    document of ``documents`` is checked on its own (:meth:`items`), so that a bad one
    does not reject the others."""

    model_config = ConfigDict(extra="forbid")

    text: Text | None = Field(None, description="One article text.")
    id: DocId | None = Field(None, description="Its document id.")
    published: Published | None = Field(None, description="Its publication date (ISO 8601).")
    documents: list[Annotated[Any, WithJsonSchema(DocumentIn.model_json_schema())]] | None = \
        Field(None, max_length=MAX_DOCUMENTS, description=(
            "Several documents; one that is not of this shape is reported in the answer's "
            "'errors' and the others are processed."))
    min_confidence: float | None = Field(
        None, ge=0.0, le=1.0, strict=True, allow_inf_nan=False, description=(
            "Leave a place name unresolved when its best place is less likely than this "
            "(0-1; default 0: every name with candidates gets its best place)."))

    @model_validator(mode="after")
    def _one_input(self) -> ExtractRequest:
        if (self.text is None) == (self.documents is None):
            raise ValueError("send either 'text' or 'documents', not both and not neither")
        if self.documents is not None and (self.id is not None or self.published is not None):
            raise ValueError("'id' and 'published' go inside each of 'documents'")
        return self

    def items(self) -> list[DocumentIn | Rejected]:
        """The request as a list of documents, each checked (or why it is not one)."""
        if self.documents is None:
            return [DocumentIn.model_construct(id=self.id, text=self.text or "",
                                               published=self.published)]
        return [_document(n, raw) for n, raw in enumerate(self.documents)]


def _document(n: int, raw: Any) -> DocumentIn | Rejected:
    """The ``n``-th document of ``documents`` checked, or why it is not one."""
    try:
        return DocumentIn.model_validate(raw)
    except ValidationError as exc:
        problem = exc.errors(include_url=False)[0]
        _, message = validation_message([{**problem,
                                          "loc": ("body", "documents", n, *problem["loc"])}])
        doc_id = raw.get("id") if isinstance(raw, dict) else None
        usable = isinstance(doc_id, str) and len(doc_id) <= MAX_ID_CHARS and \
            _unicode(doc_id)
        return Rejected(doc_id if usable else None, message)


def _unicode(value: str) -> bool:
    try:
        _check_unicode(value)
    except ValueError:
        return False
    return True
