#include "core/script/value/Exceptions.h"

#include "core/script/value/Args.h"
#include "core/script/value/Bytes.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"
#include "core/script/value/detail/ExceptionInternals.h"
#include "core/script/value/detail/Utf8.h"

#include <cerrno>
#include <cstdio>

namespace coroscope::pylite {

Value exceptionField(Value exc, ExcField field)
{
    Value v = asException(exc)->m_fields[int(field)];
    return v ? v : Value::none();
}

void setExceptionField(Value exc, ExcField field, Value v) { assignField(asException(exc)->m_fields[int(field)], v); }

void setExceptionContext(Value exc, Value context)
{
    if (context && context.isNone()) context = Value();
    assignField(asException(exc)->m_context, context);
}

void setExceptionCause(Value exc, Value cause)
{
    if (cause && cause.isNone()) cause = Value();
    assignField(asException(exc)->m_cause, cause);
    asException(exc)->m_suppressContext = true;
}

Ref newException(ObjectSpace& space, TypeObject* type, Value argsTuple)
{
    TupleObject* t = asTuple(argsTuple);
    return call(space, Value::fromObject(type), CallArgs(t->items(), std::size_t(t->m_size)));
}

Ref newExceptionWithMessage(ObjectSpace& space, TypeObject* type, std::string_view message)
{
    Ref msg = newStr(space, message);
    if (!msg) return Ref();
    Value v = msg.get();
    return call(space, Value::fromObject(type), CallArgs(&v, 1));
}

std::string formatExceptionOnly(ObjectSpace& space, Value exc)
{
    TypeObject* type = space.typeOf(exc);
    std::string out;
    const std::string module = typeModuleName(space, type);
    if (module != "builtins" && module != "__main__") out = module + ".";
    out += type->m_qualname ? type->m_qualname->view() : type->name();
    Ref text = str(space, exc);
    if (!text) {
        space.clearError();
        return out + ": <exception str() failed>";
    }
    if (asStr(text.get())->m_byteLength) {
        out += ": ";
        out += strView(text.get());
    }
    return out;
}

namespace {

ExceptionObject* exc(Value v) { return asException(v); }

TupleObject* excArgs(Value v) { return asTuple(exc(v)->m_args); }

void excDestroy(ObjectSpace&, Object* o)
{
    auto* e = static_cast<ExceptionObject*>(o);
    clearField(e->m_dict);
    clearField(e->m_args);
    clearField(e->m_traceback);
    clearField(e->m_context);
    clearField(e->m_cause);
    for (Value& f : e->m_fields) clearField(f);
}

void excTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* e = static_cast<ExceptionObject*>(o);
    visit(e->m_dict, ctx);
    visit(e->m_args, ctx);
    visit(e->m_traceback, ctx);
    visit(e->m_context, ctx);
    visit(e->m_cause, ctx);
    for (Value f : e->m_fields) visit(f, ctx);
}

} // namespace

void detail::setExceptionArgs(ObjectSpace& space, Value self, const CallArgs& args)
{
    Ref t = newTupleFrom(space, args.values, std::int64_t(args.positional));
    if (t) assignField(exc(self)->m_args, t.get());
}

Ref detail::newExceptionInstance(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    if (!o) return Ref();
    Ref r = Ref::steal(o);
    Ref t = newTupleFrom(space, args.values, std::int64_t(args.positional));
    if (!t) return Ref();
    static_cast<ExceptionObject*>(o)->m_args = t.release();
    return r;
}

namespace {

void setArgs(ObjectSpace& space, Value self, const CallArgs& args) { detail::setExceptionArgs(space, self, args); }
Ref excNew(ObjectSpace& space, TypeObject* type, const CallArgs& args) { return detail::newExceptionInstance(space, type, args); }

bool noKeywords(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!args.hasKeywords()) return true;
    std::string msg(space.typeOf(self)->name());
    msg += "() takes no keyword arguments";
    space.raise(space.types().TypeError, msg);
    return false;
}

int excInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!noKeywords(space, self, args)) return -1;
    setArgs(space, self, args);
    return 0;
}

