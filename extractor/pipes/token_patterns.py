"""Token patterns matched in Python over a short window of tokens.

The anchored matchers run a pattern on a window of a few tokens around each
occurrence of its anchor word. spaCy's Matcher costs ~7-25 us a call however
short the window; this matcher costs a few. It takes the pattern keys the
rules use (LOWER and TEXT as a string, IN, NOT_IN or REGEX; IS_ALPHA,
IS_DIGIT, IS_PUNCT; OP "!", "?", "*", "+") and returns every (start, end) the
Matcher returns; `compile_pattern` gives None for any other pattern, which
then stays a Matcher pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

# a token test on (lower-case form, text)
TokenTest = Callable[[str, str], bool]


class Texts(Protocol):
    """Token texts by position (a list, or one read lazily)."""

    def __getitem__(self, i: int, /) -> str: ...


_FLAGS: dict[str, Callable[[str], bool]] = {
    "IS_ALPHA": str.isalpha,
    "IS_DIGIT": str.isdigit,
    # spaCy's is_punct: every character a Unicode punctuation mark
    "IS_PUNCT": lambda text: (
        bool(text) and all(unicodedata.category(c).startswith("P") for c in text)
    ),
}


def _value_test(value: Any) -> Callable[[str], bool] | None:
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, Mapping) or len(value) != 1:
        return None
    (op, arg), *_ = value.items()
    if op == "IN" and isinstance(arg, list | tuple) and all(isinstance(a, str) for a in arg):
        options = frozenset(arg)
        return options.__contains__
    if op == "NOT_IN" and isinstance(arg, list | tuple) and all(isinstance(a, str) for a in arg):
        excluded = frozenset(arg)
        return lambda s: s not in excluded
    if op == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda s: search(s) is not None
    return None


def _lower_words(token: Mapping[str, Any]) -> frozenset[str] | None:
    """The lower-case forms a {"LOWER": str | {"IN": [...]}} token takes, else None."""
    if set(token) - {"LOWER", "OP"}:
        return None
    value = token.get("LOWER")
    if isinstance(value, str):
        return frozenset([value])
    if (
        isinstance(value, Mapping)
        and set(value) == {"IN"}
        and isinstance(value["IN"], list | tuple)
    ):
        return frozenset(value["IN"]) if all(isinstance(w, str) for w in value["IN"]) else None
    return None


def _token_test(token: Mapping[str, Any]) -> TokenTest | None:
    tests: list[TokenTest] = []
    for key, value in token.items():
        if key == "OP":
            continue
        if key in ("LOWER", "TEXT"):
            test = _value_test(value)
            if test is None:
                return None
            tests.append(_on_lower(test) if key == "LOWER" else _on_text(test))
        elif key in _FLAGS and isinstance(value, bool):
            tests.append(_flag_is(_FLAGS[key], value))
        else:
            return None
    if len(tests) == 1:
        return tests[0]
    return _all_of(tests)


def _on_lower(test: Callable[[str], bool]) -> TokenTest:
    return lambda lower, text: test(lower)


def _on_text(test: Callable[[str], bool]) -> TokenTest:
    return lambda lower, text: test(text)


def _flag_is(flag: Callable[[str], bool], value: bool) -> TokenTest:
    return lambda lower, text: flag(text) is value


def _all_of(tests: list[TokenTest]) -> TokenTest:
    return lambda lower, text: all(t(lower, text) for t in tests)


def _negated(test: TokenTest) -> TokenTest:
    return lambda lower, text: not test(lower, text)


class TokenPattern:
    """One token pattern as steps of (test, repeat): repeat "" takes one
    token, "?" zero or one, "*" any number."""

    __slots__ = ("_after", "_first", "_reach", "_sets", "needs_text", "steps")

    def __init__(
        self, steps: list[tuple[frozenset[str] | TokenTest, str]], needs_text: bool
    ) -> None:
        # a step's test: the set of lower-case forms it takes, or a function
        self.steps = steps
        self.needs_text = needs_text
        n = len(steps)
        # the steps reachable from step k without taking a token
        reach: list[tuple[int, ...]] = []
        for k in range(n + 1):
            r = [k]
            while r[-1] < n and steps[r[-1]][1] in ("?", "*"):
                r.append(r[-1] + 1)
            reach.append(tuple(r))
        self._reach = reach
        # the steps a step moves to when it takes a token
        self._after = [
            reach[k] + reach[k + 1] if op == "*" else reach[k + 1]
            for k, (_, op) in enumerate(steps)
        ]
        # a required first step: a cheap test of where a match can start
        self._first = steps[0][0] if steps[0][1] == "" else None
        self._sets = [isinstance(test, frozenset) for test, _ in steps]

    def spans(self, lowers: Sequence[str], texts: Texts) -> list[tuple[int, int]]:
        """Every (start, end) of `lowers` the pattern matches, as spaCy's
        Matcher returns them (all of them, by start, then end)."""
        steps, after, n, sets = self.steps, self._after, len(self.steps), self._sets
        first, needs_text = self._first, self.needs_text
        out: list[tuple[int, int]] = []
        for start in range(len(lowers)):
            if first is not None and not (
                lowers[start] in first if sets[0] else first(lowers[start], texts[start])  # type: ignore[operator]
            ):
                continue
            states = self._reach[0]
            for i in range(start, len(lowers)):
                lower = lowers[i]
                text = texts[i] if needs_text else lower
                nxt: set[int] = set()
                for k in states:
                    if k == n:
                        continue
                    test = steps[k][0]
                    if lower in test if sets[k] else test(lower, text):  # type: ignore[operator]
                        nxt.update(after[k])
                if not nxt:
                    break
                if n in nxt:
                    out.append((start, i + 1))
                states = tuple(nxt)
        return out


def compile_pattern(pattern: Sequence[Mapping[str, Any]]) -> TokenPattern | None:
    """The pattern as a TokenPattern, or None when it uses what this matcher
    does not take."""
    steps: list[tuple[frozenset[str] | TokenTest, str]] = []
    needs_text = False
    for token in pattern:
        op = token.get("OP", "1")
        function = _token_test(token)
        if function is None or op not in ("1", "!", "?", "*", "+"):
            return None
        words = _lower_words(token)
        test: frozenset[str] | TokenTest = function if words is None or op == "!" else words
        needs_text = needs_text or any(k != "LOWER" and k != "OP" for k in token)
        if op == "!":
            steps.append((_negated(function), ""))
        elif op == "+":
            steps += [(test, ""), (test, "*")]
        else:
            steps.append((test, "" if op == "1" else op))
    if not steps:
        return None
    return TokenPattern(steps, needs_text)
