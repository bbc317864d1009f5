// The `type` and `object` types: their slots, attributes and methods.

#include "core/script/value/Class.h"
#include "core/script/value/detail/TypeInternals.h"

#include "core/script/value/Args.h"
#include "core/script/value/Dict.h"
#include "core/script/value/Exceptions.h"
#include "core/script/value/Functions.h"
#include "core/script/value/List.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/value/detail/Bootstrap.h"

#include <cstdio>

namespace coroscope::pylite {

namespace {

Value& dictSlotOf(Object* o) { return *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + o->m_type->m_dictOffset); }

// --- object ---------------------------------------------------------------

Ref objectStr(ObjectSpace& space, Value self)
{
    UnaryFn r = space.typeOf(self)->m_slots.repr;
    return r ? r(space, self) : defaultRepr(space, self);
}

std::int64_t objectHash(ObjectSpace& space, Value self)
{
    // From the shown address, as CPython hashes id(): set order of plain
    // objects is then the same in every run.
    auto y = self.isObject() ? space.displayAddress(self.object()) : std::uint64_t(self.bits());
    y = (y >> 4) | (y << 60);
    auto h = std::int64_t(y);
    return h == -1 ? -2 : h;
}

Ref objectRichCompare(ObjectSpace& space, Value a, Value b, CompareOp op)
{
    if (op == CompareOp::Eq) return a == b ? Ref::boolean(true) : Ref::notImplemented();
    if (op == CompareOp::Ne) {
        RichCompareFn f = space.typeOf(a)->m_slots.richCompare;
        if (!f) return Ref::notImplemented();
        Ref r = f(space, a, b, CompareOp::Eq);
        if (!r || r.get().isNotImplemented()) return r;
        int t = isTrue(space, r.get());
        if (t < 0) return Ref();
        return Ref::boolean(!t);
    }
    return Ref::notImplemented();
}

bool excessArgs(const CallArgs& args) { return args.positional > 0 || args.hasKeywords(); }

Ref objectNew(ObjectSpace& space, TypeObject* type, const CallArgs& args)
{
    const TypeSlots& s = type->m_slots;
    if (excessArgs(args)) {
        if (s.newInstance != objectNew)
            return space.raise(space.types().TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (s.init == space.types().objectType->m_slots.init) {
            std::string msg(type->name());
            msg += "() takes no arguments";
            return space.raise(space.types().TypeError, msg);
        }
    }
    if (type->has(TypeFlag::Abstract)) {
        std::string msg = "cannot create '" + typeQualifiedName(space, type) + "' instances";
        return space.raise(space.types().TypeError, msg);
    }
    Object* o = space.heap().allocObject(type, type->m_basicSize);
    return o ? Ref::steal(o) : Ref();
}

int objectInit(ObjectSpace& space, Value self, const CallArgs& args)
{
    TypeObject* type = space.typeOf(self);
    if (excessArgs(args)) {
        if (type->m_slots.init != objectInit) {
            space.raise(space.types().TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->m_slots.newInstance == objectNew) {
            std::string msg(type->name());
            msg += "() takes no arguments";
            space.raise(space.types().TypeError, msg);
            return -1;
        }
    }
    return 0;
}

Ref objectGetClass(ObjectSpace& space, Value self) { return Ref::borrow(Value::fromObject(space.typeOf(self))); }

int objectSetClass(ObjectSpace& space, Value self, Value value)
{
    if (!value) {
        space.raise(space.types().TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!space.typeOf(value)->has(TypeFlag::TypeType)) {
        std::string msg = "__class__ must be set to a class, not '";
        msg += typeName(space, value);
        msg += "' object";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    auto* newType = static_cast<TypeObject*>(value.object());
    TypeObject* old = space.typeOf(self);
    if (!self.isObject() || !old->has(TypeFlag::HeapType) || !newType->has(TypeFlag::HeapType) ||
        old->m_basicSize != newType->m_basicSize || old->m_dictOffset != newType->m_dictOffset ||
        old->m_slots.destroy != newType->m_slots.destroy) {
        std::string msg = "__class__ assignment: '" + std::string(newType->name()) + "' object layout differs from '" +
                          std::string(old->name()) + "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    increfObject(newType);
    self.object()->m_type = newType;
    decrefObject(old);
    return 0;
}

Ref objectGetDict(ObjectSpace& space, Value self)
{
    DictObject* d = instanceDict(space, self);
    if (!d) {
        if (space.hasError()) return Ref();
        std::string msg = "'";
        msg += typeName(space, self);
        msg += "' object has no attribute '__dict__'";
        return space.raise(space.types().AttributeError, msg);
    }
    return Ref::borrow(Value::fromObject(d));
}

int objectSetDict(ObjectSpace& space, Value self, Value value)
{
    if (!self.isObject() || !space.typeOf(self)->m_dictOffset) {
        std::string msg = "'";
        msg += typeName(space, self);
        msg += "' object has no attribute '__dict__'";
        space.raise(space.types().AttributeError, msg);
        return -1;
    }
    if (!value || !isDict(space, value)) {
        std::string msg = "__dict__ must be set to a dictionary, not a '";
        msg += value ? typeName(space, value) : "NoneType";
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    assignField(dictSlotOf(self.object()), value);
    return 0;
}

Ref objectFormat(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "object.__format__")) return Ref();
    Value spec = args[0];
    if (!isStr(space, spec)) {
        std::string msg = "__format__() argument must be str, not ";
        msg += typeName(space, spec);
        return space.raise(space.types().TypeError, msg);
    }
    if (asStr(spec)->m_byteLength != 0) {
        std::string msg = "unsupported format string passed to ";
        msg += space.typeOf(self)->name();
        msg += ".__format__";
        return space.raise(space.types().TypeError, msg);
    }
    return str(space, self);
}

Ref objectInitSubclass(ObjectSpace& space, Value, const CallArgs& args)
{
    if (args.positional || args.hasKeywords()) {
        return space.raise(space.types().TypeError, "object.__init_subclass__() takes no keyword arguments");
    }
    return Ref::none();
}

Ref objectDir(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "object.__dir__")) return Ref();
    // Instance attributes, then the class's and its bases' (duplicates removed).
    Ref seen = newDict(space);
    if (!seen) return Ref();
    auto addKeys = [&](DictObject* d) {
        std::int64_t pos = 0;
        Value k, v;
        while (dictNext(d, pos, k, v))
            if (!dictSet(space, seen.as<DictObject>(), k, Value::none())) return false;
        return true;
    };
    if (self.isObject() && space.typeOf(self)->m_dictOffset) {
        Value d = dictSlotOf(self.object());
        if (d && isDict(space, d) && !addKeys(asDict(d))) return Ref();
    }
    TypeObject* t = space.typeOf(self);
    for (std::int64_t i = 0; i < t->m_mro->m_size; ++i) {
        auto* c = static_cast<TypeObject*>(t->m_mro->item(i).object());
        if (c->m_dict && !addKeys(c->m_dict)) return Ref();
    }
    return listFromIterable(space, seen.get());
}


// --- type -----------------------------------------------------------------

void typeDestroy(ObjectSpace& space, Object* o)
{
    auto* t = static_cast<TypeObject*>(o);
    if (t->m_base) detail::removeSubclass(space, t->m_base, t);
    space.heap().freeBuffer(t->m_subclasses, sizeof(TypeObject*) * t->m_subclassCapacity);
    t->m_subclasses = nullptr;
    xdecrefObject(t->m_name);
    xdecrefObject(t->m_qualname);
    xdecrefObject(t->m_mro);
    xdecrefObject(t->m_dict);
    xdecrefObject(t->m_base);
}

void typeTraverse(Object* o, VisitFn visit, void* ctx)
{
    auto* t = static_cast<TypeObject*>(o);
    if (t->m_dict) visit(Value::fromObject(t->m_dict), ctx);
    if (t->m_mro) visit(Value::fromObject(t->m_mro), ctx);
    if (t->m_base) visit(Value::fromObject(t->m_base), ctx);
}

void typeClear(ObjectSpace& space, Object* o)
{
    auto* t = static_cast<TypeObject*>(o);
    // Keep m_base: instances still alive need the layout chain. The dict goes
    // (it holds the methods, whose globals hold the class: the usual cycle).
    if (t->m_dict) dictClear(space, t->m_dict);
    ++t->m_versionTag;
}

Ref typeRepr(ObjectSpace& space, Value self)
{
    auto* t = static_cast<TypeObject*>(self.object());
    return newStr(space, "<class '" + typeQualifiedName(space, t) + "'>");
}

Ref typeCall(ObjectSpace& space, Value self, const CallArgs& args)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (type == space.types().typeType && args.positional == 1 && !args.hasKeywords())
        return Ref::borrow(Value::fromObject(space.typeOf(args[0])));
    if (!type->m_slots.newInstance) {
        std::string msg = "cannot create '" + typeQualifiedName(space, type) + "' instances";
        return space.raise(space.types().TypeError, msg);
    }
    Ref obj = type->m_slots.newInstance(space, type, args);
    if (!obj) return Ref();
    TypeObject* objType = space.typeOf(obj.get());
    if (!objType->isSubtypeOf(type)) return obj;
    if (objType->m_slots.init && objType->m_slots.init(space, obj.get(), args) < 0) return Ref();
    return obj;
}

Ref typeNew(ObjectSpace& space, TypeObject* meta, const CallArgs& args)
{
    if (args.positional == 1 && !args.hasKeywords()) return Ref::borrow(Value::fromObject(space.typeOf(args[0])));
    if (args.positional != 3) return space.raise(space.types().TypeError, "type() takes 1 or 3 arguments");
    if (!isStr(space, args[0])) {
        std::string msg = "type.__new__() argument 1 must be str, not ";
        msg += typeName(space, args[0]);
        return space.raise(space.types().TypeError, msg);
    }
    if (!isTuple(space, args[1])) {
        std::string msg = "type.__new__() argument 2 must be tuple, not ";
        msg += typeName(space, args[1]);
        return space.raise(space.types().TypeError, msg);
    }
    if (!isDict(space, args[2])) {
        std::string msg = "type.__new__() argument 3 must be dict, not ";
        msg += typeName(space, args[2]);
        return space.raise(space.types().TypeError, msg);
    }
    return newClassWithMeta(space, meta, strView(args[0]), args[1], args[2]);
}

int typeInit(ObjectSpace& space, Value, const CallArgs& args)
{
    if (args.positional != 1 && args.positional != 3) {
        space.raise(space.types().TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

Ref typeGetAttr(ObjectSpace& space, Value self, StrObject* name)
{
    auto* type = static_cast<TypeObject*>(self.object());
    TypeObject* meta = space.typeOf(self);
    Ref metaAttr = Ref::borrow(lookupInMro(meta, name));
    DescrGetFn metaGet = nullptr;
    if (metaAttr) {
        TypeObject* mt = space.typeOf(metaAttr.get());
        metaGet = mt->m_slots.descrGet;
        if (metaGet && mt->m_slots.descrSet) return metaGet(space, metaAttr.get(), self, Value::fromObject(meta));
    }
    Ref attr = Ref::borrow(lookupInMro(type, name));
    if (attr) {
        DescrGetFn get = space.typeOf(attr.get())->m_slots.descrGet;
        if (get) return get(space, attr.get(), Value(), self);
        return attr;
    }
    if (metaAttr) {
        if (metaGet) return metaGet(space, metaAttr.get(), self, Value::fromObject(meta));
        return metaAttr;
    }
    std::string msg = "type object '";
    msg += type->name();
    msg += "' has no attribute '";
    msg += name->view();
    msg += "'";
    Ref exc = newExceptionWithMessage(space, space.types().AttributeError, msg);
    if (exc) {
        setExceptionField(exc.get(), ExcField::AttributeErrorName, Value::fromObject(name));
        setExceptionField(exc.get(), ExcField::AttributeErrorObj, self);
        space.raise(std::move(exc));
    }
    return Ref();
}

bool isDunder(std::string_view n) { return n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__"; }

int typeSetAttr(ObjectSpace& space, Value self, StrObject* name, Value value)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (!type->has(TypeFlag::HeapType)) {
        std::string msg = "cannot set '";
        msg += name->view();
        msg += "' attribute of immutable type '";
        msg += type->name();
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    TypeObject* meta = space.typeOf(self);
    Ref metaAttr = Ref::borrow(lookupInMro(meta, name));
    if (metaAttr) {
        DescrSetFn set = space.typeOf(metaAttr.get())->m_slots.descrSet;
        if (set) return set(space, metaAttr.get(), self, value);
    }
    if (value) {
        if (!dictSet(space, type->m_dict, Value::fromObject(name), value)) return -1;
    } else {
        int r = dictDelete(space, type->m_dict, Value::fromObject(name));
        if (r < 0) return -1;
        if (r == 0) {
            std::string msg = "type object '";
            msg += type->name();
            msg += "' has no attribute '";
            msg += name->view();
            msg += "'";
            space.raise(space.types().AttributeError, msg);
            return -1;
        }
    }
    ++type->m_versionTag;
    if (isDunder(name->view())) updateSlots(space, type);
    return 0;
}

Ref typeGetName(ObjectSpace&, Value self)
{
    return Ref::borrow(Value::fromObject(static_cast<TypeObject*>(self.object())->m_name));
}

int typeSetNameImpl(ObjectSpace& space, Value self, Value value, bool qualified)
{
    auto* type = static_cast<TypeObject*>(self.object());
    const char* attr = qualified ? "__qualname__" : "__name__";
    if (!type->has(TypeFlag::HeapType)) {
        std::string msg = "cannot set '";
        msg += attr;
        msg += "' attribute of immutable type '";
        msg += type->name();
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    if (!value) {
        std::string msg = "cannot delete '";
        msg += attr;
        msg += "' attribute of immutable type '";
        msg += type->name();
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    if (!isStr(space, value)) {
        std::string msg = "can only assign string to ";
        msg += type->name();
        msg += ".";
        msg += attr;
        msg += ", not '";
        msg += typeName(space, value);
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    StrObject*& field = qualified ? type->m_qualname : type->m_name;
    StrObject* old = field;
    increfObject(asStr(value));
    field = asStr(value);
    decrefObject(old);
    return 0;
}

int typeSetName(ObjectSpace& space, Value self, Value value) { return typeSetNameImpl(space, self, value, false); }
int typeSetQualname(ObjectSpace& space, Value self, Value value) { return typeSetNameImpl(space, self, value, true); }

Ref typeGetQualname(ObjectSpace&, Value self)
{
    return Ref::borrow(Value::fromObject(static_cast<TypeObject*>(self.object())->m_qualname));
}

Ref typeGetModule(ObjectSpace& space, Value self)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (type->has(TypeFlag::HeapType)) {
        Value m = dictGetStr(space, type->m_dict, "__module__");
        if (m) return Ref::borrow(m);
    }
    return newStr(space, "builtins");
}

int typeSetModule(ObjectSpace& space, Value self, Value value)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (!type->has(TypeFlag::HeapType) || !value) {
        space.raise(space.types().TypeError, "cannot set '__module__' attribute of immutable type");
        return -1;
    }
    ++type->m_versionTag;
    return dictSetStr(space, type->m_dict, "__module__", value) ? 0 : -1;
}

Ref typeGetDoc(ObjectSpace& space, Value self)
{
    auto* type = static_cast<TypeObject*>(self.object());
    Value doc = type->m_dict ? dictGetStr(space, type->m_dict, "__doc__") : Value();
    if (!doc) return Ref::none();
    DescrGetFn get = space.typeOf(doc)->m_slots.descrGet;
    if (get) return get(space, doc, Value(), self);
    return Ref::borrow(doc);
}

int typeSetDoc(ObjectSpace& space, Value self, Value value)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (!type->has(TypeFlag::HeapType)) {
        std::string msg = "cannot set '__doc__' attribute of immutable type '";
        msg += type->name();
        msg += "'";
        space.raise(space.types().TypeError, msg);
        return -1;
    }
    ++type->m_versionTag;
    return dictSetStr(space, type->m_dict, "__doc__", value ? value : Value::none()) ? 0 : -1;
}

Ref typeGetDict(ObjectSpace& space, Value self)
{
    return newMappingProxy(space, Value::fromObject(static_cast<TypeObject*>(self.object())->m_dict));
}

Ref typeGetMro(ObjectSpace&, Value self)
{
    return Ref::borrow(Value::fromObject(static_cast<TypeObject*>(self.object())->m_mro));
}

Ref typeGetBases(ObjectSpace& space, Value self)
{
    auto* type = static_cast<TypeObject*>(self.object());
    if (!type->m_base) return Ref::borrow(space.emptyTuple());
    if (type == space.types().ExceptionGroup)
        return newTupleOf(space, {Value::fromObject(type->m_base), Value::fromObject(space.types().Exception)});
    return newTupleOf(space, {Value::fromObject(type->m_base)});
}

Ref typeGetBase(ObjectSpace&, Value self)
{
    auto* type = static_cast<TypeObject*>(self.object());
    return type->m_base ? Ref::borrow(Value::fromObject(type->m_base)) : Ref::none();
}

Ref typeMroMethod(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "type.mro")) return Ref();
    return listFromIterable(space, Value::fromObject(static_cast<TypeObject*>(self.object())->m_mro));
}

Ref typeSubclasses(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkNoArgs(space, args, "type.__subclasses__")) return Ref();
    auto* type = static_cast<TypeObject*>(self.object());
    Ref tuple = newTuple(space, type->m_subclassCount);
    if (!tuple) return Ref();
    for (std::uint32_t i = 0; i < type->m_subclassCount; ++i) {
        increfObject(type->m_subclasses[i]);
        tuple.as<TupleObject>()->items()[i] = Value::fromObject(type->m_subclasses[i]);
    }
    return listFromIterable(space, tuple.get());
}

Ref typeInstanceCheck(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "type.__instancecheck__")) return Ref();
    int r = isInstance(space, args[0], self);
    return r < 0 ? Ref() : Ref::boolean(r);
}

Ref typeSubclassCheck(ObjectSpace& space, Value self, const CallArgs& args)
{
    if (!checkOneArg(space, args, "type.__subclasscheck__")) return Ref();
    int r = isSubclass(space, args[0], self);
    return r < 0 ? Ref() : Ref::boolean(r);
}

} // namespace

