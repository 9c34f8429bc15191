"""Exception types raised by geoevents.

Every error a user can cause derives from :class:`GeoeventsError`, so scripts can catch
one type; the CLI prints its message as one sentence and exits non-zero.
"""


class GeoeventsError(Exception):
    """Base class for all errors geoevents raises on bad input or a bad environment."""


class QueryError(GeoeventsError, ValueError):
    """A geocoding query or coordinate pair is invalid (empty, too long, NUL, out of range)."""


class GazetteerError(GeoeventsError):
    """The gazetteer file is missing, corrupt, or cannot be built or written."""


class InputError(GeoeventsError, ValueError):
    """A document or input file cannot be read (encoding, size, malformed records)."""


class ModelError(GeoeventsError):
    """The spaCy model cannot be found or loaded."""


def shown(value: object, width: int = 60) -> str:
    """``repr(value)`` for an error message, clipped to ``width`` characters (an integer of
    thousands of digits has no repr at all)."""
    try:
        text = repr(value)
    except ValueError:
        return f"<{type(value).__name__} too large to show>"
    return text if len(text) <= width else text[:width - 1] + "…"
