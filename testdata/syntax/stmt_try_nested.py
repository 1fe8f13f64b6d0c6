def f():
    try:
        try:
            return compute()
        except ZeroDivisionError:
            return 0
        finally:
            log("inner")
    except Exception as exc:
        raise RuntimeError("outer") from exc
    else:
        pass
    finally:
        try:
            cleanup()
        except:
            pass


try:
    import numpy as np
except ImportError:
    np = None
