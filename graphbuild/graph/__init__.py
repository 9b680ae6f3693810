"""The graph stage: the shared dataclasses every stage hands on (:mod:`.model`), their
serialised form (:mod:`.codec`), and what turns resolved extractions into the graph.

Takes :class:`~graphbuild.graph.model.ArticleExtraction` values with final entity ids;
gives a :class:`~graphbuild.graph.model.Graph` (:mod:`.relate`, with dates from
:mod:`.timeline`), the part of it a view or export draws (:mod:`.view`), the after-build
summary (:mod:`.summary`) and a networkx graph (:mod:`.convert`).
"""
