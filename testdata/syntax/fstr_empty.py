a = f""
b = f''
c = f""""""
d = f"" f""
e = f"" ""
f = f"{x}"
