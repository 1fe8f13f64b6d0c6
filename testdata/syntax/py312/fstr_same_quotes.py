d = {"key": 1}
a = f"{d["key"]}"
b = f'{d['key']}'
c = f"{", ".join(names)}"
e = f"""{f"""{x}"""}"""
