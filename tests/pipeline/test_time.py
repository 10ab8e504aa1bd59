"""pactwatch_time: finding temporal expressions, their TIMEX3 values, the anchor, timex_of."""
from __future__ import annotations

import datetime as dt

import pytest

from pactwatch import pipeline
from pactwatch.pipeline import timex_rules
from pactwatch.pipeline.extensions import TIMEX
from pactwatch.pipeline.time import timex_of

SUNDAY = "2024-03-10"  # ISO week 10


def timexes(doc) -> list[tuple[str, str, str]]:
    return [(s.text, s._.timex["type"], s._.timex["value"]) for s in doc.spans["pw_timex"]]


@pytest.mark.parametrize("text, dct, expected", [
    # day, month and year granularity, with and without the year
    ("The ministers met on March 3, 2023 in Tokyo.", SUNDAY, ("March 3, 2023", "DATE", "2023-03-03")),
    ("The accord was signed on 14 July 1998 in Rome.", SUNDAY, ("14 July 1998", "DATE", "1998-07-14")),
    ("The treaty lapsed in December 2019.", SUNDAY, ("December 2019", "DATE", "2019-12")),
    ("The base reopened in 2011 after repairs.", SUNDAY, ("2011", "DATE", "2011")),
    ("Envoys arrived on Feb. 27 for the talks.", SUNDAY, ("Feb. 27", "DATE", "2024-02-27")),
    # tense decides the year of a yearless month
    ("The envoy resigned in February.", SUNDAY, ("February", "DATE", "2024-02")),
    ("Officials visited Hanoi in November.", SUNDAY, ("November", "DATE", "2023-11")),
    ("The delegation will return in February.", SUNDAY, ("February", "DATE", "2025-02")),
    ("Talks collapsed last October.", SUNDAY, ("last October", "DATE", "2023-10")),
    ("Both navies will exercise together at the end of May.", SUNDAY, ("the end of May", "DATE", "2024-05")),
    ("Exports slowed in early April.", "2024-08-02", ("early April", "DATE", "2024-04")),
    # weekdays: the one the tense points to
    ("The parliament will vote on Wednesday.", SUNDAY, ("Wednesday", "DATE", "2024-03-13")),
    ("The parliament voted on Wednesday.", SUNDAY, ("Wednesday", "DATE", "2024-03-06")),
    ("The minister said Thursday that talks had stalled.", SUNDAY, ("Thursday", "DATE", "2024-03-07")),
    # weeks, years, quarters, seasons, decades, ranges
    ("Negotiators meet again next week.", SUNDAY, ("next week", "DATE", "2024-W11")),
    ("The embassy closed last week.", SUNDAY, ("last week", "DATE", "2024-W09")),
    ("Exports rose sharply this year.", SUNDAY, ("this year", "DATE", "2024")),
    ("Imports fell last year.", SUNDAY, ("last year", "DATE", "2023")),
    ("Growth slowed in the third quarter of 2022.", SUNDAY, ("the third quarter of 2022", "DATE", "2022-Q3")),
    ("The fleet sailed north last winter.", SUNDAY, ("last winter", "DATE", "2023-WI")),
    ("A summit is planned for this summer.", SUNDAY, ("this summer", "DATE", "2024-SU")),
    ("Ties were frosty in the 1990s.", SUNDAY, ("the 1990s", "DATE", "199")),
    ("Veterans of the 1914-18 war gathered.", SUNDAY, ("1914-18", "DATE", "1914/1918")),
    ("The port was seized two years ago.", SUNDAY, ("two years ago", "DATE", "2022")),
    ("Prices rose today.", SUNDAY, ("today", "DATE", "2024-03-10")),
    ("The ship docked yesterday.", SUNDAY, ("yesterday", "DATE", "2024-03-09")),
    # durations
    ("The ceasefire held for four months.", SUNDAY, ("four months", "DURATION", "P4M")),
    ("It is a sixty-year-old treaty between the two states.", SUNDAY, ("sixty-year-old", "DURATION", "P60Y")),
    ("Inspectors spent the first three weeks in the north.", SUNDAY, ("the first three weeks", "DURATION", "P3W")),
    ("The talks lasted 36 hours.", SUNDAY, ("36 hours", "DURATION", "PT36H")),
    ("Unrest had simmered for the weeks before the vote.", SUNDAY, ("the weeks before", "DURATION", "PXW")),
    ("The pact dates back two decades.", SUNDAY, ("two decades", "DURATION", "P20Y")),
    # recurrences
    ("The allies hold annual drills off the coast.", SUNDAY, ("annual", "SET", "P1Y")),
    ("Inspections happen weekly at the border.", SUNDAY, ("weekly", "SET", "P1W")),
    ("The fund pays out $4 million a year to farmers.", SUNDAY, ("a year", "SET", "P1Y")),
    # vague references
    ("Relations have recently improved.", SUNDAY, ("recently", "DATE", "PAST_REF")),
    ("The agreement is now in force.", SUNDAY, ("now", "DATE", "PRESENT_REF")),
    ("A decision is expected soon.", SUNDAY, ("soon", "DATE", "FUTURE_REF")),
    ("Trade has grown in recent years.", SUNDAY, ("recent years", "DATE", "PAST_REF")),
    # times of day
    ("The meeting starts at 3 p.m. in the capital.", SUNDAY, ("3 p.m.", "TIME", "2024-03-10T15:00")),
    ("Polls closed at 8 p.m. Friday.", SUNDAY, ("8 p.m. Friday", "TIME", "2024-03-08T20:00")),
    ("Sirens sounded this morning.", SUNDAY, ("this morning", "TIME", "2024-03-10TMO")),
    ("Shelling resumed on Friday night.", SUNDAY, ("Friday night", "TIME", "2024-03-08TNI")),
    # holidays, weekends, deadlines, reported future
    ("Shops closed on Christmas Day.", "2024-01-03", ("Christmas Day", "DATE", "2023-12-25")),
    ("Leaders will meet at Thanksgiving.", "2024-10-01", ("Thanksgiving", "DATE", "2024-11-28")),
    ("Protesters gathered over the weekend.", "2024-03-12", ("the weekend", "DATE", "2024-W10-WE")),
    ("The court gave them until mid-November to reply.", "2024-10-20", ("mid-November", "DATE", "2024-11")),
    ("The envoy said talks would resume on Tuesday.", "2024-03-07", ("Tuesday", "DATE", "2024-03-12")),
    ("Exports were weak last June.", "2024-10-20", ("last June", "DATE", "2024-06")),
    ("Rates will stay put this September.", "2024-02-20", ("this September", "DATE", "2024-09")),
    ("Steel output fell two more weeks.", SUNDAY, ("two more weeks", "DURATION", "P2W")),
    ("A memo dated February 30, 2023 was forged.", SUNDAY, ("2023", "DATE", "2023")),
    # a clock time beside its day is one TIME
    ("The bid lapses at 6 p.m. EDT Nov. 12.", "2024-11-01", ("6 p.m. EDT Nov. 12", "TIME", "2024-11-12T18:00")),
    ("Updated Oct. 3, 2024, 9:15 a.m. ET", "2024-10-03", ("Oct. 3, 2024, 9:15 a.m. ET", "TIME", "2024-10-03T09:15")),
    ("Shares jumped yesterday at noon.", SUNDAY, ("yesterday at noon", "TIME", "2024-03-09T12:00")),
    # parts of a day are TIME values of that day
    ("Rebels shelled the town on Tuesday morning.", SUNDAY, ("Tuesday morning", "TIME", "2024-03-05TMO")),
    # halves and ranges of units, approximate spans
    ("Refugees waited in the camps for 3 1/2 years.", SUNDAY, ("3 1/2 years", "DURATION", "P3Y6M")),
    ("The hearing ran for two hours and a half.", SUNDAY, ("two hours and a half", "DURATION", "PT2H30M")),
    ("The ferry crossing takes a day and a half.", SUNDAY, ("a day and a half", "DURATION", "P1DT12H")),
    ("Repairs should take four to six weeks.", SUNDAY, ("four to six weeks", "DURATION", "PXW")),
    ("The envoy left Seoul nearly three months ago.", SUNDAY, ("nearly three months ago", "DATE", "2023-12")),
    ("Prices will settle over the next year or so.", SUNDAY, ("the next year or so", "DATE", "2025")),
    # "before" with an object, "earlier than": a length of time, not a date
    ("The strike began a week before the summit.", SUNDAY, ("a week", "DURATION", "P1W")),
    ("The plant opened two years earlier than planned.", SUNDAY, ("two years", "DURATION", "P2Y")),
    ("The army had withdrawn two days before.", SUNDAY, ("two days before", "DATE", "2024-03-08")),
    # years read out, as in broadcast transcripts
    ("In nineteen eighty-seven the strike ended.", SUNDAY, ("nineteen eighty-seven", "DATE", "1987")),
    ("The treaty was ratified in May nineteen ninety-two.", SUNDAY, ("May nineteen ninety-two", "DATE", "1992-05")),
    ("Targets were set for the year two thousand.", SUNDAY, ("the year two thousand", "DATE", "2000")),
    # times told from the date just named
    ("The deal was signed on May 4, 2019. The following day, markets rallied.", SUNDAY,
     ("The following day", "DATE", "2019-05-05")),
    ("The port was seized in August 2015 and reopened later that year.", SUNDAY, ("later that year", "DATE", "2015")),
    ("The blockade began on July 2, 2020. Talks opened that same week.", SUNDAY, ("that same week", "DATE", "2020-W27")),
    ("He arrived on June 9, 2021 and spoke to reporters the next morning.", SUNDAY,
     ("the next morning", "TIME", "2021-06-10TMO")),
    # financial periods
    ("Revenue rose in this year's second quarter.", SUNDAY, ("this year's second quarter", "DATE", "2024-Q2")),
    ("Profit is expected to improve in next year's first half.", SUNDAY, ("next year's first half", "DATE", "2025-H1")),
    ("Sales fell in the last half of 2022.", SUNDAY, ("the last half of 2022", "DATE", "2022-H2")),
    ("Net income was $3 million for the year ended June 30.", SUNDAY, ("the year", "DURATION", "P1Y")),
    ("The firm forecast higher sales for the full year.", SUNDAY, ("the full year", "DATE", "2024")),
    ("Exports rebounded over the past year.", SUNDAY, ("the past year", "DATE", "2023")),
    ("Wages lagged inflation for the last decade.", SUNDAY, ("the last decade", "DATE", "201")),
    ("Banks expect rates to stay high in the near term.", SUNDAY, ("the near term", "DATE", "FUTURE_REF")),
    ("The border stayed closed for some time.", SUNDAY, ("some time", "DURATION", "PXX")),
    ("The merger should close by year-end.", SUNDAY, ("year-end", "DATE", "2024")),
    ("The ship docked on May 2, 2022, and sailed later in the day.", SUNDAY, ("later in the day", "DATE", "2022-05-02")),
    ("Membership grew through the eighties.", SUNDAY, ("the eighties", "DATE", "198")),
    ("The quake struck at 4:10 a.m. (1910 GMT) Thursday.", SUNDAY, ("4:10 a.m. (1910 GMT) Thursday", "TIME", "2024-03-07T04:10")),
    ("The vote was held on June 9, 2021; the cabinet resigned the following Monday.", SUNDAY,
     ("the following Monday", "DATE", "2021-06-14")),
    ("Shares closed on Oct. 27, 2023, below the previous Friday.", SUNDAY, ("the previous Friday", "DATE", "2023-10-20")),
    ("The ferry line adds 900 seats a week in summer.", SUNDAY, ("a week", "SET", "P1W")),
    ("The envoy resigned a week before the vote.", SUNDAY, ("a week", "DURATION", "P1W")),
    # recurrences on named days and months
    ("Ferries leave each Thursday from Busan.", SUNDAY, ("each Thursday", "SET", "XXXX-WXX-4")),
    ("The market is closed on Sundays.", SUNDAY, ("Sundays", "SET", "XXXX-WXX-7")),
    ("Clubs open late on Friday nights.", SUNDAY, ("Friday nights", "SET", "XXXX-WXX-5TNI")),
    ("Farmers burn the stubble every October.", SUNDAY, ("every October", "SET", "XXXX-10")),
])
def test_time_normalises(annotate, text, dct, expected):
    assert expected in timexes(annotate(text, dct))


