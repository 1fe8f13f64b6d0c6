a = f"{f'{x}'}"
b = f"outer {f'inner {y!r}'} done"
c = f"{'nested ' + f'{z}'}"
d = f'''{f"{f'{x}'}"}'''
e = f"{x:{f'{w}'}}"