Ref excStr(ObjectSpace& space, Value self)
{
    TupleObject* a = excArgs(self);
    if (a->m_size == 0) return Ref::borrow(space.emptyStr());
    if (a->m_size == 1) return str(space, a->item(0));
    return str(space, exc(self)->m_args);
}

Ref excRepr(ObjectSpace& space, Value self)
{
    std::string out(space.typeOf(self)->name());
    TupleObject* a = excArgs(self);
    if (a->m_size == 1) {
        out += "(";
        if (!reprString(space, a->item(0), out)) return Ref();
        out += ")";
    } else if (!reprString(space, exc(self)->m_args, out)) {
        return Ref();
    }
    return newStr(space, out);
}

Ref keyErrorStr(ObjectSpace& space, Value self)
{
    TupleObject* a = excArgs(self);
    if (a->m_size == 1) return repr(space, a->item(0));
    return excStr(space, self);
}

// --- class-specific __init__ -----------------------------------------------------

int stopIterationInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (excInit(space, self, args) < 0) return -1;
    setExceptionField(self, ExcField::StopIterationValue, args.positional ? args[0] : Value::none());
    return 0;
}

int systemExitInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (excInit(space, self, args) < 0) return -1;
    Value code = args.positional == 0 ? Value::none() : args.positional == 1 ? args[0] : exc(self)->m_args;
    setExceptionField(self, ExcField::SystemExitCode, code);
    return 0;
}

/// Exceptions taking keyword-only attributes (ImportError name/path,
/// NameError name, AttributeError name/obj).
int keywordFieldsInit(ObjectSpace& space, Value self, const CallArgs& args, std::initializer_list<std::pair<const char*, ExcField>> fields)
{
    for (std::size_t k = 0; k < args.keywordCount(); ++k) {
        std::string_view key = strView(args.keywordName(k));
        bool known = false;
        for (auto& [name, field] : fields) {
            if (key == name) {
                setExceptionField(self, field, args.keywordValue(k));
                known = true;
            }
        }
        if (!known) {
            std::string msg(1, '\'');
            msg += key;
            msg += "' is an invalid keyword argument for ";
            msg += space.typeOf(self)->name();
            msg += "()";
            space.raise(space.types().TypeError, msg);
            return -1;
        }
    }
    setArgs(space, self, args);
    return 0;
}

int importErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (keywordFieldsInit(space, self, args, {{"name", ExcField::ImportErrorName}, {"path", ExcField::ImportErrorPath}}) < 0)
        return -1;
    if (args.positional == 1) setExceptionField(self, ExcField::ImportErrorMsg, args[0]);
    return 0;
}

Ref importErrorStr(ObjectSpace& space, Value self)
{
    Value msg = exc(self)->m_fields[int(ExcField::ImportErrorMsg)];
    if (msg && isStr(space, msg)) return Ref::borrow(msg);
    return excStr(space, self);
}

int nameErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    return keywordFieldsInit(space, self, args, {{"name", ExcField::NameErrorName}});
}

int attributeErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    return keywordFieldsInit(space, self, args, {{"name", ExcField::AttributeErrorName}, {"obj", ExcField::AttributeErrorObj}});
}

/// OSError(errno, strerror[, filename[, winerror[, filename2]]]).
int osErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!noKeywords(space, self, args)) return -1;
    if (args.positional >= 2 && args.positional <= 5) {
        setExceptionField(self, ExcField::OSErrorErrno, args[0]);
        setExceptionField(self, ExcField::OSErrorStrerror, args[1]);
        if (args.positional >= 3) {
            setExceptionField(self, ExcField::OSErrorFilename, args[2]);
            if (args.positional == 5) setExceptionField(self, ExcField::OSErrorFilename2, args[4]);
            Ref t = newTupleOf(space, {args[0], args[1]});
            if (!t) return -1;
            assignField(exc(self)->m_args, t.get());
            return 0;
        }
    }
    setArgs(space, self, args);
    return 0;
}

