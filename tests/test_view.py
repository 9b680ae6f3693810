"""What the HTML view shows: weight filter, focus/depth, provenance, size cap (graphbuild.view)."""

import itertools

import pytest

from graphbuild.errors import InputError
from graphbuild.graph.model import ARTICLE, CO_MENTIONED, MENTIONS, SAID_ABOUT, Edge, Graph, Node
from graphbuild.graph.view import select


def _graph(*, chain=("p:mara", "p:tobin", "o:acme", "c:lorem")) -> Graph:
    """A chain mara - tobin - acme - lorem (weights 3, 1, 2), a said-about edge, a loner, an article."""
    g = Graph()
    g.add_node(Node("p:mara", "Person", "Mara Quill", {"mentions": 5, "aliases": ["Mara Quill", "Quill"]}))
    g.add_node(Node("p:tobin", "Person", "Tobin Voss", {"mentions": 2}))
    g.add_node(Node("o:acme", "Organization", "Acme Widgets", {"mentions": 4}))
    g.add_node(Node("c:lorem", "Country", "Lorem", {"mentions": 3}))
    g.add_node(Node("p:loner", "Person", "Ida Solo", {"mentions": 1}))
    g.add_node(Node("article:a1", ARTICLE, "Some headline", {"article_id": "a1"}))
    for (a, b), w in zip(itertools.pairwise(chain), (3, 1, 2)):
        g.add_edge(Edge(CO_MENTIONED, a, b, w))
    g.add_edge(Edge(SAID_ABOUT, "p:mara", "p:tobin", 1))
    g.add_edge(Edge(MENTIONS, "article:a1", "p:mara", 2))
    g.add_edge(Edge(MENTIONS, "article:a1", "p:loner", 1))
    return g


def _ids(sel):
    return [n.id for n in sel.nodes]


def test_default_shows_all_entities_and_relations_but_no_provenance():
    sel = select(_graph())
    assert _ids(sel) == ["c:lorem", "o:acme", "p:loner", "p:mara", "p:tobin"]
    assert {e.type for e in sel.edges} == {CO_MENTIONED, SAID_ABOUT}
    assert (sel.entities, sel.total_entities, sel.relations, sel.total_relations) == (5, 5, 4, 4)
    assert not sel.pruned and sel.note == ""


def test_articles_adds_article_nodes_and_mentions_edges():
    sel = select(_graph(), articles=True)
    assert "article:a1" in _ids(sel)
    assert sum(e.type == MENTIONS for e in sel.edges) == 2
    assert sel.entities == 5  # the article does not count as an entity
    assert "article:a1" in sel.drawn and (MENTIONS, "article:a1", "p:mara") in sel.drawn_edges


def test_min_weight_hides_light_edges_then_entities_left_without_any():
    sel = select(_graph(), min_weight=2)
    assert [(e.source, e.target) for e in sel.edges] == [("o:acme", "c:lorem"), ("p:mara", "p:tobin")]
    # tobin keeps its weight-3 edge; nobody lost everything; the loner never had a relation
    assert _ids(sel) == ["c:lorem", "o:acme", "p:loner", "p:mara", "p:tobin"]
    sel = select(_graph(), min_weight=3)
    assert _ids(sel) == ["p:loner", "p:mara", "p:tobin"]


def test_focus_by_name_is_case_insensitive_and_depth_counts_hops():
    assert _ids(select(_graph(), focus="  mara QUILL ", depth=0)) == ["p:mara"]
    assert _ids(select(_graph(), focus="Mara Quill", depth=1)) == ["p:mara", "p:tobin"]
    assert _ids(select(_graph(), focus="Mara Quill", depth=2)) == ["o:acme", "p:mara", "p:tobin"]
    # direction is ignored: lorem reaches back up the chain
    assert _ids(select(_graph(), focus="lorem", depth=3)) == ["c:lorem", "o:acme", "p:mara", "p:tobin"]


def test_focus_by_id_or_alias_and_the_focus_stays_even_when_isolated():
    assert select(_graph(), focus="o:acme").focus == ["o:acme"]
    assert select(_graph(), focus="quill").focus == ["p:mara"]
    sel = select(_graph(), focus="Ida Solo", depth=2)
    assert _ids(sel) == ["p:loner"] and sel.edges == []


def test_focus_walks_only_edges_that_pass_min_weight():
    # tobin - acme weighs 1, so with min_weight 2 acme is out of mara's reach
    assert _ids(select(_graph(), focus="Mara Quill", depth=3, min_weight=2)) == ["p:mara", "p:tobin"]


