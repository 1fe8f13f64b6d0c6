if x:
    a = 1;
def f(): pass;
while x: a; b;
class C:
    x = 1; y = 2;
for i in r:
    print(i);
else:
    done();
with ctx:
    pass;
try:
    risky();
except E:
    handle();
finally:
    cleanup();
y = 3;
