"""Cross-document deduplication of an events table, with :mod:`geoevents.events.dedup`.

Shards hold one row per event per document. When a run writes a single file, the rows of
all shards are merged here, in corpus order, by the same rule as ``geoevents extract`` on
a handful of files: each row becomes a light :class:`~geoevents.model.Event` (its place
from the row's id and point), :func:`~geoevents.events.dedup.deduplicate` merges reports
of one occurrence into the first, and the kept rows get the merged ``sources``,
fatalities, dates, actors and reasons. A sharded directory output is not deduplicated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geoevents.model import Event, Place

if TYPE_CHECKING:
    import geopandas as gpd

# the columns deduplicate() may change on the report it keeps
MERGED_COLUMNS = ("sources", "fatalities", "date", "date_precision", "date_text", "actor1",
                  "actor2", "reason")


def deduplicate_frame(events: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The rows of ``events`` with reports of one occurrence merged into the first."""
    import pandas as pd

    from geoevents.events.dedup import deduplicate
    from geoevents.export import LIST_SEPARATOR

    rows = events.drop(columns=events.geometry.name).astype(object).to_dict("records")
    items = [_event({k: _value(v) for k, v in row.items()}, geom)
             for row, geom in zip(rows, events.geometry.values, strict=True)]
    position = {id(e): i for i, e in enumerate(items)}
    kept = deduplicate(items)
    out = events.iloc[[position[id(e)] for e in kept]].reset_index(drop=True)
    for column in MERGED_COLUMNS:
        values = [getattr(e, column) for e in kept]
        if column == "sources":
            values = [LIST_SEPARATOR.join(v) if v else None for v in values]
        out[column] = pd.array(values, dtype=events[column].dtype)
    return out


def _event(row: dict[str, Any], geom: Any) -> Event:
    from geoevents.export import LIST_SEPARATOR

    location = None
    if row["location_id"] is not None and geom is not None and not geom.is_empty:
        location = Place(
            id=row["location_id"], name=row["location_name"] or "", lat=geom.y, lon=geom.x,
            feature_class="", feature_code=row["feature_code"] or "",
            country_code=row["country_code"], admin1=row["admin1"], geonameid=row["geonameid"])
    return Event(
        id=row["event_id"], event_type=row["event_type"], sub_event_type=row["sub_event_type"],
        trigger=row["trigger"], trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"], sentence=row["sentence"], actor1=row["actor1"],
        actor2=row["actor2"], fatalities=row["fatalities"], date=row["date"],
        date_precision=row["date_precision"], date_text=row["date_text"], location=location,
        location_text=row["location_text"], confidence=row["confidence"],
        reason=row["reason"] or "", doc_id=row["doc_id"],
        sources=row["sources"].split(LIST_SEPARATOR) if row["sources"] else [])


def _value(value: Any) -> Any:
    """None for pandas/numpy missing values, plain Python scalars otherwise."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value
