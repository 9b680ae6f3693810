// explorer 3/6: the details panel: an entity, a relation, or where to begin.
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
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
