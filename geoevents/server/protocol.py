"""uvicorn's HTTP protocols with a deadline for request headers.

uvicorn closes idle keep-alive connections (``timeout_keep_alive``) but waits forever for
a client that sends its request headers a byte at a time ("slowloris"): each such
connection holds a socket and memory. These subclasses close a connection whose request
headers are not complete :data:`HEADER_TIMEOUT_S` seconds after it opened or after the
previous response. A request being answered is never cut off.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 10.0


class _HeaderDeadline:
    """Mixin for a uvicorn HTTP protocol class (h11 or httptools)."""

    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    cycle: Any
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm_header_deadline()

    def on_response_complete(self) -> None:
        self._arm_header_deadline()  # for the next request on this connection
        super().on_response_complete()  # type: ignore[misc]

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
        super().connection_lost(exc)  # type: ignore[misc]

    def _arm_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
        self._header_deadline = self.loop.call_later(HEADER_TIMEOUT_S, self._headers_late)

    def _headers_late(self) -> None:
        self._header_deadline = None
        answering = self.cycle is not None and not self.cycle.response_complete
        if not answering and not self.transport.is_closing():
            self.transport.close()


class H11WithHeaderDeadline(_HeaderDeadline, H11Protocol):
    """uvicorn's h11 protocol with the header deadline."""


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # uvicorn without the [standard] extra
    HttpProtocol: type[asyncio.Protocol] = H11WithHeaderDeadline
else:
    class HttpToolsWithHeaderDeadline(_HeaderDeadline, HttpToolsProtocol):
        """uvicorn's httptools protocol (the faster parser) with the header deadline."""

    HttpProtocol = HttpToolsWithHeaderDeadline
