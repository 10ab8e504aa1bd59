"""A synthetic alliance corpus made from templates, for timing: realistic sentence shapes (actors,
amounts, dates, modality), deterministic for a given seed, streamed so any size fits in memory."""
from __future__ import annotations

import json
import random
from typing import Iterator

ACTORS = ["Seoul", "Washington", "Tokyo", "Beijing", "South Korea", "the United States", "Japan", "China",
          "President Lee Jae Myung", "President Donald Trump", "the Pentagon", "the foreign ministry",
          "Defense Minister Ahn Gyu-back", "Secretary of State Marco Rubio", "North Korea", "Pyongyang"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
TEMPLATES = [
    "{a} said on {day} that it would raise its tariff on {b} to {pct} percent unless talks resumed.",
    "Officials in {a} confirmed a pledge of ${bn} billion in new factories across {b} by {year}.",
    "{a} and {b} held talks in {month} on the cost of stationing {troops:,} troops on the peninsula.",
    "Analysts expect {a} could cut the number of soldiers to {troops2:,} if the negotiations stall next year.",
    "The agreement, signed in {month} {year}, lowers duties on cars from {pct2} percent to {pct} percent.",
    "{a} demanded that {b} spend {share} percent of its economic output on defense within {n} years.",
    "More than {workers} workers were detained during a raid at a construction site in {month}.",
    "A summit between the two leaders is planned for late {month}, according to two people briefed on it.",
    "{a} has not yet responded to the proposal, which would commit ${bn2} billion to shipbuilding.",
    "Last week, {a} postponed a visit to {b}, citing a crowded schedule at home.",
    "The ministry said trade between the allies reached ${bn} billion in {year}, up from the year before.",
    "Critics argue the deal leaves {b} exposed if {a} changes course after the election.",
]


def article(rng: random.Random, words: int = 500) -> str:
    out, count = [], 0
    while count < words:
        a, b = rng.sample(ACTORS, 2)
        sentence = rng.choice(TEMPLATES).format(
            a=a, b=b, day=f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", month=rng.choice(MONTHS),
            year=rng.randint(2019, 2030), pct=rng.choice([10, 15, 20, 25]), pct2=rng.choice([25, 30, 35]),
            bn=rng.choice([50, 100, 150, 350]), bn2=rng.choice([20, 40, 150]), troops=rng.choice([28500, 27000]),
            troops2=rng.choice([10000, 24000, 20000]), share=rng.choice([2.5, 3.5, 5]), n=rng.randint(2, 10),
            workers=rng.randint(100, 500))
        sentence = sentence[0].upper() + sentence[1:]
        out.append(sentence)
        count += len(sentence.split())
    # paragraphs of four sentences, as articles are laid out
    return "\n\n".join(" ".join(out[i:i + 4]) for i in range(0, len(out), 4))


def articles(n: int, seed: int = 7, words: int = 500) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng, words)


def write_jsonl(path, n: int, seed: int = 7, words: int = 500) -> int:
    """The corpus as a JSONL file pactwatch can ingest; returns the number of words."""
    total = 0
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(articles(n, seed, words)):
            total += len(text.split())
            month = rng.randint(1, 12)
            f.write(json.dumps({"id": f"bench-{i:05d}", "text": text, "title": f"Alliance report {i}",
                                "published": f"2025-{month:02d}-{rng.randint(1, 28):02d}",
                                "publisher": "Bench Wire"}) + "\n")
    return total
