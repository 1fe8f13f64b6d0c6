if a:
	if b:
	    x = 1
	    y = "tab\tinside\t"
	else:
		z = 2
if c:
        w = "eight spaces"
v = 1	# tab before comment
u = (1,	2)
