if x: pass
if x: y = 1
else: y = 2
while False: break
for i in x: print(i)
class C: pass
def f(): return 1
with ctx: pass
try: pass
except: pass
try: x = 1
finally: y = 2
async def g(): await h()
