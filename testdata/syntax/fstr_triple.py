a = f"""multi
line {x}
end"""
b = f'''{
    x
}'''
c = f"""
    {a} {b}
    {c!r:>{w}}
"""
d = f"""{x:
>10}"""
