"""pactwatch_quantities on sentences written for these tests: amounts and their units, what they
measure, who holds them, how firm they are, and the readings that must not become amounts."""
from __future__ import annotations

import pytest

from pactwatch import pipeline
from pactwatch.pipeline.extensions import QUANTITIES


def quantities(annotate, text, dct="2025-06-01"):
    doc = annotate(text, dct)
    return doc, [s._.quantity for s in doc.spans[QUANTITIES]]


def only(annotate, text):
    doc, found = quantities(annotate, text)
    assert len(found) == 1, [(s.text, s._.quantity["value"]) for s in doc.spans[QUANTITIES]]
    return found[0]


# ---------------------------------------------------------------- amounts and units

@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("Germany promised to spend more than $40 billion on new rail lines.", 40_000_000_000, "USD", "more than"),
    ("The ministry set aside 2.3 trillion won for the program.", 2_300_000_000_000, "KRW", None),
    ("Tokyo offered ¥800 billion in loans to its neighbours.", 800_000_000_000, "JPY", None),
    ("Brussels earmarked €12bn for the fund.", 12_000_000_000, "EUR", None),
    ("The company raised USD 75 million from investors.", 75_000_000, "USD", None),
    ("Canberra will contribute 600 million Australian dollars to the shipyard.", 600_000_000, "AUD", None),
    ("The program is expected to cost nearly $1.2 trillion.", 1_200_000_000_000, "USD", "nearly"),
    ("Up to $30 billion could flow into the region.", 30_000_000_000, "USD", "up to"),
])
def test_quantities_money_is_expanded_with_currency_and_qualifier(annotate, text, value, unit, qualifier):
    q = only(annotate, text)
    assert (q["value"], q["unit"], q["qualifier"]) == (value, unit, qualifier)


@pytest.mark.parametrize("text, value, points", [
    ("Ottawa raised its levy on steel to 12 percent.", 12, False),
    ("The central bank lowered rates by 0.25 percentage points.", 0.25, True),
    ("Officials reported a 7% rise in exports.", 7, False),
    ("Prices rose 3.5 per cent in the spring.", 3.5, False),
])
def test_quantities_percentages(annotate, text, value, points):
    q = only(annotate, text)
    assert (q["value"], q["unit"], q["points"]) == (value, "percent", points)


@pytest.mark.parametrize("text, value", [
    ("About 4,000 soldiers are based near the border.", 4000),
    ("The factory employs 1,200 workers.", 1200),
    ("Police held 45 Vietnamese nationals overnight.", 45),
    ("A 12,000-strong garrison guards the port.", 12000),
    ("Some 600 Koreans were flown home.", 600),
    ("Two million people fled the fighting.", 2_000_000),
])
def test_quantities_counts_of_people(annotate, text, value):
    q = only(annotate, text)
    assert (q["value"], q["unit"]) == (value, "persons")


@pytest.mark.parametrize("text, value", [
    ("A 12-percent duty applies to the panels.", 12),
    ("The levy was raised to 30pc last week.", 30),
    ("Bond yields rose to 4.1% on Friday.", 4.1),
])
def test_quantities_percent_glued_or_hyphenated(annotate, text, value):
    q = only(annotate, text)
    assert (q["value"], q["unit"]) == (value, "percent")


@pytest.mark.parametrize("text, value, unit", [
    ("The budget grows by 120 mln dollars.", 120_000_000, "USD"),
    ("Seoul set aside 1.2 tril won for the program.", 1_200_000_000_000, "KRW"),
    ("Rebuilding will cost 7 billion U.S. dollars.", 7_000_000_000, "USD"),
])
def test_quantities_scale_abbreviations_and_currency_after(annotate, text, value, unit):
    q = only(annotate, text)
    assert (q["value"], q["unit"]) == (value, unit)


@pytest.mark.parametrize("text, low, high, unit", [
    ("Planners discussed keeping between 3,000 and 5,000 troops on the island.", 3000, 5000, "persons"),
    ("The bill proposes a 10-20% duty on imported chips.", 10, 20, "percent"),
    ("The shipyard upgrade will cost $3-4 billion.", 3_000_000_000, 4_000_000_000, "USD"),
])
def test_quantities_ranges_keep_both_ends(annotate, text, low, high, unit):
    q = only(annotate, text)
    assert (q["value"], q["high"], q["unit"]) == (low, high, unit)


@pytest.mark.parametrize("text", [
    "The treaty was signed in 1953 and renewed in 2014.",
    "The 64-year-old minister arrived on March 3.",
    "It was the third round of talks, held on the 12th floor.",
    "For details call 202-555-0188 or see page 14 of the report.",
    "The two defense chiefs met for the annual 3+3 dialogue.",
    "The eighty-year-old alliance faces its second test.",
    "The two leaders spoke for 45 minutes before lunch.",
    "The 1950-53 war ended in an armistice, not a treaty.",
    "The plan was described by two people familiar with the talks.",
    "Article 5 of the treaty has been invoked only once.",
    "The F-35 jets flew over the 38th parallel.",
])
def test_quantities_years_ages_ordinals_phones_pages_are_not_amounts(annotate, text):
    _, found = quantities(annotate, text)
    assert found == []


