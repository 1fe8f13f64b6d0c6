x = "héllo"
y = 2
