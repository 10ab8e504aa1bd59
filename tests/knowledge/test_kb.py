"""The knowledge base: contents, lookups, tenures by date, validation messages, user overrides."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pycountry
import pytest

from pactwatch import knowledge
from pactwatch.errors import KnowledgeError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def kb():
    return knowledge.load()


def test_kb_holds_every_country_and_enough_people_and_organisations(kb):
    countries = [e for e in kb if e.get("kind") == "country"]
    assert len(countries) == len(pycountry.countries)
    assert sum(e["type"] == "PERSON" for e in kb) >= 60
    assert sum(e["type"] == "ORG" for e in kb) >= 80
    for entry in kb:
        assert {"id", "name", "type", "aliases", "acts_for"} <= entry.keys()


def test_kb_countries_file_is_what_the_build_script_writes():
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "tools" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    on_disk = json.loads((ROOT / "pactwatch" / "knowledge" / "data" / "countries.json").read_text(encoding="utf-8"))
    assert module.build() == on_disk


@pytest.mark.parametrize("name, kb_id", [
    ("rok", "gpe:KOR"),
    ("Republic of Korea", "gpe:KOR"),
    ("DPRK", "gpe:PRK"),
    ("the Pentagon", "org:pentagon"),
    ("U.S. Forces Korea", "org:usfk"),
    ("Lee Jae-myung", "per:lee_jae_myung"),
    ("Kim Jong-un", "per:kim_jong_un"),
    ("Korean War", "evt:korean_war"),
    ("taiwan strait", "loc:taiwan_strait"),
])
def test_kb_find_by_any_alias_ignoring_case(kb, name, kb_id):
    assert kb.find(name)["id"] == kb_id


def test_kb_find_unknown_name_is_none(kb):
    assert kb.find("Ministry of Silly Walks") is None
    assert kb.get("per:nobody") is None


def test_kb_government_bodies_act_for_their_state(kb):
    assert kb.get("org:ice")["acts_for"] == "gpe:USA"
    assert kb.get("org:kor_mnd")["acts_for"] == "gpe:KOR"
    assert kb.get("gpe:KOR:capital")["capital_of"] == "gpe:KOR"
    assert kb.get("org:reuters")["acts_for"] is None


def test_kb_trump_terms_are_exact(kb):
    terms = [(r["start"], r["end"]) for r in kb.get("per:donald_trump")["roles"] if r["role"] == "president"]
    assert terms == [("2017-01-20", "2021-01-20"), ("2025-01-20", None)]


@pytest.mark.parametrize("roles, state, date, who", [
    (["president"], "gpe:USA", "2018-06-12", "Donald Trump"),
    (["president"], "gpe:USA", "2022-03-01", "Joe Biden"),
    (["president"], "gpe:USA", "2025-01-20", "Donald Trump"),   # the day a term starts belongs to it
    (["president"], "gpe:USA", "2021-01-19", "Donald Trump"),
    (["president"], "gpe:KOR", "2023-05-01", "Yoon Suk Yeol"),
    (["president"], "gpe:KOR", "2025-07-01", "Lee Jae Myung"),
    (["supreme leader", "president"], "gpe:PRK", "2019-02-27", "Kim Jong Un"),
    (["prime minister"], "gpe:JPN", "2025-03-01", "Shigeru Ishiba"),
])
def test_kb_holders_by_date(kb, roles, state, date, who):
    assert [p["name"] for p in kb.holders(roles, state, date)] == [who]


def test_kb_former_official_still_acts_for_the_state_served(kb):
    assert kb.state_for_person("per:moon_jae_in", "2024-01-01") == "gpe:KOR"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, expected", [
    ('[[people]]\nid = "per:x"\nroles = []\n', "[entry 'per:x'] missing 'name'"),
    ('[[people]]\nname = "No Id"\n', "[people[0]] missing 'id'"),
    ('[[orgs]]\nid = "org:x"\nname = "X"\ntype = "COMPANY"\n', "[entry 'org:x'] type must be one of"),
    ('[[people]]\nid = "per:x"\nname = "X"\nroles = [{ role = "president", of = "gpe:USA", start = "2020-13-01" }]\n',
     "[entry 'per:x'] role 'president' start '2020-13-01' is not a real date"),
    ('[[people]]\nid = "per:x"\nname = "X"\nroles = [{ role = "president", of = "gpe:USA", start = "2020" }]\n',
     "[entry 'per:x'] role 'president' start must be a date YYYY-MM-DD"),
    ('[[people]]\nid = "per:x"\nname = "X"\nroles = [{ role = "mayor", of = "gpe:USA", start = "2020-01-01", end = "2019-01-01" }]\n',
     "[entry 'per:x'] role 'mayor' ends (2019-01-01) before it starts"),
    ('[[orgs]]\nid = "org:x"\nname = "X"\nacts_for = "gpe:NOWHERE"\n', "[entry 'org:x'] acts_for 'gpe:NOWHERE' is not in the knowledge base"),
    ('[[orgs]]\nid = "org:x"\nname = "X"\naliases = "just one"\n', "[entry 'org:x'] aliases must be a list of names"),
    ('[[orgs]]\nid = "org:x"\nname = "X"\n[[orgs]]\nid = "org:x"\nname = "Y"\n', "[entry 'org:x'] id used twice"),
    ('[[orgs]\nid = ', "not valid TOML"),
])
def test_kb_malformed_entry_names_file_and_entry(tmp_path, text, expected):
    path = _write(tmp_path, "mine.toml", text)
    with pytest.raises(KnowledgeError) as err:
        knowledge.kb.build([tmp_path])
    assert str(path) in str(err.value)
    assert expected in str(err.value)


def test_kb_missing_user_folder_is_a_knowledge_error(tmp_path):
    with pytest.raises(KnowledgeError, match="not a folder"):
        knowledge.kb.build([tmp_path / "absent"])


def test_kb_user_folder_adds_and_overrides_by_id(tmp_path):
    _write(tmp_path, "local.toml", """
