"""Holder, target, status and condition of a figure, read from its clause (pipeline/quantity_roles.py),
through the whole pipeline, and at the end directly on hand-built parses. Each case is a family of news
phrasing, in sentences of our own."""
from __future__ import annotations

import pytest

from pactwatch.knowledge import measures
from pactwatch.pipeline.extensions import ACTORS, QUANTITIES
from pactwatch.pipeline.quantity_amounts import AmountFinder
from pactwatch.pipeline.quantity_roles import ActorIndex, ClauseReader

from hand_docs import parsed


def figures(annotate, text: str) -> list[dict]:
    doc = annotate(text, "2025-08-01")
    return [dict(s._.quantity, text=s.text) for s in doc.spans[QUANTITIES]]


def by_value(annotate, text: str) -> dict:
    return {q["value"]: q for q in figures(annotate, text)}


# ---------------------------------------------------------------- direction from noun phrases

@pytest.mark.parametrize("text, value, holder, target", [
    # the goods' destination taxes them; the goods' origin is taxed
    ("Korean cars entering the United States will face a 15 percent tariff.", 15, "United States", "South Korea"),
    ("Indian exports to the United States now face a 50 percent tariff.", 50, "United States", "India"),
    ("Brazilian shipments into Canada face a tariff of 12 percent.", 12, "Canada", "Brazil"),
    # the passive of a verb of undergoing: the goods are faced with the tariff
    ("Mexican steel arriving in Canada is now faced with a 30 percent levy.", 30, "Canada", "Mexico"),
])
def test_goods_name_target_and_their_destination_the_holder(annotate, text, value, holder, target):
    q = by_value(annotate, text)[value]
    assert q["holder"] == holder
    if target is not None:
        assert q["target"] == target


def test_tariff_rate_for_goods_from_a_country_targets_that_country(annotate):
    q = by_value(annotate, "Ministers said the duty for products coming from Thailand is 36 percent.")[36]
    assert q["target"] == "Thailand"


def test_reporter_of_a_content_clause_does_not_hold_the_figure(annotate):
    # the passive clause names no agent: the official confirming it imposes nothing
    found = by_value(annotate, "Senator Alvarez welcomed the news that the levy on goods from Vietnam had "
                               "been lowered from 46 percent to 20 percent.")
    assert found[46]["holder"] is None and found[20]["holder"] is None
    assert found[20]["target"] == "Vietnam"


def test_gerund_takes_the_name_right_before_it_as_subject(annotate):
    found = by_value(annotate, "Ottawa protested against Washington raising tariffs on Canada from 10% to 35%.")
    assert found[35]["holder"] == "United States"
    assert found[35]["target"] == "Canada"


def test_reducing_tariffs_on_goods_keeps_the_imposer_as_holder(annotate):
    q = by_value(annotate, "Washington agreed to cut tariffs on Japanese goods to 15 percent.")[15]
    assert (q["holder"], q["target"]) == ("United States", "Japan")


def test_possessive_owns_the_pledge_not_another_country_in_the_sentence(annotate):
    found = by_value(annotate, "Tokyo's $490 billion in investment commitments dwarfs what Seoul offered.")
    assert found[490_000_000_000]["holder"] == "Japan"


# ---------------------------------------------------------------- status

