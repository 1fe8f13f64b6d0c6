name = 'abc
