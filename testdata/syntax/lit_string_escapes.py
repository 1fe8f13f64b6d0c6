a = "\n\t\\\'\""
b = "\x41\x7e\x7f\x80\xff"
c = "\101\0\7\77\777"
d = "\u00e9\u200b\uFEFF"
e = "\U0001F600\U00010000"
f = "\N{BULLET}\N{GREEK SMALL LETTER ALPHA}"
g = "\a\b\f\v\r"
h = 'it\'s'
i = "line\
continued"
j = "\ud800"
k = "tab\there"
l = "\x00"
