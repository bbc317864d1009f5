import sys
import time
import asyncio
from asyncio import sleep as nap
from concurrent.futures import ThreadPoolExecutor
import greenlet
from greenlet import greenlet as Greenlet, getcurrent
print(sys.__name__, time.__name__, asyncio.__name__, greenlet.__name__)
print(nap is asyncio.sleep, ThreadPoolExecutor.__name__, Greenlet.__name__)
print(callable(getcurrent), type(sys.argv).__name__)
def later():
    import time as t
    return t.__name__
print(later())
