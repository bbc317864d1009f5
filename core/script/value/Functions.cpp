#include "core/script/value/Functions.h"

#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Interpreter.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <cstdio>
#include <vector>

namespace coroscope::pylite {

Ref callViaInterpreter(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (Interpreter* interp = space.interpreter()) return interp->call(self, args);
    std::string msg = "'";
    msg += typeName(space, self);
    msg += "' object cannot be called without an interpreter";
    return space.raise(space.types().TypeError, msg);
}

namespace {

/// `self` with `args` prepended into a contiguous buffer (vectorcall).
struct Prepended {
    std::vector<Value> values;
    CallArgs args;
    Prepended(Value self, const CallArgs& in)
    {
        const std::size_t total = in.positional + in.keywordCount();
        values.reserve(total + 1);
        values.push_back(self);
        values.insert(values.end(), in.values, in.values + total);
        args = CallArgs(values.data(), in.positional + 1, in.kwnames);
    }
};

// --- builtin_function_or_method / method-wrapper ----------------------------------

BuiltinFunctionObject* bf(Value v) { return static_cast<BuiltinFunctionObject*>(v.object()); }

void bfDestroy(ObjectSpace&, Object* o)
{
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    clearField(f->m_self);
    clearField(f->m_module);
}

void bfTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* f = static_cast<BuiltinFunctionObject*>(o);
    visit(f->m_self, ctx);
    visit(f->m_module, ctx);
}

Ref bfCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    BuiltinFunctionObject* f = bf(self);
    if (f->m_wrapper) return f->m_wrapper(space, f->m_owner, f->m_self, args);
    return f->m_fn(space, f->m_self, args);
}

Ref bfRepr(ObjectSpace& space, Value self)
{
    BuiltinFunctionObject* f = bf(self);
    if (f->m_wrapper) {
        return newStr(space, std::string("<method-wrapper '") + f->m_name + "' of " + std::string(typeName(space, f->m_self)) +
                                 " object at " + space.addressText(f->m_self.objectOrNull()) + ">");
    }
    if (!f->m_self || space.typeOf(f->m_self) == space.types().moduleType)
        return newStr(space, std::string("<built-in function ") + f->m_name + ">");
    return newStr(space, std::string("<built-in method ") + f->m_name + " of " + std::string(typeName(space, f->m_self)) +
                             " object at " + space.addressText(f->m_self.objectOrNull()) + ">");
}

Ref bfRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    TypeObject* t = space.typeOf(a);
    if (space.typeOf(b) != t || (op != CompareOp::Eq && op != CompareOp::Ne)) return Ref::notImplemented();
    const bool eq = bf(a)->m_fn == bf(b)->m_fn && bf(a)->m_wrapper == bf(b)->m_wrapper && bf(a)->m_self == bf(b)->m_self &&
                    std::string_view(bf(a)->m_name) == bf(b)->m_name;
    return Ref::boolean(op == CompareOp::Eq ? eq : !eq);
}

std::int64_t bfHash(ObjectSpace&, Value self)
{
    auto h = std::int64_t(reinterpret_cast<std::uintptr_t>(bf(self)->m_fn) ^ (bf(self)->m_self.bits() >> 4));
    return h == -1 ? -2 : h;
}

Ref bfName(ObjectSpace& space, Value self) { return newStr(space, bf(self)->m_name); }
Ref bfQualname(ObjectSpace& space, Value self)
{
    BuiltinFunctionObject* f = bf(self);
    if (!f->m_self || space.typeOf(f->m_self) == space.types().moduleType) return newStr(space, f->m_name);
    TypeObject* t = space.typeOf(f->m_self)->has(TypeFlag::TypeType) ? static_cast<TypeObject*>(f->m_self.object())
                                                                      : space.typeOf(f->m_self);
    return newStr(space, std::string(t->name()) + "." + f->m_name);
}
Ref bfSelf(ObjectSpace&, Value self) { return Ref::borrow(bf(self)->m_self ? bf(self)->m_self : Value::none()); }
Ref bfModule(ObjectSpace&, Value self) { return Ref::borrow(bf(self)->m_module ? bf(self)->m_module : Value::none()); }
Ref noDoc(ObjectSpace&, Value) { return Ref::none(); }

