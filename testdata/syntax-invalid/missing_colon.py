def train()
    pass
