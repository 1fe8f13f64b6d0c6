s = "abc\
def"
t = 'x\
\
y'
u = b"bytes\
more"
