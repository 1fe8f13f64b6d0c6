match = 1
case = 2
type = 3
_ = 4
print(match, case, type, _)
match.attr = 5
match[0] = 6
match(7)
case.x
type(x)
def match(): pass
def case(match, case=None): return match
class type: pass
f(match=1, case=2, type=3, _=4)
x = [match for match in case]
import match
from case import type as match
