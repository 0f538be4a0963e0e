"""Load generator for ``benchmarks/voting.py``: simulated phones on real HTTP/1.1.

Runs in its own process (``python benchmarks/_phones.py run ...``), so the app's process
keeps its GIL to itself. Plain asyncio streams, one keep-alive connection per phone (a
browser tab), no HTTP library: the client must be far cheaper than the server it measures
(``serve`` starts a do-nothing server to measure the client alone).

A phone: GET the join page (the server hands out the ``myk10_device`` cookie), GET the
ballot form (its hidden ``submission`` field), then POST votes as a form asking for JSON
(``Accept: application/json``, answer ``{"ok": true}``). The first vote uses the form's
submission id, later ones ids of their own (as the page's script does when the phone
changes its vote). A phone sends one vote at a time: the next after the answer.

Modes:

- ``burst``: every phone loads its pages (all at once), then, after all have loaded, every
  phone sends its votes one after another, all phones at the same time.
- ``pace``: every phone loads its pages, then votes arrive open-loop at ``--rate`` per
  second (Poisson arrivals, fixed seed) for ``--duration`` seconds, spread over the phones.

Bounded: ``--limit`` seconds for the whole run (then what finished is written, with
``timed_out``), at most ``--phones`` x ``--votes`` votes. Times are ``time.monotonic_ns()``:
CLOCK_MONOTONIC on Linux, one clock for every process of the machine (also on Windows and
macOS), so the app's process can put its own timestamps beside these.

The result is one JSON file (``--out``): requests as
``[kind, phone, scheduled_ns, sent_ns, answered_ns, status, ok, submission]`` (answered 0
and status 0: cut off by the time limit; status 0 alone: the connection broke), each vote's
choices, the phones' device cookies, the phases' times and the client's CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import secrets
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

DEVICE_COOKIE = "myk10_device"
SUBMISSION_INPUT = re.compile(rb'<input[^>]*\bname="submission"[^>]*>')
VALUE = re.compile(rb'\bvalue="([A-Za-z0-9_-]{8,64})"')
COOKIE = re.compile(DEVICE_COOKIE + r"=([A-Za-z0-9_-]+)")
REQUEST_TIMEOUT = 30.0
# uvicorn closes a keep-alive connection after 5 s idle; a phone reconnects before that.
IDLE_RECONNECT_S = 3.5


class HttpError(Exception):
    pass


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key == name]


class Connection:
    """One HTTP/1.1 keep-alive connection (no pipelining)."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used = 0.0

    async def open(self) -> None:
        self.close()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.used = time.monotonic()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method: str, path: str, headers: list[tuple[str, str]],
                      body: bytes = b"") -> Answer:
        if self.writer is None or time.monotonic() - self.used > IDLE_RECONNECT_S:
            await self.open()
        assert self.reader is not None and self.writer is not None
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 "User-Agent: myk10-bench-phone", "Accept-Language: de"]
        lines += [f"{name}: {value}" for name, value in headers]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        answer = await self._read()
        self.used = time.monotonic()
        if any(value.lower() == "close" for value in answer.header("connection")):
            self.close()
        return answer

    async def _read(self) -> Answer:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1."):
            raise HttpError(f"bad status line {status_line!r}")
        headers = []
        for line in header_lines:
            if ":" in line:
                name, value = line.split(":", 1)
                headers.append((name.strip().lower(), value.strip()))
        answer = Answer(int(parts[1]), headers, b"")
        length = answer.header("content-length")
        if length:
            answer.body = await self.reader.readexactly(int(length[0]))
        elif "chunked" in ",".join(answer.header("transfer-encoding")).lower():
            answer.body = await self._chunks()
        elif answer.status not in (204, 304):
            answer.body = await self.reader.read()
            self.close()
        return answer

    async def _chunks(self) -> bytes:
        assert self.reader is not None
        body = bytearray()
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return bytes(body)
            body += await self.reader.readexactly(size)
            await self.reader.readexactly(2)