[[orgs]]
id = "org:reuters"
name = "Thomson Reuters"
aliases = ["Reuters"]

[[people]]
id = "per:jane_roe"
name = "Jane Roe"
short = ["Roe"]
roles = [{ role = "ambassador to South Korea", of = "gpe:USA", start = "2031-02-01" }]
""")
    kb = knowledge.kb.build([tmp_path])
    assert kb.get("org:reuters")["name"] == "Thomson Reuters"
    assert kb.find("reuters")["id"] == "org:reuters"
    assert kb.get("per:jane_roe")["acts_for"] == "gpe:USA"
    assert [p["name"] for p in kb.holders(["ambassador to South Korea"], "gpe:USA", "2031-06-01")] == ["Jane Roe"]
    # the packaged base is untouched
    assert knowledge.load().get("per:jane_roe") is None
    assert knowledge.load().get("org:reuters")["name"] == "Reuters"


def test_kb_user_folder_ignores_files_of_other_components(tmp_path):
    _write(tmp_path, "measures.toml", '[[measures]]\nname = "tariff_rate"\n')
    kb = knowledge.kb.build([tmp_path])
    assert kb.find("Seoul")["id"] == "gpe:KOR:capital"


@pytest.mark.parametrize("name, kb_id", [
    ("American", "gpe:USA"),
    ("South Korean", "gpe:KOR"),
    ("Trump", "per:donald_trump"),
    ("Kim", None),          # several people: no guess
])
def test_kb_find_falls_back_to_unique_demonym_or_family_name(kb, name, kb_id):
    entry = kb.find(name)
    assert (entry["id"] if entry else None) == kb_id


def test_kb_not_names_must_be_words(tmp_path):
    path = _write(tmp_path, "extra.toml", "not_names = [1, 2]\n")
    with pytest.raises(KnowledgeError, match="not_names must be a list of words") as err:
        knowledge.kb.build([tmp_path])
    assert str(path) in str(err.value)


def _build_module():
    spec = importlib.util.spec_from_file_location("build_countries", ROOT / "tools" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("kb_id, canonical, news_name", [
    # the canonical name is ISO 3166's as event datasets code it; the name a story uses is an alias
    ("gpe:RUS", "Russian Federation", "Russia"),
    ("gpe:BRN", "Brunei Darussalam", "Brunei"),
    ("gpe:PSE", "Palestine, State of", "Palestine"),
    ("gpe:COD", "Congo, The Democratic Republic of the", "Democratic Republic of the Congo"),
    ("gpe:VGB", "Virgin Islands, British", "British Virgin Islands"),
    ("gpe:TUR", "Türkiye", "Turkey"),
    # ISO's common name, where it has one, is already the everyday name
    ("gpe:KOR", "South Korea", "Republic of Korea"),
    ("gpe:PRK", "North Korea", "Democratic People's Republic of Korea"),
    ("gpe:IRN", "Iran", "Islamic Republic of Iran"),
    ("gpe:VNM", "Vietnam", "Viet Nam"),
    ("gpe:LAO", "Laos", None),
    ("gpe:BOL", "Bolivia", "Plurinational State of Bolivia"),
    ("gpe:TZA", "Tanzania", "United Republic of Tanzania"),
    ("gpe:MDA", "Moldova", "Republic of Moldova"),
])
def test_kb_country_names_are_iso_with_news_names_as_aliases(kb, kb_id, canonical, news_name):
    entry = kb.get(kb_id)
    assert entry["name"] == canonical
    if news_name:
        assert news_name in entry["aliases"]
        assert kb.find(news_name)["id"] == kb_id
    # an inverted "Name, Qualifier" form is never an alias: nobody writes it in running text
    assert not any(", " in n for n in entry["aliases"])


@pytest.mark.parametrize("iso_name, expected", [
    ("Korea, Republic of", "Republic of Korea"),
    ("Congo, The Democratic Republic of the", "Democratic Republic of the Congo"),
    ("Virgin Islands, U.S.", "U.S. Virgin Islands"),
    ("Bonaire, Sint Eustatius and Saba", None),      # a list of islands, not an inversion
    ("Taiwan, Province of China", None),             # a qualifier, not an inversion
    ("Japan", None),
])
def test_kb_build_reads_inverted_iso_names_the_right_way_round(iso_name, expected):
    assert _build_module().reordered(iso_name) == expected


def test_kb_build_adds_plural_demonyms_only_where_english_has_them():
    plural = _build_module().with_plurals
    assert plural(["Zambian"]) == ["Zambian", "Zambians"]
    assert plural(["Pakistani"]) == ["Pakistani", "Pakistanis"]
    assert plural(["Chinese"]) == ["Chinese"]
    assert plural(["Swiss", "British", "Malagasy"]) == ["Swiss", "British", "Malagasy"]


def test_kb_every_sovereign_state_in_the_news_has_demonyms_and_most_a_capital(kb):
    countries = [e for e in kb if e.get("kind") == "country"]
    assert sum(bool(e["demonyms"]) for e in countries) >= 190
    assert sum(bool(e.get("capital")) for e in countries) >= 180
    assert kb.find("Zambians")["id"] == "gpe:ZMB"
    assert kb.get(kb.get("gpe:MLI")["capital"])["name"] == "Bamako"


@pytest.mark.parametrize("state, at_least", [
    ("gpe:USA", 30), ("gpe:KOR", 15), ("gpe:PRK", 5), ("gpe:CHN", 5), ("gpe:JPN", 8), ("gpe:RUS", 5),
])
def test_kb_people_with_dated_offices_per_state(kb, state, at_least):
    people = [e for e in kb if e["type"] == "PERSON"
              and any(kb.state_of(r["of"]) == state and r["start"] for r in e["roles"])]
    assert len(people) >= at_least
    assert len([e for e in kb if e["type"] == "PERSON"]) >= 60


def test_kb_holds_the_offices_the_alliance_news_names(kb):
    # heads of state and government, foreign and defence ministers, commanders, party leaders
    roles = {r["role"] for e in kb if e["type"] == "PERSON" for r in e["roles"]}
    assert {"president", "prime minister", "premier", "supreme leader", "foreign minister", "defense minister",
            "secretary of state", "secretary of defense", "usfk commander", "indopacom commander",
            "party leader", "trade representative", "ambassador to South Korea"} <= roles
    assert [p["name"] for p in kb.holders(["premier"], "gpe:PRK", "2025-06-01")] == ["Pak Thae Song"]
    assert [p["name"] for p in kb.holders(["foreign minister"], "gpe:PRK", "2019-06-01")] == ["Ri Yong Ho"]
    assert [p["name"] for p in kb.holders(["foreign minister"], "gpe:PRK", "2021-06-01")] == ["Ri Son Gwon"]


def test_kb_organisations_and_named_events(kb):
    orgs = {e["name"] for e in kb if e["type"] == "ORG"}
    assert len(orgs) >= 80
    assert {"Hyundai Motor", "LG Energy Solution", "Samsung", "SK Group", "Hanwha", "HD Hyundai",
            "United Nations", "Japan Bank for International Cooperation"} <= orgs
    events = [e for e in kb if e["type"] == "EVENT"]
    assert len(events) >= 20
    assert kb.find("SCM")["id"] == "evt:security_consultative_meeting"


def test_kb_countries_carry_alpha3_and_wikidata_where_known(kb):
    countries = [e for e in kb if e.get("kind") == "country"]
    assert all(e["alpha3"] == e["id"].split(":")[1] for e in countries)
    assert kb.get("gpe:KOR")["wikidata"] == "Q884" and kb.get("gpe:PRK")["wikidata"] == "Q423"
    assert sum("wikidata" in e for e in countries) >= 60
    ids = [e["wikidata"] for e in countries if "wikidata" in e]
    assert len(ids) == len(set(ids))


def test_kb_organs_word_lists_and_federations(kb):
    # generic references to a state's organs: heads that stand alone, heads that need a modifier
    assert {"police", "authorities", "prosecutors"} <= kb.organs["heads"]
    assert {"agents", "officials"} <= kb.organs["modified_heads"]
    assert "agents" not in kb.organs["heads"] and "officials" not in kb.organs["heads"]
    assert {"federal", "immigration", "border"} <= kb.organs["modifiers"]
    assert kb.organs["federal"] == {"federal"}
    assert {"administration", "government"} <= kb.organs["anaphors"]
    # "federal" fits federations only
    assert {"gpe:USA", "gpe:DEU", "gpe:RUS", "gpe:BRA"} <= kb.federations
    assert not {"gpe:KOR", "gpe:JPN", "gpe:FRA", "gpe:CHN"} & kb.federations
    assert all(kb.get(s)["kind"] == "country" for s in kb.federations)


def test_kb_organs_extend_from_a_user_folder_and_are_checked(tmp_path):
    _write(tmp_path, "organs.toml", '[organs]\nheads = ["carabinieri"]\nfederations = ["gpe:ITA"]\n')
    built = knowledge.kb.build([tmp_path])
    assert "carabinieri" in built.organs["heads"] and "police" in built.organs["heads"]
    assert "gpe:ITA" in built.federations and "gpe:USA" in built.federations
    _write(tmp_path, "organs.toml", '[organs]\nsheriffs = ["x"]\n')
    with pytest.raises(KnowledgeError, match="unknown field 'sheriffs'"):
        knowledge.kb.build([tmp_path])
    _write(tmp_path, "organs.toml", '[organs]\nheads = "police"\n')
    with pytest.raises(KnowledgeError, match="heads must be a list of words"):
        knowledge.kb.build([tmp_path])
    _write(tmp_path, "organs.toml", '[organs]\nfederations = ["gpe:ATLANTIS"]\n')
    with pytest.raises(KnowledgeError, match="federation 'gpe:ATLANTIS'"):
        knowledge.kb.build([tmp_path])


def test_kb_a_body_that_is_a_party_acts_for_itself_and_its_officials_for_it(kb):
    # the EU and NATO deal, tax and demand in their own right: a holder or target like a state
    assert kb.state_of("org:european_union") == "org:european_union"
    assert kb.state_of("org:nato") == "org:nato"
    # an organ of a body acts for the body
    assert kb.state_of("org:european_commission") == "org:european_union"
    # NATO's secretary general speaks for NATO, not for his home state; before, he spoke for it
    assert kb.state_for_person("per:mark_rutte", "2025-06-20") == "org:nato"
    assert kb.state_for_person("per:mark_rutte", "2023-03-01") == "gpe:NLD"
    # a forum acting only through its members acts for no one
    assert kb.state_of("org:g7") is None


@pytest.mark.parametrize("person, date, state", [
    ("per:ferdinand_marcos_jr", "2025-07-23", "gpe:PHL"),
    ("per:narendra_modi", "2025-08-07", "gpe:IND"),
    ("per:pedro_sanchez", "2025-06-23", "gpe:ESP"),
    ("per:richard_marles", "2025-06-12", "gpe:AUS"),
])
def test_kb_heads_and_ministers_act_for_their_state(kb, person, date, state):
    assert kb.state_for_person(person, date) == state


def test_kb_a_title_says_whether_its_holders_are_listed(kb, tmp_path):
    generic = next(t for t in kb.titles if "spokesman" in t["words"])
    listed = next(t for t in kb.titles if "president" in t["words"])
    assert (generic["holders_known"], listed["holders_known"]) == (False, True)
    _write(tmp_path, "bad.toml", '[[titles]]\nwords = ["chief"]\nroles = ["chief"]\nholders_known = "no"\n')
    with pytest.raises(KnowledgeError, match="holders_known must be true or false"):
        knowledge.kb.build([tmp_path])
