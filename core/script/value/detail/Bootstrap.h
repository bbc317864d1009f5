#pragma once
// Bootstrap phases of an ObjectSpace (called in this order by ObjectSpace):
//   1. create*Types: allocate the built-in TypeObjects and fill their slots
//      (no Python object may be allocated yet, except the types themselves);
//   2. ObjectSpace names the types and gives them dicts and MROs;
//   3. add*Methods: fill the type dicts (methods, getsets, slot wrappers).

namespace coroscope::pylite {
class ObjectSpace;
}

namespace coroscope::pylite::detail {

void createTypeAndObjectTypes(ObjectSpace& space);
void createNumberTypes(ObjectSpace& space);
void createFloatType(ObjectSpace& space);
void createStrType(ObjectSpace& space);
void createBytesType(ObjectSpace& space);
void createListType(ObjectSpace& space);
void createTupleType(ObjectSpace& space);
void createDictTypes(ObjectSpace& space);
void createSetTypes(ObjectSpace& space);
void createRangeTypes(ObjectSpace& space);
void createIteratorTypes(ObjectSpace& space);
void createFunctionTypes(ObjectSpace& space);
void createExceptionTypes(ObjectSpace& space);

void addTypeAndObjectMethods(ObjectSpace& space);
void addNumberMethods(ObjectSpace& space);
void addFloatMethods(ObjectSpace& space);
void addStrMethods(ObjectSpace& space);
void addStrCaseMethods(ObjectSpace& space);
void addBytesMethods(ObjectSpace& space);
void addListMethods(ObjectSpace& space);
void addTupleMethods(ObjectSpace& space);
void addDictMethods(ObjectSpace& space);
void addSetMethods(ObjectSpace& space);
void addRangeMethods(ObjectSpace& space);
void addFunctionMethods(ObjectSpace& space);
void addExceptionMethods(ObjectSpace& space);

} // namespace coroscope::pylite::detail
