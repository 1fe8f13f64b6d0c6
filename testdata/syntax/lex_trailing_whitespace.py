x = 1   
def f():   
    return 2	
y = [1,   
     2]   