@pytest.mark.parametrize("text", [
    "The base hosts 2000 soldiers and 300 civilians.",
    "Seoul may raise its defense budget.",
    "The 52-year-old minister resigned after the vote.",
    "The figure reached 2,019 units.",
    "Spending rose 2025% in the model, an obvious typo.",
    "He won a second term in office.",
    "Prices may fall and markets may recover.",
    # a person's age, a conjunction, a nearness of two past events
    "Mr. Park, 61 years old, will lead the delegation.",
    "The troops will leave as soon as the ceasefire holds.",
    "The envoy arrived soon after the talks began.",
    "The prisoner was soon released by the guards.",
    # a fraction; "current" (pactwatch's gold leaves "current levels" untagged)
    "The country imports about three-quarters of its grain.",
    "Troop numbers will stay at their current level.",
])
def test_time_ignores_non_times(annotate, text):
    assert timexes(annotate(text, SUNDAY)) == []


@pytest.mark.parametrize("text, dct, anchor, source", [
    ("The envoy arrived on Friday.", SUNDAY, SUNDAY, "published"),
    ("Published on 4 March 2024\n\nThe talks will resume on Friday.", None, "2024-03-04", "text"),
    ("SEOUL, March 4, 2024 (Wire) - The talks will resume on Friday.", None, "2024-03-04", "text"),
    ("The envoy arrived on Friday.", None, None, None),
    ("By Ann Writer | Published: March 4, 2024\n\nThe talks will resume on Friday.", None, "2024-03-04", "text"),
    ("March 4, 2024\n\nThe talks will resume on Friday.", None, "2024-03-04", "text"),
    # a date in a sentence is not the document's own
    ("The report was published on March 4, 2024, and the talks resumed.", None, "2024-03-04", "inferred"),
    ("A memo dated March 4, 2024 will guide the talks.", None, None, None),
])
def test_time_anchor_source(annotate, text, dct, anchor, source):
    doc = annotate(text, dct)
    assert (doc._.anchor, doc._.anchor_source) == (anchor, source)


