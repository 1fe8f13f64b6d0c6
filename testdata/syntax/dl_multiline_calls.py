result = some_function(
    first_argument,
    second_argument=value,
    *extra,
    **options,
)
nested = outer(
    inner(
        a, b,
    ),
    [
        1, 2, 3,
    ],
)
long_condition = (
    x > 0
    and y < 10
    or not z
)