@pytest.mark.parametrize("text, value, status", [
    # a future figure set inside a deal is what was agreed
    ("Washington will impose a 20% tariff on Indonesian goods as part of a new trade accord.", 20, "agreed"),
    ("In return, Thai exports will face a tariff of 19 percent.", 19, "agreed"),
    # without a deal, a future tariff is a threat
    ("Washington will impose a 40% tariff on Laos next month.", 40, "threatened"),
    # a guess about a demand is a guess
    ("Trump is expected to demand $10 billion a year from Seoul.", 10_000_000_000, "speculative"),
    ("The envoy could demand a 10 percent increase in host-nation payments.", 10, "speculative"),
    # what a deal contains is agreed; what an initiative envisages is proposed
    ("The accord includes 1.5% for infrastructure.", 1.5, "agreed"),
    ("The blueprint envisages 3% for cyber defence.", 3, "proposed"),
    # "would" in a clause framed by a deal reports the deal, it is no guess
    ("They signed a pact under which Manila would pay $300 million a year.", 300_000_000, "agreed"),
    # in force: imposed, taking effect
    ("The existing 10% duty imposed in April stays.", 10, "actual"),
    ("The new 30% tariff will take effect on Friday.", 30, "actual"),
    # but "to impose" under a threat is the threat
    ("The White House threatened to impose a 45 percent tariff on Chile.", 45, "threatened"),
    # wanting something for oneself proposes it; asking someone demands it
    ("Madrid wants to stay at 2% of GDP.", 2, "proposed"),
])
def test_status_from_the_frame_of_the_clause(annotate, text, value, status):
    assert by_value(annotate, text)[value]["status"] == status


def test_share_of_gdp_restating_a_pledge_is_actual(annotate):
    found = by_value(annotate, "Seoul pledged $20 billion, which amounts to 2.8% of its GDP.")
    assert found[2.8]["status"] == "actual"


# ---------------------------------------------------------------- conditions

def test_counterfactual_figure_did_not_hold(annotate):
    q = by_value(annotate, "Canada was facing a 25% levy if it had not reached an agreement.")[25]
    assert q["status"] == "threatened"
    assert q["condition"] == "counterfactual"


def test_would_have_is_counterfactual(annotate):
    q = by_value(annotate, "Without the accord, Tokyo would have paid a 24% tariff if talks had failed.")[24]
    assert q["condition"] == "counterfactual"
    assert q["status"] != "actual"


def test_open_condition_is_conditional(annotate):
    q = by_value(annotate, "Mexico will face a 30% tariff if the talks fail.")[30]
    assert q["condition"] == "conditional"
    assert q["status"] == "threatened"


def test_figure_with_no_condition_has_none(annotate):
    q = by_value(annotate, "Japan pledged $550 billion in investment.")[550_000_000_000]
    assert q["condition"] is None


# ---------------------------------------------------------------- shares restating an amount

def test_share_of_a_count_restates_the_part_not_the_whole(annotate):
    found = by_value(annotate, "Washington plans to pull 2,000 of the 10,000 American soldiers based in Poland, "
                               "which is roughly 20%, and send them to Lithuania.")
    share, part = found[20], found[2000]
    assert (share["measure"], share["holder"], share["target"]) == (part["measure"], part["holder"], part["target"])
    assert share["status"] == part["status"] == "proposed"


def test_share_of_gdp_restating_an_amount_takes_its_parties_and_keeps_its_status(annotate):
    found = by_value(annotate, "Tokyo will invest $300 billion in the United States, an amount equal to "
                               "about 7 percent of Japan's output.")
    assert (found[7]["holder"], found[7]["target"]) == ("Japan", "United States")
    assert found[7]["status"] == "actual"


def test_unrelated_percentage_after_an_amount_is_no_restatement(annotate):
    found = by_value(annotate, "Exports rose to $5 billion, and tariffs fell to 10%.")
    assert found[10]["measure"] == "tariff_rate" and found[10]["same_as"] is None


# ---------------------------------------------------------------- the same figure elsewhere

def test_uncued_figure_takes_the_measure_of_the_same_figure_elsewhere(annotate):
    found = figures(annotate, "Allies must meet the 3% threshold soon. Latvia already spends 3% of GDP on defence.")
    assert [q["measure"] for q in found] == ["defense_spending", "defense_spending"]


def test_uncued_figure_with_no_twin_stays_other(annotate):
    found = figures(annotate, "Allies must meet the 3% threshold soon. Latvia already spends 4% of GDP on defence.")
    assert [q["measure"] for q in found] == ["other", "defense_spending"]


