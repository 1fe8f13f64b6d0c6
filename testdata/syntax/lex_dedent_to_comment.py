if x:
    y = 1
    # comment after body at body indent
# comment at module level
z = 2