def test_quantities_page_number_does_not_hide_a_real_count(annotate):
    _, found = quantities(annotate, "Page 7 of the report says 350 workers lost their jobs.")
    assert [(q["value"], q["unit"]) for q in found] == [(350, "persons")]


# ---------------------------------------------------------------- measure

@pytest.mark.parametrize("text, measure", [
    ("Washington imposed a 20 percent tariff on Vietnamese steel.", "tariff_rate"),
    ("Samsung will invest $17 billion in a new plant in Texas.", "investment_pledge"),
    ("Japan agreed to buy $8 billion of American farm goods.", "purchase_commitment"),
    ("Some 3,500 American soldiers are stationed in Poland.", "troop_level"),
    ("Police detained 120 workers at the construction site.", "detained_persons"),
    ("Agents arrested 80 soldiers who had deserted.", "detained_persons"),
    ("Berlin promised to lift military spending to 2 percent of GDP.", "defense_spending"),
    ("Manila will pay $200 million a year toward the upkeep of the American forces.", "cost_sharing"),
    ("Exports to China fell to $12 billion last year.", "trade_value"),
    ("The landslide killed 40 soldiers.", "other"),
    ("The museum drew 2,000 visitors.", "other"),
])
def test_quantities_measure_comes_from_the_clause(annotate, text, measure):
    assert only(annotate, text)["measure"] == measure


# ---------------------------------------------------------------- status

@pytest.mark.parametrize("text, value, status", [
    ("Canada pledged $3 billion for the reconstruction fund.", 3_000_000_000, "pledged"),
    ("Negotiators agreed to a 10 percent tariff on cars.", 10, "agreed"),
    ("The Treasury cut the duty on imported rice to 5 percent.", 5, "agreed"),
    ("The commission initially proposed a 40 percent levy.", 40, "proposed"),
    ("Washington demanded that Manila raise defense spending to 3 percent of GDP.", 3, "demanded"),
    ("The president called for a 30 percent tariff on Mexican steel.", 30, "demanded"),
    ("The White House threatened to impose a 50 percent tariff on Brazil.", 50, "threatened"),
    ("Beijing could raise its tariffs to 60 percent.", 60, "speculative"),
    ("If talks fail, Ottawa may face a 35 percent duty.", 35, "speculative"),
    ("About 2,000 troops are stationed in the country.", 2000, "actual"),
    ("Exports fell to $4 billion in May.", 4_000_000_000, "actual"),
])
def test_quantities_status_from_triggers_and_modality(annotate, text, value, status):
    q = only(annotate, text)
    assert (q["value"], q["status"]) == (value, status)


@pytest.mark.parametrize("text, value, status", [
    ("Officials said Manila should pay $2 billion a year for the bases.", 2_000_000_000, "demanded"),
    ("Analysts said exports should rise 4 percent next year.", 4, "speculative"),
    ("The United States will impose a 32 percent tariff on Indonesian goods.", 32, "threatened"),
    ("Toyota will invest $10 billion in new factories in Kentucky.", 10_000_000_000, "pledged"),
    ("Duties on Canadian lumber were cut to 9 percent.", 9, "agreed"),
    ("An inquiry demanded an admission that the militia killed 200 villagers.", 200, "actual"),
])
def test_quantities_status_from_obligation_future_and_passive_change(annotate, text, value, status):
    q = only(annotate, text)
    assert (q["value"], q["status"]) == (value, status)


@pytest.mark.parametrize("text, value, status", [
    ("Under the accord, the duty on Chilean wine falls to 6% next year.", 6, "agreed"),
    ("The United States will keep its tariff on Canadian steel at 10 percent.", 10, "actual"),
])
def test_quantities_status_from_the_frame_and_kept_levels(annotate, text, value, status):
    q = only(annotate, text)
    assert (q["value"], q["status"]) == (value, status)


def test_quantities_would_in_reported_speech_is_not_a_guess(annotate):
    q = only(annotate, "Ottawa confirmed that the duty on Korean steel would be lowered to 5 percent.")
    assert q["status"] == "agreed"
    q = only(annotate, "The duty on Korean steel would be lowered to 5 percent if talks succeed.")
    assert q["status"] == "speculative"


def test_quantities_amount_mentioned_in_passing_keeps_status_actual(annotate):
    q = only(annotate, "The president demanded that Tokyo pay more for the 54,000 troops based there.")
    assert (q["value"], q["status"]) == (54000, "actual")


# ---------------------------------------------------------------- holder and target

