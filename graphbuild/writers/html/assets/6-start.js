// explorer 6/6: the first drawing, the network's events, and graph.html#ID.
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
// ---- start -----------------------------------------------------------------------
function reset() {
  pinned = -1; marked = null;
  nodesDS.clear(); edgesDS.clear(); drawn.clear(); drawnEdges.clear();
  var fresh = draw(D.drawn, undefined, new Set(D.drawn_edges));
  recompute();
  if (D.focus.length) mark(D.focus[0]);
  return fresh;
}
reset();
showStart();
network = new vis.Network(document.getElementById("graph"), {nodes: nodeView, edges: edgeView}, D.options);
network.on("stabilizationIterationsDone", settled);
if (!drawn.size) settled();  // nothing to lay out: vis-network sends no event
network.on("click", function (p) {
  if (p.nodes.length) { var i = byId.get(p.nodes[0]); mark(i); showNode(i); }
  else if (p.edges.length) { unmark(); showEdge(edgeById.get(p.edges[0])); }
  else unmark();
});
network.on("doubleClick", function (p) {
  if (p.nodes.length) { var i = byId.get(p.nodes[0]); expand(i); showNode(i); }
});
document.getElementById("reset").addEventListener("click", function () {
  settle(reset());
  network.once("stabilizationIterationsDone", function () { network.fit(); });
});
window.graphbuildView = {network: network, expand: expand};  // for tests and the console

// graph.html#<node or edge id> opens with that item drawn, selected and its details shown.
var wanted = "";
try { wanted = decodeURIComponent(location.hash.slice(1)); } catch (err) { wanted = ""; }
if (byId.has(wanted)) pick(byId.get(wanted), {stay: true});
else if (edgeById.has(wanted)) {
  var k = edgeById.get(wanted);
  settle(draw([E[k].s, E[k].t]));
  recompute();
  network.selectEdges([wanted]);
  showEdge(k);
}