def test_share_of_gdp_takes_the_measure_stated_as_such_a_share_in_the_story(annotate):
    found = figures(annotate, "Oslo will raise defence spending to 3% next year. Critics say outlays of 1.9% "
                              "of GDP are enough.")
    assert [q["measure"] for q in found] == ["defense_spending", "defense_spending"]


def test_share_of_gdp_stays_other_when_the_story_names_no_such_measure(annotate):
    found = figures(annotate, "Washington set a 20% tariff on Hanoi. Its debt stands at 30% of GDP.")
    assert found[1]["measure"] == "other"


# ---------------------------------------------------------------- a known figure talked about

def test_known_figure_talked_about_keeps_the_parties_of_its_first_mention(annotate):
    found = figures(annotate, "Tokyo pledged $400 billion in investment in the United States. "
                              "Trump later described the $400 billion as a signing bonus.")
    assert [(q["holder"], q["target"]) for q in found] == [("Japan", "United States")] * 2


def test_first_mention_naming_no_parties_takes_them_from_a_later_full_statement(annotate):
    found = figures(annotate, "Few details emerged on the $400 billion investment fund. "
                              "Tokyo has pledged $400 billion in investment in the United States.")
    assert (found[0]["holder"], found[0]["target"]) == ("Japan", "United States")
    assert found[0]["status"] == "pledged"


# ---------------------------------------------------------------- payers, receivers, groups, splits

def test_object_of_a_verb_of_costing_pays(annotate):
    q = by_value(annotate, "The new frigates could cost Japan up to $60 billion over twenty years.")[60_000_000_000]
    assert q["holder"] == "Japan"


def test_money_given_to_a_state_targets_it(annotate):
    q = by_value(annotate, "Norway is also contributing $2 billion in grants to the Ukrainian defence industry.")[2_000_000_000]
    assert (q["holder"], q["target"]) == ("Norway", "Ukraine")


def test_members_of_a_body_stand_for_the_body(annotate):
    q = by_value(annotate, "The 32 countries in the NATO alliance signed the pledge, committing to spend "
                           "5% of their GDP on defence.")[5]
    assert q["holder"] == "NATO"


def test_share_of_a_deal_yield_is_between_the_two_parties(annotate):
    text = ("Seoul and Washington signed the fund deal on Monday. Seoul says the United States will take "
            "half of the profits. Officials in Seoul said Washington gets 70 percent of the returns.")
    q = by_value(annotate, text)[70]
    assert {q["holder"], q["target"]} == {"United States", "South Korea"}
    assert q["status"] == "agreed"


def test_share_of_something_else_gets_no_parties(annotate):
    text = ("Seoul and Washington signed the fund deal on Monday. Seoul says the United States will take "
            "most of the work. A poll found 70 percent of voters approve.")
    q = by_value(annotate, text)[70]
    assert q["holder"] is None and q["target"] is None


def test_state_modifying_a_modifier_of_the_receiver_is_the_target(annotate):
    q = by_value(annotate, "Japan is paying $4 billion to the US naval shipbuilding industry.")[4_000_000_000]
    assert q["target"] == "United States"


def test_acting_it_stands_for_the_state_in_its_subjects_title(annotate):
    q = by_value(annotate, "US President Donald Trump announced a 20 per cent tariff on Brazil after it "
                           "warned the country, taking the total levy to 60 per cent.")[60]
    assert q["holder"] == "United States"


def test_possessive_its_in_the_target_phrase_is_not_the_titled_state(annotate):
    q = by_value(annotate, "Canada should pay more, US President Donald Trump said, adding he planned to "
                           "impose a 35 percent tariff on its imports.")[35]
    assert q["target"] == "Canada"


def test_demand_by_one_party_is_made_of_the_other(annotate):
    text = ("Spain and the United States met in Madrid. Spain rejected the 5% of GDP goal "
            "demanded by the United States, and Spain said it spends 2% of GDP on defence.")
    q = by_value(annotate, text)[5]
    assert (q["holder"], q["target"]) == ("United States", "Spain")


