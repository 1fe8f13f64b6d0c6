try:
    risky()
except ValueError:
    handle()
except (TypeError, KeyError) as err:
    log(err)
except Exception as e:
    raise
except:
    pass
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    x = 1
except* ValueError:
    pass
