from graphbuild.nlp.furniture import blank, split_content

PAGE = """English | Deutsch | Français

Officials meet in a capital for talks

The minister of a small country met her counterpart on Monday to discuss trade.

She said the talks were useful and would go on next week.

World EuropePoliticsBusiness
Share this
Subscribe now - Get the best of our journalism - Only 1 dollar a month
Share this
"""


def _texts(text, ranges):
    return [text[s:e] for s, e in ranges]


def test_furniture_lines_are_found_and_content_kept():
    content, furn = split_content(PAGE)
    assert _texts(PAGE, content) == [
        "Officials meet in a capital for talks",
        "The minister of a small country met her counterpart on Monday to discuss trade.",
        "She said the talks were useful and would go on next week.",
    ]
    assert "English | Deutsch | Français" in _texts(PAGE, furn)
    assert "World EuropePoliticsBusiness" in _texts(PAGE, furn)
    assert _texts(PAGE, furn).count("Share this") == 2


def test_blank_keeps_offsets():
    content, furn = split_content(PAGE)
    clean = blank(PAGE, furn)
    assert len(clean) == len(PAGE)
    for s, e in content:
        assert clean[s:e] == PAGE[s:e]
    for s, e in furn:
        assert clean[s:e].strip() == ""


def test_plain_prose_has_no_furniture():
    text = "A short article. It has two sentences."
    assert split_content(text) == ([(0, len(text))], [])
