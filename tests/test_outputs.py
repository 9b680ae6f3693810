"""The outputs under --out: complete or absent, never mixed, never read back as input.

Kills, Ctrl-C and concurrent builds use real processes and real signals (each build forked
from a launcher that has spaCy loaded, tests/forkrun.py); the full and read-only disks are
real (small) tmpfs mounts, so those tests need root and are skipped without it.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.clirun import run
from tests.forkrun import Child, spawn

from .conftest import ROOT, SEEDS

XDIST_GROUP = "forkrun"  # one worker, so one launcher (tests/forkrun.py) per run
OUTPUTS = ("graph.graphml", "graph.html", "extractions.jsonl", "articles.jsonl.gz", "build.json")
GOOD = "Maria Lindqvist met Tomas Okafor in Norway on Tuesday. Okafor said Norway was ready."


def _snapshot(out: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _corpus(folder: Path, copies: int) -> Path:
    """A JSONL corpus of ``copies`` rounds of the seeds (distinct ids), slow enough to kill."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()) if p.suffix == ".txt"]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"c{c}-{i}", "text": t}) + "\n")
    return path


def _spawn(*args, env: dict | None = None, start_new_session: bool = False) -> Child:
    """``python -m graphbuild ARGS`` in a real child process of its own (forked with spaCy
    already loaded: see tests/forkrun.py), getting Ctrl-C as a terminal gives it."""
    return spawn(*args, env=env or {**os.environ, "PYTHONPATH": str(ROOT)}, start_new_session=start_new_session)


def _wait_for(cond, timeout=300.0, every=0.005) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cond():
            return True
        time.sleep(every)
    return False


def _extracting(tmp: Path) -> bool:
    """Whether a build with TMPDIR=``tmp`` has extracted an article (into its spool)."""
    return any(p.stat().st_size for p in tmp.glob("graphbuild-*/spool.jsonl"))


def _staged(out: Path, name: str):
    """A file of the build's staging folder beside ``out`` that has some bytes, if any."""
    for d in out.parent.glob(f".graphbuild-new-{out.name}-*"):
        f = d / name
        if f.is_file() and f.stat().st_size > 0:
            return f
    return None


@pytest.fixture()
def first_build(tmp_path):
    """An output folder holding one good build of one article, and its bytes."""
    src = tmp_path / "one"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    r = run("build", src, "--out", out, "-q")
    assert r.returncode == 0, r.stderr
    return out, _snapshot(out)


def test_a_build_that_reads_nothing_writes_nothing(first_build, tmp_path):
    out, before = first_build
    (tmp_path / "empty").mkdir()
    for inputs in (["no-such-folder"], [tmp_path / "empty"]):
        r = run("build", *inputs, "--out", out, "-q")
        assert r.returncode == 2 and "no article could be read" in r.stderr and "nothing was written" in r.stderr
        assert _snapshot(out) == before
    r = run("build", tmp_path / "empty", "--out", tmp_path / "new" / "out", "-q")
    assert r.returncode == 2 and not (tmp_path / "new").exists()
    assert not list(tmp_path.glob(".graphbuild-new-*"))  # no staging folder left behind


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_build_killed_while_writing_leaves_the_previous_build_whole(first_build, tmp_path, sig):
    out, before = first_build
    # the write phase takes about 0.15 s whatever the corpus (the page's scripts are most
    # of graph.html): a few rounds of the seeds are enough to signal the build inside it
    corpus = _corpus(tmp_path / "big", copies=4)
    proc = _spawn("build", corpus, "--out", out, "-q")
    try:
        assert _wait_for(lambda: _staged(out, "extractions.jsonl") or proc.poll() is not None)
        assert proc.poll() is None, "the build ended before its write phase could be interrupted"
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "Traceback" not in err
        assert f"graphbuild: interrupted; nothing was written to {out} (the last complete build is kept)" in err
    assert _snapshot(out) == before
    # the next build cleans up and replaces the folder whole
    r = run("build", SEEDS, "--out", out, "-q")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUTS, ".graphbuild"])
    assert not list(tmp_path.glob(".graphbuild-new-*")) and not list(tmp_path.glob(".graphbuild-old-*"))
    assert len((out / "extractions.jsonl").read_text().splitlines()) == len(list(SEEDS.glob("*.txt")))


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_during_extraction_says_nothing_was_written(tmp_path, workers):
    out, spools = tmp_path / "out", tmp_path / "tmp"
    spools.mkdir()
    corpus = _corpus(tmp_path / "big", copies=40)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(spools)}
    # a session of its own: Ctrl-C in a terminal signals the whole process group, workers too
    proc = _spawn("build", corpus, "--out", out, "-q", "--workers", workers, env=env, start_new_session=True)
    try:
        assert _wait_for(lambda: _extracting(spools) or proc.poll() is not None)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err == f"graphbuild: interrupted; nothing was written to {out}\n"  # one line, no worker tracebacks
    assert not out.exists() and not list(tmp_path.glob(".graphbuild-new-*"))


