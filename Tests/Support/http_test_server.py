#!/usr/bin/env python3
"""A small HTTP/1.1 server for the HTTPClient tests and benchmark (stdlib only).

Prints the port it listens on as the first line of stdout (and, with --tls-cert/--tls-key, the
TLS port as the second), then serves until stdin closes (so it dies with the process that
started it) or it is killed.

Routes:
  /ok                          200 "ok"
  /echo                        JSON: method, target, path, query, headers, body, proxied
  /headers                     repeated and mixed-case response headers
  /slow?ms=N&tag=T             answers after N ms; if the client disconnects first, tag T is recorded
  /closed?tag=T&wait_ms=N      "yes" once tag T was recorded (waits up to N ms), else "no"
  /chunked?chunks=N&delay_ms=M&tag=T  N chunks "chunk i\\n", Transfer-Encoding: chunked, M ms apart;
                               tag T is recorded if the client disconnects first
  /sse?events=N&delay_ms=M&eol=lf|crlf   text/event-stream, N events M ms apart, then data: [DONE]
  /reset                       promises 100000 bytes, sends 1000, then resets the connection
  /status/N?retry_after=S      status N (with Retry-After: S)
  /large?bytes=N               N bytes of the pattern i % 251
  /redirect?n=K                302 to /redirect?n=K-1, ... /ok at 0
A request line with an absolute URI (GET http://host/path HTTP/1.1) is answered as the route
for its path, with X-Proxied: yes and "proxied": true in /echo, as a forward proxy would.
"""

import argparse
import asyncio
import contextlib
import json
import os
import resource
import socket
import ssl
import struct
import sys
import threading
import urllib.parse

CLOSED_TAGS = set()
REASONS = {200: "OK", 204: "No Content", 302: "Found", 400: "Bad Request", 404: "Not Found",
           405: "Method Not Allowed", 429: "Too Many Requests", 500: "Internal Server Error",
           503: "Service Unavailable"}


class Request:
    def __init__(self, method, target, version, headers, body):
        self.method, self.target, self.version = method, target, version
        self.headers, self.body = headers, body
        self.proxied = target.startswith("http://") or target.startswith("https://")
        parts = urllib.parse.urlsplit(target)
        self.path = parts.path or "/"
        self.query = {k: v[-1] for k, v in urllib.parse.parse_qs(parts.query).items()}

    def header(self, name):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def int_arg(self, name, default):
        try:
            return int(self.query.get(name, default))
        except ValueError:
            return default


async def read_request(reader):
    line = await reader.readline()
    if not line:
        return None
    method, target, version = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
    headers = []
    while True:
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    request = Request(method, target, version, headers, b"")
    if (request.header("Transfer-Encoding") or "").lower() == "chunked":
        request.body = await read_chunked(reader)
    else:
        length = int(request.header("Content-Length") or 0)
        request.body = await reader.readexactly(length) if length else b""
    return request


async def read_chunked(reader):
    body = b""
    while True:
        size = int((await reader.readline()).split(b";")[0], 16)
        if size == 0:
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            return body
        body += await reader.readexactly(size)
        await reader.readline()


def head_bytes(request, status, headers):
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
    if request.proxied:
        headers = headers + [("X-Proxied", "yes")]
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def respond(writer, request, status, body=b"", content_type="text/plain", extra=()):
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    if status in (204, 304):
        headers, body = [], b""
    headers += list(extra)
    writer.write(head_bytes(request, status, headers))
    if request.method != "HEAD":
        writer.write(body)
    await writer.drain()


async def route_echo(request, reader, writer):
    payload = {
        "method": request.method, "target": request.target, "path": request.path,
        "query": request.query, "headers": request.headers, "proxied": request.proxied,
        "body": request.body.decode("utf-8", "replace"), "body_length": len(request.body),
    }
    await respond(writer, request, 200, json.dumps(payload).encode(), "application/json")


async def route_headers(request, reader, writer):
    extra = [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("X-Mixed-Case", "Value")]
    await respond(writer, request, 200, b"headers", extra=extra)


async def route_slow(request, reader, writer):
    delay = request.int_arg("ms", 1000) / 1000
    # HTTP/1.1 clients send nothing while they wait, so any read completing means they left.
    eof = asyncio.ensure_future(reader.read(1))
    done, _ = await asyncio.wait([eof], timeout=delay)
    if done:
        tag = request.query.get("tag")
        if tag:
            CLOSED_TAGS.add(tag)
        raise ConnectionResetError("client left")
    eof.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await eof  # the reader accepts the next request's read only once this one has gone
    await respond(writer, request, 200, b"slow")


