// explorer 2/6: what is drawn: vis records, visibility, facet counts, the network, highlight, expansion.
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
// ---- the drawing -----------------------------------------------------------------
var drawn = new Set(), drawnEdges = new Set(), visNodes = new Set(), visEdges = new Set();
var pinned = -1, marked = null;
var nodesDS = new vis.DataSet(), edgesDS = new vis.DataSet();
var nodeView = new vis.DataView(nodesDS, {filter: function (x) { return visNodes.has(x.idx); }});
var edgeView = new vis.DataView(edgesDS, {filter: function (x) { return visEdges.has(x.idx); }});

function nodeTip(n) {
  return n.n + "\n" + n.l + " · " + fmt(n.m) + " mentions in " + fmt(n.a) + " articles" +
    (n.al.length ? "\nalso: " + n.al.slice(0, 5).join(", ") : "");
}
function edgeTip(e) {
  var s = N[e.s].n + (e.y === CO ? " — " : " → ") + N[e.t].n + "\n" + edgeName(e) + " · weight " + e.w;
  if (e.ev.length) s += "\n“" + short(T[e.ev[0][1]], 160) + "”";
  return s;
}
// dim: greyed out (not near the highlighted node); lit: the highlighted node or a neighbour,
// whose label always shows whatever its importance.
function nodeRecord(i, dim, lit) {
  var n = N[i], c = dim ? "#e6e6e6" : color(D.colors.labels, n.l);
  return {id: n.id, idx: i, label: short(n.n, 40), value: Math.log2(2 + n.m),
          color: {background: c, border: dim ? "#d0d0d0" : "#555", highlight: {background: c, border: "#000"}},
          font: {color: dim ? "#d4d4d4" : "#222", size: lit ? (i === marked ? 22 : 15) : 14},
          scaling: {label: Object.assign({}, LABELS, {enabled: !lit})}};
}
function edgeRecord(k, dim) {
  var e = E[k], c = dim ? "#eeeeee" : color(D.colors.types, e.y);
  var r = {id: e.id, idx: k, from: N[e.s].id, to: N[e.t].id, value: Math.log2(1 + e.w),
           color: {color: c, highlight: c, hover: c}};
  if (e.y === SAID) { r.arrows = "to"; r.smooth = {enabled: true, type: "curvedCW", roundness: 0.15}; }
  else r.arrows = {to: {enabled: e.y === MENTIONS, scaleFactor: 0.5}};
  if (e.y === MENTIONS) r.dashes = true;
  return r;
}
function anchor(i, around) {  // where to put a node that is about to be drawn
  if (around !== undefined && drawn.has(around)) return network.getPosition(N[around].id);
  for (var j = 0; j < adj[i].length; j++) {
    var o = other(E[adj[i][j]], i);
    if (drawn.has(o)) return network.getPosition(N[o].id);
  }
  return network.getViewPosition();
}
// Adds nodes to the drawing with their relations to what is drawn (only those in ``only``,
// when given); ``around``: the node they are drawn for, where they start.
function draw(list, around, only) {
  var fresh = list.filter(function (i) { return !drawn.has(i); });
  var recs = fresh.map(function (i, j) {
    var r = nodeRecord(i, false), at = network ? anchor(i, around) : null;
    r.title = tip(nodeTip(N[i]));
    if (at) {  // new nodes start in a ring around what they are drawn for, not at random
      var a = 2 * Math.PI * j / fresh.length, d = 140 + 30 * (j % 3);
      r.x = at.x + d * Math.cos(a); r.y = at.y + d * Math.sin(a);
    }
    return r;
  });
  fresh.forEach(function (i) { drawn.add(i); });
  var erecs = [];
  fresh.forEach(function (i) { erecs = erecs.concat(closing(i, only)); });
  recompute(true);  // visibility first, so the views pick the new items up as they arrive
  nodesDS.add(recs);
  edgesDS.add(erecs);
  return fresh;
}
function closing(i, only) {  // records of i's undrawn relations to drawn nodes, now drawn
  var out = [];
  adj[i].forEach(function (k) {
    if (!drawnEdges.has(k) && drawn.has(other(E[k], i)) && (!only || only.has(k))) {
      drawnEdges.add(k);
      var r = edgeRecord(k, false);
      r.title = tip(edgeTip(E[k]));
      out.push(r);
    }
  });
  return out;
}
function complete(i) {  // draws every relation of a drawn node to the rest of the drawing
  var erecs = closing(i);
  if (!erecs.length) return;
  recompute(true);
  edgesDS.add(erecs);
}

// What the filters let through among the drawn items. ``quiet``: items are about to be added
// (the views filter them as they arrive); the caller refreshes once it is done.
function recompute(quiet) {
  visEdges = new Set(); visNodes = new Set();
  var linked = new Set(), ends = new Set();
  drawnEdges.forEach(function (k) {
    var e = E[k];
    linked.add(e.s); linked.add(e.t);
    if (edgeOk(e) && nodeOk(N[e.s]) && nodeOk(N[e.t])) { visEdges.add(k); ends.add(e.s); ends.add(e.t); }
  });
  drawn.forEach(function (i) {
    if (i === pinned || (nodeOk(N[i]) && (ends.has(i) || !linked.has(i)))) visNodes.add(i);
  });
  if (!quiet) { nodeView.refresh(); edgeView.refresh(); }
  counts();
}

