"""What an event statement is about, read off its quote: the object after the trigger, its content words,
pointers back, and support that commits to nothing."""
from __future__ import annotations

import pytest

from pactwatch.views.objects import content_words, is_pointer, is_sentiment, object_text, same_object


def _event(text: str, trigger: str, start: int = 100) -> dict:
    at = text.index(trigger)
    return {"quote": text, "start": start, "end": start + len(text), "span_start": start + at,
            "span_end": start + at + len(trigger)}


@pytest.mark.parametrize("quote, trigger, expected", [
    ("Ruritania approved Sylvania's plan to build a canal, a step critics called rash", "approved",
     "Sylvania's plan to build a canal"),
    ("the council backed the treaty; the senate did not", "backed", "the treaty"),
    ("both sides agreed to open the border crossings, officials said", "agreed", "to open the border crossings"),
    ("Vows", "Vows", ""),
])
def test_objects_object_text_is_the_clause_after_the_trigger(quote, trigger, expected):
    assert object_text(_event(quote, trigger)) == expected


def test_objects_object_text_is_cut_to_a_few_words():
    quote = "they agreed to " + " ".join(f"word{i}" for i in range(30))
    assert object_text(_event(quote, "agreed")).endswith("…")
    assert len(object_text(_event(quote, "agreed")).split()) == 14


def test_objects_object_text_needs_the_trigger_inside_the_quote():
    assert object_text({"quote": "they agreed", "start": 10, "end": 21, "span_start": 40, "span_end": 46}) == ""


def test_objects_content_words_leave_out_function_words_dates_and_actor_names():
    words = content_words("Sylvania to build nuclear-powered submarines by March", ["Sylvania"])
    assert words == {"build", "nuclear-powered", "submarin"}


@pytest.mark.parametrize("text, pointer", [
    ("the request", True), ("it", True), ("", True), ("the canal project", False),
    ("submarines", False),
])
def test_objects_a_pointer_names_nothing_of_its_own(text, pointer):
    assert is_pointer(text) is pointer


def test_objects_same_object_needs_two_shared_words_and_most_of_the_smaller():
    canal = content_words("build a deep canal across the isthmus")
    assert same_object(canal, content_words("the canal across the isthmus"))
    assert not same_object(canal, content_words("a canal toll"))


@pytest.mark.parametrize("trigger, sentiment", [
    ("congratulated", True), ("Praised", True), ("welcoming", True), ("approved", False), ("backed", False),
    (None, False)])
def test_objects_praise_and_thanks_commit_to_nothing(trigger, sentiment):
    assert is_sentiment(trigger) is sentiment
