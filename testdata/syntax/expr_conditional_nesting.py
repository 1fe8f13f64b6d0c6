a = b if c else d if e else f
g = (h if i else j) if k else l
m = lambda x: x if x else (lambda y: y)
n = [a if b else c for a in d if a if b]
o = x or y if z and w else not v