def test_a_second_build_into_the_same_folder_says_who_holds_it_and_exits(first_build, tmp_path):
    out, _ = first_build
    corpus = _corpus(tmp_path / "big", copies=2)
    proc = _spawn("build", corpus, "--out", out, "-q")
    try:
        assert _wait_for(lambda: any(tmp_path.glob(".graphbuild-new-out-*")) or proc.poll() is not None)
        r = run("build", SEEDS, "--out", out, "-q")
        assert r.returncode == 5, r.stderr
        assert f"pid {proc.pid}" in r.stderr and "another graphbuild build" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        _, err = proc.communicate(timeout=600)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    lines = (out / "extractions.jsonl").read_bytes().splitlines()
    assert b"\0" not in b"".join(lines) and len(lines) == 2 * len(list(SEEDS.glob("*.txt")))


def test_an_output_path_that_is_a_file_is_refused_before_extraction(tmp_path):
    f = tmp_path / "taken"
    f.write_text("mine", encoding="utf-8")
    r = run("build", SEEDS, "--out", f, "-q")
    assert r.returncode == 5 and "is a file, not a folder" in r.stderr and "--out" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and f.read_text() == "mine"


def test_a_folder_of_someone_elses_files_is_not_replaced(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "thesis.tex").write_text("precious", encoding="utf-8")
    r = run("build", SEEDS, "--out", d, "-q")
    assert r.returncode == 5 and "did not write" in r.stderr and "thesis.tex" in r.stderr
    assert [p.name for p in d.iterdir()] == ["thesis.tex"]


@contextmanager
def _tmpfs(path: Path, size: str, *opts: str):
    path.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *opts]), "tmpfs", str(path)], capture_output=True
    )
    if r.returncode != 0:
        pytest.skip("needs root to mount a small tmpfs")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_a_read_only_output_folder_is_refused_before_extraction(tmp_path):
    with _tmpfs(tmp_path / "ro", "1m", "ro") as ro:
        t0 = time.time()
        r = run("build", SEEDS, "--out", ro / "out", "-q")
        assert r.returncode == 5 and "not writable" in r.stderr and "--out" in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "internal error" not in r.stderr
        assert time.time() - t0 < 5  # before the extraction of the seeds


def test_a_full_disk_is_refused_before_extraction(tmp_path):
    with _tmpfs(tmp_path / "full", "2m") as disk:
        with open(disk / "filler", "wb") as fh:
            fh.write(b"x" * ((2 << 20) - 8192))
        r = run("build", SEEDS, "--out", disk / "out", "-q")
        assert r.returncode == 5 and ("no space left" in r.stderr or "disk is full" in r.stderr), r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and not (disk / "out").exists()


def _fill(path: Path, leave: int) -> None:
    """Fill ``path``'s disk up to ``leave`` bytes free; the build writes at the same time, so
    the disk may be full before the filler is: that is the state the test wants, not a failure."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        os.write(fd, b"x" * max(shutil.disk_usage(path.parent).free - leave, 0))
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)


def test_a_disk_that_fills_up_while_writing_keeps_the_previous_build(tmp_path):
    with _tmpfs(tmp_path / "small", "4m") as disk:
        src = tmp_path / "one"
        src.mkdir()
        (src / "a.txt").write_text(GOOD, encoding="utf-8")
        out = disk / "out"
        assert run("build", src, "--out", out, "-q").returncode == 0
        before = _snapshot(out)
        spools = tmp_path / "tmp"
        spools.mkdir()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(spools)}
        proc = _spawn("build", _corpus(tmp_path / "big", copies=2), "--out", out, "-q", "--articles", env=env)
        try:
            # the disk fills up after the build's checks (it refuses a disk that is full
            # already), while it extracts: as when something else writes to the same disk
            assert _wait_for(lambda: _extracting(spools) or proc.poll() is not None)
            assert proc.poll() is None, "the build ended before the disk could fill up"
            _fill(disk / "filler", leave=72 << 10)  # room for a part of the outputs only
            _, err = proc.communicate(timeout=120)
        finally:
            proc.kill()
        assert proc.returncode == 5 and "disk is full" in err and "previous outputs are unchanged" in err, err
        assert len(err.strip().splitlines()) == 1
        assert _snapshot(out) == before and not list(disk.glob(".graphbuild-new-*"))


def test_the_output_folder_is_never_read_as_input(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for _ in range(2):  # the second build finds graphbuild-out/ (extractions.jsonl) in "."
        r = run("build", ".", "-q", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    ids = [json.loads(x)["article_id"] for x in (tmp_path / "graphbuild-out" / "extractions.jsonl").open()]
    assert ids == ["a.txt"]
    assert "output folder, not read as input" in r.stderr and "skipped" not in r.stderr
    assert ".graphbuild" not in r.stderr  # the build's own staging folder and lock are not news
    r = run("build", tmp_path / "graphbuild-out", "--out", tmp_path / "o2", "-q")
    assert r.returncode == 2 and "output folder" in r.stderr
