"%s and %d" % (a, b)
"%(name)s" % {"name": n}
"{} {}".format(a, b)
"{0:>{width}}".format(x, width=10)
msg = "loss=%.4f" % loss
