données = 1
π = 3.14159
日本 = "nihon"
Ñandú = None
class Größe:
    def méthode(self, ñ):
        return ñ
λ = lambda α, β=2: α * β
print(données, π, 日本)
x = Größe().méthode(ñ=1)
