a = f"{'\n'.join(lines)}"
b = f"{"\t".join(cols)!r}"
c = f"{'\\'}"
