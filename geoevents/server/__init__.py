"""The HTTP service: Nominatim-compatible geocoding (``/search``, ``/reverse``, ``/lookup``,
``/status``) over the local gazetteer, plus ``/extract`` and ``/map`` for news text.

Run it with ``geoevents serve``; build the ASGI app yourself with :func:`create_app`.
"""

from geoevents.server.app import create_app

__all__ = ["create_app"]
