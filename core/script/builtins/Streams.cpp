// print(), sys.stdout / sys.stderr and the file objects open() returns.
// Output of the standard streams goes through Vm::write (which traces it);
// files live in the Vm's in-memory FileSystem.

#include "core/script/builtins/Builtins.h"
#include "core/script/builtins/FileSystem.h"
#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/vm/Vm.h"

namespace coroscope::pylite {

namespace {

enum class StreamKind : std::uint8_t { Stdout = 1, Stderr = 2, File = 3 };

struct StreamObject : Object {
    Value m_name;        ///< str: "<stdout>" or the file's path (owned)
    Value m_mode;        ///< str: the open() mode (owned)
    std::int64_t m_pos;  ///< byte position in the file
    StreamKind m_kind;
    bool m_readable;
    bool m_writable;
    bool m_append;
    bool m_binary;
    bool m_closed;
};

StreamObject* asStream(Value v) { return static_cast<StreamObject*>(v.object()); }

bool isStream(Vm& vm, Value v)
{
    if (!v.isObject()) return false;
    TypeObject* t = v.object()->m_type;
    return t == vm.vmTypes().textStream.get() || t == vm.vmTypes().binaryFile.get();
}

void streamDestroy(ObjectSpace&, Object* self)
{
    auto* s = static_cast<StreamObject*>(self);
    clearField(s->m_name);
    clearField(s->m_mode);
}

Ref streamRepr(ObjectSpace& space, Value self)
{
    StreamObject* s = asStream(self);
    std::string name, mode;
    reprString(space, s->m_name, name);
    reprString(space, s->m_mode, mode);
    std::string text = s->m_binary ? "<_io.BufferedFile name=" + name + ">"
                                   : "<_io.TextIOWrapper name=" + name + " mode=" + mode + " encoding='utf-8'>";
    return newStr(space, text);
}

bool checkOpen(ObjectSpace& space, StreamObject* s)
{
    if (!s->m_closed) return true;
    space.raise(space.types().ValueError, "I/O operation on closed file.");
    return false;
}

std::string* fileData(ObjectSpace& space, StreamObject* s)
{
    std::string* data = vmOf(space).fileSystem().find(strView(s->m_name));
    if (!data) data = &vmOf(space).fileSystem().create(strView(s->m_name));
    return data;
}

Ref unsupported(ObjectSpace& space, const char* what) { return space.raise(space.types().OSError, what); }

/// Writes raw UTF-8 / bytes to the stream.
bool writeRaw(ObjectSpace& space, StreamObject* s, std::string_view text)
{
    if (!checkOpen(space, s)) return false;
    switch (s->m_kind) {
    case StreamKind::Stdout:
        vmOf(space).write(Stream::Stdout, text);
        return true;
    case StreamKind::Stderr:
        vmOf(space).write(Stream::Stderr, text);
        return true;
    case StreamKind::File: {
        if (!s->m_writable) {
            unsupported(space, "not writable");
            return false;
        }
        std::string* data = fileData(space, s);
        if (s->m_append) s->m_pos = std::int64_t(data->size());
        const std::size_t pos = std::size_t(s->m_pos);
        if (pos > data->size()) data->resize(pos, '\0');
        data->replace(pos, std::min(text.size(), data->size() - pos), text);
        s->m_pos += std::int64_t(text.size());
        return true;
    }
    }
    return true;
}

Ref streamWrite(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "write")) return Ref();
    StreamObject* s = asStream(self);
    Value v = args[0];
    if (s->m_binary) {
        if (!isBytes(space, v)) {
            std::string msg = "a bytes-like object is required, not '";
            msg += typeName(space, v);
            msg += "'";
            return space.raise(space.types().TypeError, msg);
        }
        if (!writeRaw(space, s, asBytes(v)->view())) return Ref();
        return newInt(space, asBytes(v)->m_size);
    }
    if (!isStr(space, v)) {
        std::string msg = "write() argument must be str, not ";
        msg += typeName(space, v);
        return space.raise(space.types().TypeError, msg);
    }
    if (!writeRaw(space, s, strView(v))) return Ref();
    return newInt(space, asStr(v)->m_length);
}

Ref makeResult(ObjectSpace& space, StreamObject* s, std::string_view text)
{
    if (s->m_binary) return newBytes(space, text);
    Ref r = decodeBytes(space, text, "utf-8", "replace");
    return r;
}

