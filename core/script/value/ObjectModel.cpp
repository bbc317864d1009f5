// super, module, mappingproxy and the singleton types (NoneType,
// NotImplementedType, ellipsis).

#include "core/script/value/Args.h"
#include "core/script/value/Class.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"

namespace coroscope::pylite {

Ref newModule(ObjectSpace& space, std::string_view name)
{
    auto* m = space.heap().alloc<ModuleObject>(space.types().moduleType);
    if (!m) return Ref();
    Ref r = Ref::steal(m);
    Ref dict = newDict(space);
    Ref nameStr = newStr(space, name);
    if (!dict || !nameStr) return Ref();
    m->m_dict = dict.release();
    DictObject* d = asDict(m->m_dict);
    if (!dictSetStr(space, d, "__name__", nameStr.get()) || !dictSetStr(space, d, "__doc__", Value::none())) return Ref();
    return r;
}

DictObject* moduleDict(Value module) { return asDict(static_cast<ModuleObject*>(module.object())->m_dict); }

Ref newMappingProxy(ObjectSpace& space, Value mapping)
{
    auto* p = space.heap().alloc<MappingProxyObject>(space.types().mappingProxyType);
    if (!p) return Ref();
    incref(mapping);
    p->m_mapping = mapping;
    return Ref::steal(p);
}

namespace {

// --- super --------------------------------------------------------------------------

SuperObject* sup(Value v) { return static_cast<SuperObject*>(v.object()); }

void superDestroy(ObjectSpace&, Object* o)
{
    auto* s = static_cast<SuperObject*>(o);
    xdecrefObject(s->m_type);
    xdecrefObject(s->m_objType);
    s->m_type = s->m_objType = nullptr;
    clearField(s->m_obj);
}

void superTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* s = static_cast<SuperObject*>(o);
    if (s->m_type) visit(Value::fromObject(s->m_type), ctx);
    if (s->m_objType) visit(Value::fromObject(s->m_objType), ctx);
    visit(s->m_obj, ctx);
}

Ref superNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int superInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (args.hasKeywords()) {
        space.raise(space.types().TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (args.positional == 0) {
        space.raise(space.types().RuntimeError, "super(): no arguments");
        return -1;
    }
    if (args.positional > 2) {
        space.raise(space.types().TypeError, "super() takes at most 2 arguments (" + std::to_string(args.positional) + " given)");
        return -1;
    }
    if (!space.typeOf(args[0])->has(TypeFlag::TypeType)) {
        std::string msg = "super() argument 1 must be a type, not ";
        msg += typeName(space, args[0]);
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    auto* type = static_cast<TypeObject*>(args[0].object());
    TypeObject* objType = nullptr;
    Value obj = args.positional == 2 && !args[1].isNone() ? args[1] : Value();
    if (obj) {
        if (space.typeOf(obj)->has(TypeFlag::TypeType) && static_cast<TypeObject*>(obj.object())->isSubtypeOf(type)) {
            objType = static_cast<TypeObject*>(obj.object());
        } else if (space.typeOf(obj)->isSubtypeOf(type)) {
            objType = space.typeOf(obj);
        } else {
            space.raise(space.types().TypeError, "super(type, obj): obj must be an instance or subtype of type");
            return -1;
        }
    }
    SuperObject* s = sup(self);
    increfObject(type);
    xdecrefObject(s->m_type);
    s->m_type = type;
    if (objType) increfObject(objType);
    xdecrefObject(s->m_objType);
    s->m_objType = objType;
    assignField(s->m_obj, obj);
    return 0;
}

Ref superGetAttr(ObjectSpace& space, Value self, StrObject* name)
{
    SuperObject* s = sup(self);
    if (s->m_objType && name->view() != "__class__") {
        TupleObject* mro = s->m_objType->m_mro;
        std::int64_t i = 0;
        while (i < mro->m_size && mro->item(i).object() != s->m_type) ++i;
        for (++i; i < mro->m_size; ++i) {
            auto* t = static_cast<TypeObject*>(mro->item(i).object());
            if (!t->m_dict) continue;
            Value found = dictGetWithHash(space, t->m_dict, Value::fromObject(name), strHash(name));
            if (!found) continue;
            Ref held = Ref::borrow(found);
            DescrGetFn get = space.typeOf(found)->m_slots.descrGet;
            if (!get) return held;
            // Class-level access (obj is the class itself) binds no instance.
            Value obj = s->m_obj == Value::fromObject(s->m_objType) ? Value() : s->m_obj;
            return get(space, found, obj, Value::fromObject(s->m_objType));
        }
    }
    return genericGetAttr(space, self, name);
}

Ref superRepr(ObjectSpace& space, Value self)
{
    SuperObject* s = sup(self);
    std::string out = "<super: <class '";
    out += s->m_type ? s->m_type->name() : "NULL";
    out += "'>";
    if (s->m_objType) out += ", <" + std::string(s->m_objType->name()) + " object>>";
    else out += ", NULL>";
    return newStr(space, out);
}

Ref superThisClass(ObjectSpace&, Value self) { return Ref::borrow(Value::fromObject(sup(self)->m_type)); }
Ref superSelf(ObjectSpace&, Value self) { return Ref::borrow(sup(self)->m_obj ? sup(self)->m_obj : Value::none()); }
Ref superSelfClass(ObjectSpace&, Value self)
{
    return Ref::borrow(sup(self)->m_objType ? Value::fromObject(sup(self)->m_objType) : Value::none());
}

// --- module ---------------------------------------------------------------------------

void moduleDestroy(ObjectSpace&, Object* o) { clearField(static_cast<ModuleObject*>(o)->m_dict); }
void moduleTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<ModuleObject*>(o)->m_dict, ctx); }
void moduleClear(ObjectSpace& space, Object* o)
{
    Value d = static_cast<ModuleObject*>(o)->m_dict;
    if (d) dictClear(space, asDict(d));
}

std::string moduleName(ObjectSpace& space, Value self)
{
    Value d = static_cast<ModuleObject*>(self.object())->m_dict;
    Value n = d ? dictGetStr(space, asDict(d), "__name__") : Value();
    return n && isStr(space, n) ? std::string(strView(n)) : std::string("?");
}

Ref moduleGetAttr(ObjectSpace& space, Value self, StrObject* name)
{
    Ref r = genericGetAttr(space, self, name);
    if (r || !space.errorMatches(space.types().AttributeError)) return r;
    space.clearError();
    Value d = static_cast<ModuleObject*>(self.object())->m_dict;
    if (d) {
        // PEP 562: a module-level __getattr__ handles missing names.
        Value hook = dictGetStr(space, asDict(d), "__getattr__");
        if (hook) {
            Ref held = Ref::borrow(hook);
            return callFunction(space, hook, {Value::fromObject(name)});
        }
    }
    std::string msg = "module '" + moduleName(space, self) + "' has no attribute '" + std::string(name->view()) + "'";
    Ref exc = newExceptionWithMessage(space, space.types().AttributeError, msg);
    if (exc) {
        setExceptionField(exc.get(), ExcField::AttributeErrorName, Value::fromObject(name));
        setExceptionField(exc.get(), ExcField::AttributeErrorObj, self);
        space.raise(std::move(exc));
    }
    return Ref();
}

Ref moduleRepr(ObjectSpace& space, Value self) { return newStr(space, "<module '" + moduleName(space, self) + "'>"); }

Ref moduleNew(ObjectSpace& space, TypeObject* type, const CallArgs&)
{
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    if (!o) return Ref();
    Ref r = Ref::steal(o);
    Ref dict = newDict(space);
    if (!dict) return Ref();
    static_cast<ModuleObject*>(o)->m_dict = dict.release();
    return r;
}

int moduleInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    Value a[2];
    if (!parseArgs(space, args, {"module", {"name", "doc"}, 1}, a)) return -1;
    if (!isStr(space, a[0])) {
        std::string msg = "module.__init__() argument 'name' must be str, not ";
        msg += typeName(space, a[0]);
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    DictObject* d = moduleDict(self);
    return dictSetStr(space, d, "__name__", a[0]) && dictSetStr(space, d, "__doc__", a[1] ? a[1] : Value::none()) ? 0 : -1;
}

// --- mappingproxy -----------------------------------------------------------------------

Value mapping(Value v) { return static_cast<MappingProxyObject*>(v.object())->m_mapping; }

void proxyDestroy(ObjectSpace&, Object* o) { clearField(static_cast<MappingProxyObject*>(o)->m_mapping); }
void proxyTraverse(Object* o, VisitFn visit, void* ctx) { visit(static_cast<MappingProxyObject*>(o)->m_mapping, ctx); }
Ref proxyGetItem(ObjectSpace& space, Value self, Value key) { return getItem(space, mapping(self), key); }
std::int64_t proxyLen(ObjectSpace& space, Value self) { return length(space, mapping(self)); }
int proxyContains(ObjectSpace& space, Value self, Value key) { return contains(space, mapping(self), key); }
Ref proxyIter(ObjectSpace& space, Value self) { return getIter(space, mapping(self)); }
Ref proxyRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    return richCompare(space, mapping(a), space.typeOf(b) == space.typeOf(a) ? mapping(b) : b, op);
}
Ref proxyRepr(ObjectSpace& space, Value self)
{
    std::string out = "mappingproxy(";
    if (!reprString(space, mapping(self), out)) return Ref();
    out += ")";
    return newStr(space, out);
}
Ref proxyForward(ObjectSpace& space, Value self, const CallArgs& args, const char* name)
{
    Ref method = getAttr(space, mapping(self), name);
    if (!method) return Ref();
    return call(space, method.get(), args);
}
Ref proxyKeys(ObjectSpace& space, Value self, const CallArgs& args) { return proxyForward(space, self, args, "keys"); }
Ref proxyValues(ObjectSpace& space, Value self, const CallArgs& args) { return proxyForward(space, self, args, "values"); }
Ref proxyItems(ObjectSpace& space, Value self, const CallArgs& args) { return proxyForward(space, self, args, "items"); }
Ref proxyGet(ObjectSpace& space, Value self, const CallArgs& args) { return proxyForward(space, self, args, "get"); }
Ref proxyCopy(ObjectSpace& space, Value self, const CallArgs& args) { return proxyForward(space, self, args, "copy"); }