// --- method descriptors -----------------------------------------------------------

MethodDescriptorObject* md(Value v) { return static_cast<MethodDescriptorObject*>(v.object()); }

std::string ownerName(MethodDescriptorObject* d) { return std::string(d->m_owner->name()); }

/// Checks the `self` a descriptor is applied to.
bool checkDescriptorSelf(ObjectSpace& space, MethodDescriptorObject* d, Value self)
{
    if (space.isInstance(self, d->m_owner)) return true;
    std::string msg = "descriptor '";
    msg += d->m_name;
    msg += "' for '" + ownerName(d) + "' objects doesn't apply to a '";
    msg += typeName(space, self);
    msg += "' object";
    space.raise(space.types().TypeError, msg);
    return false;
}

Ref mdCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    MethodDescriptorObject* d = md(self);
    if (d->m_kind == MethodKind::ClassMethod) {
        if (args.positional < 1)
            return space.raise(space.types().TypeError, "descriptor '" + std::string(d->m_name) + "' of '" + ownerName(d) +
                                                            "' object needs an argument");
        return d->m_fn(space, args[0], args.dropFirst());
    }
    if (args.positional < 1)
        return space.raise(space.types().TypeError, "unbound method " + ownerName(d) + "." + d->m_name + "() needs an argument");
    if (!checkDescriptorSelf(space, d, args[0])) return Ref();
    if (d->m_kind == MethodKind::SlotWrapper) return d->m_wrapper(space, d->m_owner, args[0], args.dropFirst());
    return d->m_fn(space, args[0], args.dropFirst());
}

Ref mdGet(ObjectSpace& space, Value descr, Value obj, Value type)
{
    MethodDescriptorObject* d = md(descr);
    if (d->m_kind == MethodKind::ClassMethod) {
        Value cls = type ? type : Value::fromObject(space.typeOf(obj));
        if (!space.typeOf(cls)->has(TypeFlag::TypeType) || !static_cast<TypeObject*>(cls.object())->isSubtypeOf(d->m_owner)) {
            return space.raise(space.types().TypeError, "descriptor '" + std::string(d->m_name) + "' for type '" +
                                                            ownerName(d) + "' doesn't apply to this type");
        }
        return newBuiltinFunction(space, d->m_name, d->m_fn, cls);
    }
    if (!obj) return Ref::borrow(descr);
    if (!checkDescriptorSelf(space, d, obj)) return Ref();
    auto* f = space.heap().alloc<BuiltinFunctionObject>(d->m_kind == MethodKind::SlotWrapper ? space.types().methodWrapperType
                                                                                              : space.types().builtinFunctionType);
    if (!f) return Ref();
    f->m_fn = d->m_fn;
    f->m_wrapper = d->m_wrapper;
    f->m_name = d->m_name;
    f->m_owner = d->m_owner;
    incref(obj);
    f->m_self = obj;
    return Ref::steal(f);
}

Ref mdRepr(ObjectSpace& space, Value self)
{
    MethodDescriptorObject* d = md(self);
    const char* kind = d->m_kind == MethodKind::SlotWrapper ? "<slot wrapper '" : "<method '";
    return newStr(space, std::string(kind) + d->m_name + "' of '" + ownerName(d) + "' objects>");
}

Ref mdName(ObjectSpace& space, Value self) { return newStr(space, md(self)->m_name); }
Ref mdQualname(ObjectSpace& space, Value self) { return newStr(space, ownerName(md(self)) + "." + md(self)->m_name); }
Ref mdObjclass(ObjectSpace&, Value self) { return Ref::borrow(Value::fromObject(md(self)->m_owner)); }

// --- getset descriptors -----------------------------------------------------------

GetSetDescriptorObject* gs(Value v) { return static_cast<GetSetDescriptorObject*>(v.object()); }

