def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step

        def peek():
            return count

        return peek

    return increment


class Outer:
    def method(self):
        def helper(x):
            return lambda y: x + y

        return helper(1)(2)
