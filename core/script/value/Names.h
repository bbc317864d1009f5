#pragma once
// Interned names the object model and the VM use on hot paths (dunder
// lookups): ObjectSpace::name(Name::Eq) is the interned str "__eq__".

#include <cstddef>

namespace coroscope::pylite {

#define PYLITE_NAMES(X)                                                                               \
    X(Init, "__init__") X(New, "__new__") X(Del, "__del__") X(Repr, "__repr__") X(Str, "__str__")     \
    X(Hash, "__hash__") X(Bool, "__bool__") X(Len, "__len__") X(GetItem, "__getitem__")               \
    X(SetItem, "__setitem__") X(DelItem, "__delitem__") X(Contains, "__contains__") X(Iter, "__iter__") \
    X(Next, "__next__") X(Call, "__call__") X(GetAttribute, "__getattribute__")                      \
    X(GetAttr, "__getattr__") X(SetAttr, "__setattr__") X(DelAttr, "__delattr__") X(Get, "__get__")   \
    X(Set, "__set__") X(Delete, "__delete__") X(Lt, "__lt__") X(Le, "__le__") X(Eq, "__eq__")         \
    X(Ne, "__ne__") X(Gt, "__gt__") X(Ge, "__ge__") X(Neg, "__neg__") X(Pos, "__pos__")               \
    X(Invert, "__invert__") X(Abs, "__abs__") X(Index, "__index__") X(Int, "__int__")                 \
    X(Float, "__float__") X(Format, "__format__") X(Round, "__round__") X(Trunc, "__trunc__")         \
    X(Floor, "__floor__") X(Ceil, "__ceil__") X(Missing, "__missing__") X(Reversed, "__reversed__")   \
    X(LengthHint, "__length_hint__") X(SetName, "__set_name__") X(InitSubclass, "__init_subclass__")  \
    X(ClassGetItem, "__class_getitem__") X(Enter, "__enter__") X(Exit, "__exit__")                    \
    X(AEnter, "__aenter__") X(AExit, "__aexit__") X(Await, "__await__") X(AIter, "__aiter__")         \
    X(ANext, "__anext__") X(DunderName, "__name__") X(Qualname, "__qualname__")                      \
    X(Module, "__module__") X(Doc, "__doc__") X(DunderDict, "__dict__") X(DunderClass, "__class__")   \
    X(Mro, "__mro__") X(Builtins, "__builtins__") X(Keys, "keys") X(Items, "items") X(Values, "values") \
    X(Add, "__add__") X(RAdd, "__radd__") X(IAdd, "__iadd__")                                         \
    X(Sub, "__sub__") X(RSub, "__rsub__") X(ISub, "__isub__")                                         \
    X(Mul, "__mul__") X(RMul, "__rmul__") X(IMul, "__imul__")                                         \
    X(MatMul, "__matmul__") X(RMatMul, "__rmatmul__") X(IMatMul, "__imatmul__")                       \
    X(TrueDiv, "__truediv__") X(RTrueDiv, "__rtruediv__") X(ITrueDiv, "__itruediv__")                 \
    X(FloorDiv, "__floordiv__") X(RFloorDiv, "__rfloordiv__") X(IFloorDiv, "__ifloordiv__")           \
    X(Mod, "__mod__") X(RMod, "__rmod__") X(IMod, "__imod__")                                         \
    X(DivMod, "__divmod__") X(RDivMod, "__rdivmod__") X(IDivModUnused, "__idivmod__")                 \
    X(Pow, "__pow__") X(RPow, "__rpow__") X(IPow, "__ipow__")                                         \
    X(LShift, "__lshift__") X(RLShift, "__rlshift__") X(ILShift, "__ilshift__")                       \
    X(RShift, "__rshift__") X(RRShift, "__rrshift__") X(IRShift, "__irshift__")                       \
    X(And, "__and__") X(RAnd, "__rand__") X(IAnd, "__iand__")                                         \
    X(Xor, "__xor__") X(RXor, "__rxor__") X(IXor, "__ixor__")                                         \
    X(Or, "__or__") X(ROr, "__ror__") X(IOr, "__ior__")

enum class Name : std::size_t {
#define PYLITE_NAME_ENUM(id, text) id,
    PYLITE_NAMES(PYLITE_NAME_ENUM)
#undef PYLITE_NAME_ENUM
    Count_
};

/// The three dunders of binary operator `op` (NumOp order): __op__,
/// __rop__, __iop__ are Name(firstBinary + 3*op + 0/1/2).
constexpr std::size_t kFirstBinaryName = std::size_t(Name::Add);

} // namespace coroscope::pylite