bool checkGetSetSelf(ObjectSpace& space, GetSetDescriptorObject* d, Value obj)
{
    if (space.isInstance(obj, d->m_owner)) return true;
    std::string msg = "descriptor '";
    msg += d->m_name;
    msg += "' for '";
    msg += d->m_owner->name();
    msg += "' objects doesn't apply to a '";
    msg += typeName(space, obj);
    msg += "' object";
    space.raise(space.types().TypeError, msg);
    return false;
}

Ref gsGet(ObjectSpace& space, Value descr, Value obj, Value)
{
    GetSetDescriptorObject* d = gs(descr);
    if (!obj) return Ref::borrow(descr);
    if (!checkGetSetSelf(space, d, obj)) return Ref();
    return d->m_get(space, obj);
}

int gsSet(ObjectSpace& space, Value descr, Value obj, Value value)
{
    GetSetDescriptorObject* d = gs(descr);
    if (!d->m_set) {
        std::string msg = "attribute '";
        msg += d->m_name;
        msg += "' of '";
        msg += d->m_owner->name();
        msg += "' objects is not writable";
        space.raise(space.types().AttributeError, msg);
        return -1;
    }
    if (!checkGetSetSelf(space, d, obj)) return -1;
    return d->m_set(space, obj, value);
}

Ref gsRepr(ObjectSpace& space, Value self)
{
    GetSetDescriptorObject* d = gs(self);
    return newStr(space, std::string("<attribute '") + d->m_name + "' of '" + std::string(d->m_owner->name()) + "' objects>");
}

Ref gsName(ObjectSpace& space, Value self) { return newStr(space, gs(self)->m_name); }

// --- bound methods ------------------------------------------------------------------

BoundMethodObject* bm(Value v) { return static_cast<BoundMethodObject*>(v.object()); }

void bmDestroy(ObjectSpace&, Object* o)
{
    auto* m = static_cast<BoundMethodObject*>(o);
    clearField(m->m_func);
    clearField(m->m_self);
}

void bmTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* m = static_cast<BoundMethodObject*>(o);
    visit(m->m_func, ctx);
    visit(m->m_self, ctx);
}

Ref bmCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    BoundMethodObject* m = bm(self);
    Prepended p(m->m_self, args);
    return call(space, m->m_func, p.args);
}

Ref bmRepr(ObjectSpace& space, Value self)
{
    BoundMethodObject* m = bm(self);
    std::string out = "<bound method ";
    Ref name = getAttrOptional(space, m->m_func, space.name(Name::Qualname));
    if (!name && space.hasError()) return Ref();
    if (!name) name = getAttrOptional(space, m->m_func, space.name(Name::DunderName));
    if (name && isStr(space, name.get())) out += strView(name.get());
    else out += "?";
    out += " of ";
    if (!reprString(space, m->m_self, out)) return Ref();
    out += ">";
    return newStr(space, out);
}

Ref bmRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (space.typeOf(a) != space.typeOf(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return Ref::notImplemented();
    bool eq = bm(a)->m_self == bm(b)->m_self;
    if (eq) {
        const int r = compareBool(space, bm(a)->m_func, bm(b)->m_func, CompareOp::Eq);
        if (r < 0) return Ref();
        eq = r == 1;
    }
    return Ref::boolean(op == CompareOp::Eq ? eq : !eq);
}

std::int64_t bmHash(ObjectSpace& space, Value self)
{
    const std::int64_t f = hashValue(space, bm(self)->m_func);
    if (f == -1) return -1;
    auto h = std::int64_t(std::uint64_t(f) ^ (bm(self)->m_self.bits() >> 4));
    return h == -1 ? -2 : h;
}

/// Attributes not found on the method type come from the function.
Ref bmGetAttr(ObjectSpace& space, Value self, StrObject* name)
{
    Ref descr = Ref::borrow(lookupInMro(space.typeOf(self), name));
    if (descr) {
        DescrGetFn get = space.typeOf(descr.get())->m_slots.descrGet;
        if (get) return get(space, descr.get(), self, Value::fromObject(space.typeOf(self)));
        return descr;
    }
    return getAttr(space, bm(self)->m_func, name);
}

Ref bmGet(ObjectSpace&, Value descr, Value, Value) { return Ref::borrow(descr); }
Ref bmFunc(ObjectSpace&, Value self) { return Ref::borrow(bm(self)->m_func); }
Ref bmSelf(ObjectSpace&, Value self) { return Ref::borrow(bm(self)->m_self); }

Ref bmNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    if (args.positional != 2 || args.hasKeywords())
        return space.raise(space.types().TypeError, "method expected 2 arguments, got " + std::to_string(args.positional));
    if (!isCallable(space, args[0])) return space.raise(space.types().TypeError, "first argument must be callable");
    if (args[1].isNone()) return space.raise(space.types().TypeError, "instance must not be None");
    return newBoundMethod(space, args[0], args[1]);
}

