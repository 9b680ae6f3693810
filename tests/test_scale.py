"""Worker processes and a Dask cluster give exactly the local single-process build."""

import importlib
import json

import pytest

from graphbuild.api import BuildOptions, build_files

ARTICLES = [
    "Ann Keller, the mayor, met Omar Daley in France on Monday. Keller said France would help.",
    'Omar Daley told reporters that Germany and France had agreed. "We are ready," Daley said.',
    "The Northwind Trading Company (NTC) opened an office in Spain. NTC said Spain was a good market.",
    "Germany's chancellor Lena Brandt spoke to Ann Keller. Brandt said Keller was a friend of Germany.",
] * 3


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("scale")
    path = d / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(ARTICLES)), encoding="utf-8"
    )
    local = build_files([str(path)], d / "local", BuildOptions(write_html=False))
    return path, d, local


def _same(a, b):
    assert set(a.graph.nodes) == set(b.graph.nodes)
    assert {k: (e.weight, e.props) for k, e in a.graph.edges.items()} == {
        k: (e.weight, e.props) for k, e in b.graph.edges.items()
    }


def _extractions(out):
    return (out / "extractions.jsonl").read_text(encoding="utf-8")


def test_two_workers_equal_one(corpus):
    path, d, local = corpus
    multi = build_files([str(path)], d / "multi", BuildOptions(workers=2, write_html=False))
    _same(local, multi)
    assert _extractions(d / "multi") == _extractions(d / "local")


def test_dask_local_cluster_equals_local_build(corpus):
    distributed = pytest.importorskip("dask.distributed")
    path, d, local = corpus
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        dist = build_files(
            [str(path)], d / "dask", BuildOptions(dask_scheduler=cluster.scheduler_address, write_html=False)
        )
        # each worker loaded the pipeline once and kept it
        loaded = client.run(lambda: len(importlib.import_module("graphbuild.pipeline.distributed")._PARSERS))
    _same(local, dist)
    assert _extractions(d / "dask") == _extractions(d / "local")
    assert set(loaded.values()) <= {0, 1} and sum(loaded.values()) >= 1


def test_worker_tasks_keep_order_and_end_small():
    from graphbuild.pipeline.run import _batches

    for n in (0, 3, 47, 100):
        tasks = list(_batches(iter(range(n)), 16, 2))
        assert [x for t in tasks for x in t] == list(range(n))
        # full tasks while the input lasts, then the last two tasks' worth in quarters, so
        # the two workers finish within a small task of each other
        sizes = [len(t) for t in tasks]
        assert all(s == 16 for s in sizes[: max(0, (n - 32) // 16)])
        assert all(s <= 4 for s in sizes[-8:])
    assert [len(t) for t in _batches(iter(range(40)), 16, 1)] == [16, 16, 8]
