a = r'\''
b = r"\""
c = r'\\'
d = r"""\""""
e = r'a\
b'
f = rb'\''
g = R"\N{BULLET}"
h = r'\x41'
