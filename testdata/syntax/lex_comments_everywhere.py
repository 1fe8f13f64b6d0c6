# leading comment
x = [  # after bracket
    1,  # after element
    # own line inside brackets
    2,
]  # after closing


def f():  # after colon
    # comment at body indentation
  # comment at odd indentation
        # comment deeper
    return 1  # trailing
# comment at column 0 inside nothing
y = 2  # noqa: E501
z = 3  #type: ignore