// --- staticmethod / classmethod -----------------------------------------------------

FuncWrapperObject* fw(Value v) { return static_cast<FuncWrapperObject*>(v.object()); }

void fwDestroy(ObjectSpace&, Object* o)
{
    auto* w = static_cast<FuncWrapperObject*>(o);
    clearField(w->m_dict);
    clearField(w->m_func);
}

void fwTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* w = static_cast<FuncWrapperObject*>(o);
    visit(w->m_dict, ctx);
    visit(w->m_func, ctx);
}

Ref fwNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int fwInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    const char* name = space.isInstance(self, space.types().staticMethodType) ? "staticmethod" : "classmethod";
    if (args.hasKeywords()) {
        space.raise(space.types().TypeError, std::string(name) + "() takes no keyword arguments");
        return -1;
    }
    if (args.positional != 1) {
        space.raise(space.types().TypeError, std::string(name) + " expected 1 argument, got " + std::to_string(args.positional));
        return -1;
    }
    assignField(fw(self)->m_func, args[0]);
    return 0;
}

Ref staticGet(ObjectSpace& space, Value descr, Value, Value)
{
    Value f = fw(descr)->m_func;
    if (!f) return space.raise(space.types().RuntimeError, "uninitialized staticmethod object");
    return Ref::borrow(f);
}

Ref classGet(ObjectSpace& space, Value descr, Value obj, Value type)
{
    Value f = fw(descr)->m_func;
    if (!f) return space.raise(space.types().RuntimeError, "uninitialized classmethod object");
    Value cls = type ? type : Value::fromObject(space.typeOf(obj));
    return newBoundMethod(space, f, cls);
}

Ref staticCall(ObjectSpace& space, Value self, const CallArgs& args) { return call(space, fw(self)->m_func, args); }

Ref fwRepr(ObjectSpace& space, Value self)
{
    std::string out = "<";
    out += typeName(space, self);
    out += "(";
    if (!reprString(space, fw(self)->m_func ? fw(self)->m_func : Value::none(), out)) return Ref();
    out += ")>";
    return newStr(space, out);
}

Ref fwFunc(ObjectSpace&, Value self) { return Ref::borrow(fw(self)->m_func ? fw(self)->m_func : Value::none()); }

// --- property -------------------------------------------------------------------------

PropertyObject* prop(Value v) { return static_cast<PropertyObject*>(v.object()); }

void propDestroy(ObjectSpace&, Object* o)
{
    auto* p = static_cast<PropertyObject*>(o);
    clearField(p->m_get);
    clearField(p->m_set);
    clearField(p->m_del);
    clearField(p->m_doc);
    clearField(p->m_name);
}

void propTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* p = static_cast<PropertyObject*>(o);
    visit(p->m_get, ctx);
    visit(p->m_set, ctx);
    visit(p->m_del, ctx);
    visit(p->m_doc, ctx);
    visit(p->m_name, ctx);
}

Ref propNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int propInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[4];
    if (!parseArgs(space, args, {"property", {"fget", "fset", "fdel", "doc"}, 0}, a)) return -1;
    PropertyObject* p = prop(self);
    assignField(p->m_get, a[0] && !a[0].isNone() ? a[0] : Value());
    assignField(p->m_set, a[1] && !a[1].isNone() ? a[1] : Value());
    assignField(p->m_del, a[2] && !a[2].isNone() ? a[2] : Value());
    if (a[3] && !a[3].isNone()) {
        assignField(p->m_doc, a[3]);
    } else if (p->m_get) {
        Ref doc = getAttrOptional(space, p->m_get, space.name(Name::Doc));
        if (!doc && space.hasError()) return -1;
        if (doc) assignField(p->m_doc, doc.get());
    }
    return 0;
}