def test_time_text_anchor_resolves_relatives(annotate):
    doc = annotate("Published on 4 March 2024\n\nThe talks will resume on Friday.")
    assert ("Friday", "DATE", "2024-03-08") in timexes(doc)


def test_time_inferred_anchor_from_latest_past_date(annotate):
    doc = annotate("The accord was signed on June 2, 2021. Its first review came on March 9, 2019. "
                   "Officials met again in August, and a new round will open next year.")
    assert doc._.inferred_after == "2021-06-02"
    assert (doc._.anchor, doc._.anchor_source) == ("2021-06-02", "inferred")
    values = {t: v for t, _, v in timexes(doc)}
    assert values["August"] == "2021-08"
    assert values["next year"] == "2022"


def test_time_inferred_anchor_ignores_future_dates(annotate):
    doc = annotate("Leaders met on May 5, 2020. They will meet again on July 1, 2030.")
    assert doc._.inferred_after == "2020-05-05"


def test_time_undated_keeps_unknown_year(annotate):
    doc = annotate("The minister resigned in June.")
    assert doc._.anchor is None and doc._.inferred_after is None
    assert timexes(doc) == [("June", "DATE", "XXXX-06")]


@pytest.mark.parametrize("text, verb, value", [
    ("The two sides signed the deal in June, and they will meet again in October.", "signed", "2024-06"),
    ("The two sides signed the deal in June, and they will meet again in October.", "meet", "2024-10"),
    ("After the vote on Tuesday, the cabinet resigned.", "resigned", "2024-07-30"),
])
def test_time_timex_of_same_clause(annotate, text, verb, value):
    doc = annotate(text, "2024-08-01")
    token = next(t for t in doc if t.text == verb)
    assert timex_of(doc, token)["value"] == value