TypeObject* osErrorSubclass(ObjectSpace& space, std::int64_t code)
{
    const BuiltinTypes& T = space.types();
    switch (code) {
    case ENOENT: return T.FileNotFoundError;
    case EEXIST: return T.FileExistsError;
    case EACCES:
    case EPERM: return T.PermissionError;
    case EISDIR: return T.IsADirectoryError;
    case ENOTDIR: return T.NotADirectoryError;
    case ECONNREFUSED: return T.ConnectionRefusedError;
    case ECONNRESET: return T.ConnectionResetError;
    case ECONNABORTED: return T.ConnectionAbortedError;
    case EPIPE:
    case ESHUTDOWN: return T.BrokenPipeError;
    case ETIMEDOUT: return T.TimeoutError;
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS: return T.BlockingIOError;
    case EINTR: return T.InterruptedError;
    case ECHILD: return T.ChildProcessError;
    case ESRCH: return T.ProcessLookupError;
    default: return nullptr;
    }
}

Ref osErrorNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (type == space.types().OSError && args.positional >= 2 && args.positional <= 5 && isIntValue(space, args[0])) {
        if (TypeObject* sub = osErrorSubclass(space, intValueOf(args[0]))) type = sub;
    }
    return excNew(space, type, args);
}

Ref osErrorStr(ObjectSpace& space, Value self)
{
    ExceptionObject* e = exc(self);
    Value err = e->m_fields[int(ExcField::OSErrorErrno)];
    Value text = e->m_fields[int(ExcField::OSErrorStrerror)];
    Value file = e->m_fields[int(ExcField::OSErrorFilename)];
    Value file2 = e->m_fields[int(ExcField::OSErrorFilename2)];
    std::string out;
    if ((file && !file.isNone()) || (err && text)) {
        out = "[Errno ";
        if (!strString(space, err ? err : Value::none(), out)) return Ref();
        out += "] ";
        if (!strString(space, text ? text : Value::none(), out)) return Ref();
        if (file && !file.isNone()) {
            out += ": ";
            if (!reprString(space, file, out)) return Ref();
            if (file2 && !file2.isNone()) {
                out += " -> ";
                if (!reprString(space, file2, out)) return Ref();
            }
        }
        return newStr(space, out);
    }
    return excStr(space, self);
}

int syntaxErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!noKeywords(space, self, args)) return -1;
    setArgs(space, self, args);
    if (args.positional >= 1) setExceptionField(self, ExcField::SyntaxErrorMsg, args[0]);
    if (args.positional == 2) {
        Ref info = tupleFromIterable(space, args[1]);
        if (!info) return -1;
        TupleObject* t = info.as<TupleObject>();
        if (t->m_size < 4 || t->m_size > 6) {
            space.raise(space.types().IndexError, "tuple index out of range");
            return -1;
        }
        const ExcField fields[] = {ExcField::SyntaxErrorFilename, ExcField::SyntaxErrorLineno, ExcField::SyntaxErrorOffset,
                                   ExcField::SyntaxErrorText, ExcField::SyntaxErrorEndLineno, ExcField::SyntaxErrorEndOffset};
        for (std::int64_t i = 0; i < t->m_size; ++i) setExceptionField(self, fields[i], t->item(i));
    }
    return 0;
}

Ref syntaxErrorStr(ObjectSpace& space, Value self)
{
    ExceptionObject* e = exc(self);
    Value msg = e->m_fields[int(ExcField::SyntaxErrorMsg)];
    Value file = e->m_fields[int(ExcField::SyntaxErrorFilename)];
    Value line = e->m_fields[int(ExcField::SyntaxErrorLineno)];
    std::string out;
    if (!strString(space, msg ? msg : Value::none(), out)) return Ref();
    const bool haveFile = file && isStr(space, file);
    const bool haveLine = line && isIntValue(space, line) && !line.isBool();
    std::string base;
    if (haveFile) {
        std::string_view f = strView(file);
        const std::size_t slash = f.rfind('/');
        base = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
    }
    if (haveFile && haveLine) out += " (" + base + ", line " + std::to_string(intValueOf(line)) + ")";
    else if (haveFile) out += " (" + base + ")";
    else if (haveLine) out += " (line " + std::to_string(intValueOf(line)) + ")";
    return newStr(space, out);
}

int unicodeErrorInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!noKeywords(space, self, args)) return -1;
    setArgs(space, self, args);
    if (args.positional == 5) {
        const ExcField fields[] = {ExcField::UnicodeEncoding, ExcField::UnicodeObject, ExcField::UnicodeStart,
                                   ExcField::UnicodeEnd, ExcField::UnicodeReason};
        for (int i = 0; i < 5; ++i) setExceptionField(self, fields[i], args[std::size_t(i)]);
    }
    return 0;
}

Ref unicodeErrorStr(ObjectSpace& space, Value self)
{
    ExceptionObject* e = exc(self);
    Value encoding = e->m_fields[int(ExcField::UnicodeEncoding)];
    Value object = e->m_fields[int(ExcField::UnicodeObject)];
    Value startV = e->m_fields[int(ExcField::UnicodeStart)];
    Value endV = e->m_fields[int(ExcField::UnicodeEnd)];
    Value reason = e->m_fields[int(ExcField::UnicodeReason)];
    if (!encoding || !object || !startV || !endV || !reason || !isIntValue(space, startV) || !isIntValue(space, endV))
        return excStr(space, self);
    const std::int64_t start = intValueOf(startV);
    const std::int64_t end = intValueOf(endV);
    const bool decode = space.isInstance(self, space.types().UnicodeDecodeError);
    std::string out = "'";
    if (!strString(space, encoding, out)) return Ref();
    out += decode ? "' codec can't decode " : "' codec can't encode ";
    char buf[32];
    if (end == start + 1) {
        if (decode && isBytes(space, object) && start >= 0 && start < asBytes(object)->m_size) {
            std::snprintf(buf, sizeof buf, "byte 0x%02x", static_cast<unsigned char>(asBytes(object)->data()[start]));
            out += buf;
        } else if (!decode && isStr(space, object) && start >= 0 && start < asStr(object)->m_length) {
            const char32_t c = strCodePointAt(asStr(object), start);
            if (c <= 0xff) std::snprintf(buf, sizeof buf, "character '\\x%02x'", unsigned(c));
            else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "character '\\u%04x'", unsigned(c));
            else std::snprintf(buf, sizeof buf, "character '\\U%08x'", unsigned(c));
            out += buf;
        }
        out += " in position " + std::to_string(start) + ": ";
    } else {
        out += decode ? "bytes" : "characters";
        out += " in position " + std::to_string(start) + "-" + std::to_string(end - 1) + ": ";
    }
    if (!strString(space, reason, out)) return Ref();
    return newStr(space, out);
}

// --- attributes -------------------------------------------------------------------

Ref getArgs(ObjectSpace&, Value self) { return Ref::borrow(exc(self)->m_args); }
int setArgsAttr(ObjectSpace& space, Value self, Value value)
{
    if (!value) {
        space.raise(space.types().TypeError, "args may not be deleted");
        return -1;
    }
    Ref t = tupleFromIterable(space, value);
    if (!t) return -1;
    assignField(exc(self)->m_args, t.get());
    return 0;
}

