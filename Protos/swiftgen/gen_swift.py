#!/usr/bin/env python3
"""Generates PlutusWire's Swift message types from a FileDescriptorSet.

Usage: gen_swift.py DESCRIPTORS.pb OUTPUT_DIR PROTO_FILE...

For every message of the named proto files it writes, into OUTPUT_DIR/<file>.pb.swift:
  - a `public struct` (Sendable, Hashable) with camelCase fields and proto3 defaults;
  - an extension conforming it to `WireMessage`, whose codec builds protoc-c's C struct
    (allocated in a `WireArena`, initialised with the generated `..._init` function) and
    packs it, or unpacks with `..._unpack` and converts back, then `..._free_unpacked`.
Enums become Swift enums with an `unrecognized(Int32)` case. Map fields become Swift
dictionaries, packed in key order so the output is deterministic. Fields of the wrapper
messages in plutus/v1/common.proto become Swift optionals of their scalar.

The output depends only on the descriptors: same input, same bytes.
"""

import os
import re
import sys

from google.protobuf import descriptor_pb2

FD = descriptor_pb2.FieldDescriptorProto

# Wrapper messages (proto3 has no usable `optional` with protoc-c 1.4.1) -> Swift scalar.
WRAPPERS = {
    ".plutus.v1.Int64Value": "Int64",
    ".plutus.v1.Int32Value": "Int32",
}

SCALARS = {
    FD.TYPE_DOUBLE: ("Double", "0"),
    FD.TYPE_FLOAT: ("Float", "0"),
    FD.TYPE_INT64: ("Int64", "0"),
    FD.TYPE_UINT64: ("UInt64", "0"),
    FD.TYPE_INT32: ("Int32", "0"),
    FD.TYPE_FIXED64: ("UInt64", "0"),
    FD.TYPE_FIXED32: ("UInt32", "0"),
    FD.TYPE_BOOL: ("Bool", "false"),
    FD.TYPE_UINT32: ("UInt32", "0"),
    FD.TYPE_SFIXED32: ("Int32", "0"),
    FD.TYPE_SFIXED64: ("Int64", "0"),
    FD.TYPE_SINT32: ("Int32", "0"),
    FD.TYPE_SINT64: ("Int64", "0"),
}

SWIFT_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "protocol", "public",
    "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "continue",
    "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
    "return", "switch", "where", "while", "as", "Any", "catch", "false", "is", "nil", "super",
    "self", "Self", "throw", "throws", "true", "try", "Type",
}

# Initialisms written in one case, per the Swift API guidelines (user_id -> userID).
INITIALISMS = {"id": "ID", "ids": "IDs", "json": "JSON", "url": "URL", "uuid": "UUID"}


def escape(name):
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def lower_camel(snake):
    parts = [p for p in snake.split("_") if p]
    out = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if i == 0:
            out.append(lower)
        else:
            out.append(INITIALISMS.get(lower, lower[:1].upper() + lower[1:]))
    return "".join(out)


def camel_to_lower(name):
    """protoc-c's CamelToLower: `HealthCheckRequest` -> `health_check_request`."""
    return "".join(("_" if i else "") + c.lower() if c.isupper() else c for i, c in enumerate(name))


class Names:
    """C and Swift names of one message or enum, from its full proto name."""

    def __init__(self, package, path):
        self.package = package
        self.path = path  # e.g. ["Frame", "MetadataEntry"]
        pkg_c = "__".join(p[:1].upper() + p[1:] for p in package.split("."))
        pkg_lower = "__".join(package.split("."))
        self.c_type = pkg_c + "__" + "__".join(path)
        self.c_lower = pkg_lower + "__" + "__".join(camel_to_lower(p) for p in path)
        self.swift = "".join(path)
        self.full = package + "." + ".".join(path)