bool readable(ObjectSpace& space, StreamObject* s)
{
    if (!checkOpen(space, s)) return false;
    if (s->m_kind != StreamKind::File || !s->m_readable) {
        unsupported(space, "not readable");
        return false;
    }
    return true;
}

Ref streamRead(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"read", {"size"}, 0, 1}, a)) return Ref();
    StreamObject* s = asStream(self);
    if (!readable(space, s)) return Ref();
    std::int64_t size = -1;
    if (a[0] && !a[0].isNone() && !indexValue(space, a[0], size)) return Ref();
    const std::string* data = fileData(space, s);
    const std::size_t pos = std::min(std::size_t(s->m_pos), data->size());
    std::size_t end = data->size();
    if (size >= 0) {
        if (s->m_binary) {
            end = std::min(data->size(), pos + std::size_t(size));
        } else {
            std::size_t i = pos;
            for (std::int64_t n = 0; n < size && i < data->size(); ++n) {
                ++i;
                while (i < data->size() && (static_cast<unsigned char>((*data)[i]) & 0xC0) == 0x80) ++i;
            }
            end = i;
        }
    }
    s->m_pos = std::int64_t(end);
    return makeResult(space, s, std::string_view(*data).substr(pos, end - pos));
}

Ref readLine(ObjectSpace& space, StreamObject* s)
{
    const std::string* data = fileData(space, s);
    const std::size_t pos = std::min(std::size_t(s->m_pos), data->size());
    std::size_t nl = data->find('\n', pos);
    const std::size_t end = nl == std::string::npos ? data->size() : nl + 1;
    s->m_pos = std::int64_t(end);
    return makeResult(space, s, std::string_view(*data).substr(pos, end - pos));
}

Ref streamReadline(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"readline", {"size"}, 0, 1}, a)) return Ref();
    StreamObject* s = asStream(self);
    if (!readable(space, s)) return Ref();
    return readLine(space, s);
}

Ref streamReadlines(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "readlines")) return Ref();
    StreamObject* s = asStream(self);
    if (!readable(space, s)) return Ref();
    Ref list = newList(space);
    if (!list) return Ref();
    for (;;) {
        const std::string* data = fileData(space, s);
        if (std::size_t(s->m_pos) >= data->size()) break;
        Ref line = readLine(space, s);
        if (!line || !listAppend(space, list.as<ListObject>(), line.get())) return Ref();
    }
    return list;
}

Ref streamNext(ObjectSpace& space, Value self)
{
    StreamObject* s = asStream(self);
    if (!readable(space, s)) return Ref();
    const std::string* data = fileData(space, s);
    if (std::size_t(s->m_pos) >= data->size()) return Ref();
    return readLine(space, s);
}

Ref streamIter(ObjectSpace& space, Value self)
{
    if (!checkOpen(space, asStream(self))) return Ref();
    return Ref::borrow(self);
}

Ref streamWritelines(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "writelines")) return Ref();
    const bool ok = forEach(space, args[0], [&](Value line) {
        Value one[1] = {line};
        return static_cast<bool>(streamWrite(space, self, CallArgs(one, 1)));
    });
    if (!ok) return Ref();
    return Ref::none();
}

Ref streamClose(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "close")) return Ref();
    StreamObject* s = asStream(self);
    if (s->m_kind == StreamKind::File) s->m_closed = true;
    return Ref::none();
}

Ref streamFlush(ObjectSpace& space, Value self, const CallArgs&)
{
    if (!checkOpen(space, asStream(self))) return Ref();
    return Ref::none();
}

Ref streamEnter(ObjectSpace& space, Value self, const CallArgs&)
{
    if (!checkOpen(space, asStream(self))) return Ref();
    return Ref::borrow(self);
}

Ref streamExit(ObjectSpace&, Value self, const CallArgs&)
{
    StreamObject* s = asStream(self);
    if (s->m_kind == StreamKind::File) s->m_closed = true;
    return Ref::none();
}