/// "property 'x' of 'A' object has no getter" (the name comes from
/// __set_name__ or the getter's __name__).
Ref propError(ObjectSpace& space, Value self, Value obj, const char* what)
{
    PropertyObject* p = prop(self);
    std::string msg;
    Ref name;
    if (p->m_name) name = Ref::borrow(p->m_name);
    else if (p->m_get) name = getAttrOptional(space, p->m_get, space.name(Name::DunderName));
    space.clearError();
    if (name && isStr(space, name.get())) {
        msg = "property '" + std::string(strView(name.get())) + "' of '" + std::string(typeName(space, obj)) +
              "' object has no " + what;
    } else {
        msg = "property of '" + std::string(typeName(space, obj)) + "' object has no " + what;
    }
    return space.raise(space.types().AttributeError, msg);
}

Ref propGet(ObjectSpace& space, Value descr, Value obj, Value)
{
    if (!obj) return Ref::borrow(descr);
    PropertyObject* p = prop(descr);
    if (!p->m_get) return propError(space, descr, obj, "getter");
    return callFunction(space, p->m_get, {obj});
}

int propSet(ObjectSpace& space, Value descr, Value obj, Value value)
{
    PropertyObject* p = prop(descr);
    Value f = value ? p->m_set : p->m_del;
    if (!f) {
        propError(space, descr, obj, value ? "setter" : "deleter");
        return -1;
    }
    Ref r = value ? callFunction(space, f, {obj, value}) : callFunction(space, f, {obj});
    return r ? 0 : -1;
}

Ref propCopy(ObjectSpace& space, Value self, Value get, Value set, Value del)
{
    PropertyObject* p = prop(self);
    Value args[4] = {get ? get : (p->m_get ? p->m_get : Value::none()), set ? set : (p->m_set ? p->m_set : Value::none()),
                     del ? del : (p->m_del ? p->m_del : Value::none()), p->m_doc ? p->m_doc : Value::none()};
    Ref r = call(space, Value::fromObject(space.typeOf(self)), CallArgs(args, 4));
    if (r && p->m_name && space.isInstance(r.get(), space.types().propertyType)) assignField(prop(r.get())->m_name, p->m_name);
    return r;
}

Ref propGetter(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "getter")) return Ref();
    return propCopy(space, self, args[0], Value(), Value());
}
Ref propSetter(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "setter")) return Ref();
    return propCopy(space, self, Value(), args[0], Value());
}
Ref propDeleter(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "deleter")) return Ref();
    return propCopy(space, self, Value(), Value(), args[0]);
}
Ref propSetName(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.positional != 2) return space.raise(space.types().TypeError, "__set_name__() takes 2 positional arguments");
    assignField(prop(self)->m_name, args[1]);
    return Ref::none();
}

Ref propFget(ObjectSpace&, Value self) { return Ref::borrow(prop(self)->m_get ? prop(self)->m_get : Value::none()); }
Ref propFset(ObjectSpace&, Value self) { return Ref::borrow(prop(self)->m_set ? prop(self)->m_set : Value::none()); }
Ref propFdel(ObjectSpace&, Value self) { return Ref::borrow(prop(self)->m_del ? prop(self)->m_del : Value::none()); }
Ref propDoc(ObjectSpace&, Value self) { return Ref::borrow(prop(self)->m_doc ? prop(self)->m_doc : Value::none()); }
int propSetDoc(ObjectSpace&, Value self, Value value)
{
    assignField(prop(self)->m_doc, value);
    return 0;
}

} // namespace

// --- public constructors ----------------------------------------------------------------

Ref newBuiltinFunction(ObjectSpace& space, const char* name, NativeFn fn, Value self, Value module)
{
    auto* f = space.heap().alloc<BuiltinFunctionObject>(space.types().builtinFunctionType);
    if (!f) return Ref();
    f->m_fn = fn;
    f->m_name = name;
    incref(self);
    incref(module);
    f->m_self = self;
    f->m_module = module;
    return Ref::steal(f);
}

