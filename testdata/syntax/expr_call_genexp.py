sum(x for x in range(10))
sum(x * x for x in range(10) if x % 2)
max((len(s) for s in strings), default=0)
f((x for x in y), z)
any(p.requires_grad for p in model.parameters())
list(
    a
    for a in b
)
dict((k, v) for k, v in pairs)
