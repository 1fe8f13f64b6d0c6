def load(path):
    with open(path) as f:
        return f.read()


text = load("notes.txt")
