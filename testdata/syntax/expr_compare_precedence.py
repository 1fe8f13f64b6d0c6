not a == b
a == b == c
a < b or c > d
a if b else c or d
a | b == c & d
-a < -b
a in b in c
not a in b
a is not (not b)
