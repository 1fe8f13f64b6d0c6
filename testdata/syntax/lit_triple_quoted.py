a = """one
two
three"""
b = '''with 'quotes' and "doubles"'''
c = """ends with quote\""""
d = """
  indented
    more
"""
e = r"""raw \n stays"""
f = """line \
joined"""
g = ''''''
h = """a""" """b"""
