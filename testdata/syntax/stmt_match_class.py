match shape:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=yy):
        pass
    case Point(1, y=2):
        pass
    case geometry.Circle(r=radius):
        pass
    case int(n) | float(n):
        pass
    case Line(Point(x1, y1), Point(x2, y2)):
        pass
    case str() as s:
        pass
