"""Synthetic product reviews for the text demo models (scripts/train_demo_text.py).

Each review is one to three short sentences built from a fixed vocabulary with a seeded generator.
Every opinion phrase carries a polarity; "not" before an adjective flips it, "but" makes the second
clause count double, and a few reviews are neutral filler. The label is the sign of the sum, with
5% of labels flipped so that no model reaches 100%.
"""

import numpy as np

NOUNS = [
    "product", "battery", "screen", "delivery", "service", "price", "quality", "camera", "sound",
    "packaging", "design", "keyboard", "charger", "app", "support", "size", "fit", "material",
]
POSITIVE = ["great", "fantastic", "excellent", "good", "amazing", "perfect", "solid", "lovely", "reliable", "fast"]
NEGATIVE = ["terrible", "awful", "bad", "poor", "broken", "disappointing", "slow", "cheap", "useless", "flimsy"]
INTENSIFIERS = ["very", "really", "extremely", "quite", "so"]
LOVE = ["love", "like", "recommend", "enjoy"]
HATE = ["hate", "regret", "returned", "dislike"]
FILLER = [
    "I bought it last week.", "It arrived on Tuesday.", "Ordered for my brother.", "Second one I own.",
    "Used it every day so far.", "Came in a blue box.",
]
TRAILERS = ["!", ".", "!!", " :)", " :(", "..."]


def _adjective(rng, positive):
    return str(rng.choice(POSITIVE if positive else NEGATIVE))


def _clause(rng):
    """One opinion clause and its polarity (+1 / -1, doubled by an intensifier)."""
    noun = str(rng.choice(NOUNS))
    positive = rng.random() < 0.5
    kind = rng.integers(0, 5)
    strength = 1.0
    if kind == 0:
        text = f"the {noun} is {_adjective(rng, positive)}"
    elif kind == 1:
        intensifier = str(rng.choice(INTENSIFIERS))
        text = f"the {noun} is {intensifier} {_adjective(rng, positive)}"
        strength = 2.0
    elif kind == 2:
        # "not great" is negative, "not bad" mildly positive: the bigram carries the meaning
        text = f"the {noun} is not {_adjective(rng, not positive)}"
        strength = 0.8
    elif kind == 3:
        text = f"{_adjective(rng, positive)} {noun}"
    else:
        verb = str(rng.choice(LOVE if positive else HATE))
        text = f"I {verb} this {noun}"
    return text, (strength if positive else -strength)


def make_review(rng):
    sentences, score = [], 0.0
    for i in range(int(rng.integers(1, 4))):
        if rng.random() < 0.15:
            sentences.append(str(rng.choice(FILLER)))
            continue
        text, s = _clause(rng)
        if rng.random() < 0.25:
            other, s2 = _clause(rng)
            text = f"{text} but {other}"
            s = s + 2 * s2
        score += s
        sentences.append(text[0].upper() + text[1:] + str(rng.choice(TRAILERS)))
    if score == 0:
        score = rng.choice([-0.1, 0.1])
    return " ".join(sentences), score


def make_reviews(seed, n):
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for _ in range(n):
        text, score = make_review(rng)
        label = int(score > 0)
        if rng.random() < 0.05:
            label = 1 - label
        texts.append(text)
        labels.append(label)
    return texts, np.asarray(labels, dtype=np.int64)


# Requests the test suite and the README use, scored and kept in samples.json beside the generated ones.
HANDWRITTEN = [
    "This is a fantastic product!",
    "Terrible service, the charger arrived broken.",
    "",
    "   ",
    "Café très bien, the design is lovely",
    "zyxwv qwerty unheard-of words only",
    "The battery is not good but the screen is really great! " * 8,
]
