# concurrent.futures.Future's repr names its state, and once finished the
# class of its result or exception. The address changes from run to run, so
# it is checked to be 0x<hex digits> and then replaced.
from concurrent.futures import Future


def show(label, f):
    text = repr(f)
    head, rest = text.split(" at 0x", 1)
    address, tail = rest.split(" ", 1)
    assert address and all(c in "0123456789abcdef" for c in address), text
    assert head[0] == "<" and tail.startswith("state=") and tail.endswith(">"), text
    print(label, head + " at 0x? " + tail)


f = Future()
show("new:", f)
print("set running:", f.set_running_or_notify_cancel(), f.running())
show("running:", f)
f.set_result(5)
show("result 5:", f)

f = Future()
f.set_result(None)
show("result None:", f)

f = Future()
f.set_result("text")
show("result str:", f)

f = Future()
f.set_exception(ValueError("bad"))
show("exception:", f)
print("exception kept:", repr(f.exception()))

f = Future()
print("cancel:", f.cancel())
show("cancelled:", f)
print("set running after cancel:", f.set_running_or_notify_cancel())
show("still cancelled:", f)



class MyFuture(Future):
    pass


show("subclass:", MyFuture())
