if a:
    x = 1
    # trailing comment in block

else:
    y = 2  # trailing


def f():
    return 1

    # comment after return


class C:
    pass
# module comment
while x:
    pass
for i in x:
    pass
else:
    pass  # else comment
try:
    pass
except E:
    pass
    # after handler
