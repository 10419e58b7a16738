#!/usr/bin/env python3
"""A scripted, fault-injecting stand-in for LLM provider APIs, for the LLM client tests (stdlib only).

Prints the port it listens on (127.0.0.1) as the first line of stdout, then serves until stdin
closes (so it dies with the process that started it) or it is killed. HTTP/1.1 with keep-alive;
request bodies must use Content-Length.

Routes (each test uses its own <key>; the client's base URL is http://127.0.0.1:PORT/k/<key>):
  POST /k/<key>/v1/messages           Anthropic Messages API (streams when the body has "stream": true)
  POST /k/<key>/v1/chat/completions   OpenAI-compatible chat completions (same)
  POST /k/<key>/v1/embeddings         OpenAI-compatible embeddings: each input's vector is made from its
                                      SHA-256 (the same text, the same vector), of the request's
                                      "dimensions" (default 8) or the step's "embedding_dimensions"
  POST /k/<key>/script                body: JSON array of steps, replaces the key's script. Each model
                                      request consumes the next step; the last one repeats forever.
                                      Without a script: {"text": "Hello from the test server."}
  GET  /k/<key>/requests              JSON array of the key's model requests, in order:
                                      {"method", "path", "headers" (lowercased names), "body" (parsed
                                      JSON, or the raw string), "received_at_ms" (time.monotonic()*1000)}
  POST /k/<key>/reset                 forgets the key's script and requests
  POST /bench/v1/messages?delay_ms=N, POST /bench/v1/chat/completions?delay_ms=N
                                      a tiny non-streaming answer after N ms (default 1000); nothing recorded
A model request whose body is not a JSON object gets 400 in the provider's format (it is recorded
but consumes no step). Other paths get 404. Every model response has `request-id: req_test_<n>`.

Step fields (they combine):
  text              the assistant's text (default "Hello from the test server." when there is no tool)
  tool              {"name", "input"}: a tool call (Anthropic tool_use block / OpenAI tool_calls);
                    "name" defaults to the request's forced tool_choice, else its first tool
  raw_tool_input    a tool call whose input is this exact string (non-streaming Anthropic: parsed if
                    it is JSON, else the whole body is malformed; streaming / OpenAI: verbatim)
  json              OpenAI with response_format json_object/json_schema: the content is json.dumps(json).
                    Otherwise, with a forced tool_choice and no tool: that tool is called with it as
                    input; else it is the text.
  usage             {input_tokens, output_tokens, cache_creation_input_tokens, cache_read_input_tokens},
                    defaults 25/10/0/0. OpenAI: prompt_tokens=input_tokens, completion_tokens=output_tokens,
                    total_tokens=their sum, prompt_tokens_details.cached_tokens=cache_read_input_tokens.
  status, retry_after, error_type, message
                    status >= 400: that status with the provider's error body (and retry-after: S)
  delay_ms          wait before answering; a client leaving meanwhile is dropped quietly
  malformed         200 with a body that is not JSON; streaming: a valid start, then bad JSON, then end
  stream_error      streaming: events up to the first content delta, then an error event, then end
  cut               streaming: events up to the first content delta, then a clean end (no stop/[DONE])
  reset             TCP reset (SO_LINGER 0) after the first two events; non-streaming: after sending
                    `content-length: 1000` and 10 bytes
  crlf              streaming: CRLF line endings
  chunk_bytes       streaming: write the SSE bytes in pieces of N bytes, 1 ms apart (default 7;
                    0 writes one event at a time)
  ping              streaming: ping events between deltas (OpenAI: `: ping` comment lines)
  unknown_events    streaming: an unknown event type and an unknown delta type (OpenAI: a comment line
                    and a chunk with unknown fields)
"""

import argparse
import asyncio
import contextlib
import hashlib
import http
import itertools
import json
import os
import re
import resource
import socket
import struct
import sys
import threading
import time
import traceback
import urllib.parse

DEFAULT_TEXT = "Hello from the test server."
DEFAULT_USAGE = {"input_tokens": 25, "output_tokens": 10,
                 "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
               404: "not_found_error", 429: "rate_limit_error", 500: "api_error", 529: "overloaded_error"}
KEY_ROUTE = re.compile(r"^/k/([^/]+)/(v1/messages|v1/chat/completions|v1/embeddings|script|requests|reset)$")
METHODS = {"v1/messages": "POST", "v1/chat/completions": "POST", "v1/embeddings": "POST", "script": "POST",
           "requests": "GET", "reset": "POST"}