Ref proxyNew(ObjectSpace& space, TypeObject*, const CallArgs& args)
{
    Value a[1];
    if (!parseArgs(space, args, {"mappingproxy", {"mapping"}, 1}, a)) return Ref();
    if (!space.typeOf(a[0])->m_slots.getItem || isList(space, a[0]) || isTuple(space, a[0])) {
        std::string msg = "mappingproxy() argument must be a mapping, not ";
        msg += typeName(space, a[0]);
        return space.raise(space.types().TypeError, msg);
    }
    return newMappingProxy(space, a[0]);
}

// --- singletons ---------------------------------------------------------------------------

Ref noneRepr(ObjectSpace& space, Value) { return newStr(space, "None"); }
Ref notImplementedRepr(ObjectSpace& space, Value) { return newStr(space, "NotImplemented"); }
Ref ellipsisRepr(ObjectSpace& space, Value) { return newStr(space, "Ellipsis"); }
int noneIsTrue(ObjectSpace&, Value) { return 0; }
std::int64_t constantHash(ObjectSpace&, Value self)
{
    auto h = std::int64_t((self.bits() >> 3) * 0x9E3779B97F4A7C15ull >> 4);
    return h == -1 ? -2 : h;
}

template <int Which> Ref singletonNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    if (args.positional || args.hasKeywords())
        return space.raise(space.types().TypeError, std::string(type->name()) + " takes no arguments");
    if (Which == 0) return Ref::none();
    if (Which == 1) return Ref::notImplemented();
    return Ref::borrow(space.ellipsis());
}

} // namespace