async def route_closed(request, reader, writer):
    tag, waited, limit = request.query.get("tag"), 0, request.int_arg("wait_ms", 0)
    while tag not in CLOSED_TAGS and waited < limit:
        await asyncio.sleep(0.02)
        waited += 20
    await respond(writer, request, 200, b"yes" if tag in CLOSED_TAGS else b"no")


async def send_chunked(request, writer, content_type, pieces, delay):
    headers = [("Content-Type", content_type), ("Transfer-Encoding", "chunked"), ("Cache-Control", "no-cache")]
    writer.write(head_bytes(request, 200, headers))
    await writer.drain()
    try:
        for index, piece in enumerate(pieces):
            if index:
                await asyncio.sleep(delay)
            if writer.transport.is_closing():
                raise ConnectionResetError("client left")
            writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            await writer.drain()
    except ConnectionError:
        if request.query.get("tag"):
            CLOSED_TAGS.add(request.query["tag"])
        raise
    writer.write(b"0\r\n\r\n")
    await writer.drain()


async def route_chunked(request, reader, writer):
    pieces = [f"chunk {i}\n".encode() for i in range(request.int_arg("chunks", 5))]
    await send_chunked(request, writer, "text/plain", pieces, request.int_arg("delay_ms", 50) / 1000)


async def route_sse(request, reader, writer):
    eol = "\r\n" if request.query.get("eol") == "crlf" else "\n"
    count = request.int_arg("events", 5)
    events = [f"event: message{eol}id: {i}{eol}data: event {i}{eol}{eol}" for i in range(count)]
    events.append(f"data: [DONE]{eol}{eol}")
    delay = request.int_arg("delay_ms", 100) / 1000
    await send_chunked(request, writer, "text/event-stream", [e.encode() for e in events], delay)


async def route_reset(request, reader, writer):
    writer.write(head_bytes(request, 200, [("Content-Length", "100000")]) + b"x" * 1000)
    await writer.drain()
    await asyncio.sleep(0.05)
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
    raise ConnectionResetError("reset on purpose")


async def route_status(request, reader, writer):
    status = int(request.path.rsplit("/", 1)[-1])
    extra = [("Retry-After", request.query["retry_after"])] if "retry_after" in request.query else []
    await respond(writer, request, status, f"status {status}".encode(), extra=extra)


async def route_large(request, reader, writer):
    size = request.int_arg("bytes", 1 << 20)
    writer.write(head_bytes(request, 200, [("Content-Type", "application/octet-stream"),
                                           ("Content-Length", str(size))]))
    pattern = bytes(i % 251 for i in range(251 * 256))
    sent = 0
    while sent < size:
        offset = sent % 251
        piece = pattern[offset:offset + min(len(pattern) - offset, size - sent)]
        writer.write(piece)
        sent += len(piece)
        await writer.drain()


async def route_redirect(request, reader, writer):
    remaining = request.int_arg("n", 1)
    location = f"/redirect?n={remaining - 1}" if remaining > 0 else "/ok"
    await respond(writer, request, 302, b"redirect", extra=[("Location", location)])


ROUTES = {"/ok": None, "/echo": route_echo, "/headers": route_headers, "/slow": route_slow,
          "/closed": route_closed, "/chunked": route_chunked, "/sse": route_sse,
          "/reset": route_reset, "/large": route_large, "/redirect": route_redirect}


async def dispatch(request, reader, writer):
    if request.method == "CONNECT":
        return await respond(writer, request, 405, b"no tunnels")
    if request.path == "/ok":
        return await respond(writer, request, 200, b"ok")
    if request.path.startswith("/status/"):
        return await route_status(request, reader, writer)
    handler = ROUTES.get(request.path)
    if handler is None:
        return await respond(writer, request, 404, b"not found")
    await handler(request, reader, writer)


async def serve(reader, writer):
    try:
        while True:
            request = await read_request(reader)
            if request is None:
                break
            await dispatch(request, reader, writer)
            if (request.header("Connection") or "").lower() == "close":
                break
    except (ConnectionError, asyncio.IncompleteReadError, ValueError, ssl.SSLError):
        pass
    finally:
        writer.transport.abort() if writer.transport.is_closing() else writer.close()


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--no-stdin-watch", action="store_true")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server = await asyncio.start_server(serve, "127.0.0.1", args.port, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    servers = [server]
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        tls = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=2048, ssl=context)
        print(tls.sockets[0].getsockname()[1], flush=True)
        servers.append(tls)
    if not args.no_stdin_watch:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
