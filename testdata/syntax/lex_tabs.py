def f():
	if x:
		return 1
	else:
		return 2

class C:
	def m(self):
		pass
