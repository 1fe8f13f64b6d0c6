x = 1

def f():
    pass

y = 2
class C:
    
    a = 1
