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


def _is_punct(text: str) -> bool:
    """spaCy's is_punct: every character a Unicode punctuation mark."""
    return bool(text) and all(unicodedata.category(c).startswith("P") for c in text)


_FLAGS: dict[str, Callable[[str], bool]] = {
    "IS_ALPHA": str.isalpha,
    "IS_DIGIT": str.isdigit,
    "IS_PUNCT": _is_punct,
}

# The tests are small classes, not closures: a pipeline is pickled for worker
# processes.


class _NotIn:
    __slots__ = ("excluded",)

    def __init__(self, excluded: frozenset[str]) -> None:
        self.excluded = excluded

    def __call__(self, s: str) -> bool:
        return s not in self.excluded


class _Search:
    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def __call__(self, s: str) -> bool:
        return self.pattern.search(s) is not None


def _value_test(value: Any) -> Callable[[str], bool] | None:
    if isinstance(value, str):
        return value.__eq__
    if not isinstance(value, Mapping) or len(value) != 1:
        return None
    (op, arg), *_ = value.items()
    if op == "IN" and isinstance(arg, list | tuple) and all(isinstance(a, str) for a in arg):
        return frozenset(arg).__contains__
    if op == "NOT_IN" and isinstance(arg, list | tuple) and all(isinstance(a, str) for a in arg):
        return _NotIn(frozenset(arg))
    if op == "REGEX" and isinstance(arg, str):
        return _Search(re.compile(arg))
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
            tests.append(_OnLower(test) if key == "LOWER" else _OnText(test))
        elif key in _FLAGS and isinstance(value, bool):
            tests.append(_FlagIs(_FLAGS[key], value))
        else:
            return None
    if len(tests) == 1:
        return tests[0]
    return _AllOf(tests)


class _OnLower:
    __slots__ = ("test",)

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test

    def __call__(self, lower: str, text: str) -> bool:
        return self.test(lower)


class _OnText:
    __slots__ = ("test",)

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test

    def __call__(self, lower: str, text: str) -> bool:
        return self.test(text)


class _FlagIs:
    __slots__ = ("flag", "value")

    def __init__(self, flag: Callable[[str], bool], value: bool) -> None:
        self.flag, self.value = flag, value

    def __call__(self, lower: str, text: str) -> bool:
        return self.flag(text) is self.value


class _AllOf:
    __slots__ = ("tests",)

    def __init__(self, tests: list[TokenTest]) -> None:
        self.tests = tests

    def __call__(self, lower: str, text: str) -> bool:
        return all(t(lower, text) for t in self.tests)


class _Negated:
    __slots__ = ("test",)

    def __init__(self, test: TokenTest) -> None:
        self.test = test

    def __call__(self, lower: str, text: str) -> bool:
        return not self.test(lower, text)


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
        """Every (start, end) of `lowers` the pattern matches: the pairs
        spaCy's Matcher returns (in start order, not in its order)."""
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
        given = token.get("OP")
        function = _token_test(token)
        if function is None or (given is not None and given not in ("!", "?", "*", "+")):
            return None  # spaCy's Matcher validates (and rejects) any other OP
        op = given or "1"
        words = _lower_words(token)
        test: frozenset[str] | TokenTest = function if words is None or op == "!" else words
        needs_text = needs_text or any(k != "LOWER" and k != "OP" for k in token)
        if op == "!":
            steps.append((_Negated(function), ""))
        elif op == "+":
            steps += [(test, ""), (test, "*")]
        else:
            steps.append((test, "" if op == "1" else op))
    if not steps:
        return None
    return TokenPattern(steps, needs_text)
