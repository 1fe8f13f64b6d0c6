class Empty:
    pass


class Child(Base):
    x = 1


class Multi(A, B, metaclass=Meta):
    pass


class Star(*bases, **kwds):
    pass


class Parens():
    pass


class Kw(Base, flag=True):
    """Doc."""

    def method(self):
        return self

    @staticmethod
    def s():
        pass

    @classmethod
    def c(cls):
        pass

    class Inner:
        pass
