not x
-x
+x
~x
- - x
not not x
-1
+1.5
~0
-(-x)
not -x
- x ** 2
