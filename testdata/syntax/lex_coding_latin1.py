# -*- coding: latin-1 -*-
café = "naïve été"
print(café)