@pytest.mark.parametrize("text, holder, target", [
    ("The United States imposed a 25 percent tariff on Canada.", "United States", "Canada"),
    ("Japan pledged $550 billion in investment in the United States.", "Japan", "United States"),
    ("Some 30,000 American troops are stationed in Germany.", "United States", "Germany"),
    ("Germany's $10 billion investment pledge in Poland was welcomed.", "Germany", "Poland"),
    ("Mexican exporters face a 30 percent tariff imposed by the United States.", "United States", None),
])
def test_quantities_holder_and_target_from_the_parse(annotate, text, holder, target):
    q = only(annotate, text)
    assert q["holder"] == holder
    if target is not None:
        assert q["target"] == target


def test_quantities_value_of_a_noun_reads_the_nouns_status(annotate):
    q = only(annotate, "Canada made a pledge of $4 billion to the fund.")
    assert (q["value"], q["status"]) == (4_000_000_000, "pledged")


def test_quantities_target_is_a_state_not_a_unit_or_company(annotate):
    q = only(annotate, "Some 3,000 American soldiers serve in the Marine Corps.")
    assert q["holder"] == "United States"
    assert q["target"] != "Marine Corps"


def test_quantities_relative_clause_takes_the_actor_of_its_noun(annotate):
    q = only(annotate, "Germany is studying plans that involve moving about 3,000 troops out of Lithuania.")
    assert (q["holder"], q["target"], q["status"]) == ("Germany", "Lithuania", "proposed")


def test_quantities_goods_modifier_names_the_seller(annotate):
    q = only(annotate, "Under the deal, Indonesia will buy $4 billion of American wheat.")
    assert (q["measure"], q["holder"], q["target"]) == ("purchase_commitment", "Indonesia", "United States")


def test_quantities_nationality_of_detained_people_is_the_target(annotate):
    q = only(annotate, "Roughly 90 Mexicans were detained at the border crossing.")
    assert (q["measure"], q["target"]) == ("detained_persons", "Mexico")
    assert q["holder"] != "Mexico"


def test_quantities_count_inside_a_modified_noun_takes_its_modifier(annotate):
    q = only(annotate, "Critics question the cost of the British military presence of about 4,000 soldiers.")
    assert q["holder"] == "United Kingdom"


def test_quantities_reporter_of_a_figure_does_not_hold_it(annotate):
    q = only(annotate, "German intelligence estimated that more than 600 had been killed in the raid.")
    assert q["holder"] is None


def test_quantities_other_figure_belongs_to_the_person_not_the_state(annotate):
    q = only(annotate, "Mark Carney won the vote with 44 percent.")
    assert "Carney" in (q["holder"] or "")


def test_quantities_pronoun_holder_resolves_to_the_subject(annotate):
    q = only(annotate, "Canada lowered its tariff on Chinese cars to 6 percent.")
    assert (q["holder"], q["target"]) == ("Canada", "China")


def test_quantities_other_party_filled_from_the_document(annotate):
    text = ("Officials from Japan and the United States met again on Monday. Japan wants lower tariffs, "
            "and the United States wants more investment. Under the deal, Japan pledged $40 billion in new investment.")
    doc, found = quantities(annotate, text)
    q = found[-1]
    assert (q["holder"], q["target"], q["status"]) == ("Japan", "United States", "pledged")


# ---------------------------------------------------------------- changes and parts

def test_quantities_change_links_before_and_after(annotate):
    doc, found = quantities(annotate, "Canada cut its tariff on Japanese cars to 10 percent from 20 percent.")
    after, before = found
    assert (after["value"], after["change"]["role"], after["status"]) == (10, "after", "agreed")
    assert (before["value"], before["change"]["role"]) == (20, "before")
    assert after["change"]["other"] == 1 and before["change"]["other"] == 0
    assert before["holder"] == after["holder"] == "Canada"
    assert before["status"] != "agreed"


def test_quantities_before_value_keeps_its_own_status(annotate):
    _, found = quantities(annotate, "Ottawa lowered the levy to 8 percent from the threatened 30 percent.")
    by_value = {q["value"]: q for q in found}
    assert by_value[30]["status"] == "threatened"
    assert by_value[8]["status"] == "agreed"


def test_quantities_bare_number_in_a_change_takes_the_unit(annotate):
    _, found = quantities(annotate, "Planners want to cut the 9,000 soldiers on the island to 6,000.")
    assert [(q["value"], q["unit"], q["measure"]) for q in found] == [
        (9000, "persons", "troop_level"), (6000, "persons", "troop_level")]
    assert found[1]["change"]["role"] == "after"
    # the planners want to do it themselves, nobody is asked: a proposal
    assert found[1]["status"] == "proposed"


def test_quantities_bare_year_after_to_is_not_a_change(annotate):
    _, found = quantities(annotate, "The 5,000 troops will stay, and the handover was moved to 2030.")
    assert [q["value"] for q in found] == [5000]


