a = f"{1+2 = # my comment
  }"
b = f"{x # c
= }"
