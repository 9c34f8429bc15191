"""``geoevents serve``: the HTTP API (Nominatim-compatible geocoding, /extract, /map)."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
from pathlib import Path
from typing import Annotated

import typer

from geoevents.cli.geocoding import GazetteerOption

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def register(app: typer.Typer) -> None:
    app.command()(serve)


def serve(
    host: Annotated[str, typer.Option(
        help="Address to bind; the default serves this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8080,
    workers: Annotated[int, typer.Option(
        min=1, max=64, help="Worker processes (about one per CPU core).")] = 1,
    gazetteer: GazetteerOption = None,
    api_key_file: Annotated[Path | None, typer.Option(
        "--api-key-file", envvar="GEOEVENTS_API_KEY_FILE", show_envvar=True,
        help="Require the key in this file (first line) in the X-API-Key header of "
             "/extract and /map; or set $GEOEVENTS_API_KEY.")] = None,
    api_key: Annotated[str | None, typer.Option(
        "--api-key", hidden=True,
        help="Deprecated: visible to every user in 'ps'; use $GEOEVENTS_API_KEY or "
             "--api-key-file.")] = None,
    allowed_hosts: Annotated[list[str] | None, typer.Option(
        "--allowed-host",
        help="Host name clients may use in the Host header (repeatable; '*' for any). "
             "Default: localhost names and the bound host.")] = None,
    max_body_bytes: Annotated[int, typer.Option(
        min=1_000, help="Largest accepted request body (bytes); larger ones get 413.")
    ] = 1_000_000,
    extract_timeout: Annotated[float, typer.Option(
        min=0.1, help="Time budget of one /extract or /map request (seconds).")] = 30.0,
    extract_workers: Annotated[int, typer.Option(
        min=1, max=64, help="Extraction processes per worker (each loads the spaCy "
                            "model, about 350 MB).")] = 1,
    preload_extraction: Annotated[bool, typer.Option(
        "--preload-extraction/--no-preload-extraction",
        help="Start the extraction processes (loading the spaCy model) with the server "
             "rather than at the first /extract or /map request.")] = False,
    timeout_keep_alive: Annotated[int, typer.Option(
        min=1, help="Close idle keep-alive connections after this many seconds.")] = 5,
    access_log: Annotated[bool, typer.Option(
        "--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Serve the gazetteer over HTTP with Nominatim's API; API docs at /docs."""
    import uvicorn

    from geoevents.gazetteer.store import Gazetteer
    from geoevents.server.app import API_KEY_ENV, CONFIG_ENV, create_app, read_api_key
    from geoevents.server.protocol import HttpProtocol

    if api_key is not None:
        sys.stderr.write("geoevents: warning: --api-key is deprecated: any user of this "
                         f"machine can read it with 'ps'; set ${API_KEY_ENV} or use "
                         "--api-key-file instead\n")
        os.environ[API_KEY_ENV] = api_key  # for worker processes; not shown by ps
        key: str | None = api_key
    else:
        key = read_api_key(api_key_file)
    gaz = Gazetteer.open(gazetteer)  # builds the default gazetteer once, before any worker
    hosts = list(allowed_hosts) if allowed_hosts else default_hosts(host)
    for pattern in hosts:
        if "*" in pattern[1:] or (pattern.startswith("*") and pattern not in ("*",)
                                  and not pattern.startswith("*.")):
            raise typer.BadParameter(f"{pattern!r}: use a host name, '*.example.org' or '*'",
                                     param_hint="--allowed-host")
    if not _is_loopback(host):
        sys.stderr.write(f"geoevents: warning: serving on {host}, reachable from other "
                         "machines" + ("" if key else f"; consider ${API_KEY_ENV}") + "\n")
    common = {"host": host, "port": port, "access_log": access_log, "log_level": "info",
              "server_header": False, "http": HttpProtocol,
              "timeout_keep_alive": timeout_keep_alive}
    if workers == 1:
        app = create_app(gaz, api_key=key, max_body_bytes=max_body_bytes,
                         extract_timeout_s=extract_timeout, extract_workers=extract_workers,
                         allowed_hosts=hosts, preload_extraction=preload_extraction)
        uvicorn.run(app, **common)  # type: ignore[arg-type]
    else:
        os.environ[CONFIG_ENV] = json.dumps({
            "gazetteer": str(gaz.path), "max_body_bytes": max_body_bytes,
            "api_key_file": str(api_key_file) if api_key_file and not api_key else None,
            "extract_timeout_s": extract_timeout, "extract_workers": extract_workers,
            "allowed_hosts": hosts, "preload_extraction": preload_extraction})
        uvicorn.run("geoevents.server.app:app_from_env", factory=True, workers=workers,
                    **common)  # type: ignore[arg-type]


def default_hosts(host: str) -> list[str]:
    """Host names accepted by default: the loopback names and the bound address; for a
    wildcard address (0.0.0.0, ::) also this machine's name."""
    hosts = [*LOOPBACK_NAMES, host]
    if host in ("0.0.0.0", "::", ""):
        hosts += [socket.gethostname(), socket.getfqdn()]
    return list(dict.fromkeys(h for h in hosts if h))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