namespace detail {

void createTypeAndObjectTypes(ObjectSpace& space)
{
    TypeObject* type = space.createBuiltinType(&BuiltinTypes::typeType, "type", nullptr, sizeof(TypeObject),
                                               TypeFlag::Gc | TypeFlag::TypeType);
    TypeObject* object = space.createBuiltinType(&BuiltinTypes::objectType, "object", nullptr, sizeof(Object),
                                                 std::uint32_t(TypeFlag::BaseType));
    TypeSlots& o = object->m_slots;
    o.repr = defaultRepr;
    o.str = objectStr;
    o.hash = objectHash;
    o.richCompare = objectRichCompare;
    o.getAttr = genericGetAttr;
    o.setAttr = genericSetAttr;
    o.newInstance = objectNew;
    o.init = objectInit;

    type->m_base = object;
    type->m_slots = o;
    TypeSlots& t = type->m_slots;
    t.repr = typeRepr;
    t.call = typeCall;
    t.getAttr = typeGetAttr;
    t.setAttr = typeSetAttr;
    t.newInstance = typeNew;
    t.init = typeInit;
    t.destroy = typeDestroy;
    t.traverse = typeTraverse;
    t.clear = typeClear;
}

void addTypeAndObjectMethods(ObjectSpace& space)
{
    const BuiltinTypes& T = space.types();
    addGetSets(space, T.objectType, {{"__class__", objectGetClass, objectSetClass},
                                      {"__dict__", objectGetDict, objectSetDict}});
    addMethods(space, T.objectType, {{"__format__", objectFormat},
                                      {"__init_subclass__", objectInitSubclass, MethodKind::ClassMethod},
                                      {"__dir__", objectDir}});
    addGetSets(space, T.typeType, {{"__name__", typeGetName, typeSetName},
                                    {"__qualname__", typeGetQualname, typeSetQualname},
                                    {"__module__", typeGetModule, typeSetModule},
                                    {"__doc__", typeGetDoc, typeSetDoc},
                                    {"__dict__", typeGetDict},
                                    {"__mro__", typeGetMro},
                                    {"__bases__", typeGetBases},
                                    {"__base__", typeGetBase}});
    addMethods(space, T.typeType, {{"mro", typeMroMethod},
                                    {"__subclasses__", typeSubclasses},
                                    {"__instancecheck__", typeInstanceCheck},
                                    {"__subclasscheck__", typeSubclassCheck}});
}

} // namespace detail

} // namespace coroscope::pylite