def test_quantities_share_of_a_count_takes_its_unit_and_is_a_part(annotate):
    _, found = quantities(annotate, "The Pentagon is weighing a plan to withdraw about 2,000 of the 9,000 soldiers.")
    share, whole = found
    assert (share["value"], share["unit"], share["measure"]) == (2000, "persons", "troop_level")
    assert share["part_of"] == 1 and whole["components"] == [0]
    assert share["status"] == "proposed" and whole["status"] == "actual"


def test_quantities_coordinated_bare_number_counts_the_same_thing(annotate):
    _, found = quantities(annotate, "Washington keeps 35,000 troops in Germany and 12,000 in Italy.")
    assert [(q["value"], q["unit"], q["target"]) for q in found] == [
        (35000, "persons", "Germany"), (12000, "persons", "Italy")]


@pytest.mark.parametrize("text, value", [
    ("Officials said more than 900 had been killed or wounded in the fighting.", 900),
    ("Border guards detained 85 near the river crossing.", 85),
])
def test_quantities_bare_number_a_verb_says_of_people(annotate, text, value):
    q = only(annotate, text)
    assert (q["value"], q["unit"]) == (value, "persons")


def test_quantities_bare_number_with_other_verbs_stays_out(annotate):
    _, found = quantities(annotate, "The committee approved 35 after a long debate.")
    assert found == []


def test_quantities_definite_figure_in_passing_stays_actual(annotate):
    q = only(annotate, "The allies may discuss the future of the 40,000 American troops based in Japan.")
    assert q["status"] == "actual"


def test_quantities_package_is_a_pledge(annotate):
    q = only(annotate, "Talks focused on how the $90 billion investment package would be financed.")
    assert (q["measure"], q["status"]) == ("investment_pledge", "pledged")


def test_quantities_conversion_after_comma_or_is_the_same_fact(annotate):
    _, found = quantities(annotate, "Seoul will pay 1.2 trillion won, or about $900 million, next year.")
    assert found[1]["same_as"] == 0 and found[1]["status"] == found[0]["status"]


def test_quantities_coordinated_number_with_its_own_noun_is_not_people(annotate):
    _, found = quantities(annotate, "The raid involved 400 officers and 30 helicopters.")
    assert [(q["value"], q["unit"]) for q in found] == [(400, "persons")]


def test_quantities_object_of_asking_verb_holds_the_amount(annotate):
    _, found = quantities(annotate, "Washington asked Japan to raise its payments to $4 billion.")
    assert (found[0]["holder"], found[0]["status"]) == ("Japan", "demanded")


def test_quantities_currency_word_read_as_a_verb_still_finds_the_payer(annotate):
    q = only(annotate, "Japan agreed to pay 900 billion yen this year for the American bases.")
    assert (q["value"], q["unit"], q["holder"]) == (900_000_000_000, "JPY", "Japan")


def test_quantities_part_of_an_earlier_pledge(annotate):
    text = ("Canada pledged a $20 billion fund for clean energy in Mexico. "
            "Of that sum, $8 billion will go to power lines.")
    _, found = quantities(annotate, text)
    whole, part = found
    assert part["part_of"] == 0 and whole["components"] == [1]
    assert (part["measure"], part["status"], part["holder"]) == (whole["measure"], "pledged", "Canada")


def test_quantities_coordinated_amounts_are_parts_alike(annotate):
    text = "Mexico will invest $90 billion in Canada, including $60 billion in loans and $30 billion for railways."
    _, found = quantities(annotate, text)
    assert [q["part_of"] for q in found] == [None, 0, 0]
    assert found[0]["components"] == [1, 2]
    assert {q["status"] for q in found} == {"pledged"}


def test_quantities_share_of_them_counts_the_same_people(annotate):
    _, found = quantities(annotate, "Police detained 210 workers at the mine, 140 of them Filipino nationals.")
    whole, share = found
    assert (share["value"], share["unit"], share["measure"], share["part_of"]) == (140, "persons", "detained_persons", 0)


def test_quantities_bracketed_conversion_is_the_same_fact(annotate):
    _, found = quantities(annotate, "Japan agreed to pay 210 billion yen ($1.4 billion) for the American bases.")
    yen, usd = found
    assert (yen["unit"], usd["unit"], usd["same_as"]) == ("JPY", "USD", 0)
    assert (usd["measure"], usd["holder"], usd["status"]) == (yen["measure"], yen["holder"], yen["status"])


def test_quantities_split_into_parts(annotate):
    text = "Norway's $12 billion aid pledge is split into $7 billion in grants and $5 billion in loans."
    _, found = quantities(annotate, text)
    assert [q["part_of"] for q in found] == [None, 0, 0]


