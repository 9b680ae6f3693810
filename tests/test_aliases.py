"""The user alias file: parsing, one-line errors, and merge/rename/label/drop in the resolver."""

import pytest

from graphbuild.entities.aliases import load_aliases, parse_aliases
from graphbuild.entities.resolve import CorpusResolver
from graphbuild.errors import InputError
from graphbuild.graph.model import COUNTRY, ORGANIZATION, PERSON, Mention

RULES = """\
# invented entities
merge: Crimson Valley Brigade = organization:red-valley-front
rename: person:odile-brack => Odile M. Brack
label: Vela TV => Organization
drop: organization:pale-sun-union

drop: Narnia Trust
"""


def test_parse_rules_and_comments():
    r = parse_aliases(RULES)
    assert r.merges == [["Crimson Valley Brigade", "organization:red-valley-front"]]
    assert r.renames == [("person:odile-brack", "Odile M. Brack")]
    assert r.labels == [("Vela TV", ORGANIZATION)]
    assert r.drops == ["organization:pale-sun-union", "Narnia Trust"]


@pytest.mark.parametrize(
    "line, words",
    [
        ("merge Crimson = Red", "unknown rule"),
        ("alias: A = B", "unknown rule"),
        ("merge: Crimson Valley Brigade", "two or more"),
        ("rename: person:odile-brack", "=>"),
        ("label: Vela TV => Planet", "unknown label"),
        ("label: Vela TV => Country", "cannot label"),
        ("drop: !!", "empty entity name"),
    ],
)
def test_errors_name_file_line_and_fix(line, words):
    with pytest.raises(InputError) as exc:
        parse_aliases("# ok\n" + line + "\n", "my.aliases")
    msg = str(exc.value)
    assert msg.startswith("my.aliases:2: ") and words in msg and "fix:" in msg and "\n" not in msg


def test_load_aliases_reads_a_file_and_reports_a_missing_one(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(RULES, encoding="utf-8")
    assert load_aliases(f).renames == [("person:odile-brack", "Odile M. Brack")]
    with pytest.raises(InputError, match="does not exist; fix:"):
        load_aliases(tmp_path / "missing.txt")


def M(text, key, label):
    return Mention(0, len(text), text, label, key, name=text)


def _resolve(rules):
    r = CorpusResolver(parse_aliases(rules) if rules else None)
    r.add(
        [
            M("Odile Brack", "odile-brack", PERSON),
            M("Vela TV", "vela-tv", PERSON),
            M("Crimson Valley Brigade", "crimson-valley-brigade", ORGANIZATION),
            M("Red Valley Front", "red-valley-front", ORGANIZATION),
            M("Pale Sun Union", "pale-sun-union", ORGANIZATION),
            M("U.S.", "country:USA", COUNTRY),
        ],
        [],
    )
    return r.finalize()


def test_rules_merge_rename_relabel_and_drop():
    plain = _resolve(None)
    assert plain.ids["crimson-valley-brigade"][0] != plain.ids["red-valley-front"][0]
    res = _resolve(RULES + "rename: U.S. => USA\n")
    assert res.ids["crimson-valley-brigade"][0] == res.ids["red-valley-front"][0]
    assert res.ids["odile-brack"] == ("person:odile-m-brack", PERSON, "Odile M. Brack")
    assert res.ids["vela-tv"][:2] == ("organization:vela-tv", ORGANIZATION)
    assert "pale-sun-union" not in res.ids and "organization:pale-sun-union" not in res.entities
    assert res.ids["country:USA"] == ("country:USA", COUNTRY, "USA")  # country ids never change
    assert set(res.entities) == {v[0] for v in res.ids.values()}
