def f():
    if a:
        if b:
            if c:
                x = 1
y = 2
class C:
    def m(self):
        for i in x:
            while y:
                pass
z = 3
