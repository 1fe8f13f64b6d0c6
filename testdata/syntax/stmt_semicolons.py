a = 1; b = 2
c = 3;
import os; import sys
x = 1; y = 2; z = 3;
if a: b = 1; c = 2
def f(): x = 1; return x
for i in r: pass; continue
