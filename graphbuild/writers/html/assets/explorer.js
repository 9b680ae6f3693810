// graphbuild explorer: search, filters, details, expansion and downloads over the page's data.
// Every text from the data reaches the DOM through textContent, never as markup, and links
// only ever get http(s) addresses; the page's Content-Security-Policy runs no other script.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("graph-data").textContent);
  var N = D.nodes, E = D.edges, A = D.articles, T = D.texts;
  var SAID = "SAID_ABOUT", CO = "CO_MENTIONED", MENTIONS = "MENTIONS", NO_KIND = "(no kind)";
  var EXPAND = 15;          // neighbours a double-click or a search adds
  var PANEL_EDGES = 12;     // relations listed per section of the details panel

  // ---- indexes ---------------------------------------------------------------------
  var byId = new Map(), edgeById = new Map();
  var adj = N.map(function () { return []; });
  N.forEach(function (n, i) { n.al = n.al || []; n.ar = n.ar || []; byId.set(n.id, i); });
  E.forEach(function (e, i) {
    e.ev = e.ev || []; e.x = e.x || {};
    e.id = e.y + "|" + N[e.s].id + "|" + N[e.t].id;
    edgeById.set(e.id, i);
    adj[e.s].push(i);
    if (e.t !== e.s) adj[e.t].push(i);
  });
  adj.forEach(function (list) { list.sort(function (a, b) { return E[b].w - E[a].w || a - b; }); });
  function other(e, i) { return e.s === i ? e.t : e.s; }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var keys = null;  // folded names and aliases, made on the first search (not on load)
  function searchKeys() {
    keys = keys || N.map(function (n) {
      return {name: fold(n.n), aliases: n.al.map(function (a) { return [fold(a), a]; })};
    });
    return keys;
  }

  // ---- small DOM helpers (text only) -----------------------------------------------
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function add(parent) {
    for (var k = 1; k < arguments.length; k++) {
      var c = arguments[k];
      if (c !== null && c !== undefined) parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function fmt(x) { return Number(x).toLocaleString("en-US"); }
  function short(s, n) { return s.length <= n ? s : s.slice(0, n - 1) + "…"; }
  function tip(text) { return el("div", null, text); }
  function color(map, key) { return (map && map[key]) || D.colors.other; }
  function edgeName(e) { return e.y === CO ? "co-mentioned" : e.y === SAID ? "said about" : e.y.toLowerCase(); }

  // ---- filter state ----------------------------------------------------------------
  var state = {labels: {}, types: {}, kinds: {}, minWeight: 1, from: "", to: ""};
  Object.keys(D.labels).forEach(function (l) { state.labels[l] = true; });
  Object.keys(D.types).forEach(function (t) { state.types[t] = true; });
  var kindNames = Object.keys(D.kinds);
  var kindless = E.some(function (e) { return e.y === SAID && !e.k; });
  if (kindNames.length && kindless) kindNames.push(NO_KIND);
  kindNames.forEach(function (k) { state.kinds[k] = true; });

  function dateOk(d) {
    if (!d || (!state.from && !state.to)) return true;  // undated items are never filtered out
    return (!state.from || d[1] >= state.from) && (!state.to || d[0] <= state.to);
  }
  function kindOk(e, force) {
    if (e.y !== SAID || !kindNames.length) return true;
    if (!e.k) return force === NO_KIND || state.kinds[NO_KIND];
    return Object.keys(e.k).some(function (k) { return k === force || state.kinds[k]; });
  }
  // An edge by itself (ends aside); ``force`` treats one type or kind as switched on (facet counts).
  function edgeOk(e, force) {
    return (state.types[e.y] || e.y === force) && e.w >= state.minWeight && dateOk(e.d) && kindOk(e, force);
  }
  function nodeOk(n, force) { return (state.labels[n.l] || n.l === force) && dateOk(n.d); }

  var LABELS = D.options.nodes.scaling.label;  // a node's own scaling replaces the global one

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

  // What the filters let through among the drawn items; ``fresh`` are about to be added.
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

  // ---- details panel ---------------------------------------------------------------
  var panel = document.getElementById("details");
  function clear() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
  function go(i, text) {
    var b = el("button", "link", text === undefined ? N[i].n : text);
    b.type = "button";
    b.addEventListener("click", function () { pick(i); });
    return b;
  }
  function article(ai) {
    var a = A[ai], title = a.t || a.id, node;
    if (a.u && /^https?:\/\//i.test(a.u)) {
      node = el("a", null, title);
      node.href = a.u; node.rel = "noopener noreferrer"; node.target = "_blank";
    } else node = el("span", null, title);
    var wrap = el("span", "cite");
    add(wrap, node, a.d ? " · " + a.d : null, a.t && a.t !== a.id ? " · " + a.id : null);
    return wrap;
  }
  function evidence(e) {
    var list = el("ul");
    e.ev.forEach(function (item) {
      var cite = article(item[0]);
      if (item[2]) cite.appendChild(document.createTextNode(" · " + item[2]));
      add(list, add(el("li"), el("blockquote", null, T[item[1]]), cite));
    });
    return list;
  }
  function section(title) { var h = el("h3", null, title); panel.appendChild(h); return h; }
  function said(i, outgoing) {
    var list = adj[i].filter(function (k) { return E[k].y === SAID && (outgoing ? E[k].s === i : E[k].t === i); });
    if (!list.length) return;
    section((outgoing ? "Said about others" : "What others said about it") + " (" + list.length + ")");
    list.slice(0, PANEL_EDGES).forEach(function (k) {
      var e = E[k], o = other(e, i);
      var h = add(el("h4"), outgoing ? "about " : "", go(o), outgoing ? "" : " said", " · " + e.w + "×");
      if (e.k) h.appendChild(el("span", "muted", " · " + Object.keys(e.k).join(", ")));
      panel.appendChild(h);
      panel.appendChild(evidence(e));
    });
    if (list.length > PANEL_EDGES) panel.appendChild(el("p", "muted", "and " + (list.length - PANEL_EDGES) + " more"));
  }
  function showNode(i) {
    var n = N[i];
    clear();
    panel.setAttribute("data-item", n.id);
    add(panel, el("h2", null, n.n),
        el("p", null, n.l + " · " + fmt(n.m) + " mentions in " + fmt(n.a) + " articles" +
           (n.d ? " · " + n.d[0] + (n.d[1] !== n.d[0] ? " to " + n.d[1] : "") : "")),
        el("p", "muted", n.id));
    if (n.al.length) panel.appendChild(el("p", null, "Also written: " + n.al.join(", ")));
    var more = hiddenNeighbours(i), bar = el("p");
    if (more) {
      var b = el("button", null, "Draw more neighbours (" + more + " not drawn)");
      b.type = "button"; b.id = "expand";
      b.addEventListener("click", function () { expand(i); showNode(i); });
      bar.appendChild(b);
    }
    var c = el("button", null, "Centre"); c.type = "button";
    c.addEventListener("click", function () { pick(i); });
    panel.appendChild(add(bar, c));
    if (adj[i].length) {
      section("Strongest connections");
      var ul = el("ul");
      adj[i].slice(0, 10).forEach(function (k) {
        var e = E[k], o = other(e, i);
        var rel = e.y === SAID ? (e.s === i ? "said about" : "spoke of it") : edgeName(e);
        var b = el("button", "link", rel + " · weight " + e.w); b.type = "button";
        b.addEventListener("click", function () { showEdge(k); });
        ul.appendChild(add(el("li"), go(o), " (" + N[o].l + ") ", b));
      });
      panel.appendChild(ul);
    }
    said(i, true);
    said(i, false);
    if (n.ar.length) {
      section("Articles (" + fmt(n.a) + ")");
      var list = el("ul");
      n.ar.forEach(function (x) { list.appendChild(add(el("li"), article(x[0]), el("span", "muted", " · " + x[1] + "×"))); });
      panel.appendChild(list);
      if (n.a > n.ar.length) panel.appendChild(el("p", "muted", "and " + fmt(n.a - n.ar.length) + " more"));
    }
  }
  function showEdge(k) {
    var e = E[k];
    clear();
    panel.setAttribute("data-item", e.id);
    add(panel, add(el("h2"), go(e.s), e.y === CO ? " — " : " → ", go(e.t)));
    var facts = [edgeName(e), "weight " + e.w];
    if (e.a) facts.push("in " + fmt(e.a) + " articles");
    if (e.x.direct !== undefined) facts.push(e.x.direct + " direct, " + (e.x.indirect || 0) + " reported");
    panel.appendChild(el("p", null, facts.join(" · ")));
    if (e.k) panel.appendChild(el("p", null, "kind: " + Object.keys(e.k).map(function (x) { return x + " (" + e.k[x] + ")"; }).join(", ")));
    if (e.x.cues) panel.appendChild(el("p", null, "cues: " + e.x.cues.join(", ")));
    if (e.d) panel.appendChild(el("p", null, "seen " + e.d[0] + (e.d[1] !== e.d[0] ? " to " + e.d[1] : "")));
    if (e.ev.length) {
      section(e.y === SAID ? "Quotes" : "Evidence");
      panel.appendChild(evidence(e));
      if (e.w > e.ev.length) panel.appendChild(el("p", "muted", "(the first " + e.ev.length + " of " + e.w + ")"));
    }
  }

  function showStart() {  // what the panel offers before anything is picked: where to begin
    clear();
    panel.removeAttribute("data-item");
    panel.appendChild(el("p", "hint", "Click a node or edge for details, or begin with one of these."));
    var top = N.map(function (n, i) { return i; }).filter(function (i) { return N[i].l !== "Article"; });
    top.sort(function (a, b) { return N[b].m - N[a].m || a - b; });
    section("Most mentioned");
    var ul = el("ul");
    top.slice(0, 12).forEach(function (i) {
      ul.appendChild(add(el("li"), go(i), el("span", "muted", " · " + N[i].l + " · " + fmt(N[i].m))));
    });
    panel.appendChild(ul);
    var said = E.map(function (e, k) { return k; }).filter(function (k) { return E[k].y === SAID; });
    said.sort(function (a, b) { return E[b].w - E[a].w || a - b; });
    if (!said.length) return;
    section("Who said most about whom");
    var list = el("ul");
    said.slice(0, 10).forEach(function (k) {
      var e = E[k], b = el("button", "link", e.w + "×");
      b.type = "button";
      b.addEventListener("click", function () { settle(draw([e.s, e.t])); recompute(); showEdge(k); });
      list.appendChild(add(el("li"), go(e.s), " about ", go(e.t), " · ", b));
    });
    panel.appendChild(list);
  }

  // ---- search ----------------------------------------------------------------------
  var search = document.getElementById("search"), box = document.getElementById("suggestions");
  var hits = [], active = -1, typing = false;
  // Ranks: 0 the whole name or alias, 1 a word of the name starts so, 2 a word of an alias
  // does, 3 it occurs inside one; the more mentioned first within a rank.
  function rankOf(text, key) {
    if (text === key) return 0;
    if (text.indexOf(key) === 0 || text.indexOf(" " + key) >= 0 || text.indexOf("-" + key) >= 0) return 1;
    return text.indexOf(key) > 0 ? 3 : -1;
  }
  function suggest(q) {
    var key = fold(q.trim().replace(/\s+/g, " "));
    if (!key) return [];
    var found = [], keys = searchKeys();
    for (var i = 0; i < N.length; i++) {
      var k = keys[i], rank = rankOf(k.name, key), via = null;
      if (rank !== 0 && rank !== 1) {
        for (var j = 0; j < k.aliases.length; j++) {
          var r = rankOf(k.aliases[j][0], key);
          if (r === 1) r = 2;
          if (r >= 0 && (rank < 0 || r < rank)) { rank = r; via = k.aliases[j][1]; }
        }
      }
      if (rank >= 0) found.push([rank, -N[i].m, i, via]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (N[a[2]].n < N[b[2]].n ? -1 : 1); });
    return found.slice(0, 10);
  }
  function render() {
    while (box.firstChild) box.removeChild(box.firstChild);
    hits.forEach(function (h, j) {
      var n = N[h[2]], li = el("li", j === active ? "active" : null);
      li.setAttribute("role", "option");
      li.setAttribute("data-id", n.id);
      add(li, el("span", "name", n.n), el("span", "meta", n.l + " · " + fmt(n.m) + " mentions"),
          h[3] ? el("span", "alias", "as “" + h[3] + "”") : null);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(j); });
      box.appendChild(li);
    });
    if (!hits.length && typing) box.appendChild(el("li", "muted", "no entity matches"));
    box.hidden = !box.firstChild;
    search.setAttribute("aria-expanded", box.hidden ? "false" : "true");
  }
  function choose(j) {
    if (!hits[j]) return;
    var i = hits[j][2];
    search.value = N[i].n;
    hits = []; active = -1; typing = false; render();
    pick(i);
  }
  search.addEventListener("input", function () {
    typing = search.value.trim() !== "";
    hits = suggest(search.value); active = hits.length ? 0 : -1; render();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render(); ev.preventDefault();
    } else if (ev.key === "Enter") { choose(Math.max(active, 0)); ev.preventDefault(); }
    else if (ev.key === "Escape") { hits = []; typing = false; render(); }
  });
  search.addEventListener("blur", function () { hits = []; typing = false; render(); });

  // ---- filter controls -------------------------------------------------------------
  function checkbox(boxId, key, total, swatch, bucket) {
    var label = el("label");
    label.setAttribute("data-key", key);
    if (total) label.setAttribute("data-total", String(total));
    var input = el("input");
    input.type = "checkbox"; input.checked = true; input.value = key;
    input.addEventListener("change", function () { bucket[key] = input.checked; recompute(); if (marked !== null) mark(marked); });
    add(label, input, swatch, key === CO ? "co-mentioned" : key === SAID ? "said about" : key, el("span", "count"));
    document.getElementById(boxId).appendChild(label);
  }
  Object.keys(D.labels).forEach(function (l) {
    var s = el("span", "swatch"); s.style.background = color(D.colors.labels, l);
    checkbox("f-labels", l, D.labels[l], s, state.labels);
  });
  Object.keys(D.types).forEach(function (t) {
    var s = el("span", "swatch line"); s.style.borderColor = color(D.colors.types, t);
    checkbox("f-types", t, D.types[t], s, state.types);
  });
  if (kindNames.length) {
    document.getElementById("f-kinds").hidden = false;
    kindNames.forEach(function (k) { checkbox("f-kinds", k, D.kinds[k], null, state.kinds); });
  }
  var weight = document.getElementById("min-weight"), weightOut = document.getElementById("min-weight-value");
  var maxW = E.reduce(function (m, e) { return Math.max(m, e.w); }, 1);
  weight.max = String(Math.max(2, Math.min(maxW, 50), state.minWeight));
  weight.value = String(state.minWeight);
  weightOut.textContent = String(state.minWeight);
  weight.addEventListener("input", function () {
    state.minWeight = Number(weight.value) || 1;
    weightOut.textContent = String(state.minWeight);
    recompute();
    if (marked !== null) mark(marked);
  });
  var dates = [];
  N.forEach(function (n) { if (n.d) dates.push(n.d[0], n.d[1]); });
  E.forEach(function (e) { if (e.d) dates.push(e.d[0], e.d[1]); });
  if (dates.length) {
    dates.sort();
    document.getElementById("f-dates").hidden = false;
    ["date-from", "date-to"].forEach(function (id) {
      var input = document.getElementById(id);
      input.min = dates[0]; input.max = dates[dates.length - 1];
      input.addEventListener("change", function () {
        state[id === "date-from" ? "from" : "to"] = input.value || "";
        recompute();
      });
    });
  }
  document.getElementById("clear").addEventListener("click", function () {
    pinned = -1; unmark(); recompute(); network.unselectAll(); showStart();
  });

  // ---- downloads -------------------------------------------------------------------
  function save(blob, name) {
    var a = el("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  function shownNodes() { return Array.from(visNodes).sort(function (a, b) { return a - b; }); }
  function shownEdges() { return Array.from(visEdges).sort(function (a, b) { return a - b; }); }
  document.getElementById("save-png").addEventListener("click", function () {
    var src = document.querySelector("#graph canvas"), out = el("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height); ctx.drawImage(src, 0, 0);
    out.toBlob(function (b) { save(b, "graph-view.png"); }, "image/png");
  });
  function xml(s) {
    return String(s).replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, "\ufffd")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  document.getElementById("save-graphml").addEventListener("click", function () {
    var keysXml = [["name", "node", "string"], ["label", "node", "string"], ["mentions", "node", "long"],
      ["articles", "node", "long"], ["aliases", "node", "string"], ["type", "edge", "string"],
      ["weight", "edge", "long"], ["kinds", "edge", "string"]];
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
    keysXml.forEach(function (k) {
      out.push('<key id="' + k[0] + '" for="' + k[1] + '" attr.name="' + k[0] + '" attr.type="' + k[2] + '"/>');
    });
    out.push('<graph edgedefault="directed">');
    shownNodes().forEach(function (i) {
      var n = N[i];
      out.push('<node id="' + xml(n.id) + '"><data key="name">' + xml(n.n) + '</data><data key="label">' +
        xml(n.l) + '</data><data key="mentions">' + n.m + '</data><data key="articles">' + n.a +
        '</data><data key="aliases">' + xml(JSON.stringify(n.al)) + "</data></node>");
    });
    shownEdges().forEach(function (k) {
      var e = E[k];
      out.push('<edge source="' + xml(N[e.s].id) + '" target="' + xml(N[e.t].id) + '"><data key="type">' +
        xml(e.y) + '</data><data key="weight">' + e.w + "</data>" +
        (e.k ? '<data key="kinds">' + xml(JSON.stringify(e.k)) + "</data>" : "") + "</edge>");
    });
    out.push("</graph>", "</graphml>", "");
    save(new Blob([out.join("\n")], {type: "application/graphml+xml"}), "graph-selection.graphml");
  });
  function csv(rows) {
    return rows.map(function (r) {
      return r.map(function (v) {
        var s = String(v === null || v === undefined ? "" : v);
        if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not run it as a formula
        return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(",");
    }).join("\r\n") + "\r\n";
  }
  document.getElementById("save-nodes").addEventListener("click", function () {
    var rows = [["id", "name", "label", "mentions", "articles", "aliases"]];
    shownNodes().forEach(function (i) { var n = N[i]; rows.push([n.id, n.n, n.l, n.m, n.a, n.al.join("; ")]); });
    save(new Blob([csv(rows)], {type: "text/csv"}), "graph-selection-nodes.csv");
  });
  document.getElementById("save-edges").addEventListener("click", function () {
    var rows = [["source", "source_name", "target", "target_name", "type", "weight", "kinds"]];
    shownEdges().forEach(function (k) {
      var e = E[k];
      rows.push([N[e.s].id, N[e.s].n, N[e.t].id, N[e.t].n, e.y, e.w, e.k ? Object.keys(e.k).join("; ") : ""]);
    });
    save(new Blob([csv(rows)], {type: "text/csv"}), "graph-selection-relations.csv");
  });

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
})();