@pytest.mark.parametrize("text, expected", [
    # a quarter report: "a year earlier" is the same quarter a year before
    ("Profit rose in the third quarter. It was $4 million, up from $3 million a year earlier.",
     [("the third quarter", "2023-Q3"), ("a year earlier", "2022-Q3")]),
    ("Sales fell in the fourth quarter, below the year-ago quarter.",
     [("the fourth quarter", "2023-Q4"), ("the year-ago quarter", "2022-Q4")]),
    # without a quarter in view, a year is a year
    ("The mayor was elected a year ago.", [("a year ago", "2023")]),
])
def test_time_quarter_context(annotate, text, expected):
    doc = annotate(text, "2024-01-25")
    assert [(t, v) for t, _, v in timexes(doc)] == expected


def test_time_timex_of_skips_durations(annotate):
    doc = annotate("The blockade lasted three weeks.", SUNDAY)
    assert timex_of(doc, doc[2]) is None


def test_time_analyze_pipes_clean(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert problems.get("pactwatch_time") == []


@pytest.mark.parametrize("when, direction, expected", [
    ((6,), "past", 2025), ((9,), "past", 2024), ((9,), "future", 2025), ((6,), "future", 2026),
    ((9,), None, 2025), ((2,), None, 2025), ((12,), None, 2025), ((8, 21), "past", 2025),
    # no tense: the nearer one, a date ahead counting half as far again as one behind
    ((1,), None, 2025), ((3,), None, 2025), ((1, 5), None, 2026), ((2, 10), None, 2025),
])
def test_time_pick_year_by_tense(when, direction, expected):
    assert timex_rules.pick_year(dt.date(2025, 8, 21), when, direction) == expected


def test_time_bad_resolver_is_a_usage_error(nlp):
    from pactwatch.errors import UsageError
    from pactwatch.pipeline.time import make_component
    with pytest.raises(UsageError):
        make_component(nlp, "t", resolver="guess", kb_dirs=[])


@pytest.mark.parametrize("text, dct, expected", [
    # the tense and the words around a weekday pick the week
    ("Protesters planned a march on Saturday.", "2024-03-07", ("Saturday", "2024-03-09")),
    ("The minister plans to fly to Tokyo on Monday.", "2024-03-07", ("Monday", "2024-03-11")),
    ("The council has scheduled a vote Thursday.", "2024-03-05", ("Thursday", "2024-03-07")),
    ("The delegation could arrive as early as Wednesday.", "2024-03-07", ("Wednesday", "2024-03-13")),
    ("The talks were postponed until Friday.", "2024-03-05", ("Friday", "2024-03-08")),
    ("The team leaves Monday for Geneva.", "2024-03-07", ("Monday", "2024-03-11")),
    # a verb that looks present but may be past ("hurt") tells nothing: the days just past
    ("Weak exports hurt the index on Tuesday.", "2024-03-07", ("Tuesday", "2024-03-05")),
    # a plan that was overtaken is in the past
    ("The offer had been due to expire on Friday.", "2024-03-11", ("Friday", "2024-03-08")),
    # an infinitive that qualifies a noun is no plan: "the first to ..."
    ("Poland was the first to sign the accord on Friday.", "2024-03-09", ("Friday", "2024-03-08")),
])
def test_time_weekday_direction(annotate, text, dct, expected):
    assert expected in [(t, v) for t, _, v in timexes(annotate(text, dct))]


def test_time_reported_would_is_not_ahead_of_today(annotate):
    # "would" under a past verb of saying points ahead of the saying, not of the anchor
    doc = annotate("The carmaker said in May that tariffs would cut its profit in August.", "2024-11-06")
    assert ("August", "2024-08") in [(t, v) for t, _, v in timexes(doc)]
    doc = annotate("The carmaker says that tariffs will cut its profit in August.", "2024-11-06")
    assert ("August", "2025-08") in [(t, v) for t, _, v in timexes(doc)]


def test_time_article_of_a_modifying_duration_stays_outside(annotate):
    doc = annotate("The ministers ended the eight-year dispute.", SUNDAY)
    assert timexes(doc) == [("eight-year", "DURATION", "P8Y")]


def test_time_anaphor_without_a_date_uses_the_anchor(annotate):
    doc = annotate("Officials met that day to discuss the plan.", SUNDAY)
    assert timexes(doc) == [("that day", "DATE", SUNDAY)]


def test_time_quarter_context_year_period(annotate):
    doc = annotate("Profit rose in the third quarter. In the 2022 period, the firm lost money.", "2023-11-02")
    assert [(t, v) for t, _, v in timexes(doc)] == [("the third quarter", "2023-Q3"), ("the 2022 period", "2022-Q3")]


# ---------------------------------------------------------------- issue 11: dates

THURSDAY = "2031-05-15"


@pytest.mark.parametrize("text, expected", [
    # "this" + weekday: the anchor's own week, before or after it
    ("The harbour board meets this Tuesday to vote.", ("this Tuesday", "DATE", "2031-05-13")),
    ("The ferry fair runs this Saturday in the old port.", ("this Saturday", "DATE", "2031-05-17")),
])
def test_time_this_weekday_is_the_anchors_own_week(annotate, text, expected):
    assert expected in timexes(annotate(text, THURSDAY))


def test_time_a_weekday_joined_to_this_weekday_shares_its_week(annotate):
    found = timexes(annotate("The port fair is being held this Friday and Saturday by the river.", "2031-05-12"))
    assert ("this Friday", "DATE", "2031-05-16") in found
    assert ("Saturday", "DATE", "2031-05-17") in found


def test_time_midnight_told_in_the_past_began_the_day(annotate):
    found = timexes(annotate("The new fares applied as the clock struck midnight, the operator said.", THURSDAY))
    assert ("midnight", "TIME", "2031-05-15T00:00") in found


def test_time_a_weekday_in_an_undated_text_is_not_counted_from_a_date_it_mentions(annotate):
    doc = annotate("The port charged the new levy on March 3, 2031. A court ruled Friday that it was unlawful.")
    assert doc._.anchor_source == "inferred"
    assert ("Friday", "DATE", "XXXX-WXX-5") in timexes(doc)


def test_time_a_date_run_into_a_name_is_the_date(annotate):
    found = timexes(annotate("July 09, 2031Harbour Ledger\n\nThe ferry crews met on Tuesday.", None))
    assert [value for _, _, value in found][:1] == ["2031-07-09"]



@pytest.mark.parametrize("text, expected", [
    # a month dating a noun takes the tense of the clause around the noun phrase
    ("The mayor repeated a promise made during the campaign in October.", ("October", "DATE", "2030-10")),
    ("The council debate in October was long.", ("October", "DATE", "2030-10")),
    ("Delegates will attend the fair in October.", ("October", "DATE", "2031-10")),
])
def test_time_a_month_inside_a_noun_phrase_takes_the_tense_around_it(annotate, text, expected):
    assert expected in timexes(annotate(text, THURSDAY))


def test_time_a_users_kb_person_noun_makes_an_age_no_duration(tmp_path, nlp):
    (tmp_path / "time_words.toml").write_text('[person_nouns]\nwords = ["welder"]\n', encoding="utf-8")
    text = "A 52-year-old welder was detained at the plant on Monday."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def durations(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [s.text for s in doc.spans[TIMEX] if s._.timex["type"] == "DURATION"]

    assert durations(nlp) == ["52-year-old"]     # the packaged words do not know a welder is a person
    assert durations(extended) == []