Ref newBoundMethod(ObjectSpace& space, Value func, Value self)
{
    auto* m = space.heap().alloc<BoundMethodObject>(space.types().boundMethodType);
    if (!m) return Ref();
    incref(func);
    incref(self);
    m->m_func = func;
    m->m_self = self;
    return Ref::steal(m);
}

void addMethods(ObjectSpace& space, TypeObject* type, std::initializer_list<MethodDef> defs)
{
    for (const MethodDef& def : defs) {
        TypeObject* dt = def.kind == MethodKind::ClassMethod ? space.types().classMethodDescriptorType
                                                             : space.types().methodDescriptorType;
        auto* d = space.heap().alloc<MethodDescriptorObject>(dt);
        if (!d) continue;
        Ref r = Ref::steal(d);
        d->m_fn = def.fn;
        d->m_name = def.name;
        d->m_owner = type;
        d->m_kind = def.kind;
        dictSetStr(space, type->m_dict, def.name, r.get());
    }
    ++type->m_versionTag;
}

void addSlotWrapper(ObjectSpace& space, TypeObject* type, const char* name, WrapperFn fn)
{
    auto* d = space.heap().alloc<MethodDescriptorObject>(space.types().slotWrapperType);
    if (!d) return;
    Ref r = Ref::steal(d);
    d->m_wrapper = fn;
    d->m_name = name;
    d->m_owner = type;
    d->m_kind = MethodKind::SlotWrapper;
    dictSetStr(space, type->m_dict, name, r.get());
    ++type->m_versionTag;
}

void addGetSets(ObjectSpace& space, TypeObject* type, std::initializer_list<GetSetDef> defs)
{
    for (const GetSetDef& def : defs) {
        auto* d = space.heap().alloc<GetSetDescriptorObject>(space.types().getSetDescriptorType);
        if (!d) continue;
        Ref r = Ref::steal(d);
        d->m_get = def.get;
        d->m_set = def.set;
        d->m_name = def.name;
        d->m_owner = type;
        dictSetStr(space, type->m_dict, def.name, r.get());
    }
    ++type->m_versionTag;
}

namespace detail {

void createObjectModelTypes(ObjectSpace& space);
void addObjectModelMethods(ObjectSpace& space);

void createFunctionTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    TypeObject* object = T.objectType;
    const std::uint32_t gc = std::uint32_t(TypeFlag::Gc);

    TypeObject* f = space.createBuiltinType(&BuiltinTypes::builtinFunctionType, "builtin_function_or_method", object,
                                            sizeof(BuiltinFunctionObject), gc);
    f->m_slots.destroy = bfDestroy;
    f->m_slots.traverse = bfTraverse;
    f->m_slots.clear = bfDestroy;
    f->m_slots.call = bfCall;
    f->m_slots.repr = bfRepr;
    f->m_slots.richCompare = bfRichCompare;
    f->m_slots.hash = bfHash;
    f->m_slots.newInstance = nullptr;
    TypeObject* mw = space.createBuiltinType(&BuiltinTypes::methodWrapperType, "method-wrapper", f,
                                             sizeof(BuiltinFunctionObject), gc);
    (void)mw;

    for (auto member : {&BuiltinTypes::methodDescriptorType, &BuiltinTypes::classMethodDescriptorType,
                        &BuiltinTypes::slotWrapperType}) {
        const char* name = member == &BuiltinTypes::methodDescriptorType ? "method_descriptor"
                           : member == &BuiltinTypes::slotWrapperType    ? "wrapper_descriptor"
                                                                          : "classmethod_descriptor";
        std::uint32_t flags = member == &BuiltinTypes::classMethodDescriptorType ? 0u : std::uint32_t(TypeFlag::MethodDescriptor);
        TypeObject* d = space.createBuiltinType(member, name, object, sizeof(MethodDescriptorObject), flags);
        d->m_slots.call = mdCall;
        d->m_slots.descrGet = mdGet;
        d->m_slots.repr = mdRepr;
        d->m_slots.newInstance = nullptr;
    }