@dataclass
class Phone:
    index: int
    connection: Connection
    device: str = ""
    submission: str = ""
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class Run:
    """What one run of the generator saw."""

    base_path: str
    ballot: str
    options: list[str]
    dots: int
    max_per_option: int
    rng: random.Random
    requests: list[list[Any]] = field(default_factory=list)
    choices: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    phases: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def cookie(self, phone: Phone) -> list[tuple[str, str]]:
        return [("Cookie", f"{DEVICE_COOKIE}={phone.device}")] if phone.device else []

    async def call(self, phone: Phone, kind: str, path: str, headers: list[tuple[str, str]],
                   *, body: bytes | None = None, submission: str = "",
                   scheduled: int = 0) -> Answer | None:
        """One request (a POST when there is a body); None when it broke."""
        method = "GET" if body is None else "POST"
        sent = time.monotonic_ns()
        try:
            answer = await asyncio.wait_for(
                phone.connection.request(method, path, headers + self.cookie(phone),
                                         body or b""),
                REQUEST_TIMEOUT)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, HttpError,
                ValueError) as exc:
            phone.connection.close()
            self.requests.append([kind, phone.index, scheduled, sent, time.monotonic_ns(),
                                  0, False, submission])
            self._error(f"{kind} phone {phone.index}: {type(exc).__name__} {exc}")
            return None
        except asyncio.CancelledError:  # the run's time limit: sent, never answered
            phone.connection.close()
            self.requests.append([kind, phone.index, scheduled, sent, 0, 0, False, submission])
            raise
        answered = time.monotonic_ns()
        ok = answer.status == 200
        if ok and kind == "vote":
            try:
                ok = json.loads(answer.body).get("ok") is True
            except ValueError:
                ok = False
        self.requests.append([kind, phone.index, scheduled, sent, answered, answer.status, ok,
                              submission])
        if not ok:
            self._error(f"{kind} phone {phone.index}: HTTP {answer.status} "
                        f"{answer.body[:200]!r}")
        return answer

    def _error(self, text: str) -> None:
        if len(self.errors) < 20:
            self.errors.append(text)

    async def load(self, phone: Phone) -> None:
        """The join page (and the device cookie), then the ballot's form."""
        answer = await self.call(phone, "join", self.base_path, [("Accept", "text/html")])
        if answer is None:
            return
        for value in answer.header("set-cookie"):
            found = COOKIE.search(value)
            if found:
                phone.device = found.group(1)
        answer = await self.call(phone, "form", f"{self.base_path}b/{self.ballot}",
                                 [("Accept", "text/html")])
        if answer is None:
            return
        tag = SUBMISSION_INPUT.search(answer.body)
        hidden = VALUE.search(tag.group(0)) if tag else None
        if hidden is None:
            self._error(f"form phone {phone.index}: no submission field")
        else:
            phone.submission = hidden.group(1).decode()

    def ballot_choices(self) -> dict[str, int]:
        """``dots`` dots on random options, at most ``max_per_option`` on one."""
        while True:
            picked = Counter(self.rng.choice(self.options) for _ in range(self.dots))
            if max(picked.values()) <= self.max_per_option:
                return dict(picked)

    async def vote(self, phone: Phone, scheduled: int = 0) -> None:
        async with phone.lock:
            submission, phone.submission = phone.submission or secrets.token_hex(16), ""
            choices = self.ballot_choices()
            self.choices[submission] = choices
            fields = [(f"dots-{option}", str(count)) for option, count in choices.items()]
            body = urlencode([*fields, ("submission", submission)]).encode()
            await self.call(phone, "vote", f"{self.base_path}b/{self.ballot}", [
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "application/json")], body=body, submission=submission,
                scheduled=scheduled)

    async def load_all(self, phones: list[Phone]) -> None:
        self.phases["load_start"] = time.monotonic_ns()
        cpu = time.process_time()
        await asyncio.gather(*(self.load(phone) for phone in phones))
        self.phases["load_end"] = time.monotonic_ns()
        self.cpu["load"] = time.process_time() - cpu

    async def burst(self, phones: list[Phone], votes: int) -> None:
        async def one(phone: Phone) -> None:
            for _ in range(votes):
                await self.vote(phone)

        await self.load_all(phones)
        cpu = time.process_time()
        self.phases["vote_start"] = time.monotonic_ns()
        await asyncio.gather(*(one(phone) for phone in phones))
        self.phases["vote_end"] = time.monotonic_ns()
        self.cpu["vote"] = time.process_time() - cpu

    async def pace(self, phones: list[Phone], rate: float, duration: float) -> None:
        await self.load_all(phones)
        count = round(rate * duration)
        offsets, at = [], 0.0
        for _ in range(count):
            at += self.rng.expovariate(rate)
            offsets.append(at)
        order = list(phones)
        self.rng.shuffle(order)
        await asyncio.sleep(0.2)  # the loads' last answers settle on both sides
        cpu = time.process_time()
        start = time.monotonic_ns() + 10_000_000
        self.phases["vote_start"] = start

        async def later(phone: Phone, scheduled: int) -> None:
            await asyncio.sleep(max(0.0, (scheduled - time.monotonic_ns()) / 1e9))
            await self.vote(phone, scheduled)

        await asyncio.gather(*(later(order[n % len(order)], start + int(offset * 1e9))
                               for n, offset in enumerate(offsets)))
        self.phases["vote_end"] = time.monotonic_ns()
        self.cpu["vote"] = time.process_time() - cpu


