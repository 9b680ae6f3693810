"""Country lookups from the bundled ISO 3166 table."""

import re

from graphbuild.entities import countries


def test_names_abbreviations_and_demonyms_map_to_one_iso_code():
    for text in ("United States", "the United States", "U.S.", "US", "USA", "America", "American", "Americans"):
        hit = countries.lookup(text)
        assert hit is not None and hit.country.iso == "USA", text
    assert countries.lookup("Iranian").country == countries.Country("IRN", "Iran")
    assert countries.lookup("Iranian").demonym and not countries.lookup("Iran").demonym
    assert countries.lookup("Britain").country.iso == countries.lookup("U.K.").country.iso == "GBR"
    assert countries.lookup("Côte d’Ivoire").country.iso == "CIV"


def test_unknown_and_ambiguous_names():
    assert countries.lookup("Narnia") is None
    assert countries.lookup("Georgia").sure is False  # also a US state
    assert countries.lookup("Republic of Georgia").sure is True


def test_by_iso_and_table_is_well_formed():
    assert countries.by_iso("deu").name == "Germany"
    assert countries.by_iso("XXX") is None
    isos = {h.country.iso for h in countries.table().values()}
    assert len(isos) > 240 and all(re.fullmatch(r"[A-Z]{3}|GB-[A-Z]{3}", i) for i in isos)


def test_parse_table_reads_names_alternatives_and_demonyms():
    table = countries.parse_table("# comment\nZZA\tZA\tZedland\tRepublic of Zed|~Zed\tZedish|~Zeds\n")
    assert table["zedland"].country.iso == "ZZA" and table["zedland"].sure
    assert table["republic of zed"].country.name == "Zedland"
    assert not table["zed"].sure and table["zedish"].demonym and not table["zeds"].sure


def test_the_countries_of_the_united_kingdom_are_countries_under_their_iso_3166_2_codes():
    assert countries.lookup("Wales").country == countries.Country("GB-WLS", "Wales")
    assert countries.lookup("Scottish").country.iso == "GB-SCT" and countries.lookup("Scottish").sure
    # "Welsh" and "English" are languages too: they count only beside the country's name.
    assert countries.lookup("Welsh").demonym and not countries.lookup("Welsh").sure
    assert countries.by_iso("gb-eng").name == "England"
    assert countries.lookup("Britain").country.iso == "GBR"
