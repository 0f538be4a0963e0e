"""The participants' server on the network: addresses, ports, the server thread."""

from __future__ import annotations

import contextlib
import errno
import socket
import time
from collections.abc import Iterator

import httpx
import ifaddr
import pytest

from myk10_workshop.voting.server import runner
from myk10_workshop.voting.server.runner import Address
from myk10_workshop.voting.server.security import Message, Receive, Scope, Send


def _adapters(*entries: tuple[str, str | tuple[str, int, int]]) -> list[ifaddr.Adapter]:
    return [ifaddr.Adapter(name, name, [ifaddr.IP(ip, 24, name)], index)
            for index, (name, ip) in enumerate(entries)]


@contextlib.contextmanager
def _listening(sock: socket.socket) -> Iterator[socket.socket]:
    try:
        yield sock
    finally:
        sock.close()


def _running(server: runner.ServerThread) -> bool:
    return server.running


async def _hello(scope: Scope, receive: Receive, send: Send) -> None:
    start: Message = {"type": "http.response.start", "status": 200,
                      "headers": [(b"content-type", b"text/plain")]}
    await send(start)
    await send({"type": "http.response.body", "body": b"hello " * 500})


# --------------------------------------------------------------------------- addresses


def test_addresses_put_the_phones_network_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: _adapters(
        ("public", "8.8.4.4"), ("vpn", "10.8.0.2"), ("lo", "127.0.0.1"),
        ("linklocal", "169.254.3.4"), ("v6", ("fe80::1", 0, 2)), ("wlan0", "192.168.1.20"),
        ("cable", "172.16.5.5")))
    found = runner.addresses()
    assert [a.ip for a in found] == ["192.168.1.20", "10.8.0.2", "172.16.5.5", "169.254.3.4",
                                     "8.8.4.4", "127.0.0.1"]
    assert found[0].label == "192.168.1.20 (wlan0)"
    assert [a.private for a in found] == [True, True, True, False, False, False]
    assert found[-1].loopback
    assert runner.default_address(found).ip == "192.168.1.20"


def test_loopback_is_always_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: [])
    assert [a.ip for a in runner.addresses()] == ["127.0.0.1"]
    assert runner.default_address(runner.addresses()).ip == "127.0.0.1"
    assert runner.default_address([]).ip == "127.0.0.1"


def test_the_default_is_never_every_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    # A disconnected adapter reports 0.0.0.0 (Windows does); it is no address to serve on.
    monkeypatch.setattr(ifaddr, "get_adapters", lambda: _adapters(
        ("disconnected", "0.0.0.0"), ("lo", "127.0.0.1")))
    found = runner.addresses()
    assert runner.ALL_INTERFACES not in [a.ip for a in found]
    assert runner.default_address(found).ip == "127.0.0.1"
    # Whatever order a caller hands in, the private LAN address wins over the rest.
    given = [Address("0.0.0.0", "any", True, False), Address("127.0.0.1", "lo", False, True),
             Address("8.8.8.8", "public", False, False),
             Address("10.0.0.7", "vpn", True, False),
             Address("192.168.178.30", "wlan0", True, False)]
    assert runner.default_address(given).ip == "192.168.178.30"
    assert runner.default_address(given[:3]).ip == "8.8.8.8"
    assert runner.default_address(given[:1]).ip == "127.0.0.1"


def test_the_real_addresses_of_this_machine() -> None:
    found = runner.addresses()
    assert "127.0.0.1" in [a.ip for a in found]
    assert runner.default_address(found).ip != runner.ALL_INTERFACES
    for address in found:
        socket.inet_aton(address.ip)


# --------------------------------------------------------------------------- ports


def test_bind_takes_the_next_port_when_one_is_taken() -> None:
    with _listening(runner.bind("127.0.0.1")) as first:
        taken = first.getsockname()[1]
        assert taken in runner.PORTS
        with _listening(runner.bind("127.0.0.1", range(taken, taken + 20))) as second:
            port = second.getsockname()[1]
            assert taken < port < taken + 20
            assert second.proto == socket.IPPROTO_TCP
            # Nothing between was free (or it would have been taken).
            for skipped in range(taken + 1, port):
                with pytest.raises(OSError), socket.create_server(("127.0.0.1", skipped)):
                    pass


def test_bind_says_when_no_port_is_free() -> None:
    with _listening(runner.bind("127.0.0.1")) as first:
        taken = first.getsockname()[1]
        with pytest.raises(runner.PortsBusyError) as caught:
            runner.bind("127.0.0.1", [taken])
        assert caught.value.errno == errno.EADDRINUSE


def test_bind_refuses_an_address_that_is_not_the_laptops() -> None:
    with pytest.raises(OSError) as caught:
        runner.bind("192.0.2.1", range(8800, 8803))  # TEST-NET-1: never ours
    assert not isinstance(caught.value, runner.PortsBusyError)
    assert caught.value.errno == errno.EADDRNOTAVAIL


# --------------------------------------------------------------------------- the thread


def test_server_thread_serves_and_stopping_frees_the_port() -> None:
    server = runner.ServerThread(_hello, runner.bind("127.0.0.1"))
    port = server.port
    server.start()
    try:
        assert server.running
        assert server.host == "127.0.0.1"
        answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert answer.status_code == 200
        assert answer.text.startswith("hello")
        assert "server" not in answer.headers  # uvicorn does not name itself
    finally:
        server.stop()
    assert not _running(server)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    # The same port is free again: a new session can take it at once.
    again = runner.ServerThread(_hello, runner.bind("127.0.0.1", [port]))
    again.start()
    try:
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        again.stop()


def test_answers_on_a_kept_alive_connection_are_not_held_back() -> None:
    """Nagle's algorithm off on the server's connections: without it each answer in two
    writes (headers, body) waits ~40 ms for the phone's delayed ACK."""
    server = runner.ServerThread(_hello, runner.bind("127.0.0.1"))
    server.start()
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{server.port}", timeout=5) as client:
            client.get("/")
            started = time.perf_counter()
            for _ in range(10):
                assert client.get("/").status_code == 200
            elapsed = time.perf_counter() - started
        assert elapsed < 0.3, f"10 requests took {elapsed:.2f} s"
    finally:
        server.stop()


def test_a_server_that_cannot_start_says_so() -> None:
    sock = runner.bind("127.0.0.1")
    server = runner.ServerThread(_hello, sock)
    sock.close()  # a closed socket: uvicorn cannot serve on it
    with pytest.raises(RuntimeError, match="did not start"):
        server.start(timeout=5)
    assert not _running(server)
    server.stop()