async def run(args: argparse.Namespace) -> dict[str, Any]:
    url = urlsplit(args.url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    state = Run(url.path, args.ballot, args.options.split(","), args.dots,
                args.max_per_option, random.Random(args.seed))
    phones = [Phone(n, Connection(host, port)) for n in range(args.phones)]
    work = (state.burst(phones, args.votes) if args.mode == "burst"
            else state.pace(phones, args.rate, args.duration))
    timed_out = False
    try:
        await asyncio.wait_for(work, args.limit)
    except TimeoutError:
        timed_out = True
    for phone in phones:
        phone.connection.close()
    await asyncio.sleep(0)
    return {"mode": args.mode, "timed_out": timed_out, "requests": state.requests,
            "choices": state.choices, "devices": [phone.device for phone in phones],
            "errors": state.errors, "phases": state.phases, "cpu": state.cpu}


# --------------------------------------------------------------------------- null server


async def _null_client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answers like the voting server, doing nothing: the generator's own capacity."""
    form = (b'<form><input type="hidden" name="submission" value="'
            + secrets.token_hex(16).encode() + b'"></form>')
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            if head.startswith(b"POST"):
                body, extra = b'{"ok":true}', b"Content-Type: application/json\r\n"
            else:
                body = form
                extra = (b"Content-Type: text/html\r\nSet-Cookie: " + DEVICE_COOKIE.encode()
                         + b"=" + secrets.token_urlsafe(24).encode() + b"; Path=/\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\n" + extra + b"Content-Length: "
                         + str(len(body)).encode() + b"\r\n\r\n" + body)
            await writer.drain()
    writer.close()


async def serve() -> None:
    server = await asyncio.start_server(_null_client, "127.0.0.1", 0, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    go = commands.add_parser("run")
    go.add_argument("--url", required=True, help="the session's join address")
    go.add_argument("--ballot", required=True)
    go.add_argument("--options", required=True, help="option ids, comma-separated")
    go.add_argument("--mode", choices=("burst", "pace"), required=True)
    go.add_argument("--phones", type=int, default=300)
    go.add_argument("--votes", type=int, default=5, help="burst: votes per phone")
    go.add_argument("--rate", type=float, default=85.0, help="pace: votes per second")
    go.add_argument("--duration", type=float, default=10.0, help="pace: seconds")
    go.add_argument("--dots", type=int, default=5)
    go.add_argument("--max-per-option", type=int, default=5)
    go.add_argument("--seed", type=int, default=1)
    go.add_argument("--limit", type=float, default=60.0, help="hard limit, seconds")
    go.add_argument("--out", type=Path, required=True)
    commands.add_parser("serve", help="a do-nothing server on a free port (printed)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve())
        return 0
    if args.phones < 1 or args.phones > 2000 or args.votes > 50 or args.limit > 600:
        parser.error("out of bounds: at most 2,000 phones, 50 votes each, 600 s")
    result = asyncio.run(run(args))
    args.out.write_text(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
