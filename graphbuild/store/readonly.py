"""What a read-only query may do: read the graph, nothing else.

Neo4j's read access mode stops writes, but still lets a query send data out
(``LOAD CSV FROM 'http://...'``), read files, or administer the server
(``TERMINATE TRANSACTIONS``, ``SHOW TRANSACTIONS``). So before a read-mode query runs, the
server plans it (``EXPLAIN``) and the plan is checked: the statement type must be "read",
and no operator may load files or URLs, run a server command, or call a procedure that
reaches outside the graph. The server's own classification, not a regex over the text.
"""

from __future__ import annotations

import re

# Procedure namespaces that read files or URLs, run other Cypher, or touch the server,
# even when the procedure calls itself read-only (apoc.load.json is mode READ).
_OUTSIDE = re.compile(r"^(dbms\.|apoc\.(load|import|export|cypher|periodic|systemdb|trigger|log)\b)", re.I)


def operators(plan: dict | None):
    """(operator type, details) of every node of a plan, depth first."""
    if not plan:
        return
    yield plan.get("operatorType", "").split("@")[0], str((plan.get("args") or {}).get("Details") or "")
    for child in plan.get("children") or ():
        yield from operators(child)


def refusal(query_type: str | None, plan: dict | None) -> str | None:
    """Why a query with this statement type and plan may not run read-only, or None."""
    if query_type != "r":
        kind = {"w": "writes", "rw": "writes", "s": "changes the schema or administers the server"}
        return kind.get(query_type or "", f"is of statement type {query_type!r}, not a read")
    for op, details in operators(plan):
        if op == "LoadCSV":
            return "reads a file or URL (LOAD CSV)"
        if op.startswith(("Terminate", "Show", "Create", "Drop", "Alter", "Grant", "Revoke", "Deny")):
            return f"runs a server command ({op})"
        if op.startswith("ProcedureCall") and _OUTSIDE.match(details):
            return f"calls a procedure that reaches outside the graph ({details.split('(')[0]})"
    return None
