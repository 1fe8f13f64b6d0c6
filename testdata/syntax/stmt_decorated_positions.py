@first
# comment between decorators
@second(
    arg,
)

@third
def f():
    pass


@ decorator_with_space
class C:
    @staticmethod

    def m():
        pass