Ref getTraceback(ObjectSpace&, Value self) { return Ref::borrow(exc(self)->m_traceback ? exc(self)->m_traceback : Value::none()); }
int setTraceback(ObjectSpace& space, Value self, Value value)
{
    if (!value) {
        space.raise(space.types().TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    assignField(exc(self)->m_traceback, value.isNone() ? Value() : value);
    return 0;
}

/// `what` is "cause" or "context".
int checkChainValue(ObjectSpace& space, Value value, const char* what)
{
    if (!value) {
        space.raise(space.types().TypeError, std::string("__") + what + "__ may not be deleted");
        return -1;
    }
    if (!value.isNone() && !isException(space, value)) {
        space.raise(space.types().TypeError, std::string("exception ") + what + " must be None or derive from BaseException");
        return -1;
    }
    return 0;
}

Ref getContext(ObjectSpace&, Value self) { return Ref::borrow(exc(self)->m_context ? exc(self)->m_context : Value::none()); }
int setContext(ObjectSpace& space, Value self, Value value)
{
    if (checkChainValue(space, value, "context") < 0) return -1;
    setExceptionContext(self, value);
    return 0;
}

Ref getCause(ObjectSpace&, Value self) { return Ref::borrow(exc(self)->m_cause ? exc(self)->m_cause : Value::none()); }
int setCause(ObjectSpace& space, Value self, Value value)
{
    if (checkChainValue(space, value, "cause") < 0) return -1;
    setExceptionCause(self, value);
    return 0;
}

Ref getSuppress(ObjectSpace&, Value self) { return Ref::boolean(exc(self)->m_suppressContext); }
int setSuppress(ObjectSpace& space, Value self, Value value)
{
    if (!value) {
        space.raise(space.types().TypeError, "__suppress_context__ may not be deleted");
        return -1;
    }
    const int t = isTrue(space, value);
    if (t < 0) return -1;
    exc(self)->m_suppressContext = t == 1;
    return 0;
}

template <int F> Ref getField(ObjectSpace&, Value self)
{
    Value v = exc(self)->m_fields[F];
    return Ref::borrow(v ? v : Value::none());
}
template <int F> int setField(ObjectSpace&, Value self, Value value)
{
    assignField(exc(self)->m_fields[F], value);
    return 0;
}

Ref withTraceback(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "with_traceback")) return Ref();
    assignField(exc(self)->m_traceback, args[0].isNone() ? Value() : args[0]);
    return Ref::borrow(self);
}

Ref addNote(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "add_note")) return Ref();
    if (!isStr(space, args[0])) {
        std::string msg = "note must be a str, not '";
        msg += typeName(space, args[0]);
        msg += "'";
        return space.raise(space.types().TypeError, msg);
    }
    DictObject* d = instanceDict(space, self);
    if (!d) return Ref();
    Value notes = dictGetStr(space, d, "__notes__");
    if (!notes) {
        Ref list = newList(space);
        if (!list || !dictSetStr(space, d, "__notes__", list.get())) return Ref();
        notes = list.get();
    }
    if (!isList(space, notes)) return space.raise(space.types().TypeError, "Cannot add note: __notes__ is not a list");
    if (!listAppend(space, asList(notes), args[0])) return Ref();
    return Ref::none();
}

void customize(ObjectSpace& space, TypeObject* t)
{
    const BuiltinTypes& T = space.types();
    TypeSlots& s = t->m_slots;
    if (t == T.BaseException) {
        s.destroy = excDestroy;
        s.traverse = excTraverse;
        s.clear = excDestroy;
        s.repr = excRepr;
        s.str = excStr;
        s.newInstance = excNew;
        s.init = excInit;
        t->m_dictOffset = sizeof(Object);
    } else if (t == T.KeyError) {
        s.str = keyErrorStr;
    } else if (t == T.StopIteration) {
        s.init = stopIterationInit;
    } else if (t == T.SystemExit) {
        s.init = systemExitInit;
    } else if (t == T.ImportError) {
        s.init = importErrorInit;
        s.str = importErrorStr;
    } else if (t == T.NameError) {
        s.init = nameErrorInit;
    } else if (t == T.AttributeError) {
        s.init = attributeErrorInit;
    } else if (t == T.OSError) {
        s.newInstance = osErrorNew;
        s.init = osErrorInit;
        s.str = osErrorStr;
    } else if (t == T.SyntaxError) {
        s.init = syntaxErrorInit;
        s.str = syntaxErrorStr;
    } else if (t == T.UnicodeError) {
        s.init = unicodeErrorInit;
        s.str = unicodeErrorStr;
    } else if (t == T.BaseExceptionGroup) {
        s.newInstance = detail::groupNew;
        s.init = detail::groupInit;
        s.str = detail::groupStr;
    }
}

} // namespace