SCRIPTS, REQUESTS = {}, {}
COUNTER = itertools.count(1)


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def parse_json(data):
    """(True, value) for a JSON body, else (False, the body as text)."""
    text = data.decode("utf-8", "replace")
    try:
        return True, json.loads(text)
    except ValueError:
        return False, text


def split_text(text):
    """Pieces of 3, 4, 5, 3, ... characters (never splits a code point; the network writes do)."""
    pieces, start, sizes = [], 0, itertools.cycle((3, 4, 5))
    while start < len(text):
        size = next(sizes)
        pieces.append(text[start:start + size])
        start += size
    return pieces or [""]


# ---------------------------------------------------------------------------------------- HTTP

class Request:
    def __init__(self, method, target, headers, body):
        self.method, self.headers, self.body = method, headers, body
        parts = urllib.parse.urlsplit(target)
        self.path = parts.path or "/"
        self.query = {k: v[-1] for k, v in urllib.parse.parse_qs(parts.query).items()}
        self.received_at_ms = time.monotonic() * 1000

    def int_arg(self, name, default):
        try:
            return int(self.query.get(name, default))
        except ValueError:
            return default


async def read_request(reader, writer):
    line = await reader.readline()
    if not line:
        return None
    method, target, _ = line.decode("latin-1").rstrip("\r\n").split(" ", 2)
    headers = {}
    while (raw := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = raw.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if headers.get("expect", "").lower() == "100-continue":
        writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    length = int(headers.get("content-length") or 0)
    body = await reader.readexactly(length) if length else b""
    return Request(method, target, headers, body)


def head_bytes(status, headers):
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Overloaded" if status == 529 else "Status"
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def respond(writer, status, body, content_type="application/json", extra=()):
    if not isinstance(body, bytes):
        body = (body if isinstance(body, str) else dumps(body)).encode()
    headers = [("content-type", content_type), ("content-length", str(len(body)))] + list(extra)
    writer.write(head_bytes(status, headers) + body)
    await writer.drain()


async def reset_connection(writer):
    """Lets what was written arrive, then closes with SO_LINGER {1, 0}: the peer sees ECONNRESET."""
    await writer.drain()
    await asyncio.sleep(0.05)
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
    raise ConnectionResetError("reset on purpose")


async def pause(milliseconds, reader):
    """Waits; raises ConnectionResetError if the client leaves meanwhile (it sends nothing while it waits)."""
    if not milliseconds:
        return
    eof = asyncio.ensure_future(reader.read(1))
    done, _ = await asyncio.wait([eof], timeout=milliseconds / 1000)
    if done:
        with contextlib.suppress(Exception):
            eof.result()
        raise ConnectionResetError("client left")
    eof.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await eof  # the reader accepts the next read only once this one has gone


# ----------------------------------------------------------------------------------- Providers

class Turn:
    """One model request's answer: its step resolved against the request body."""

    def __init__(self, step, body, provider, number):
        self.step, self.body, self.n = step, body, number
        self.model = body.get("model") or "test-model"
        self.usage = dict(DEFAULT_USAGE, **(step.get("usage") or {}))
        self.created = int(time.time())
        self.text, self.tool = resolve(step, body, provider.name)
        if self.tool is not None:
            self.tool["id"] = provider.tool_id(number)


def tool_names(body):
    """(the tool the request forces, or None; its first tool's name, or None)."""
    choice = body.get("tool_choice")
    forced = None
    if isinstance(choice, dict):
        forced = choice.get("name") or (choice.get("function") or {}).get("name")
    tools = body.get("tools") or [{}]
    first = tools[0].get("name") or (tools[0].get("function") or {}).get("name")
    return forced, first


def resolve(step, body, provider):
    """(text or None, tool {"name", "raw"} or None) for this step and request."""
    text, raw = step.get("text"), None
    forced, first = tool_names(body)
    if "raw_tool_input" in step:
        raw = str(step["raw_tool_input"])
    elif "tool" in step:
        raw = dumps((step["tool"] or {}).get("input", {}))
    if "json" in step:
        json_mode = (provider == "openai" and isinstance(body.get("response_format"), dict)
                     and body["response_format"].get("type") in ("json_object", "json_schema"))
        if json_mode:
            return dumps(step["json"]), None
        if raw is None and forced:
            raw = dumps(step["json"])
        elif raw is None and text is None:
            text = dumps(step["json"])
    if raw is None:
        return (DEFAULT_TEXT if text is None else text), None
    name = (step.get("tool") or {}).get("name") or forced or first or "tool"
    return text, {"name": name, "raw": raw}


def sse(name, data):
    payload = data if isinstance(data, str) else dumps(data)
    return (f"event: {name}\n" if name else "") + f"data: {payload}\n\n"


def event(name, kind="event", **fields):
    """An Anthropic event as (kind, SSE text); its data is {"type": name, **fields}."""
    return kind, sse(name, {"type": name, **fields})


class Anthropic:
    name = "anthropic"
    malformed = b'{"id": "msg_01", "content": ['
    bad_event = sse("content_block_delta", '{"type": "content_block_delta", "index": 0, "delta": {"type": "te')
    error_event = sse("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})

    @staticmethod
    def tool_id(n):
        return f"toolu_01TEST{n:06d}"

    @staticmethod
    def error(error_type, message):
        return {"type": "error", "error": {"type": error_type, "message": message}}

    def body(self, turn):
        content = [] if turn.text is None else [{"type": "text", "text": turn.text}]
        if turn.tool is not None:
            try:
                value = json.loads(turn.tool["raw"])
            except ValueError:
                return self.malformed
            content.append({"type": "tool_use", "id": turn.tool["id"], "name": turn.tool["name"], "input": value})
        return {"id": f"msg_01TEST{turn.n:06d}", "type": "message", "role": "assistant", "model": turn.model,
                "content": content, "stop_reason": "tool_use" if turn.tool else "end_turn",
                "stop_sequence": None, "usage": turn.usage}

    def blocks(self, turn):
        """[(content_block_start's block, its deltas)]."""
        blocks = []
        if turn.text is not None:
            blocks.append(({"type": "text", "text": ""},
                           [{"type": "text_delta", "text": p} for p in split_text(turn.text)]))
        if turn.tool is not None:
            start = {"type": "tool_use", "id": turn.tool["id"], "name": turn.tool["name"], "input": {}}
            pieces = [""] + split_text(turn.tool["raw"])
            blocks.append((start, [{"type": "input_json_delta", "partial_json": p} for p in pieces]))
        return blocks

    def events(self, turn):
        """[(kind, SSE text)], kind "delta" for content deltas, else "event"."""
        step, usage = turn.step, turn.usage
        message = {"id": f"msg_01TEST{turn.n:06d}", "type": "message", "role": "assistant", "content": [],
                   "model": turn.model, "stop_reason": None, "stop_sequence": None,
                   "usage": dict(usage, output_tokens=1)}
        out = [event("message_start", message=message)]
        if step.get("unknown_events"):
            out.append(event("future_event"))
        for index, (block, deltas) in enumerate(self.blocks(turn)):
            out.append(event("content_block_start", index=index, content_block=block))
            for i, delta in enumerate(deltas):
                if i and step.get("ping"):
                    out.append(event("ping"))
                out.append(event("content_block_delta", "delta", index=index, delta=delta))
                if i == 0 and index == 0 and step.get("unknown_events"):
                    citation = {"type": "char_location", "cited_text": "test", "document_index": 0,
                                "document_title": "Test", "start_char_index": 0, "end_char_index": 4}
                    out.append(event("content_block_delta", index=index,
                                     delta={"type": "citations_delta", "citation": citation}))
            out.append(event("content_block_stop", index=index))
        out.append(event("message_delta", delta={"stop_reason": "tool_use" if turn.tool else "end_turn",
                                                 "stop_sequence": None},
                         usage={"output_tokens": usage["output_tokens"]}))
        out.append(event("message_stop"))
        return out


class OpenAI:
    name = "openai"
    malformed = b'{"id": "chatcmpl-01", "choices": ['
    bad_event = sse(None, '{"id": "chatcmpl-01", "choices": [{"index": 0, "delta": {"cont')
    error_event = sse(None, {"error": {"message": "Overloaded", "type": "server_error", "param": None,
                                       "code": None}})

    @staticmethod
    def tool_id(n):
        return f"call_test{n:06d}"

    @staticmethod
    def error(error_type, message):
        return {"error": {"message": message, "type": error_type, "param": None, "code": None}}

    @staticmethod
    def usage(turn):
        u = turn.usage
        return {"prompt_tokens": u["input_tokens"], "completion_tokens": u["output_tokens"],
                "total_tokens": u["input_tokens"] + u["output_tokens"],
                "prompt_tokens_details": {"cached_tokens": u["cache_read_input_tokens"]}}

    def body(self, turn):
        message = {"role": "assistant", "content": turn.text}
        if turn.tool is not None:
            message["tool_calls"] = [{"id": turn.tool["id"], "type": "function",
                                      "function": {"name": turn.tool["name"], "arguments": turn.tool["raw"]}}]
        return {"id": f"chatcmpl-test{turn.n:06d}", "object": "chat.completion", "created": turn.created,
                "model": turn.model, "choices": [{"index": 0, "message": message,
                                                  "finish_reason": "tool_calls" if turn.tool else "stop"}],
                "usage": self.usage(turn)}

    def events(self, turn):
        step = turn.step
        include_usage = (turn.body.get("stream_options") or {}).get("include_usage") is True

        def chunk(delta, finish=None, choices=None, **extra):
            if choices is None:
                choices = [{"index": 0, "delta": delta, "finish_reason": finish}]
            value = {"id": f"chatcmpl-test{turn.n:06d}", "object": "chat.completion.chunk",
                     "created": turn.created, "model": turn.model, "choices": choices}
            if include_usage:
                value["usage"] = None
            value.update(extra)
            return sse(None, value)

        out = [("event", chunk({"role": "assistant", "content": ""}))]
        if step.get("unknown_events"):
            out.append(("event", ": future comment\n\n"))
            out.append(("event", chunk({"future_field": {"x": 1}}, system_fingerprint="fp_test")))
        deltas = [] if turn.text is None else [{"content": p} for p in split_text(turn.text)]
        if turn.tool is not None:
            function = {"name": turn.tool["name"], "arguments": ""}
            deltas.append({"tool_calls": [{"index": 0, "id": turn.tool["id"], "type": "function",
                                           "function": function}]})
            deltas += [{"tool_calls": [{"index": 0, "function": {"arguments": p}}]}
                       for p in split_text(turn.tool["raw"])]
        for i, delta in enumerate(deltas):
            if i and step.get("ping"):
                out.append(("event", ": ping\n\n"))
            out.append(("delta", chunk(delta)))
        out.append(("event", chunk({}, "tool_calls" if turn.tool else "stop")))
        if include_usage:
            out.append(("event", chunk(None, choices=[], usage=self.usage(turn))))
        out.append(("event", "data: [DONE]\n\n"))
        return out


class Embeddings(OpenAI):
    """OpenAI's /v1/embeddings: a deterministic vector per input."""

    def body(self, turn):
        inputs = turn.body.get("input")
        inputs = [inputs] if isinstance(inputs, str) else list(inputs or [])
        dimensions = int(turn.step.get("embedding_dimensions") or turn.body.get("dimensions") or 8)

        def vector(text):
            digest = hashlib.sha256(str(text).encode()).digest()
            return [(digest[i % len(digest)] - 127.5) / 127.5 for i in range(dimensions)]

        return {"object": "list", "model": turn.model,
                "data": [{"object": "embedding", "index": i, "embedding": vector(text)}
                         for i, text in enumerate(inputs)],
                "usage": {"prompt_tokens": len(inputs), "total_tokens": len(inputs)}}


PROVIDERS = {"v1/messages": Anthropic(), "v1/chat/completions": OpenAI(), "v1/embeddings": Embeddings()}


# -------------------------------------------------------------------------------------- Routes

def next_step(key):
    steps = SCRIPTS.get(key)
    if not steps:
        return {"text": DEFAULT_TEXT}
    return steps.pop(0) if len(steps) > 1 else steps[0]


async def handle_model(request, reader, writer, key, provider):
    ok, body = parse_json(request.body)
    REQUESTS.setdefault(key, []).append({"method": request.method, "path": request.path,
                                         "headers": request.headers, "body": body,
                                         "received_at_ms": request.received_at_ms})
    number = next(COUNTER)
    extra = [("request-id", f"req_test_{number}")]
    if not ok or not isinstance(body, dict):
        error = provider.error("invalid_request_error", "The request body is not a valid JSON object.")
        return await respond(writer, 400, error, extra=extra)
    step = next_step(key)
    await pause(step.get("delay_ms"), reader)
    status = int(step.get("status", 200))
    if status >= 400:
        if "retry_after" in step:
            extra.append(("retry-after", str(step["retry_after"])))
        error_type = step.get("error_type") or ERROR_TYPES.get(status, "api_error")
        error = provider.error(error_type, step.get("message") or f"Test server error {status}.")
        return await respond(writer, status, error, extra=extra)
    turn = Turn(step, body, provider, number)
    if body.get("stream") is True:
        return await stream(writer, status, provider, turn, extra)
    payload = provider.malformed if step.get("malformed") else provider.body(turn)
    if step.get("reset"):
        data = payload if isinstance(payload, bytes) else dumps(payload).encode()
        writer.write(head_bytes(status, [("content-type", "application/json"), ("content-length", "1000")]
                                + extra) + data[:10])
        await reset_connection(writer)
    await respond(writer, status, payload, extra=extra)


def shape_events(step, events, provider):
    """The events a streaming step sends, after its faults are applied."""
    first_delta = next(i for i, (kind, _) in enumerate(events) if kind == "delta")
    if step.get("malformed"):
        return [text for _, text in events[:first_delta]] + [provider.bad_event]
    if step.get("stream_error"):
        return [text for _, text in events[:first_delta + 1]] + [provider.error_event]
    if step.get("cut"):
        return [text for _, text in events[:first_delta + 1]]
    if step.get("reset"):
        return [text for _, text in events[:2]]
    return [text for _, text in events]


async def stream(writer, status, provider, turn, extra):
    step = turn.step
    events = shape_events(step, provider.events(turn), provider)
    if step.get("crlf"):
        events = [text.replace("\n", "\r\n") for text in events]
    data = [text.encode() for text in events]
    size = int(step.get("chunk_bytes", 7))
    if size > 0:
        joined = b"".join(data)
        data = [joined[i:i + size] for i in range(0, len(joined), size)]
    headers = [("content-type", "text/event-stream"), ("cache-control", "no-cache"),
               ("transfer-encoding", "chunked")] + extra
    writer.write(head_bytes(status, headers))
    await writer.drain()
    for index, piece in enumerate(data):
        if index:
            await asyncio.sleep(0.001)
        writer.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        await writer.drain()
    if step.get("reset"):
        await reset_connection(writer)
    writer.write(b"0\r\n\r\n")
    await writer.drain()


async def handle_control(request, writer, key, route):
    if route == "requests":
        return await respond(writer, 200, REQUESTS.get(key, []))
    if route == "reset":
        SCRIPTS.pop(key, None)
        REQUESTS.pop(key, None)
        return await respond(writer, 200, {"ok": True})
    ok, steps = parse_json(request.body)
    steps = [steps] if isinstance(steps, dict) else steps
    if not ok or not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        return await respond(writer, 400, {"error": "the script must be a JSON array of objects"})
    SCRIPTS[key] = list(steps)
    await respond(writer, 200, {"ok": True, "steps": len(steps)})


BENCH = {
    "/bench/v1/messages": dumps({
        "id": "msg_bench", "type": "message", "role": "assistant", "model": "bench",
        "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn", "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1}}).encode(),
    "/bench/v1/chat/completions": dumps({
        "id": "chatcmpl-bench", "object": "chat.completion", "created": 0, "model": "bench",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode(),
}


async def dispatch(request, reader, writer):
    if request.path in BENCH:
        await asyncio.sleep(request.int_arg("delay_ms", 1000) / 1000)
        return await respond(writer, 200, BENCH[request.path])
    match = KEY_ROUTE.match(request.path)
    if match is None:
        return await respond(writer, 404, b"not found", "text/plain")
    key, route = urllib.parse.unquote(match[1]), match[2]
    if request.method != METHODS[route]:
        return await respond(writer, 405, b"method not allowed", "text/plain", [("allow", METHODS[route])])
    if route in PROVIDERS:
        return await handle_model(request, reader, writer, key, PROVIDERS[route])
    await handle_control(request, writer, key, route)


async def serve(reader, writer):
    try:
        while (request := await read_request(reader, writer)) is not None:
            try:
                await dispatch(request, reader, writer)
            except (ConnectionError, asyncio.IncompleteReadError):
                raise
            except Exception:  # a bug here: say so, rather than leave the client waiting
                traceback.print_exc()
                await respond(writer, 500, traceback.format_exc(), "text/plain", [("connection", "close")])
                break
            if request.headers.get("connection", "").lower() == "close":
                break
    except (ConnectionError, asyncio.IncompleteReadError, ValueError):
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
    parser.add_argument("--no-stdin-watch", action="store_true")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    server = await asyncio.start_server(serve, "127.0.0.1", args.port, backlog=2048)
    print(server.sockets[0].getsockname()[1], flush=True)
    if not args.no_stdin_watch:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
