import random


def load_demo(rng: random.Random) -> int:
    return 0
