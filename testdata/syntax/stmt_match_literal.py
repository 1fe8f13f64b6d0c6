match command:
    case 0:
        pass
    case 1.5:
        pass
    case -1:
        pass
    case "go":
        pass
    case b"bytes":
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case "a" "b":
        pass
    case f:
        pass
