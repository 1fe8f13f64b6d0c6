def handle(cmd):
    match cmd.split():
        case ["quit"]:
            return 0
        case ["go", direction]:
            for step in range(3):
                move(direction)
        case ["drop", *objects]:
            for obj in objects:
                match obj:
                    case "all":
                        drop_all()
                    case _:
                        drop(obj)
        case _:
            raise ValueError(cmd)
