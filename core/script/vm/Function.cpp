// The `function`, `cell` and `code` types.

#include "core/script/value/Dict.h"
#include "core/script/value/Functions.h"
#include "core/script/value/Interpreter.h"
#include "core/script/value/Number.h"
#include "core/script/value/Protocols.h"
#include "core/script/value/Str.h"
#include "core/script/value/Tuple.h"
#include "core/script/vm/Objects.h"
#include "core/script/vm/Vm.h"
#include "core/script/vm/detail/VmSetup.h"

#include <cstddef>
#include <cstdio>

namespace coroscope::pylite {

namespace {

// ------------------------------------------------------------- function

Ref functionRepr(ObjectSpace& space, Value self)
{
    std::string text = "<function ";
    text += strView(asFunction(self)->m_qualname);
    text += " at " + space.addressText(self.object()) + ">";
    return newStr(space, text);
}

Ref functionDescrGet(ObjectSpace& space, Value descr, Value obj, Value)
{
    if (!obj || obj.isNone()) return Ref::borrow(descr);
    return newBoundMethod(space, descr, obj);
}

void functionTraverse(Object* self, VisitFn visit, void* ctx)
{
    auto* f = static_cast<FunctionObject*>(self);
    visit(f->m_dict, ctx);
    visit(f->m_code, ctx);
    visit(f->m_globals, ctx);
    visit(f->m_name, ctx);
    visit(f->m_qualname, ctx);
    visit(f->m_defaults, ctx);
    visit(f->m_kwDefaults, ctx);
    visit(f->m_closure, ctx);
    visit(f->m_module, ctx);
    visit(f->m_doc, ctx);
}

void functionClear(ObjectSpace&, Object* self)
{
    auto* f = static_cast<FunctionObject*>(self);
    clearField(f->m_dict);
    clearField(f->m_globals);
    clearField(f->m_defaults);
    clearField(f->m_kwDefaults);
    clearField(f->m_closure);
    clearField(f->m_module);
    clearField(f->m_doc);
}

void functionDestroy(ObjectSpace& space, Object* self)
{
    functionClear(space, self);
    auto* f = static_cast<FunctionObject*>(self);
    clearField(f->m_name);
    clearField(f->m_qualname);
    // The code goes last: frames may still read m_codePtr while the rest
    // of the function is being released.
    f->m_codePtr = nullptr;
    clearField(f->m_code);
}

Ref getName(ObjectSpace&, Value self) { return Ref::borrow(asFunction(self)->m_name); }
int setName(ObjectSpace& space, Value self, Value v)
{
    if (!v || !isStr(space, v)) {
        space.raise(space.types().TypeError, "__name__ must be set to a string object");
        return -1;
    }
    assignField(asFunction(self)->m_name, v);
    return 0;
}
Ref getQualname(ObjectSpace&, Value self) { return Ref::borrow(asFunction(self)->m_qualname); }
int setQualname(ObjectSpace& space, Value self, Value v)
{
    if (!v || !isStr(space, v)) {
        space.raise(space.types().TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    assignField(asFunction(self)->m_qualname, v);
    return 0;
}
Ref getDoc(ObjectSpace&, Value self)
{
    Value d = asFunction(self)->m_doc;
    return d ? Ref::borrow(d) : Ref::none();
}
int setDoc(ObjectSpace&, Value self, Value v)
{
    assignField(asFunction(self)->m_doc, v ? v : Value::none());
    return 0;
}
Ref getModule(ObjectSpace&, Value self)
{
    Value m = asFunction(self)->m_module;
    return m ? Ref::borrow(m) : Ref::none();
}
int setModule(ObjectSpace&, Value self, Value v)
{
    assignField(asFunction(self)->m_module, v ? v : Value::none());
    return 0;
}
Ref getDefaults(ObjectSpace&, Value self)
{
    Value d = asFunction(self)->m_defaults;
    return d ? Ref::borrow(d) : Ref::none();
}
int setDefaults(ObjectSpace& space, Value self, Value v)
{
    if (v && !v.isNone() && !isTuple(space, v)) {
        space.raise(space.types().TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    if (!v || v.isNone())
        clearField(asFunction(self)->m_defaults);
    else
        assignField(asFunction(self)->m_defaults, v);
    return 0;
}
Ref getKwDefaults(ObjectSpace&, Value self)
{
    Value d = asFunction(self)->m_kwDefaults;
    return d ? Ref::borrow(d) : Ref::none();
}
Ref getCode(ObjectSpace&, Value self) { return Ref::borrow(asFunction(self)->m_code); }
Ref getGlobals(ObjectSpace&, Value self) { return Ref::borrow(asFunction(self)->m_globals); }
Ref getClosure(ObjectSpace&, Value self)
{
    Value c = asFunction(self)->m_closure;
    return c ? Ref::borrow(c) : Ref::none();
}
Ref getAnnotations(ObjectSpace& space, Value) { return newDict(space); }

// ------------------------------------------------------------------ cell

void cellTraverse(Object* self, VisitFn visit, void* ctx) { visit(static_cast<CellObject*>(self)->m_ref, ctx); }
void cellClear(ObjectSpace&, Object* self) { clearField(static_cast<CellObject*>(self)->m_ref); }
Ref cellRepr(ObjectSpace& space, Value self)
{
    Value v = asCell(self)->m_ref;
    std::string text = "<cell at " + space.addressText(self.object()) + ": ";
    if (!v)
        text += "empty>";
    else
        text += std::string(typeName(space, v)) + " object at " + space.addressText(v.objectOrNull()) + ">";
    return newStr(space, text);
}
Ref cellContents(ObjectSpace& space, Value self)
{
    Value v = asCell(self)->m_ref;
    if (!v) return space.raise(space.types().ValueError, "Cell is empty");
    return Ref::borrow(v);
}

// ------------------------------------------------------------------ code

Ref codeName(ObjectSpace&, Value self) { return Ref::borrow(codeOf(self).name.get()); }
Ref codeQualname(ObjectSpace&, Value self) { return Ref::borrow(codeOf(self).qualname.get()); }
Ref codeFilename(ObjectSpace& space, Value self) { return newStr(space, codeOf(self).filename); }
Ref codeFirstLine(ObjectSpace& space, Value self) { return newInt(space, codeOf(self).firstLine); }
Ref codeArgCount(ObjectSpace& space, Value self) { return newInt(space, codeOf(self).argCount); }
Ref codeFlags(ObjectSpace& space, Value self) { return newInt(space, codeOf(self).flags); }
Ref namesTuple(ObjectSpace& space, const std::vector<Ref>& names)
{
    Ref t = newTuple(space, std::int64_t(names.size()));
    if (!t) return t;
    for (std::size_t i = 0; i < names.size(); ++i) {
        incref(names[i].get());
        t.as<TupleObject>()->items()[i] = names[i].get();
    }
    return t;
}
Ref codeVarnames(ObjectSpace& space, Value self) { return namesTuple(space, codeOf(self).varnames); }
Ref codeFreevars(ObjectSpace& space, Value self) { return namesTuple(space, codeOf(self).freevars); }
Ref codeCellvars(ObjectSpace& space, Value self) { return namesTuple(space, codeOf(self).cellvars); }
Ref codeConsts(ObjectSpace& space, Value self) { return namesTuple(space, codeOf(self).consts); }
Ref codeNames(ObjectSpace& space, Value self) { return namesTuple(space, codeOf(self).names); }

} // namespace

void initFunctionTypes(Vm& vm)
{
    ObjectSpace& space = vm.space();
    VmTypes& t = vm.vmTypes();

    TypeObject* fn = t.function;
    initNativeType(space, *fn, "function", sizeof(FunctionObject),
                   TypeFlag::Gc | TypeFlag::MethodDescriptor);
    fn->m_dictOffset = sizeof(Object); // m_dict comes first
    fn->m_slots.call = callViaInterpreter;
    fn->m_slots.descrGet = functionDescrGet;
    fn->m_slots.repr = functionRepr;
    fn->m_slots.traverse = functionTraverse;
    fn->m_slots.clear = functionClear;
    fn->m_slots.destroy = functionDestroy;
    addGetSets(space, fn,
               {{"__name__", getName, setName},
                {"__qualname__", getQualname, setQualname},
                {"__doc__", getDoc, setDoc},
                {"__module__", getModule, setModule},
                {"__defaults__", getDefaults, setDefaults},
                {"__kwdefaults__", getKwDefaults},
                {"__code__", getCode},
                {"__globals__", getGlobals},
                {"__closure__", getClosure},
                {"__annotations__", getAnnotations}});

    TypeObject* cell = t.cell;
    initNativeType(space, *cell, "cell", sizeof(CellObject), std::uint32_t(TypeFlag::Gc));
    cell->m_slots.traverse = cellTraverse;
    cell->m_slots.clear = cellClear;
    cell->m_slots.destroy = cellClear;
    cell->m_slots.repr = cellRepr;
    addGetSets(space, cell, {{"cell_contents", cellContents}});

    TypeObject* code = t.code;
    initNativeType(space, *code, "code", sizeof(CodeObject), 0);
    initCodeType(code);
    addGetSets(space, code,
               {{"co_name", codeName},
                {"co_qualname", codeQualname},
                {"co_filename", codeFilename},
                {"co_firstlineno", codeFirstLine},
                {"co_argcount", codeArgCount},
                {"co_flags", codeFlags},
                {"co_varnames", codeVarnames},
                {"co_freevars", codeFreevars},
                {"co_cellvars", codeCellvars},
                {"co_consts", codeConsts},
                {"co_names", codeNames}});
}

Ref newFunctionObject(Vm& vm, Value code, Value globals, Value qualname)
{
    ObjectSpace& space = vm.space();
    auto* f = space.heap().alloc<FunctionObject>(vm.vmTypes().function);
    if (!f) return Ref();
    Ref result = Ref::steal(f);
    Code& c = codeOf(code);
    incref(code);
    f->m_code = code;
    f->m_codePtr = &c;
    incref(globals);
    f->m_globals = globals;
    incref(c.name.get());
    f->m_name = c.name.get();
    Value qn = qualname ? qualname : c.qualname.get();
    incref(qn);
    f->m_qualname = qn;
    Value doc = c.has(CodeFlag::HasDocstring) && !c.consts.empty() ? c.consts[0].get() : Value::none();
    incref(doc);
    f->m_doc = doc;
    Value module = dictGetStr(space, asDict(globals), "__name__");
    if (module) {
        incref(module);
        f->m_module = module;
    }
    return result;
}

Ref newCell(Vm& vm, Value contents)
{
    auto* c = vm.space().heap().alloc<CellObject>(vm.vmTypes().cell);
    if (!c) return Ref();
    incref(contents);
    c->m_ref = contents;
    return Ref::steal(c);
}

} // namespace coroscope::pylite
