a = 1
b = 2
label = "ÿ"
