// explorer 5/6: the filter controls and the downloads (PNG, GraphML, CSV).
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
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
// The same attributes as graphbuild's own GraphML: label and name = the name, type = the
// entity or relation type, ``directed`` per edge (co-mentions have no direction).
document.getElementById("save-graphml").addEventListener("click", function () {
  var keysXml = [["label", "node", "string"], ["name", "node", "string"], ["type", "node", "string"],
    ["mentions", "node", "long"], ["articles", "node", "long"], ["aliases", "node", "string"],
    ["type", "edge", "string"], ["weight", "edge", "long"], ["directed", "edge", "boolean"],
    ["kinds", "edge", "string"]];
  var out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  keysXml.forEach(function (k) {
    out.push('<key id="' + k[1][0] + k[0] + '" for="' + k[1] + '" attr.name="' + k[0] + '" attr.type="' + k[2] + '"/>');
  });
  out.push('<graph id="graphbuild" edgedefault="directed">');
  function data(key, value) { return '<data key="' + key + '">' + xml(value) + "</data>"; }
  shownNodes().forEach(function (i) {
    var n = N[i];
    out.push('<node id="' + xml(n.id) + '">' + data("nlabel", n.n) + data("nname", n.n) + data("ntype", n.l) +
      data("nmentions", n.m) + data("narticles", n.a) + data("naliases", JSON.stringify(n.al)) + "</node>");
  });
  shownEdges().forEach(function (k, j) {
    var e = E[k];
    out.push('<edge id="e' + j + '" source="' + xml(N[e.s].id) + '" target="' + xml(N[e.t].id) + '" label="' +
      xml(e.y) + '">' + data("etype", e.y) + data("eweight", e.w) + data("edirected", e.y !== CO) +
      (e.k ? data("ekinds", JSON.stringify(e.k)) : "") + "</edge>");
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