class Generator:
    def __init__(self, fds):
        self.messages = {}  # ".pkg.Name" -> (Names, DescriptorProto)
        self.enums = {}  # ".pkg.Name" -> (Names, EnumDescriptorProto)
        for f in fds.file:
            for m in f.message_type:
                self._index_message(f.package, [m.name], m)
            for e in f.enum_type:
                self.enums["." + f.package + "." + e.name] = (Names(f.package, [e.name]), e)

    def _index_message(self, package, path, m):
        self.messages["." + package + "." + ".".join(path)] = (Names(package, path), m)
        for nested in m.nested_type:
            self._index_message(package, path + [nested.name], nested)
        for e in m.enum_type:
            self.enums["." + package + "." + ".".join(path + [e.name])] = (Names(package, path + [e.name]), e)

    # MARK: - Field classification

    def map_entry(self, field):
        if field.label != FD.LABEL_REPEATED or field.type != FD.TYPE_MESSAGE:
            return None
        _, m = self.messages[field.type_name]
        return m if m.options.map_entry else None

    def swift_type(self, field, single=False):
        """The Swift type of a field (of one element when `single`)."""
        if not single:
            entry = self.map_entry(field)
            if entry:
                key, value = entry.field[0], entry.field[1]
                return f"[{self.swift_type(key, True)}: {self.swift_type(value, True)}]"
            if field.label == FD.LABEL_REPEATED:
                return f"[{self.swift_type(field, True)}]"
        if field.type in SCALARS:
            return SCALARS[field.type][0]
        if field.type == FD.TYPE_STRING:
            return "String"
        if field.type == FD.TYPE_BYTES:
            return "[UInt8]"
        if field.type == FD.TYPE_ENUM:
            return self.enums[field.type_name][0].swift
        if field.type == FD.TYPE_MESSAGE:
            if field.type_name in WRAPPERS:
                return WRAPPERS[field.type_name] + ("" if single else "?")
            return self.messages[field.type_name][0].swift + ("" if single else "?")
        raise SystemExit(f"gen_swift: unsupported field type {field.type} ({field.name})")

    def default(self, field):
        if self.map_entry(field):
            return "[:]"
        if field.label == FD.LABEL_REPEATED:
            return "[]"
        if field.type in SCALARS:
            return SCALARS[field.type][1]
        if field.type == FD.TYPE_STRING:
            return '""'
        if field.type == FD.TYPE_BYTES:
            return "[]"
        if field.type == FD.TYPE_ENUM:
            return "." + self.enum_case(self.enums[field.type_name][1], 0)
        return "nil"

    def enum_case(self, enum, index):
        value = enum.value[index].name
        prefix = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.name).upper() + "_"
        if value.startswith(prefix):
            value = value[len(prefix):]
        return escape(lower_camel(value.lower()))

    # MARK: - Conversions, one element at a time

    def to_c(self, field, value):
        """A Swift expression converting one element `value` to its C representation."""
        if field.type == FD.TYPE_BOOL:  # protobuf_c_boolean is a C int
            return f"protobuf_c_boolean({value} ? 1 : 0)"
        if field.type in SCALARS:
            return value
        if field.type == FD.TYPE_STRING:
            return f"try arena.cString({value})"
        if field.type == FD.TYPE_BYTES:
            return f"arena.binaryData({value})"
        if field.type == FD.TYPE_ENUM:
            return f".init(rawValue: .init(truncatingIfNeeded: {value}.rawValue))"
        return f"try {value}.cMessage(in: arena)"

    def from_c(self, field, value):
        """A Swift expression converting one C element `value` to Swift."""
        if field.type == FD.TYPE_BOOL:
            return f"{value} != 0"
        if field.type in SCALARS:
            return value
        if field.type == FD.TYPE_STRING:
            return f"WireC.string({value})"
        if field.type == FD.TYPE_BYTES:
            return f"WireC.bytes({value})"
        if field.type == FD.TYPE_ENUM:
            swift = self.enums[field.type_name][0].swift
            return f"{swift}(rawValue: Int32(truncatingIfNeeded: {value}.rawValue))"
        if field.type_name in WRAPPERS:
            return f"{value}.pointee.value"
        swift = self.messages[field.type_name][0].swift
        return f"{swift}(cMessage: {value})"

    # MARK: - Emission

    def emit_file(self, f, out):
        comments = comments_by_path(f)
        lines = [
            f"// Generated by Protos/swiftgen/gen_swift.py from {f.name}. DO NOT EDIT.",
            "// Regenerate with `make generate` (Protos/generate.sh).",
            "",
            "import PlutusProtoC",
            "",
        ]
        for i, e in enumerate(f.enum_type):
            lines += self.emit_enum(self.enums["." + f.package + "." + e.name][0], e, comments, [5, i])
        for i, m in enumerate(f.message_type):
            if m.nested_type or m.enum_type:
                for nested in m.nested_type:
                    if not nested.options.map_entry:
                        raise SystemExit(f"gen_swift: nested message {m.name}.{nested.name} is not supported")
                if m.enum_type:
                    raise SystemExit(f"gen_swift: nested enum in {m.name} is not supported")
            if m.oneof_decl:
                raise SystemExit(f"gen_swift: oneof in {m.name} is not supported yet")
            lines += self.emit_message(self.messages["." + f.package + "." + m.name][0], m, comments, [4, i])
        while lines and lines[-1] == "":
            lines.pop()
        lines = [wrapped for line in lines for wrapped in wrap(line)]
        with open(out, "w", encoding="utf-8", newline="\n") as handle:
            handle.write("\n".join(lines) + "\n")

    def emit_enum(self, names, e, comments, path):
        cases = [(self.enum_case(e, i), v.number, comments.get(tuple(path + [2, i]))) for i, v in enumerate(e.value)]
        lines = doc(comments.get(tuple(path)), "")
        lines += [f"public enum {names.swift}: RawRepresentable, Sendable, Hashable, CaseIterable {{"]
        for name, number, comment in cases:
            lines += doc(comment, "    ")
            lines += [f"    case {name}  // = {number}"]
        lines += [
            "    /// A value this build does not know, kept so that it survives decoding and re-encoding.",
            "    case unrecognized(Int32)",
            "",
            "    public static let allCases: [Self] = [" + ", ".join("." + c for c, _, _ in cases) + "]",
            "",
            "    public init() {",
            f"        self = .{cases[0][0]}",
            "    }",
            "",
            "    public init(rawValue: Int32) {",
            "        switch rawValue {",
        ]
        lines += [f"        case {number}: self = .{name}" for name, number, _ in cases]
        lines += [
            "        default: self = .unrecognized(rawValue)",
            "        }",
            "    }",
            "",
            "    public var rawValue: Int32 {",
            "        switch self {",
        ]
        lines += [f"        case .{name}: {number}" for name, number, _ in cases]
        lines += [
            "        case .unrecognized(let value): value",
            "        }",
            "    }",
            "}",
            "",
        ]
        return lines

    def emit_message(self, names, m, comments, path):
        fields = [(lower_camel(fd.name), fd, comments.get(tuple(path + [2, i]))) for i, fd in enumerate(m.field)]
        lines = doc(comments.get(tuple(path)), "")
        lines += [f"public struct {names.swift}: Sendable, Hashable {{"]
        for name, fd, comment in fields:
            lines += doc(comment, "    ")
            lines += [f"    public var {escape(name)}: {self.swift_type(fd)} = {self.default(fd)}  // = {fd.number}"]
        if fields:
            lines += [""]
        lines += ["    public init() {}", ""]
        if fields:
            params = ", ".join(f"{escape(n)}: {self.swift_type(fd)} = {self.default(fd)}" for n, fd, _ in fields)
            lines += [f"    public init({params}) {{"] if len(params) < 90 else ["    public init("] + [
                f"        {escape(n)}: {self.swift_type(fd)} = {self.default(fd)}{',' if i < len(fields) - 1 else ''}"
                for i, (n, fd, _) in enumerate(fields)
            ] + ["    ) {"]
            lines += [f"        self.{escape(n)} = {escape(n)}" for n, _, _ in fields]
            lines += ["    }", ""]
        lines[-1:] = ["}", ""]
        lines += self.emit_codec(names, fields)
        return lines

    def emit_codec(self, names, fields):
        c, fn = names.c_type, names.c_lower
        lines = [
            f"extension {names.swift}: WireMessage {{",
            f'    public static let fullName = "{names.full}"',
            "",
            "    public func serializedBytes() throws -> [UInt8] {",
            "        try WireC.serialize(Self.self) { arena in",
            "            let message = try cMessage(in: arena)",
            f"            return WireC.pack(size: {fn}__get_packed_size(message)) {{ {fn}__pack(message, $0) }}",
            "        }",
            "    }",
            "",
            "    public init(serializedBytes bytes: some Collection<UInt8>) throws {",
            f"        let message = try WireC.unpack(bytes, as: Self.self) {{ {fn}__unpack(nil, $0, $1) }}",
            f"        defer {{ {fn}__free_unpacked(message, nil) }}",
            "        self.init(cMessage: message)",
            "    }",
            "",
            "    /// Builds the C struct in `arena`, which owns every allocation until it is released.",
            f"    func cMessage(in arena: WireArena) throws -> UnsafeMutablePointer<{c}> {{",
            f"        let message = arena.allocate({c}.self)",
            f"        {fn}__init(message)",
        ]
        for name, fd, _ in fields:
            lines += ["        " + line for line in self.pack_field(name, fd)]
        lines += [
            "        return message",
            "    }",
            "",
            f"    init(cMessage message: UnsafePointer<{c}>) {{",
            "        self.init()",
        ]
        for name, fd, _ in fields:
            lines += ["        " + line for line in self.unpack_field(name, fd)]
        lines += ["    }", "}", ""]
        return lines

    def pack_field(self, name, fd):
        swift, c = "self." + escape(name), "message.pointee." + fd.name
        entry = self.map_entry(fd)
        if entry:
            key, value = entry.field[0], entry.field[1]
            entry_names, _ = self.messages[fd.type_name]
            return [
                f"(message.pointee.n_{fd.name}, {c}) = try arena.array({swift}.sorted {{ $0.key < $1.key }}) {{",
                f"    (pair) throws -> UnsafeMutablePointer<{entry_names.c_type}>? in",
                f"    let entry = arena.allocate({entry_names.c_type}.self)",
                f"    {entry_names.c_lower}__init(entry)",
                f"    entry.pointee.key = {self.to_c(key, 'pair.key')}",
                f"    entry.pointee.value = {self.to_c(value, 'pair.value')}",
                "    return entry",
                "}",
            ]
        if fd.type_name in WRAPPERS:
            if fd.label == FD.LABEL_REPEATED:
                raise SystemExit(f"gen_swift: repeated wrapper field {fd.name} is not supported")
            names, _ = self.messages[fd.type_name]
            return [
                f"if let value = {swift} {{",
                f"    let wrapper = arena.allocate({names.c_type}.self)",
                f"    {names.c_lower}__init(wrapper)",
                "    wrapper.pointee.value = value",
                f"    {c} = wrapper",
                "}",
            ]
        if fd.label == FD.LABEL_REPEATED:
            element = self.to_c(fd, "$0")
            if fd.type in (FD.TYPE_STRING, FD.TYPE_MESSAGE):  # the C array holds optional pointers
                element = "try Optional(" + element.removeprefix("try ") + ")"
            call = "try arena.array" if "try " in element else "arena.array"
            return [f"(message.pointee.n_{fd.name}, {c}) = {call}({swift}) {{ {element} }}"]
        if fd.type == FD.TYPE_MESSAGE:
            return [f"if let value = {swift} {{ {c} = {self.to_c(fd, 'value')} }}"]
        if fd.type == FD.TYPE_STRING:
            return [f"if !{swift}.isEmpty {{ {c} = {self.to_c(fd, swift)} }}"]
        return [f"{c} = {self.to_c(fd, swift)}"]

    def unpack_field(self, name, fd):
        swift, c = "self." + escape(name), "message.pointee." + fd.name
        entry = self.map_entry(fd)
        if entry:
            key, value = entry.field[0], entry.field[1]
            return [
                f"{swift} = WireC.dictionary({c}, count: message.pointee.n_{fd.name}) {{",
                f"    ({self.from_c(key, '$0.pointee.key')}, {self.from_c(value, '$0.pointee.value')})",
                "}",
            ]
        if fd.label == FD.LABEL_REPEATED:
            element = self.from_c(fd, "$0")
            if fd.type == FD.TYPE_MESSAGE:
                return [f"{swift} = WireC.messages({c}, count: message.pointee.n_{fd.name}) {{ {element} }}"]
            if fd.type in SCALARS and fd.type != FD.TYPE_BOOL:
                return [f"{swift} = WireC.array({c}, count: message.pointee.n_{fd.name})"]
            return [f"{swift} = WireC.array({c}, count: message.pointee.n_{fd.name}) {{ {element} }}"]
        if fd.type == FD.TYPE_MESSAGE:
            return [f"{swift} = {c}.map {{ {self.from_c(fd, '$0')} }}"]
        return [f"{swift} = {self.from_c(fd, c)}"]