Ref streamSeek(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"seek", {"cookie", "whence"}, 1, 2}, a)) return Ref();
    StreamObject* s = asStream(self);
    if (!checkOpen(space, s)) return Ref();
    std::int64_t offset = 0;
    std::int64_t whence = 0;
    if (!indexValue(space, a[0], offset)) return Ref();
    if (a[1] && !indexValue(space, a[1], whence)) return Ref();
    if (s->m_kind == StreamKind::File) {
        const std::int64_t size = std::int64_t(fileData(space, s)->size());
        std::int64_t pos = whence == 0 ? offset : whence == 1 ? s->m_pos + offset : size + offset;
        if (pos < 0) return space.raise(space.types().ValueError, "negative seek position " + std::to_string(pos));
        s->m_pos = pos;
    }
    return newInt(space, s->m_pos);
}

Ref streamTell(ObjectSpace& space, Value self, const CallArgs&)
{
    StreamObject* s = asStream(self);
    if (!checkOpen(space, s)) return Ref();
    return newInt(space, s->m_pos);
}

Ref streamFalse(ObjectSpace&, Value, const CallArgs&) { return Ref::boolean(false); }
Ref streamReadable(ObjectSpace&, Value self, const CallArgs&) { return Ref::boolean(asStream(self)->m_readable); }
Ref streamWritable(ObjectSpace&, Value self, const CallArgs&) { return Ref::boolean(asStream(self)->m_writable); }
Ref streamClosed(ObjectSpace&, Value self) { return Ref::boolean(asStream(self)->m_closed); }
Ref streamName(ObjectSpace&, Value self) { return Ref::borrow(asStream(self)->m_name); }
Ref streamMode(ObjectSpace&, Value self) { return Ref::borrow(asStream(self)->m_mode); }
Ref streamEncoding(ObjectSpace& space, Value) { return newStr(space, "utf-8"); }

Ref newStream(Vm& vm, TypeObject* type, StreamKind kind, std::string_view name, std::string_view mode)
{
    ObjectSpace& space = vm.space();
    auto* s = space.heap().alloc<StreamObject>(type);
    if (!s) return Ref();
    Ref result = Ref::steal(s);
    Ref n = newStr(space, name);
    Ref m = newStr(space, mode);
    if (!n || !m) return Ref();
    s->m_name = n.release();
    s->m_mode = m.release();
    s->m_kind = kind;
    return result;
}

} // namespace

void initStreamTypes(Vm& vm)
{
    ObjectSpace& space = vm.space();
    for (TypeObject* type : {vm.vmTypes().textStream.get(), vm.vmTypes().binaryFile.get()}) {
        const bool binary = type == vm.vmTypes().binaryFile.get();
        initNativeType(space, *type, binary ? "BufferedFile" : "TextIOWrapper", sizeof(StreamObject), 0);
        type->m_slots.destroy = streamDestroy;
        type->m_slots.repr = streamRepr;
        type->m_slots.iter = streamIter;
        type->m_slots.next = streamNext;
        addMethods(space, type,
                   {{"write", streamWrite},
                    {"writelines", streamWritelines},
                    {"read", streamRead},
                    {"readline", streamReadline},
                    {"readlines", streamReadlines},
                    {"close", streamClose},
                    {"flush", streamFlush},
                    {"seek", streamSeek},
                    {"tell", streamTell},
                    {"isatty", streamFalse},
                    {"readable", streamReadable},
                    {"writable", streamWritable},
                    {"__enter__", streamEnter},
                    {"__exit__", streamExit}});
        addGetSets(space, type,
                   {{"closed", streamClosed}, {"name", streamName}, {"mode", streamMode}, {"encoding", streamEncoding}});
    }
}

Ref newTextStream(Vm& vm, int stream)
{
    const bool out = stream == 1;
    Ref s = newStream(vm, vm.vmTypes().textStream, out ? StreamKind::Stdout : StreamKind::Stderr,
                      out ? "<stdout>" : "<stderr>", "w");
    if (s) asStream(s.get())->m_writable = true;
    return s;
}

