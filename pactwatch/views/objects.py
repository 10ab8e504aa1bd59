"""What an event statement is about, read from its record: the words of its quote after the trigger,
up to the end of that clause ("approved | South Korea building nuclear-powered submarines, a step …").

Event records carry their trigger's offsets but not their object, so the ledger reads the object off
the quote here, in one place; when the pipeline records an event's object this module goes.
"""
from __future__ import annotations

import functools
import re

from ..knowledge import loader

MAX_OBJECT_WORDS = 14
# where the clause holding the object ends: a relative or adverbial clause, an apposition (", a step …"),
# a dash, a semicolon
_CLAUSE_END = re.compile(r"\s*(?:[;:(]|\s[—–-]\s|,\s*(?:which|who|where|while|but|as|after|before|since|a|an|"
                         r"though|although|because|according|saying|said|adding)\b|,\s*\w+\s+(?:said|says|added)\b)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


WORDS_FILE = "ledger_words.toml"


@functools.lru_cache(maxsize=8)
def ledger_words(kb_dirs: tuple[str, ...] = ()) -> dict:
    """ledger_words.toml with the additions of the user's --kb folders `kb_dirs`, checked: `function_words`,
    `not_content` (function words and date words) and `sentiment_triggers`. The ledger reads with the words
    of the folders its store was ingested with and passes them to each function here (`lex`)."""
    data, check = loader.Checked.of(WORDS_FILE, kb_dirs)
    function = frozenset(w.lower() for w in check.words(data, "function_words", "function_words"))
    dates = frozenset(w.lower() for w in check.words(data, "date_words", "date_words"))
    return {"function_words": function, "not_content": function | dates,
            "sentiment_triggers": tuple(check.words(data, "sentiment_triggers", "sentiment_triggers"))}


def function_words(lex: dict | None = None) -> frozenset[str]:
    return (lex or ledger_words())["function_words"]


def is_sentiment(trigger: str | None, lex: dict | None = None) -> bool:
    """True for a trigger of praise, thanks or congratulation: support that commits to nothing."""
    word = (trigger or "").lower()
    return any(word.startswith(stem) for stem in (lex or ledger_words())["sentiment_triggers"])


def object_text(event: dict) -> str:
    """The words after the event's trigger in its quote, cut at the clause's end (at most MAX_OBJECT_WORDS)."""
    quote, start = event.get("quote") or "", event.get("start")
    trigger_end = event.get("span_end")
    if start is None or trigger_end is None or not (start <= trigger_end <= start + len(quote)):
        return ""
    rest = quote[trigger_end - start:].strip(" ,")
    cut = _CLAUSE_END.search(rest)
    rest = rest[:cut.start()] if cut else rest
    words = rest.split()
    text = " ".join(words[:MAX_OBJECT_WORDS]).rstrip(" ,.")
    return text + "…" if len(words) > MAX_OBJECT_WORDS else text


def _stem(word: str) -> str:
    # enough to tie "submarines" to "submarine" and "building" to "build"
    for suffix in ("ing", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def content_words(text: str, names: list[str] | tuple[str, ...] = (), lex: dict | None = None) -> frozenset[str]:
    """The stems of a text's words that say what it is about: no function words, no words of the actors' names."""
    skip = (lex or ledger_words())["not_content"] | {w.lower() for n in names for w in _WORD.findall(n or "")}
    return frozenset(_stem(w.lower().strip("'’-")) for w in _WORD.findall(text) if w.lower() not in skip)


def is_pointer(text: str, lex: dict | None = None) -> bool:
    """True when an object only points back ("the request", "it", "the project"): at most one content word,
    introduced by a function word, so what it names must be found earlier in the text."""
    words = _WORD.findall(text)
    if not words:
        return True
    return len(content_words(text, lex=lex)) <= 1 and words[0].lower() in function_words(lex)


def same_object(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two objects name one thing when they share at least two content words and most of the smaller one."""
    shared = len(a & b)
    return shared >= 2 and shared >= 0.5 * min(len(a), len(b))
