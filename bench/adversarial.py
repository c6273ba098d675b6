"""Time on adversarial inputs at growing sizes: it must grow linearly.

Each input is built at a base size and at 2x and 4x; the table prints the
seconds and the ratio to the base. A linear-time pipeline shows ratios near
2 and 4; a quadratic one near 4 and 16.

Usage: python bench/adversarial.py [--scale 1.0] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

from extractor import extract

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "one",
    "all",
    "we",
    "their",
    "been",
    "has",
    "would",
    "when",
    "who",
    "will",
    "more",
    "no",
    "if",
    "out",
    "so",
    "said",
    "what",
    "up",
    "its",
    "about",
    "into",
    "than",
    "them",
    "can",
    "only",
    "other",
    "new",
    "some",
    "could",
    "time",
    "these",
    "two",
    "may",
    "then",
    "do",
    "first",
    "any",
    "my",
    "now",
    "such",
    "like",
    "our",
    "over",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "us",
    "great",
    "old",
    "year",
    "off",
    "come",
]


def book(n_chars: int) -> str:
    rng = random.Random(7)
    out, size = [], 0
    while size < n_chars:
        sentence = (
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24))).capitalize() + ". "
        )
        if rng.random() < 0.05:
            sentence += "\n\n"
        out.append(sentence)
        size += len(sentence)
    return "".join(out)[:n_chars]


CASES: dict[str, Callable[[int], str]] = {
    "no spaces (1 MB at 4x)": lambda n: ("L4-5lucency(screw)" * (n // 18 + 1))[:n],
    "newlines only": lambda n: "\n" * n,
    "one word a line": lambda n: "lucency\n" * (n // 8),
    "'no lucency' repeated": lambda n: "no lucency " * (n // 11),
    "nested brackets": lambda n: "(" * (n // 2) + "lucency about the L5 screw" + ")" * (n // 2),
    "list markers": lambda n: "1. " * (n // 3),
    "a book of unrelated text": book,
    "report text repeated": lambda n: (
        ("FINDINGS: 3 mm lucency about the left L5 screw, increased. No rod fracture. ") * (n // 77)
    ),
}


def timed(text: str) -> float:
    """Best of two runs (the first can pay for garbage collection of the last case)."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        record = extract(text, max_chars=len(text) + 1, model="rule")
        best = min(best, time.perf_counter() - started)
    elapsed = best
    assert record.error in (None, "empty text"), record.error
    for f in record.findings:
        assert text[f.start : f.end] == f.text
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="base size is 250,000 characters x scale"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = int(250_000 * args.scale)
    extract("warm up the pipeline")
    rows = []
    for name, make in CASES.items():
        times = [timed(make(base * k)) for k in (1, 2, 4)]
        rows.append(
            {
                "input": name,
                "chars": [base, 2 * base, 4 * base],
                "seconds": [round(t, 3) for t in times],
                "ratio_2x": round(times[1] / times[0], 2),
                "ratio_4x": round(times[2] / times[0], 2),
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"| input | {base:,} chars | x2 | x4 | ratio x2 | ratio x4 |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        s = r["seconds"]
        print(
            f"| {r['input']} | {s[0]:.3f} s | {s[1]:.3f} s | {s[2]:.3f} s | {r['ratio_2x']} | {r['ratio_4x']} |"
        )


if __name__ == "__main__":
    main()
