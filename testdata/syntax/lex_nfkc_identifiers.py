ﬁle = 1
𝐱 = 2
ｘ = 3
print(ﬁle, 𝐱)