def test_quantities_unmarked_sum_after_a_pledge_spells_it_out(annotate):
    text = ("Canada pledged to invest $60 billion in Mexico over ten years. "
            "Some $40 billion will be paid in cash in yearly instalments.")
    _, found = quantities(annotate, text)
    assert found[1]["part_of"] == 0
    assert (found[1]["measure"], found[1]["status"], found[1]["holder"]) == ("investment_pledge", "pledged", "Canada")


def test_quantities_payment_in_a_passage_takes_its_measure(annotate):
    text = ("Tokyo agreed to contribute 210 billion yen toward the upkeep of American forces this year. "
            "Trump has said Tokyo should be paying 500 billion yen a year.")
    _, found = quantities(annotate, text)
    assert [q["measure"] for q in found] == ["cost_sharing", "cost_sharing"]


def test_quantities_unrelated_smaller_amount_is_not_a_part(annotate):
    text = "Canada pledged $20 billion for clean energy. Separately, Peru reported $3 billion in copper exports."
    _, found = quantities(annotate, text)
    assert [q["part_of"] for q in found] == [None, None]


def test_quantities_repeated_figure_takes_roles_of_first_mention(annotate):
    text = ("Japan pledged $550 billion in investment in the United States. "
            "The $550 billion package dominated the headlines.")
    _, found = quantities(annotate, text)
    first, again = found
    assert again["same_as"] == 0
    assert (again["holder"], again["target"], again["status"]) == ("Japan", "United States", "pledged")


# ---------------------------------------------------------------- time and quote

def test_quantities_time_is_the_attached_expression_not_the_publication_date(annotate):
    q = only(annotate, "In March 2024, Canada pledged $2 billion for the fund.")
    assert q["time"] is not None and q["time"].startswith("2024-03")
    q = only(annotate, "Canada pledged $2 billion for the fund.")
    assert q["time"] is None


def test_quantities_quote_is_the_clause_holding_the_amount(annotate):
    text = ("The summit ended early, while Japan pledged $5 billion for the new port, "
            "and the two sides agreed to meet again.")
    doc, found = quantities(annotate, text)
    q = found[0]
    quote = doc.text[q["quote_start"]:q["quote_end"]]
    assert "$5 billion" in quote and "summit" not in quote and "meet again" not in quote


