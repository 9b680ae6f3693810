"""The CLI: one-line errors with a non-zero exit, never a traceback; help explains."""

from tests.clirun import run as _run


def test_missing_input_is_one_line_error(tmp_path):
    r = _run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "-q")
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert "no such file" in r.stderr and "no article could be read" in r.stderr


def test_unknown_model_is_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Ann Lee visited France.", encoding="utf-8")
    r = _run("build", str(tmp_path / "a.txt"), "--model", "no_such_pipeline", "--out", str(tmp_path / "o"))
    assert r.returncode == 3
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "--model" in r.stderr


def test_export_without_build_says_how_to_fix(tmp_path):
    r = _run("export", "graphml", str(tmp_path / "g.graphml"), "--from", str(tmp_path))
    assert r.returncode != 0 and "fix: build into" in r.stderr and "Traceback" not in r.stderr


def test_build_from_stdin_and_export(tmp_path):
    out = tmp_path / "o"
    r = _run("build", "-", "--out", str(out), input="Ann Lee met Bob Stone in France. Ann Lee said France was ready.")
    assert r.returncode == 0, r.stderr
    assert "1 articles built" in r.stdout
    r = _run("export", "graphml", str(tmp_path / "copy.graphml"), "--from", str(out))
    assert r.returncode == 0 and (tmp_path / "copy.graphml").stat().st_size > 0


def test_help_explains_options():
    r = _run("build", "--help")
    assert r.returncode == 0
    for opt in ("--out", "--model", "--window", "--aliases"):
        assert opt in r.stdout


def test_export_graphml_focus_keeps_the_neighbourhood(tmp_path):
    import networkx as nx

    out = tmp_path / "o"
    text = (
        "Ann Lee met Bob Stone in France on Monday.\n\n"
        "Carl Wendt visited Japan. Dora Falk praised Japan's new rail line.\n"
    )
    assert _run("build", "-", "--out", str(out), "-q", input=text).returncode == 0
    r = _run("export", "graphml", str(tmp_path / "f.graphml"), "--from", str(out), "--focus", "ann lee")
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(tmp_path / "f.graphml")
    names = {d["name"] for _, d in g.nodes(data=True) if d["label"] != "Article"}
    assert "Ann Lee" in names and "France" in names
    assert "Japan" not in names and "Carl Wendt" not in names
