// explorer 4/6: search with suggestions over names and aliases.
// The parts are joined in order inside one function (graphbuild/writers/html/page.py).
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