def test_quantities_component_declares_what_it_writes(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert problems.get("pactwatch_quantities", []) == []


def test_quantities_factory_reads_kb_folders(tmp_path):
    import spacy
    from pactwatch.pipeline import quantities as _  # noqa: F401  (registers the factory)

    (tmp_path / "measures.toml").write_text('[units]\ncurrency_words = { "peso" = "MXN" }\n', encoding="utf-8")
    nlp = spacy.blank("en")
    component = nlp.add_pipe("pactwatch_quantities", config={"kb_dirs": [str(tmp_path)]})
    assert component.lex.currency_words["peso"] == "MXN"


@pytest.mark.parametrize("text, value", [("$5 billion.", 5_000_000_000), ("15%", 15), ("W3.5 bil.", 3_500_000_000)])
def test_quantities_amount_heading_its_own_sentence(annotate, text, value):
    # the amount is the root of its parse: every walk up the tree must stop there
    assert only(annotate, text)["value"] == value


# ---------------------------------------------------------------- more units and ranges

@pytest.mark.parametrize("text, value, unit", [
    ("Lisbon agreed to pay 3.2 trillion won for the frigates.", 3_200_000_000_000, "KRW"),
    ("Oslo will contribute USD 20 billion to the fund.", 20_000_000_000, "USD"),
    ("The cabinet approved 640 billion yen for coastal defense.", 640_000_000_000, "JPY"),
])
def test_quantities_won_yen_and_iso_codes(annotate, text, value, unit):
    q = only(annotate, text)
    assert (q["value"], q["unit"]) == (value, unit)


@pytest.mark.parametrize("text, low, high", [
    ("Economists put the cost of the bridge at $10 billion to $20 billion.", 10_000_000_000, 20_000_000_000),
    ("The utility will spend between $4 billion and $6 billion on new lines.", 4_000_000_000, 6_000_000_000),
])
def test_quantities_range_with_the_unit_written_twice(annotate, text, low, high):
    q = only(annotate, text)
    assert (q["value"], q["high"], q["unit"]) == (low, high, "USD")


def test_quantities_percentage_points_are_flagged(annotate):
    q = only(annotate, "The bank lowered its rate by 0.75 percentage points.")
    assert (q["value"], q["unit"], q["points"]) == (0.75, "percent", True)
    q = only(annotate, "The bank lowered its rate by 0.75 percent.")
    assert q["points"] is False


def test_quantities_strength_of_a_force_counts_people(annotate):
    q = only(annotate, "A 40,000-strong contingent of Indian peacekeepers is based in the region.")
    assert (q["value"], q["unit"], q["measure"]) == (40000, "persons", "troop_level")


@pytest.mark.parametrize("text", [
    "She turned 45 and moved to 12 Baker Street.",
    "Call the embassy on +82 2 397 4114 for help.",
    "See pages 12-14 for the 3rd chapter.",
    "The 2nd battalion has been on alert since 2019.",
    "The 19-year-old conscript was born in 2006.",
])
def test_quantities_more_numbers_that_are_not_amounts(annotate, text):
    _, found = quantities(annotate, text)
    assert found == []


# ---------------------------------------------------------------- the passage around a figure

def test_quantities_demanded_sum_in_a_passage_takes_its_measure(annotate):
    text = ("Ottawa agreed to pay $1 billion a year for the upkeep of the American bases.\n\n"
            "The talks dragged on for months.\n\nAnalysts were unsurprised.\n\n"
            "Ministers met again in the spring.\n\nThe press lost interest.\n\n"
            "The White House later demanded $2 billion a year.")
    _, found = quantities(annotate, text)
    assert [q["measure"] for q in found] == ["cost_sharing", "cost_sharing"]
    assert found[1]["status"] == "demanded"


def test_quantities_sum_named_as_aid_is_no_part_of_an_earlier_pledge(annotate):
    text = ("Canada pledged $900 million for the upkeep of American forces. "
            "Canada will also give $50 million in humanitarian aid.")
    _, found = quantities(annotate, text)
    assert (found[1]["measure"], found[1]["part_of"]) == ("other", None)


def test_quantities_share_of_the_same_whole_takes_its_measure(annotate):
    text = ("France will spend 2.5 percent of gross domestic product on defense this year. "
            "Some German officials have floated a target of 4 percent of GDP.")
    _, found = quantities(annotate, text)
    assert [(q["value"], q["measure"]) for q in found] == [(2.5, "defense_spending"), (4, "defense_spending")]
    assert found[1]["status"] == "proposed"


def test_quantities_share_of_another_whole_keeps_no_measure(annotate):
    text = ("France will spend 2.5 percent of gross domestic product on defense this year. "
            "Unemployment stood at 7 percent of the labor force.")
    _, found = quantities(annotate, text)
    assert found[1]["measure"] == "other"


def test_quantities_level_of_a_group_counts_people(annotate):
    q = only(annotate, "The treaty commits Britain to keep its troop numbers in Cyprus at their present level of about 3,000.")
    assert (q["value"], q["unit"], q["measure"], q["qualifier"]) == (3000, "persons", "troop_level", "about")
    assert (q["holder"], q["target"]) == ("United Kingdom", "Cyprus")
    _, found = quantities(annotate, "Exports were kept at their present level of 400.")
    assert found == []


def test_quantities_elided_count_belongs_with_its_group(annotate):
    _, found = quantities(annotate, "Russia sent roughly 8,000 soldiers to Syria, and Western officials "
                                    "later said more than 900 had been killed.")
    assert [(q["value"], q["holder"]) for q in found] == [(8000, "Russian Federation"), (900, "Russian Federation")]
    q = only(annotate, "Police in Oslo said more than 900 had been killed.")
    assert q["holder"] is None


@pytest.mark.parametrize("text, holder", [
    ("The Bundestag met in the afternoon. 412 lawmakers voted for the bill.", "Bundestag"),
    ("The Bundestag passed the bill, with 412 lawmakers voting in favor.", "Bundestag"),
    ("Nobody voted early. 412 lawmakers voted for the bill.", None),
])
def test_quantities_members_belong_to_their_body(annotate, text, holder):
    q = only(annotate, text)
    assert q["value"] == 412 and q["holder"] == holder


def test_quantities_budget_request_is_a_proposal(annotate):
    q = only(annotate, "The Finance Ministry has requested 3.1 trillion won for next year.")
    assert q["status"] == "proposed"
    q = only(annotate, "The Finance Ministry requested $3 billion from Tokyo for the bases.")
    assert q["status"] == "demanded"


@pytest.mark.parametrize("text", [
    "Higher tariffs will cut Samsung's annual profit by about 2 trillion won.",
    "Samsung said tariffs would cut its profit by about 2 trillion won.",
])
def test_quantities_change_by_an_amount_belongs_to_the_owner_of_what_changed(annotate, text):
    q = only(annotate, text)
    assert (q["value"], q["holder"]) == (2_000_000_000_000, "Samsung")


@pytest.mark.parametrize("text, holder, target", [
    ("U.S. immigration agents raided a car plant in Ohio on Monday. Around 210 Mexicans were detained.",
     "United States", "Mexico"),
    ("Thai police raided a casino near the border. About 60 Cambodians were arrested.", "Thailand", "Cambodia"),
    ("The raid by Japanese police ended with 30 Chinese nationals in custody.", "Japan", "China"),
])
def test_quantities_detained_people_are_held_by_who_raided(annotate, text, holder, target):
    q = only(annotate, text)
    assert (q["measure"], q["holder"], q["target"]) == ("detained_persons", holder, target)


def test_quantities_detention_with_nobody_named_has_no_holder(annotate):
    q = only(annotate, "Around 210 workers were detained at the plant on Monday.")
    assert (q["measure"], q["holder"]) == ("detained_persons", None)


def test_quantities_detention_holder_follows_the_last_count(annotate):
    text = ("Thai police detained 40 Cambodians at a casino on Friday. "
            "The next day, 25 Laotians were also held.")
    _, found = quantities(annotate, text)
    assert [(q["value"], q["holder"]) for q in found] == [(40, "Thailand"), (25, "Thailand")]


# ---------------------------------------------------------------- headlines

def test_quantities_headline_figure_restated_in_the_story_is_not_counted_twice(annotate):
    text = ("Oslo pledges $40bn for Arctic ports\n\n"
            "OSLO -- Norway pledged $40 billion on Monday to expand its Arctic ports.")
    doc, found = quantities(annotate, text)
    assert [q["value"] for q in found] == [40_000_000_000]
    assert doc.text[found[0]["quote_start"]:found[0]["quote_end"]].startswith("Norway pledged")


def test_quantities_headline_figure_the_story_does_not_repeat_is_kept(annotate):
    text = ("Oslo pledges $40bn for Arctic ports\n\n"
            "OSLO -- Norway unveiled a plan on Monday to expand its Arctic ports.")
    _, found = quantities(annotate, text)
    assert [q["value"] for q in found] == [40_000_000_000]


# ---------------------------------------------------------------- long documents

def test_quantities_long_document_reads_each_sentence_as_alone(annotate):
    sentence = "Japan pledged $5 billion in investment in the United States in March 2024. "
    filler = "The weather was mild and the talks were calm. "
    doc, found = quantities(annotate, (sentence + filler * 3) * 60)
    assert len(found) == 60
    assert all((q["holder"], q["time"]) == ("Japan", "2024-03") for q in found)
    assert all(q["same_as"] == k - 1 for k, q in enumerate(found) if k)


def test_quantities_nationality_of_most_of_the_people_is_the_target(annotate):
    q = only(annotate, "Around 210 people were arrested, most of them Mexican.")
    assert (q["measure"], q["target"]) == ("detained_persons", "Mexico")
    q = only(annotate, "Around 210 people were arrested, most of them at night.")
    assert q["target"] is None


def test_quantities_as_high_as_is_a_qualifier(annotate):
    q = only(annotate, "Officials said the duty could climb as high as 40 percent.")
    assert (q["value"], q["qualifier"], q["status"]) == (40, "as high as", "speculative")


def test_quantities_sum_dedicated_to_a_purpose_is_part_of_the_pledge(annotate):
    text = "Mexico pledged to invest $80 billion in Canada. Of the total, $30 billion will be dedicated to railways."
    _, found = quantities(annotate, text)
    whole, part = found
    assert part["part_of"] == 0 and whole["components"] == [1]
    assert (part["measure"], part["status"], part["holder"], part["target"]) == (
        "investment_pledge", "pledged", "Mexico", "Canada")


def test_quantities_from_one_rate_to_another_is_one_change(annotate):
    _, found = quantities(annotate, "Washington lowered its tariff on Thai rice from 36% to 19% in August.")
    before, after = found
    assert (before["value"], before["change"]["role"], before["change"]["other"]) == (36, "before", 1)
    assert (after["value"], after["change"]["role"], after["status"]) == (19, "after", "agreed")
    assert before["holder"] == after["holder"] == "United States"
    assert after["target"] == "Thailand" and after["time"] == "2025-08"


@pytest.mark.parametrize("text, status", [
    ("At a rally, Trump said that if he were in charge, Ottawa would be paying $3 billion a year.", "demanded"),
    ("The senator spoke for an hour and said that if she won, Ottawa would pay $3 billion a year.", "demanded"),
    ("Ottawa said that if talks went well, it would pay $3 billion a year.", "speculative"),
])
def test_quantities_hypothetical_payment_reported_by_another_party_is_a_demand(annotate, text, status):
    q = only(annotate, text)
    assert (q["value"], q["status"]) == (3_000_000_000, status)


@pytest.mark.parametrize("text, status", [
    ("The White House said 200 lawmakers signed the letter.", "actual"),
    ("About 400 workers demanded higher pay.", "actual"),
    ("Roughly 500 soldiers could be sent home.", "speculative"),
])
def test_quantities_what_counted_people_do_is_not_their_numbers_status(annotate, text, status):
    assert only(annotate, text)["status"] == status


def test_quantities_members_are_not_given_to_a_house_that_is_no_legislature(annotate):
    q = only(annotate, "The White House said 200 lawmakers signed the letter.")
    assert q["holder"] is None


@pytest.mark.parametrize("text, status", [
    ("The allies agreed that 2,000 troops would stay.", "agreed"),
    ("Tokyo pledged that it would spend $5 billion on the bases.", "pledged"),
])
def test_quantities_would_under_a_verb_of_agreeing_reads_that_verb(annotate, text, status):
    assert only(annotate, text)["status"] == status


# ---------------------------------------------------------------- holders named by a state's organs

@pytest.mark.parametrize("text, holder", [
    # "federal agents" at a plant in a US state are the United States' agents
    ("The United States and South Korea traded complaints over visas. Federal agents arrested 200 workers at "
     "a solar panel factory in Ohio on Monday.", "United States"),
    # "police" in a capital act for its state
    ("Japan and China exchanged protests. Police in Tokyo detained 45 activists outside the embassy.", "Japan"),
])
def test_quantities_holder_is_the_state_a_generic_organ_acts_for(annotate, text, holder):
    doc, found = quantities(annotate, text)
    detained = [q for q in found if q["measure"] == "detained_persons"]
    assert len(detained) == 1, found
    assert detained[0]["holder"] == holder


def test_quantities_organ_of_an_unclear_state_holds_nothing(annotate):
    doc, found = quantities(annotate, "Germany and the United States disagreed. Federal agents detained 60 "
                                      "people on Tuesday.")
    detained = [q for q in found if q["measure"] == "detained_persons"]
    assert len(detained) == 1 and detained[0]["holder"] is None


@pytest.mark.parametrize("text, holder", [
    # "held talks" is no detention: the count that follows is not Japan's
    ("Japan and South Korea held talks on Monday. Later, 30 protesters were detained outside.", None),
    # "held" done to people is one
    ("Japan held 40 South Korean fishermen on Monday, and 12 more were detained on Tuesday.", "Japan"),
])
def test_quantities_an_act_verb_counts_people_only_when_done_to_people(annotate, text, holder):
    doc, found = quantities(annotate, text)
    last = [q for q in found if q["measure"] == "detained_persons"][-1]
    assert last["holder"] == holder, found


def test_quantities_its_goods_belong_to_the_state_not_the_person_speaking(annotate):
    # "its" stands for no person: Tokyo's goods, not the president's
    doc, found = quantities(annotate, "President Donald Trump warned Japan on Friday that its cars would face a "
                                      "30 percent tariff from next month.")
    tariff = [q for q in found if q["measure"] == "tariff_rate"]
    assert len(tariff) == 1 and tariff[0]["target"] == "Japan"


@pytest.mark.parametrize("text, holder, target", [
    ("Washington set a 20 percent tariff on Vietnamese goods in exchange for a $40 billion investment "
     "commitment.", "Vietnam", "United States"),
    ("Washington cut its tariff on Thai rice to 10 percent in return for a $12 billion investment pledge.",
     "Thailand", "United States"),
])
def test_quantities_what_is_given_in_return_runs_the_other_way(annotate, text, holder, target):
    doc, found = quantities(annotate, text)
    pledge = [q for q in found if q["measure"] == "investment_pledge"]
    assert len(pledge) == 1
    assert (pledge[0]["holder"], pledge[0]["target"]) == (holder, target)


def test_quantities_in_return_needs_the_other_figure_to_name_both_sides(annotate):
    doc, found = quantities(annotate, "The deal included a $40 billion investment commitment in exchange for "
                                      "lower duties.")
    pledge = [q for q in found if q["measure"] == "investment_pledge"]
    assert len(pledge) == 1 and pledge[0]["holder"] is None and pledge[0]["target"] is None


def test_quantities_a_leaders_figure_that_takes_a_measure_is_the_states(annotate):
    # the second sum names no measure and goes to the speaker at first; as a part of the pledge it is
    # the state's the speaker acts for
    doc, found = quantities(annotate, "South Korea agreed to invest $350 billion in the United States. President "
                                      "Lee Jae Myung highlighted the $150 billion earmarked for shipbuilding.")
    part = [q for q in found if q["value"] == 150_000_000_000]
    assert len(part) == 1
    assert part[0]["measure"] == "investment_pledge" and part[0]["holder"] == "South Korea"


def test_quantities_a_users_kb_number_word_counts_in_that_pipeline_only(tmp_path, nlp):
    (tmp_path / "numbers.toml").write_text("[cardinals]\nscore = 20\n", encoding="utf-8")
    text = "The army will send score troops to the border."
    extended = pipeline.load(kb_dirs=[str(tmp_path)])

    def figures(model):
        doc = next(pipeline.annotate(model, [(text, "2025-08-21", [])]))
        return [(s.text, s._.quantity["value"], s._.quantity["unit"]) for s in doc.spans[QUANTITIES]]

    assert figures(nlp) == []
    assert figures(extended) == [("score troops", 20, "persons")]
