a = 1 .real
b = 1.0.real
c = 1j.imag
d = 0x10.bit_length()
e = (1).bit_length()
f = 1.5.hex()
