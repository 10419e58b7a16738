#!/usr/bin/env python3
"""Cross-language check of the Plutus wire: Google's protobuf (Python) against PlutusWire (Swift).

Usage: compat.py DIR

DIR holds `<full name>.swift.bin` files, each a message PlutusWire encoded. For each, this
decodes it with Python's protobuf, checks that Python knows every field in it and that
re-encoding (deterministic: fields by number, map keys sorted, as PlutusWire does) gives the
same bytes (except where a map entry has an empty key or value: see has_default_map_entry),
and writes the re-encoding to `<full name>.python.bin` for the Swift side, which must decode
it to the very message it encoded. It also writes messages built here,
in Python, to `python-built/<name>.bin`; PlutusWireTests' CompatTests knows their values.

The Python module is generated at run time with Debian's `protoc --python_out` into a
temporary folder. Needs `protoc` (protobuf-compiler) and python3-protobuf.
"""

import glob
import importlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROTOS = os.path.join(ROOT, "Protos")


def load_modules(out):
    files = sorted(os.path.relpath(p, PROTOS) for p in glob.glob(os.path.join(PROTOS, "plutus/v1/*.proto")))
    subprocess.run(["protoc", "--proto_path", PROTOS, "--python_out", out] + files, check=True)
    sys.path.insert(0, out)
    modules = [importlib.import_module(f[:-len(".proto")].replace("/", ".") + "_pb2") for f in files]
    classes = {}
    for module in modules:
        for name, descriptor in module.DESCRIPTOR.message_types_by_name.items():
            classes[descriptor.full_name] = getattr(module, name)
    return classes


def check_swift_bytes(directory, classes):
    paths = sorted(glob.glob(os.path.join(directory, "*.swift.bin")))
    if not paths:
        raise SystemExit(f"compat: no *.swift.bin files in {directory}")
    identical = 0
    for path in paths:
        full_name = os.path.basename(path)[: -len(".swift.bin")]
        with open(path, "rb") as handle:
            data = handle.read()
        message = classes[full_name]()
        message.ParseFromString(data)
        if data and not message.ListFields():
            raise SystemExit(f"compat: {full_name}: Python decoded no known field from {len(data)} bytes")
        if message.UnknownFields():
            raise SystemExit(f"compat: {full_name}: Python sees unknown fields in Swift's bytes: {data.hex()}")
        again = message.SerializeToString(deterministic=True)
        if again != data and not has_default_map_entry(message):
            raise SystemExit(f"compat: {full_name}: Python re-encodes differently\n  swift:  {data.hex()}\n  python: {again.hex()}")
        identical += again == data
        with open(os.path.join(directory, full_name + ".python.bin"), "wb") as handle:
            handle.write(again)
    return len(paths), identical


def has_default_map_entry(message):
    """Whether a map entry (at any depth) has an empty key or value.

    Only then may the bytes differ: protobuf-c treats a map entry as a proto3 message and
    omits its empty key or value, Python (like C++) always writes both. Both decode alike.
    """
    for field in message.DESCRIPTOR.fields:
        value = getattr(message, field.name)
        if field.message_type is None:
            continue
        if field.message_type.GetOptions().map_entry:
            entry_value = field.message_type.fields_by_name["value"]
            for key, item in value.items():
                if key in ("", 0) or (entry_value.message_type is None and item in ("", 0, b"", False)):
                    return True
        elif field.label == field.LABEL_REPEATED:
            if any(has_default_map_entry(item) for item in value):
                return True
        elif message.HasField(field.name) and has_default_map_entry(value):
            return True
    return False


def write_python_built(directory, c):
    """Messages built by Python; CompatTests.swift holds the same values."""
    out = os.path.join(directory, "python-built")
    os.makedirs(out, exist_ok=True)
    health = c["plutus.v1.HealthCheckRequest"](service="x")
    assert health.SerializeToString() == bytes([0x0A, 0x01, 0x78])
    frame = c["plutus.v1.Frame"](
        stream_id=7, kind=3, method="plutus.v1.Health/Check", deadline_unix_ms=-5,
        metadata={"traceparent": "00-abc", "k": "v"}, payload=bytes(range(256)))
    frame.status.code = 5
    frame.status.message = "not found ✗"
    result = c["plutus.v1.AgentResult"](
        route=3, reply="Säve 10% 💶", degraded=True, model="offline", missing_fields=["target_date", ""])
    result.facts.add(name="net_worth", value="1,234.00", unit="USD", source="finance_engine")
    goal = result.goals.add(id="g1", type="emergency_fund", title="Rainy day", target_date="2027-01-31", priority=2)
    goal.target_amount_cents.value = 0  # present, and zero
    result.goals.add(id="g2")  # target_amount_cents absent
    unknown = c["plutus.v1.HealthCheckResponse"](status=9)  # a value Swift does not know
    query = c["plutus.v1.QueryRequest"](tenant="t", vector=[0.5, -2.0, 1e-3], top_k=3, where_json="{}")
    messages = {"health": health, "frame": frame, "result": result, "unknown": unknown, "query": query}
    for name, message in messages.items():
        with open(os.path.join(out, name + ".bin"), "wb") as handle:
            handle.write(message.SerializeToString(deterministic=True))
    return len(messages)


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    with tempfile.TemporaryDirectory() as generated:
        classes = load_modules(generated)
        checked, identical = check_swift_bytes(argv[1], classes)
        built = write_python_built(argv[1], classes)
    print(
        f"compat: Python decoded {checked} Swift messages, re-encoded {identical} byte for byte "
        f"(the others differ only by empty map-entry fields); wrote {built} of its own")


if __name__ == "__main__":
    main(sys.argv)
