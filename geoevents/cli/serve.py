"""``geoevents serve``: the HTTP API (Nominatim-compatible geocoding, /extract, /map)."""

from __future__ import annotations

import ipaddress
import json
import os
import sys
from typing import Annotated

import typer

from geoevents.cli.geocoding import GazetteerOption


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option(
        help="Address to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8080,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Worker processes (about one per CPU core).")] = 1,
    gazetteer: GazetteerOption = None,
    api_key: Annotated[str | None, typer.Option(
        "--api-key", envvar="GEOEVENTS_API_KEY", show_envvar=True,
        help="Require this key in the X-API-Key header of /extract and /map.")] = None,
    max_body_bytes: Annotated[int, typer.Option(
        min=1_000, help="Largest accepted request body (bytes); larger ones get 413.")
    ] = 1_000_000,
    extract_timeout: Annotated[float, typer.Option(
        min=0.1, help="Time budget of one /extract or /map request (seconds).")] = 30.0,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Serve the gazetteer over HTTP with Nominatim's API; API docs at /docs."""
    import uvicorn

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.server.app import CONFIG_ENV, create_app

    gaz = Gazetteer.open(gazetteer)  # builds the default gazetteer once, before any worker
    if not _is_loopback(host):
        sys.stderr.write(f"geoevents: warning: serving on {host}, reachable from other "
                         "machines" + ("" if api_key else "; consider --api-key") + "\n")
    settings = {"gazetteer": str(gaz.path), "api_key": api_key,
                "max_body_bytes": max_body_bytes, "extract_timeout_s": extract_timeout}
    common = {"host": host, "port": port, "access_log": access_log, "log_level": "info",
              "server_header": False}
    if workers == 1:
        app = create_app(gaz, api_key=api_key, max_body_bytes=max_body_bytes,
                         extract_timeout_s=extract_timeout)
        uvicorn.run(app, **common)  # type: ignore[arg-type]
    else:
        os.environ[CONFIG_ENV] = json.dumps(settings)
        uvicorn.run("geoevents.server.app:app_from_env", factory=True, workers=workers,
                    **common)  # type: ignore[arg-type]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False