# ---------------------------------------------------------------- whose investment

def test_state_modifying_the_investments_a_sum_is_in_holds_it(annotate):
    q = by_value(annotate, "The accord calls for $120 billion in Taiwanese investments.")[120_000_000_000]
    assert q["holder"] == "Taiwan"
    assert q["target"] is None or q["target"] != "Taiwan"


def test_investments_by_a_state_are_its_own(annotate):
    q = by_value(annotate, "The accord envisages $80 billion in investments by Japan in American chip plants.")[80_000_000_000]
    assert (q["holder"], q["target"]) == ("Japan", "United States")


@pytest.mark.parametrize("text, value, status", [
    # a document states its terms: the deal's "calls for" is no demand
    ("The accord calls for $120 billion in Taiwanese investments.", 120_000_000_000, "agreed"),
    ("The plan calls for 3,000 troops in Lithuania.", 3000, "proposed"),
    # a person calling for it demands it
    ("Trump called for $10 billion a year from Seoul.", 10_000_000_000, "demanded"),
    # what a sum is made of: "in investment commitments"
    ("Tokyo's $490 billion in investment commitments is larger than Seoul's offer.", 490_000_000_000, "pledged"),
])
def test_status_from_what_states_or_makes_up_the_sum(annotate, text, value, status):
    assert by_value(annotate, text)[value]["status"] == status


def test_inverted_condition_and_would_have_are_counterfactual(annotate):
    q = by_value(annotate, "Hanoi would have faced a 46% tariff had it not signed the accord.")[46]
    assert (q["status"], q["condition"]) == ("threatened", "counterfactual")
    q = by_value(annotate, "Without the accord, Manila would have paid $3 billion more.")[3_000_000_000]
    assert (q["status"], q["condition"]) == ("speculative", "counterfactual")


def test_figure_that_is_part_of_a_deal_is_agreed(annotate):
    q = by_value(annotate, "Taiwan's $100 billion chip fund is a key part of the accord.")[100_000_000_000]
    assert q["status"] == "agreed"


def test_announced_figure_not_yet_in_force_is_not_actual(annotate):
    q = by_value(annotate, "Washington announced a 32% tariff on Indonesian goods, but no executive order "
                           "has been issued yet.")[32]
    assert q["status"] == "threatened"
    q = by_value(annotate, "Washington announced a 32% tariff on Indonesian goods, and it took effect on Friday.")[32]
    assert q["status"] == "actual"


# ---------------------------------------------------------------- where a figure comes from

@pytest.mark.parametrize("text, value, holder, target", [
    ("Washington secured $200 billion in investment from Taiwan.", 200_000_000_000, "Taiwan", "United States"),
    ("Investment from Germany will total $90 billion.", 90_000_000_000, "Germany", None),
    ("About 1,500 troops from Canada joined the drills.", 1500, "Canada", None),
    # on the verb, "from" is where troops leave
    ("The US will withdraw 3,000 troops from Germany.", 3000, "United States", "Germany"),
    # the owner of the pledge invests
    ("Taipei's pledge to invest $100 billion in America was welcomed by Trump.", 100_000_000_000, "Taiwan", "United States"),
    # the passive subject of "is expected to" imposes
    ("Trump is expected to impose a 30% tariff on Brazil.", 30, "United States", "Brazil"),
    # the subject of a copula is what the figure measures
    ("Under the new deal, tariffs on Thai goods will be 19%.", 19, None, "Thailand"),
])
def test_source_owner_and_raised_subjects(annotate, text, value, holder, target):
    q = by_value(annotate, text)[value]
    if holder is not None:
        assert q["holder"] == holder
    assert q["target"] == target


