try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print(eg.exceptions)
except* (TypeError, KeyError):
    pass
else:
    pass
finally:
    done()