// ---- facet counts: what each filter would show if it alone were switched on -------
function counts() {
  var byLabel = {}, byType = {}, byKind = {};
  drawn.forEach(function (i) {
    var n = N[i];
    if (!dateOk(n.d)) return;
    var shown = i === pinned, hasEdge = false;
    for (var j = 0; j < adj[i].length && !shown; j++) {
      var e = E[adj[i][j]];
      if (!drawnEdges.has(adj[i][j])) continue;
      hasEdge = true;
      var o = N[other(e, i)];
      if (edgeOk(e) && (nodeOk(o) || (o.l === n.l && dateOk(o.d)))) shown = true;
    }
    if (shown || !hasEdge) byLabel[n.l] = (byLabel[n.l] || 0) + 1;
  });
  drawnEdges.forEach(function (k) {
    var e = E[k];
    if (!(nodeOk(N[e.s]) && nodeOk(N[e.t]))) return;
    if (edgeOk(e, e.y)) byType[e.y] = (byType[e.y] || 0) + 1;
    if (e.y === SAID && kindNames.length) {
      (e.k ? Object.keys(e.k) : [NO_KIND]).forEach(function (kd) {
        if (edgeOk(e, kd) && (state.types[SAID])) byKind[kd] = (byKind[kd] || 0) + 1;
      });
    }
  });
  setCounts("f-labels", byLabel); setCounts("f-types", byType); setCounts("f-kinds", byKind);
  var entities = 0, relations = 0;
  visNodes.forEach(function (i) { if (N[i].l !== "Article") entities++; });
  visEdges.forEach(function (k) { if (E[k].y !== MENTIONS) relations++; });
  document.getElementById("status").textContent = "drawing " + fmt(entities) + " entities and " +
    fmt(relations) + " relations";
  document.body.setAttribute("data-shown-nodes", String(visNodes.size));
  document.body.setAttribute("data-shown-edges", String(visEdges.size));
}
function setCounts(box, values) {
  document.getElementById(box).querySelectorAll("[data-key]").forEach(function (label) {
    var span = label.querySelector(".count");
    var total = label.getAttribute("data-total");
    span.textContent = fmt(values[label.getAttribute("data-key")] || 0);
    span.title = span.textContent + " drawn now" + (total ? ", " + fmt(total) + " in the graph" : "");
  });
}

// ---- the network: created once the first drawing is in the views -------------------
var network = null, first = true, aim = -1;
function settle(fresh) {  // runs the physics for the new nodes only (the rest held), then stops
  if (!fresh.length || first) return;  // the first layout is still running: they join it
  var keep = new Set(fresh), held = [];
  drawn.forEach(function (i) { if (!keep.has(i)) held.push({id: N[i].id, fixed: true}); });
  nodesDS.update(held);
  document.body.setAttribute("data-settling", "1");
  network.setOptions({physics: {enabled: true}});
  network.stabilize(Math.min(200, 60 + 4 * fresh.length));
}
function settled() {
  network.setOptions({physics: {enabled: false, stabilization: {fit: false}}});
  nodesDS.update(Array.from(drawn, function (i) { return {id: N[i].id, fixed: false}; }));
  document.body.removeAttribute("data-settling");
  centre();
  if (first) {
    first = false;
    document.body.setAttribute("data-settle-ms", String(Math.round(performance.now())));
    document.body.setAttribute("data-stabilized", "1");
  }
}

function mark(i) {  // highlights i and its drawn neighbours, dims the rest
  var near = new Set([i]), touch = new Set();
  adj[i].forEach(function (k) { if (visEdges.has(k)) { near.add(other(E[k], i)); touch.add(k); } });
  marked = i;
  nodesDS.update(Array.from(drawn, function (j) { return nodeRecord(j, !near.has(j), near.has(j)); }));
  edgesDS.update(Array.from(drawnEdges, function (k) { return edgeRecord(k, !touch.has(k)); }));
}
function unmark() {
  if (marked === null) return;
  marked = null;
  nodesDS.update(Array.from(drawn, function (j) { return nodeRecord(j, false); }));
  edgesDS.update(Array.from(drawnEdges, function (k) { return edgeRecord(k, false); }));
}
function neighbours(i, limit) {  // undrawn neighbours the filters allow, strongest first
  var out = [], seen = new Set();
  for (var j = 0; j < adj[i].length && out.length < limit; j++) {
    var e = E[adj[i][j]], o = other(e, i);
    if (!drawn.has(o) && !seen.has(o) && edgeOk(e) && nodeOk(N[o])) { seen.add(o); out.push(o); }
  }
  return out;
}
function hiddenNeighbours(i) {
  var seen = new Set();
  adj[i].forEach(function (k) { var o = other(E[k], i); if (!drawn.has(o)) seen.add(o); });
  return seen.size;
}
function expand(i) {
  complete(i);
  var fresh = draw(neighbours(i, EXPAND), i);
  recompute();  // a new relation can bring back a drawn node the filters had left alone
  settle(fresh);
  if (marked !== null) mark(marked);
  return fresh.length;
}
function pick(i, opts) {  // search result or link: draw it with neighbours, centre, highlight
  var wasDrawn = drawn.has(i);
  pinned = i;
  var fresh = draw([i]);
  complete(i);
  if (!wasDrawn || !adj[i].some(function (k) { return visEdges.has(k); })) {
    fresh = fresh.concat(draw(neighbours(i, EXPAND), i));
  }
  recompute();
  settle(fresh);
  mark(i);
  network.selectNodes([N[i].id]);
  showNode(i);
  if (!(opts && opts.stay)) {
    aim = i;
    if (!fresh.length || first) centre();  // else once the new nodes have settled
  }
}
function centre() {
  if (aim < 0) return;
  network.focus(N[aim].id, {scale: Math.max(network.getScale(), 0.8), animation: {duration: 300}});
  aim = -1;
}