Ref builtinOpen(ObjectSpace& space, Value, const CallArgs& args)
{
    Value a[7];
    if (!parseArgs(space, args,
                   {"open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd"}, 1}, a))
        return Ref();
    Vm& vm = vmOf(space);
    if (!isStr(space, a[0])) {
        std::string msg = "expected str, bytes or os.PathLike object, not ";
        msg += typeName(space, a[0]);
        return space.raise(space.types().TypeError, msg);
    }
    std::string mode = "r";
    if (a[1]) {
        if (!isStr(space, a[1])) {
            std::string msg = "open() argument 'mode' must be str, not ";
            msg += typeName(space, a[1]);
            return space.raise(space.types().TypeError, msg);
        }
        mode = std::string(strView(a[1]));
    }
    int kinds = 0;
    bool read = false, write = false, append = false, create = false, plus = false, binary = false, text = false;
    for (char c : mode) {
        switch (c) {
        case 'r': read = true; ++kinds; break;
        case 'w': write = true; ++kinds; break;
        case 'a': append = true; ++kinds; break;
        case 'x': create = true; ++kinds; break;
        case '+': plus = true; break;
        case 'b': binary = true; break;
        case 't': text = true; break;
        default: return space.raise(space.types().ValueError, "invalid mode: '" + mode + "'");
        }
    }
    if (kinds != 1 || (binary && text))
        return space.raise(space.types().ValueError,
                           binary && text ? "can't have text and binary mode at once"
                                          : "must have exactly one of create/read/write/append mode");
    std::string_view path = strView(a[0]);
    FileSystem& fs = vm.fileSystem();
    if (read && !fs.exists(path)) {
        Ref exc = newOSError(space, 2, "No such file or directory", a[0]);
        if (exc) space.raise(std::move(exc));
        return Ref();
    }
    if (create && fs.exists(path)) {
        Ref exc = newOSError(space, 17, "File exists", a[0]);
        if (exc) space.raise(std::move(exc));
        return Ref();
    }
    if (write || create) fs.create(path);
    if (append && !fs.exists(path)) fs.create(path);
    Ref s = newStream(vm, binary ? vm.vmTypes().binaryFile.get() : vm.vmTypes().textStream.get(), StreamKind::File,
                      path, mode);
    if (!s) return Ref();
    StreamObject* st = asStream(s.get());
    st->m_readable = read || plus;
    st->m_writable = write || append || create || plus;
    st->m_append = append;
    st->m_binary = binary;
    if (append) st->m_pos = std::int64_t(fs.find(path)->size());
    return s;
}

Ref builtinPrint(ObjectSpace& space, Value, const CallArgs& args)
{
    Vm& vm = vmOf(space);
    Value sep, end, file, flush;
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        std::string_view name = strView(args.keywordName(k));
        Value v = args.keywordValue(k);
        if (name == "sep")
            sep = v;
        else if (name == "end")
            end = v;
        else if (name == "file")
            file = v;
        else if (name == "flush")
            flush = v;
        else
            return space.raise(space.types().TypeError,
                               "print() got an unexpected keyword argument '" + std::string(name) + "'");
    }
    auto checkText = [&](Value v, const char* what) {
        if (!v || v.isNone() || isStr(space, v)) return true;
        std::string msg = std::string(what) + " must be None or a string, not ";
        msg += typeName(space, v);
        space.raise(space.types().TypeError, msg);
        return false;
    };
    if (!checkText(sep, "sep") || !checkText(end, "end")) return Ref();
    Ref target;
    if (!file || file.isNone()) {
        Ref sys = vm.importModule("sys");
        if (!sys) return Ref();
        target = getAttr(space, sys.get(), "stdout");
        if (!target) return Ref();
        if (target.get().isNone()) return Ref::none();
    } else {
        target = Ref::borrow(file);
    }
    const std::string_view sepText = sep && !sep.isNone() ? strView(sep) : std::string_view(" ");
    const std::string_view endText = end && !end.isNone() ? strView(end) : std::string_view("\n");
    if (isStream(vm, target.get()) && !asStream(target.get())->m_binary) {
        std::string text;
        for (std::size_t i = 0; i < args.positional; ++i) {
            if (i) text += sepText;
            std::string piece;
            if (!strString(space, args[i], piece)) return Ref();
            text += piece;
        }
        text += endText;
        if (!writeRaw(space, asStream(target.get()), text)) return Ref();
        return Ref::none();
    }
    Ref write = getAttr(space, target.get(), "write");
    if (!write) return Ref();
    auto emit = [&](Value piece) { return static_cast<bool>(callFunction(space, write.get(), {piece})); };
    for (std::size_t i = 0; i < args.positional; ++i) {
        if (i) {
            Ref s = newStr(space, sepText);
            if (!s || !emit(s.get())) return Ref();
        }
        Ref s = str(space, args[i]);
        if (!s || !emit(s.get())) return Ref();
    }
    Ref e = newStr(space, endText);
    if (!e || !emit(e.get())) return Ref();
    return Ref::none();
}

} // namespace coroscope::pylite
