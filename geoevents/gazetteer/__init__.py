"""The local gazetteer: building it, reading it, and the names it matches."""

from geoevents.gazetteer.store import Gazetteer, Match, default_path

__all__ = ["Gazetteer", "Match", "default_path"]