def test_unknown_focus_is_a_one_line_input_error_with_a_fix():
    with pytest.raises(InputError) as err:
        select(_graph(), focus="Mara Quil")
    msg = str(err.value)
    assert msg.startswith("no entity named 'Mara Quil'") and "fix:" in msg and "'Mara Quill'" in msg
    with pytest.raises(InputError) as err:
        select(_graph(), focus="Some headline")  # articles are no entities
    with pytest.raises(InputError) as err:
        select(_graph(), focus="x\ny")
    assert "\n" not in str(err.value)


def test_bad_limits_are_input_errors():
    for kwargs in ({"depth": -1}, {"max_nodes": 0}, {"max_edges": -1}, {"draw_nodes": 0}, {"draw_edges": -1}):
        with pytest.raises(InputError):
            select(_graph(), focus="lorem", **kwargs)


def test_parallel_co_mentioned_and_said_about_both_stay():
    keys = [e.key for e in select(_graph()).edges]
    assert (CO_MENTIONED, "p:mara", "p:tobin") in keys and (SAID_ABOUT, "p:mara", "p:tobin") in keys


def _star(n: int) -> Graph:
    """hub + n leaves; leaf i has i mentions and an edge of weight i to the hub."""
    g = Graph()
    g.add_node(Node("hub", "Organization", "Hub", {"mentions": 100}))
    for i in range(1, n + 1):
        g.add_node(Node(f"leaf{i:02d}", "Person", f"Leaf {i}", {"mentions": i}))
        g.add_edge(Edge(CO_MENTIONED, "hub", f"leaf{i:02d}", i))
    return g


def test_cap_keeps_the_most_mentioned_entities_and_says_so():
    sel = select(_star(10), max_nodes=4)
    assert _ids(sel) == ["hub", "leaf08", "leaf09", "leaf10"]
    assert sel.pruned and len(sel.edges) == 3
    assert sel.note.startswith("showing 4 of 11 entities and 3 of 10 relations")
    assert "--focus/--min-weight" in sel.note


def test_edge_cap_keeps_the_heaviest_and_drops_entities_it_isolated():
    sel = select(_star(10), max_edges=2)
    assert sorted(e.weight for e in sel.edges) == [9, 10]
    assert _ids(sel) == ["hub", "leaf09", "leaf10"] and sel.pruned


def test_cap_never_drops_the_focus():
    sel = select(_star(10), focus="Leaf 1", depth=2, max_nodes=3)
    assert "leaf01" in _ids(sel) and "hub" in _ids(sel) and len(sel.nodes) == 3


def test_selection_does_not_depend_on_insertion_order():
    a = _graph()
    b = Graph()
    for k in reversed(list(a.nodes)):
        b.add_node(a.nodes[k])
    for k in reversed(list(a.edges)):
        b.add_edge(a.edges[k])
    for kwargs in ({}, {"max_nodes": 2}, {"focus": "tobin voss"}):
        sa, sb = select(a, **kwargs), select(b, **kwargs)
        assert (_ids(sa), [e.key for e in sa.edges]) == (_ids(sb), [e.key for e in sb.edges])


def test_missing_or_odd_mentions_count_as_zero():
    g = _star(2)
    g.nodes["leaf01"].props["mentions"] = "many"
    del g.nodes["leaf02"].props["mentions"]
    assert len(select(g, max_nodes=2).nodes) == 2


def test_opening_draws_the_most_mentioned_with_the_heaviest_relations_among_them():
    sel = select(_star(10), draw_nodes=4, draw_edges=2)
    assert len(sel.nodes) == 11  # the page holds everything; it draws a part first
    assert sel.drawn == ["hub", "leaf10", "leaf09"]  # leaf08 lost its only relation to the budget
    assert sel.drawn_edges == [(CO_MENTIONED, "hub", "leaf09"), (CO_MENTIONED, "hub", "leaf10")]
    assert not sel.pruned


def test_opening_starts_from_the_focus_and_keeps_entities_when_there_are_no_relations():
    sel = select(_star(10), focus="Leaf 1", depth=1, draw_nodes=1)
    assert sel.drawn[0] == "leaf01" and sel.drawn_edges == []
    g = Graph()
    for i in range(3):
        g.add_node(Node(f"p{i}", "Person", f"P {i}", {"mentions": i}))
    assert select(g, draw_nodes=2).drawn == ["p2", "p1"]


def test_loners_are_held_but_not_drawn_while_there_are_relations():
    sel = select(_graph())
    assert "p:loner" in _ids(sel) and "p:loner" not in sel.drawn