def wrap(line, width=120):
    """Splits `head { body }` over three lines when it is wider than `width`."""
    if len(line) <= width or not line.endswith(" }") or " { " not in line:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    at = line.rindex(" { ")
    return [line[:at] + " {", indent + "    " + line[at + 3 : -2], indent + "}"]


def comments_by_path(f):
    out = {}
    for loc in f.source_code_info.location:
        text = (loc.leading_comments or "") + (loc.trailing_comments or "")
        if text.strip():
            out[tuple(loc.path)] = text
    return out


def doc(text, indent):
    if not text:
        return []
    lines = [line.strip() for line in text.strip().splitlines()]
    return [f"{indent}/// {line}".rstrip() for line in lines]


def main(argv):
    if len(argv) < 4:
        raise SystemExit(__doc__)
    descriptors, out_dir, wanted = argv[1], argv[2], set(argv[3:])
    fds = descriptor_pb2.FileDescriptorSet()
    with open(descriptors, "rb") as handle:
        fds.ParseFromString(handle.read())
    gen = Generator(fds)
    os.makedirs(out_dir, exist_ok=True)
    registry = []
    for f in sorted(fds.file, key=lambda f: f.name):
        if f.name in wanted:
            base = os.path.splitext(os.path.basename(f.name))[0]
            gen.emit_file(f, os.path.join(out_dir, base + ".pb.swift"))
            registry += [m.name for m in f.message_type]
    emit_registry(registry, os.path.join(out_dir, "WireMessages.pb.swift"))


def emit_registry(names, out):
    lines = [
        "// Generated by Protos/swiftgen/gen_swift.py. DO NOT EDIT.",
        "// Regenerate with `make generate` (Protos/generate.sh).",
        "",
        "/// The message types generated from `Protos/plutus/v1`.",
        "public enum WireMessages {",
        "    /// Every generated message type, by proto file name, then in declaration order.",
        "    public static var all: [any WireMessage.Type] {",
        "        [",
    ]
    lines += [f"            {name}.self," for name in names]
    lines += ["        ]", "    }", "}"]
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv)