    TypeObject* g = space.createBuiltinType(&BuiltinTypes::getSetDescriptorType, "getset_descriptor", object,
                                            sizeof(GetSetDescriptorObject), 0);
    g->m_slots.descrGet = gsGet;
    g->m_slots.descrSet = gsSet;
    g->m_slots.repr = gsRepr;
    g->m_slots.newInstance = nullptr;

    TypeObject* m = space.createBuiltinType(&BuiltinTypes::boundMethodType, "method", object, sizeof(BoundMethodObject), gc);
    m->m_slots.destroy = bmDestroy;
    m->m_slots.traverse = bmTraverse;
    m->m_slots.clear = bmDestroy;
    m->m_slots.call = bmCall;
    m->m_slots.repr = bmRepr;
    m->m_slots.richCompare = bmRichCompare;
    m->m_slots.hash = bmHash;
    m->m_slots.getAttr = bmGetAttr;
    m->m_slots.descrGet = bmGet;
    m->m_slots.newInstance = bmNew;
    m->m_slots.init = nullptr;

    for (bool isStatic : {true, false}) {
        TypeObject* w = isStatic ? space.createBuiltinType(&BuiltinTypes::staticMethodType, "staticmethod", object,
                                                           sizeof(FuncWrapperObject), gc | TypeFlag::BaseType)
                                 : space.createBuiltinType(&BuiltinTypes::classMethodType, "classmethod", object,
                                                           sizeof(FuncWrapperObject), gc | TypeFlag::BaseType);
        w->m_dictOffset = sizeof(Object);
        w->m_slots.destroy = fwDestroy;
        w->m_slots.traverse = fwTraverse;
        w->m_slots.clear = fwDestroy;
        w->m_slots.newInstance = fwNew;
        w->m_slots.init = fwInit;
        w->m_slots.repr = fwRepr;
        w->m_slots.descrGet = isStatic ? staticGet : classGet;
        if (isStatic) w->m_slots.call = staticCall;
    }

    TypeObject* p = space.createBuiltinType(&BuiltinTypes::propertyType, "property", object, sizeof(PropertyObject),
                                            gc | TypeFlag::BaseType);
    p->m_slots.destroy = propDestroy;
    p->m_slots.traverse = propTraverse;
    p->m_slots.clear = propDestroy;
    p->m_slots.newInstance = propNew;
    p->m_slots.init = propInit;
    p->m_slots.descrGet = propGet;
    p->m_slots.descrSet = propSet;

    createObjectModelTypes(space);
}

void addFunctionMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    for (TypeObject* t : {T.builtinFunctionType, T.methodWrapperType})
        addGetSets(space, t, {{"__name__", bfName}, {"__qualname__", bfQualname}, {"__self__", bfSelf},
                              {"__module__", bfModule}, {"__doc__", noDoc}});
    for (TypeObject* t : {T.methodDescriptorType, T.classMethodDescriptorType, T.slotWrapperType})
        addGetSets(space, t, {{"__name__", mdName}, {"__qualname__", mdQualname}, {"__objclass__", mdObjclass},
                              {"__doc__", noDoc}});
    addGetSets(space, T.getSetDescriptorType, {{"__name__", gsName}, {"__doc__", noDoc}});
    addGetSets(space, T.boundMethodType, {{"__func__", bmFunc}, {"__self__", bmSelf}});
    for (TypeObject* t : {T.staticMethodType, T.classMethodType})
        addGetSets(space, t, {{"__func__", fwFunc}, {"__wrapped__", fwFunc}});
    addMethods(space, T.propertyType, {{"getter", propGetter}, {"setter", propSetter}, {"deleter", propDeleter},
                                        {"__set_name__", propSetName}});
    addGetSets(space, T.propertyType, {{"fget", propFget}, {"fset", propFset}, {"fdel", propFdel},
                                        {"__doc__", propDoc, propSetDoc}});
    addObjectModelMethods(space);
}

} // namespace detail

} // namespace coroscope::pylite
