// explorer 1/6: the page's data, its indexes, text-only DOM helpers and the filter state.
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
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
