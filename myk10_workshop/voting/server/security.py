"""What guards the participants' server: size caps, headers, rates, the session token.

Everything that arrives over the network is untrusted. The app itself caps bodies (uvicorn
does not), answers every refusal with a plain 4xx, and never lets one misbehaving phone slow
the others down.
"""

from __future__ import annotations

import contextlib
import hmac
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY = 16 * 1024
MAX_HEADER_BYTES = 16 * 1024

# Only our own files, no framing, no inline code: what phones get can do no harm even if
# a participant's text tries.
SECURITY_HEADERS = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


_SECURITY_HEADER_NAMES = frozenset(name for name, _value in SECURITY_HEADERS)


def new_token() -> str:
    """An unguessable session token: 144 random bits, URL-safe (24 characters)."""
    return secrets.token_urlsafe(18)


JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    """A short code to type when a QR code cannot be scanned: 6 letters and digits (30
    random bits, independent of the token; guessing is held back by the attempt limit)."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def same_token(given: str, expected: str) -> bool:
    """Compare in constant time, so response times reveal nothing about the token."""
    return hmac.compare_digest(given.encode(), expected.encode())


def same_code(typed: str, expected: str) -> bool:
    """A typed join code: case, spaces and dashes do not matter."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    return same_token(cleaned, expected)


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with 413, declared or streamed,
    and request lines with headers over ``header_limit`` bytes with 431 (h11 caps only
    headers that arrive in several pieces)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY,
                 header_limit: int = MAX_HEADER_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.header_limit = header_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        head += sum(len(name) + len(value) + 4 for name, value in scope.get("headers", ()))
        if head > self.header_limit:
            await _plain(send, 431, "Request headers too large.")
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _plain(send, 400, "Bad Content-Length.")
                    return
                if declared > self.limit:
                    await _plain(send, 413, "Too much data sent.")
                    return
        seen = 0
        too_big = False

        async def limited() -> Message:
            nonlocal seen, too_big
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    too_big = True
                    raise _BodyTooBigError
            return message

        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if too_big and not started:
                return  # the app's answer to the cut-off body (Starlette's 500): ours is 413
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(_BodyTooBigError):
            await self.app(scope, limited, tracking)
        if too_big and not started:
            await _plain(send, 413, "Too much data sent.")


class _BodyTooBigError(Exception):
    pass


class ConcurrencyLimit:
    """ASGI middleware: at most ``limit`` requests in progress; more get 429 at once.

    Live-news streams are long-lived and capped on their own, so they do not count.
    """

    def __init__(self, app: ASGIApp, limit: int = 400,
                 exempt: Callable[[Scope], bool] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.exempt = exempt or (lambda _scope: False)
        self.active = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.exempt(scope):
            await self.app(scope, receive, send)
            return
        if self.active >= self.limit:
            await _plain(send, 429, "Busy. Please try again in a moment.",
                         extra=((b"retry-after", b"1"),))
            return
        self.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active -= 1


class SecurityHeaders:
    """ASGI middleware: the same safety headers on every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in _SECURITY_HEADER_NAMES]
                headers.extend(SECURITY_HEADERS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


@dataclass
class Bucket:
    """Token buckets per key: ``burst`` requests at once, then ``rate`` per second.

    Thread-safe; idle buckets are dropped so a crowd of phones cannot grow it without end.
    """

    rate: float
    burst: float
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 50_000:
                self._forget(now)
            return True

    def _forget(self, now: float) -> None:
        idle = self.burst / self.rate
        for key, (_tokens, last) in list(self._buckets.items()):
            if now - last > idle:
                del self._buckets[key]


LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost", "testclient", ""})


@dataclass
class RateLimiter:
    """The limits of the participants' server.

    Per device (its cookie): votes, 20 at once and then 2 per second: far more than a
    person taps, far less than a script. Per network address: every request, 200 at once
    and then 40 per second (each phone on the local network has its own address; the
    laptop itself, on loopback, is not limited). Join-code attempts per address: 10, then
    one every 5 seconds, so the 30-bit code cannot be guessed.
    """

    devices: Bucket = field(default_factory=lambda: Bucket(rate=2.0, burst=20.0))
    addresses: Bucket = field(default_factory=lambda: Bucket(rate=40.0, burst=200.0))
    codes: Bucket = field(default_factory=lambda: Bucket(rate=0.2, burst=10.0))

    def allow(self, device: str, now: float | None = None) -> bool:
        return self.devices.allow(device, now)

    def allow_address(self, address: str, now: float | None = None) -> bool:
        return address in LOOPBACK or self.addresses.allow(address, now)

    def allow_code_attempt(self, address: str, now: float | None = None) -> bool:
        return self.codes.allow(address, now)


async def _plain(send: Send, status: int, text: str,
                 extra: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()), *extra, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