Ref newOSError(ObjectSpace& space, int errnoValue, std::string_view strerror, Value filename)
{
    Ref code = newInt(space, errnoValue);
    Ref text = newStr(space, strerror);
    if (!code || !text) return Ref();
    Ref args = filename ? newTupleOf(space, {code.get(), text.get(), filename}) : newTupleOf(space, {code.get(), text.get()});
    if (!args) return Ref();
    return newException(space, space.types().OSError, args.get());
}

namespace detail {

void createExceptionTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    const std::uint32_t flags = TypeFlag::Gc | TypeFlag::BaseType | TypeFlag::ExceptionType;
#define PYLITE_CREATE_EXCEPTION(name, base)                                                                    \
    customize(space, space.createBuiltinType(&BuiltinTypes::name, #name, T.base, sizeof(ExceptionObject), flags));
    PYLITE_EXCEPTION_TYPES(PYLITE_CREATE_EXCEPTION)
#undef PYLITE_CREATE_EXCEPTION
}

void addExceptionMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addGetSets(space, T.BaseException, {{"args", getArgs, setArgsAttr},
                                         {"__traceback__", getTraceback, setTraceback},
                                         {"__context__", getContext, setContext},
                                         {"__cause__", getCause, setCause},
                                         {"__suppress_context__", getSuppress, setSuppress}});
    addMethods(space, T.BaseException, {{"with_traceback", withTraceback}, {"add_note", addNote}});
    constexpr int f0 = 0, f1 = 1, f2 = 2, f3 = 3, f4 = 4, f5 = 5, f6 = 6, f7 = 7;
    addGetSets(space, T.StopIteration, {{"value", getField<f0>, setField<f0>}});
    addGetSets(space, T.SystemExit, {{"code", getField<f0>, setField<f0>}});
    addGetSets(space, T.NameError, {{"name", getField<f0>, setField<f0>}});
    addGetSets(space, T.AttributeError, {{"name", getField<f0>, setField<f0>}, {"obj", getField<f1>, setField<f1>}});
    addGetSets(space, T.ImportError, {{"msg", getField<f0>, setField<f0>},
                                       {"name", getField<f1>, setField<f1>},
                                       {"path", getField<f2>, setField<f2>}});
    addGetSets(space, T.OSError, {{"errno", getField<f0>, setField<f0>},
                                   {"strerror", getField<f1>, setField<f1>},
                                   {"filename", getField<f2>, setField<f2>},
                                   {"filename2", getField<f3>, setField<f3>}});
    addGetSets(space, T.SyntaxError, {{"msg", getField<f0>, setField<f0>},
                                       {"filename", getField<f1>, setField<f1>},
                                       {"lineno", getField<f2>, setField<f2>},
                                       {"offset", getField<f3>, setField<f3>},
                                       {"text", getField<f4>, setField<f4>},
                                       {"end_lineno", getField<f5>, setField<f5>},
                                       {"end_offset", getField<f6>, setField<f6>},
                                       {"print_file_and_line", getField<f7>, setField<f7>}});
    addGetSets(space, T.UnicodeError, {{"encoding", getField<f0>, setField<f0>},
                                        {"object", getField<f1>, setField<f1>},
                                        {"start", getField<f2>, setField<f2>},
                                        {"end", getField<f3>, setField<f3>},
                                        {"reason", getField<f4>, setField<f4>}});
    addGetSets(space, T.BaseExceptionGroup, {{"message", getField<f0>}, {"exceptions", getField<f1>}});
    addExceptionGroupMethods(space);

    // ExceptionGroup(BaseExceptionGroup, Exception): the one multiple-base
    // built-in class; its MRO is spelled out.
    TypeObject* eg = T.ExceptionGroup;
    Ref mro = newTupleOf(space, {Value::fromObject(eg), Value::fromObject(T.BaseExceptionGroup), Value::fromObject(T.Exception),
                                 Value::fromObject(T.BaseException), Value::fromObject(T.objectType)});
    if (mro) {
        Object* old = eg->m_mro;
        eg->m_mro = mro.as<TupleObject>();
        mro.release();
        xdecrefObject(old);
    }
}

} // namespace detail

} // namespace coroscope::pylite