def test_of_two_subjects_the_one_not_taxed_imposes(annotate):
    q = by_value(annotate, "Tokyo and Washington agreed to cut the tariff on Japanese cars to 15 percent.")[15]
    assert (q["holder"], q["target"]) == ("United States", "Japan")


def test_tariff_one_acts_to_avert_was_a_threat_to_oneself(annotate):
    found = by_value(annotate, "Taipei offered $100 billion in investments to avert the 32% tariff.")
    assert found[32]["status"] == "threatened"
    assert found[32]["target"] == "Taiwan" and found[32]["holder"] != "Taiwan"
    assert found[100_000_000_000]["status"] == "proposed"


def test_share_of_another_whole_does_not_take_a_twin_measure(annotate):
    found = figures(annotate, "Washington set a 25% tariff on Brazil. A poll found 25% of voters approve.")
    assert [q["measure"] for q in found] == ["tariff_rate", "other"]


def test_owner_of_the_whole_holds_a_share_of_it(annotate):
    q = by_value(annotate, "Defence spending reached 2.4% of Poland's GDP last year.")[2.4]
    assert q["holder"] == "Poland"


def test_early_sum_takes_the_measure_its_twin_gets_from_a_later_passage(annotate):
    text = ("Trump said Tokyo should pay $8 billion a year. "
            "Japan and the United States signed a cost-sharing deal in 2021. "
            "Japan pays about $1.9 billion a year for the upkeep of US troops. "
            "Trump has said Japan should pay $8 billion a year.")
    found = [q for q in figures(annotate, text) if q["value"] == 8_000_000_000]
    assert [q["measure"] for q in found] == ["cost_sharing", "cost_sharing"]


# ---------------------------------------------------------------- read directly, on hand-built parses (no model)

@pytest.fixture(scope="module")
def reading():
    lex = measures.load()
    finder, reader = AmountFinder(lex), ClauseReader(lex)

    def read(doc) -> list[tuple]:
        """(amount, measure, holder, target, status, condition) per amount, as the component reads them."""
        actors = ActorIndex(doc, doc.spans[ACTORS], lex.group_nouns)
        out = []
        for a in finder.find(doc)[0]:
            measure, cue = reader.measure(doc, a)
            noun = reader.noun_of(doc, a)
            holder, target = reader.roles(doc, actors, a, measure, cue, noun, reader.verb_of(noun))
            status, _ = reader.status(doc, a, noun, measure, before=False)
            out.append((doc[a.start:a.end].text, measure.name if measure else None, holder, target, status,
                        reader.condition(doc, a, noun)))
        return out
    return read


def _tariff(verb_rows, root):
    """`verb_rows` then: a 25 percent tariff (object of the token at `root`)."""
    n = len(verb_rows)
    return verb_rows + [("a", n + 3, "det", "DET"), ("25", n + 2, "nummod", "NUM"), ("percent", n + 3, "compound", "NOUN"),
                        ("tariff", root, "dobj", "NOUN")]


