for f in [print, len, range, enumerate, zip, map, filter, sorted, reversed, min, max, sum, abs, round, divmod, any, all, iter, next, isinstance, issubclass, hasattr, getattr, setattr, type, id, hash, repr, str, int, float, bool, list, tuple, dict, set, frozenset, object, super, callable, chr, ord, hex, format]:
    print(f.__name__, end=' ')
print()
print(type(len).__name__, type(int).__name__)