namespace detail {

void createObjectModelTypes(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    TypeObject* object = T.objectType;
    const std::uint32_t gc = std::uint32_t(TypeFlag::Gc);

    TypeObject* s = space.createBuiltinType(&BuiltinTypes::superType, "super", object, sizeof(SuperObject), gc | TypeFlag::BaseType);
    s->m_slots.destroy = superDestroy;
    s->m_slots.traverse = superTraverse;
    s->m_slots.clear = superDestroy;
    s->m_slots.newInstance = superNew;
    s->m_slots.init = superInit;
    s->m_slots.getAttr = superGetAttr;
    s->m_slots.repr = superRepr;

    TypeObject* m = space.createBuiltinType(&BuiltinTypes::moduleType, "module", object, sizeof(ModuleObject), gc | TypeFlag::BaseType);
    m->m_dictOffset = sizeof(Object);
    m->m_slots.destroy = moduleDestroy;
    m->m_slots.traverse = moduleTraverse;
    m->m_slots.clear = moduleClear;
    m->m_slots.getAttr = moduleGetAttr;
    m->m_slots.repr = moduleRepr;
    m->m_slots.newInstance = moduleNew;
    m->m_slots.init = moduleInit;

    TypeObject* p = space.createBuiltinType(&BuiltinTypes::mappingProxyType, "mappingproxy", object,
                                            sizeof(MappingProxyObject), gc);
    p->m_slots.destroy = proxyDestroy;
    p->m_slots.traverse = proxyTraverse;
    p->m_slots.clear = proxyDestroy;
    p->m_slots.getItem = proxyGetItem;
    p->m_slots.len = proxyLen;
    p->m_slots.contains = proxyContains;
    p->m_slots.iter = proxyIter;
    p->m_slots.richCompare = proxyRichCompare;
    p->m_slots.repr = proxyRepr;
    p->m_slots.hash = nullptr;
    p->m_slots.newInstance = proxyNew;
    p->m_slots.init = nullptr;

    TypeObject* none = space.createBuiltinType(&BuiltinTypes::noneType, "NoneType", object, sizeof(Object), 0);
    none->m_slots.repr = noneRepr;
    none->m_slots.isTrue = noneIsTrue;
    none->m_slots.hash = constantHash;
    none->m_slots.newInstance = singletonNew<0>;
    none->m_slots.init = nullptr;
    TypeObject* ni = space.createBuiltinType(&BuiltinTypes::notImplementedType, "NotImplementedType", object, sizeof(Object), 0);
    ni->m_slots.repr = notImplementedRepr;
    ni->m_slots.hash = constantHash;
    ni->m_slots.newInstance = singletonNew<1>;
    ni->m_slots.init = nullptr;
    TypeObject* el = space.createBuiltinType(&BuiltinTypes::ellipsisType, "ellipsis", object, sizeof(Object), 0);
    el->m_slots.repr = ellipsisRepr;
    el->m_slots.newInstance = singletonNew<2>;
    el->m_slots.init = nullptr;
}

void addObjectModelMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addGetSets(space, T.superType, {{"__thisclass__", superThisClass}, {"__self__", superSelf},
                                     {"__self_class__", superSelfClass}});
    addMethods(space, T.mappingProxyType, {{"keys", proxyKeys}, {"values", proxyValues}, {"items", proxyItems},
                                            {"get", proxyGet}, {"copy", proxyCopy}});
}

} // namespace detail

} // namespace coroscope::pylite