def test_quantity_roles_direct_imposer_holds_the_tariff_and_the_goods_origin_is_its_target(reading):
    # Washington imposed a 25 percent tariff on Korean cars .
    rows = _tariff([("Washington", 1, "nsubj", "PROPN"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose")], 1) + [
        ("on", 5, "prep", "ADP"), ("Korean", 8, "amod", "ADJ"), ("cars", 6, "pobj", "NOUN", "NNS", "car"),
        (".", 1, "punct", "PUNCT")]
    doc = parsed(rows, actors=[(0, 1, "GPE", "United States"), (7, 8, "NORP", "South Korea", "South Korea")])
    assert reading(doc) == [("25 percent", "tariff_rate", "United States", "South Korea", "actual", None)]


@pytest.mark.parametrize("rows, status, condition", [
    # Washington will impose a 25 percent tariff if talks fail .
    (_tariff([("Washington", 2, "nsubj", "PROPN"), ("will", 2, "aux", "AUX", "MD"),
              ("impose", 2, "ROOT", "VERB", "VB")], 2)
     + [("if", 9, "mark", "SCONJ"), ("talks", 9, "nsubj", "NOUN", "NNS", "talk"), ("fail", 2, "advcl", "VERB", "VBP"),
        (".", 2, "punct", "PUNCT")], "threatened", "conditional"),
    # Washington would have imposed a 25 percent tariff .
    (_tariff([("Washington", 3, "nsubj", "PROPN"), ("would", 3, "aux", "AUX", "MD"), ("have", 3, "aux", "AUX", "VB"),
              ("imposed", 3, "ROOT", "VERB", "VBN", "impose")], 3) + [(".", 3, "punct", "PUNCT")],
     "threatened", "counterfactual"),
])
def test_quantity_roles_direct_a_tariff_not_yet_in_force(reading, rows, status, condition):
    doc = parsed(rows, actors=[(0, 1, "GPE", "United States")])
    [(_, measure, holder, _, got_status, got_condition)] = reading(doc)
    assert (measure, holder, got_status, got_condition) == ("tariff_rate", "United States", status, condition)


def test_quantity_roles_direct_a_pledge_is_pledged_by_its_subject(reading):
    # Seoul pledged $ 350 billion .
    doc = parsed([("Seoul", 1, "nsubj", "PROPN"), ("pledged", 1, "ROOT", "VERB", "VBD", "pledge"),
                  ("$", 4, "nmod", "SYM", "$"), ("350", 4, "compound", "NUM"), ("billion", 1, "dobj", "NUM"),
                  (".", 1, "punct", "PUNCT")], actors=[(0, 1, "GPE", "South Korea")])
    [(text, _, holder, target, status, _)] = reading(doc)
    assert (text, holder, target, status) == ("$ 350 billion", "South Korea", None, "pledged")


def test_quantity_roles_direct_troops_kept_in_a_country_are_the_keepers(reading):
    # The US keeps 28,500 troops in South Korea .
    doc = parsed([("The", 1, "det", "DET"), ("US", 2, "nsubj", "PROPN"), ("keeps", 2, "ROOT", "VERB", "VBZ", "keep"),
                  ("28,500", 4, "nummod", "NUM"), ("troops", 2, "dobj", "NOUN", "NNS", "troop"), ("in", 2, "prep", "ADP"),
                  ("South", 7, "compound", "PROPN"), ("Korea", 5, "pobj", "PROPN"), (".", 2, "punct", "PUNCT")],
                 actors=[(1, 2, "GPE", "United States"), (6, 8, "GPE", "South Korea")])
    assert reading(doc) == [("28,500 troops", "troop_level", "United States", "South Korea", "actual", None)]


def test_quantity_roles_direct_its_stands_for_the_subject_before_it_not_a_person():
    # Trump told Seoul that its cars ...
    doc = parsed([("Trump", 1, "nsubj", "PROPN"), ("told", 1, "ROOT", "VERB"), ("Seoul", 1, "dobj", "PROPN"),
                  ("that", 6, "mark", "SCONJ"), ("its", 5, "poss", "PRON", "PRP$"), ("cars", 6, "nsubj", "NOUN", "NNS", "car"),
                  ("sell", 1, "ccomp", "VERB", "VBP")],
                 actors=[(0, 1, "PERSON", "Donald Trump", "United States"), (2, 3, "GPE", "South Korea")])
    actors = ActorIndex(doc, doc.spans[ACTORS])
    assert actors.antecedent(doc[4]) == "South Korea"
    assert actors.resolve(doc[5]) == "South Korea"        # "its cars": the owner
    assert actors.resolve(doc[0]) == "United States"      # a figure of a state's act: the state he acts for
    actors.by_name = True
    assert actors.resolve(doc[0]) == "Donald Trump"       # any other figure: the actor itself
    assert ActorIndex.country(doc.spans[ACTORS][0]) == "United States"
