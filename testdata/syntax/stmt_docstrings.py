"""Module doc
spanning lines.
"""


def f():
    '''Function doc with 'quotes'.'''
    return 1


class C:
    r"""Raw doc \d."""

    def m(self):
        "Single-quoted doc."
        b"not a docstring"
