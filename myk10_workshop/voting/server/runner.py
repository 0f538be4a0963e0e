"""The participants' server on the network: which address, which port, a thread to run in.

The laptop has several addresses (Wi-Fi, cable, VPN, loopback); phones reach only the one on
their network. The facilitator picks it from :func:`addresses`; the default is the first
private LAN address. The server never listens on every interface (0.0.0.0) unless that is
asked for by name. It takes the first free port of a small range, so a second session or
another program on 8800 does not stop it.
"""

from __future__ import annotations

import contextlib
import errno
import ipaddress
import logging
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

PORTS = range(8800, 8900)
ALL_INTERFACES = "0.0.0.0"
# Requests in progress at once before the server answers "busy" (uvicorn's own cap, a
# backstop: the app answers 429 earlier, see security.ConcurrencyLimit).
CONNECTION_LIMIT = 2000
# Headers and request line together: h11 refuses more (400) only when they arrive in pieces;
# the app's size cap (security.BodyLimit) answers 431 to the rest.
MAX_HEADER_BYTES = 16 * 1024
# With httptools the parser itself has no cap: past this many bytes of request line and
# headers it refuses (400) and closes, so no phone can make the server buffer without end.
# Below it, the app's 16 KiB cap answers 431 (see security.BodyLimit).
PARSER_HEADER_BYTES = 4 * MAX_HEADER_BYTES


@dataclass(frozen=True)
class Address:
    """One IPv4 address of the laptop, as the facilitator picks it."""

    ip: str
    interface: str
    # A private LAN address (192.168.x.x, 10.x.x.x, 172.16-31.x.x): what phones reach.
    private: bool
    loopback: bool

    @property
    def label(self) -> str:
        return f"{self.ip} ({self.interface})"


def addresses() -> list[Address]:
    """The laptop's IPv4 addresses, the most likely for phones first, loopback last.

    Link-local addresses (169.254.x.x, no router) are listed after the private ones: they
    work when laptop and phones share a router without DHCP, which is rare.
    """
    import ifaddr

    found: dict[str, Address] = {}
    for adapter in ifaddr.get_adapters():
        for entry in adapter.ips:
            # IPv6 comes as a tuple; 0.0.0.0 is a disconnected adapter (Windows), no address.
            if not isinstance(entry.ip, str) or entry.ip == ALL_INTERFACES:
                continue
            found.setdefault(entry.ip, _address(entry.ip, adapter.nice_name or adapter.name))
    if "127.0.0.1" not in found:
        found["127.0.0.1"] = _address("127.0.0.1", "loopback")
    return sorted(found.values(), key=_preference)


def _address(ip: str, interface: str) -> Address:
    parsed = ipaddress.IPv4Address(ip)
    return Address(ip, interface, parsed.is_private and not parsed.is_loopback
                   and not parsed.is_link_local, parsed.is_loopback)


def _preference(address: Address) -> tuple[int, str]:
    parsed = ipaddress.IPv4Address(address.ip)
    if address.loopback:
        rank = 4
    elif address.private:
        # Home and venue routers hand out 192.168.x.x; 10.x is often a VPN or a big network.
        rank = 0 if address.ip.startswith("192.168.") else 1
    elif parsed.is_link_local:
        rank = 2
    else:
        rank = 3
    return rank, address.ip


def default_address(found: Iterable[Address]) -> Address:
    """The address a session uses when the facilitator does not choose: the most likely for
    phones (see :func:`addresses`), never every interface."""
    listed = [address for address in found if address.ip != ALL_INTERFACES]
    return min(listed, key=_preference) if listed else _address("127.0.0.1", "loopback")


class PortsBusyError(OSError):
    pass


def bind(host: str, ports: Iterable[int] = PORTS) -> socket.socket:
    """A listening socket on ``host`` at the first free port of ``ports``."""
    last: OSError | None = None
    for port in ports:
        # IPPROTO_TCP given: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say
        # so; without it every answer on a kept-alive connection waited ~40 ms for an ACK.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            sock.listen(2048)
        except OSError as exc:
            sock.close()
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                last = exc
                continue
            raise
        sock.set_inheritable(True)
        return sock
    raise PortsBusyError(errno.EADDRINUSE, f"no free port on {host}") from last


def http_protocol() -> Any:
    """uvicorn's protocol for HTTP/1.1: httptools (C, about twice as fast per request as
    h11, which counts in a burst of votes) with a cap on the request head; h11 where
    httptools is not installed."""
    try:
        import httptools
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools is a dependency
        return "h11"

    class CappedHttpToolsProtocol(HttpToolsProtocol):
        """Refuses a request line with headers over :data:`PARSER_HEADER_BYTES`."""

        _head_bytes = 0

        def on_message_begin(self) -> None:
            self._head_bytes = 0
            super().on_message_begin()

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value) + 4)
            super().on_header(name, value)

        def _count(self, size: int) -> None:
            self._head_bytes += size
            if self._head_bytes > PARSER_HEADER_BYTES:
                # Raised in the parser's callback: uvicorn answers 400 and closes.
                raise httptools.HttpParserError("request head too large")

    return CappedHttpToolsProtocol


class ServerThread:
    """uvicorn serving an ASGI app on a bound socket, in a daemon thread.

    :meth:`start` returns when the server accepts connections (or raises why it could
    not); :meth:`stop` ends it: open requests finish, live-news streams are cut.
    """

    def __init__(self, app: Callable[..., Any], sock: socket.socket) -> None:
        import uvicorn

        self.socket = sock
        self.host, self.port = sock.getsockname()[:2]
        config = uvicorn.Config(
            app, loop="asyncio", http=http_protocol(), ws="none", lifespan="off",
            log_config=None,
            access_log=False, proxy_headers=False, server_header=False,
            limit_concurrency=CONNECTION_LIMIT, timeout_keep_alive=5,
            timeout_graceful_shutdown=2, h11_max_incomplete_event_size=MAX_HEADER_BYTES)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="voting-server", daemon=True)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            self._server.run(sockets=[self.socket])
        except BaseException as exc:
            self._error = exc
            log.exception("voting server stopped")

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        waited = 0.0
        while not self._server.started:
            if not self._thread.is_alive() or waited >= timeout:
                self.socket.close()
                raise RuntimeError("the voting server did not start") from self._error
            self._thread.join(0.01)
            waited += 0.01

    @property
    def running(self) -> bool:
        return self._thread.is_alive() and self._server.started

    def stop(self, timeout: float = 5.0) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout)
        with contextlib.suppress(OSError):
            self.socket.close()
