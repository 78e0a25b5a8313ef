// Search in the browser, from file:// too: the index arrives as scripts.
// search-index.js, the manifest, sets window.HANDLEPLAN_SEARCH; the
// pieces of terms and of documents (search-index/t<n>.js, d<n>.js) are
// added as script tags when a query needs them, and each hands its data
// to window.HANDLEPLAN_SEARCH_PART (no fetch, which file:// refuses).
// Words are stemmed and folded exactly as generator/search does in Go.
(function () {
  "use strict";
  var idx = window.HANDLEPLAN_SEARCH;
  var input = document.getElementById("q");
  var out = document.getElementById("results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("search-all");
  if (!idx || !input || !out) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var msgs = JSON.parse(document.getElementById("search-msgs").textContent);

  var endings = ["erne", "ene", "ens", "ers", "er", "en", "et", "e", "s"];
  var folds = [["æ", "ae"], ["ø", "oe"], ["å", "aa"], ["é", "e"], ["è", "e"], ["ü", "u"], ["ö", "oe"], ["ä", "ae"], ["ß", "ss"]];

  function stem(w) {
    for (;;) {
      var cut = false;
      for (var i = 0; i < endings.length; i++) {
        var e = endings[i];
        if (w.length > e.length && w.slice(-e.length) === e && Array.from(w).length - e.length >= 4) {
          w = w.slice(0, -e.length);
          cut = true;
          break;
        }
      }
      if (!cut) return w;
    }
  }
  function fold(w) {
    for (var i = 0; i < folds.length; i++) w = w.split(folds[i][0]).join(folds[i][1]);
    return w;
  }
  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return Array.from(w).length >= 2; });
  }
  function terms(text) { return words(text).map(function (w) { return fold(stem(w)); }); }
  window.HANDLEPLAN_TERMS = terms; // for the tests

  // The pieces: name → data once loaded; name → callbacks while loading.
  var parts = {}, waiting = {};
  window.HANDLEPLAN_SEARCH_PART = function (name, data) {
    parts[name] = data;
    var w = waiting[name] || [];
    delete waiting[name];
    w.forEach(function (f) { f(); });
  };
  function load(name, done) {
    if (parts[name]) { done(); return; }
    if (waiting[name]) { waiting[name].push(done); return; }
    waiting[name] = [done];
    var s = document.createElement("script");
    var v = name.charAt(0) === "t" ? idx.t.v[+name.slice(1)] : idx.t.v[idx.t.k.length + +name.slice(1)];
    s.src = root + "search-index/" + name + ".js?v=" + v;
    // A piece that cannot load searches as empty rather than hang.
    s.onerror = function () { window.HANDLEPLAN_SEARCH_PART(name, { t: [], p: [], d: [] }); };
    document.head.appendChild(s);
  }
  function loadAll(names, done) {
    var n = names.length;
    if (!n) { done(); return; }
    names.forEach(function (x) { load(x, function () { if (--n === 0) done(); }); });
  }
  // First term >= t in a sorted list (binary search).
  function lower(list, t) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < t) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // The term pieces a query word needs: each piece holds a run of the
  // sorted terms from its key on, so the words that begin with t are in
  // the piece before the first key >= t (unless that key is t) and in
  // the pieces whose keys begin with t.
  function piecesFor(qs) {
    var k = idx.t.k, out = [];
    qs.forEach(function (t) {
      var j = lower(k, t);
      var i = j > 0 && k[j] !== t ? j - 1 : j;
      for (; i < k.length && (i < j || k[i].lastIndexOf(t, 0) === 0); i++) {
        if (out.indexOf("t" + i) < 0) out.push("t" + i);
      }
    });
    return out;
  }

  // search calls done with the hits of q, once the pieces it needs are in.
  function search(q, done) {
    var qs = terms(q);
    if (!qs.length) { done({ hits: [], terms: qs }); return; }
    var names = piecesFor(qs);
    loadAll(names, function () {
      var scores = null;
      qs.forEach(function (t) {
        var s = {};
        names.forEach(function (name) {
          var piece = parts[name];
          for (var i = lower(piece.t, t); i < piece.t.length && piece.t[i].lastIndexOf(t, 0) === 0; i++) {
            var p = piece.p[i];
            // An exact word counts more than a longer word it begins.
            var bonus = piece.t[i] === t ? 2 : 1;
            for (var j = 0; j < p.length; j += 2) s[p[j]] = (s[p[j]] || 0) + p[j + 1] * bonus;
          }
        });
        if (scores === null) { scores = s; return; }
        var both = {};
        for (var d in scores) if (s[d]) both[d] = scores[d] + s[d];
        scores = both;
      });
      var res = Object.keys(scores).map(function (d) { return { d: +d, s: scores[d] }; });
      res.sort(function (a, b) { return b.s - a.s || a.d - b.d; });
      done({ hits: res, terms: qs });
    });
  }
  // docsFor calls done with the [title, url, kind, summary] of each of
  // documents ds, once their pieces are in.
  function docsFor(ds, done) {
    var names = [];
    ds.forEach(function (d) {
      var name = "d" + Math.floor(d / idx.b);
      if (names.indexOf(name) < 0) names.push(name);
    });
    loadAll(names, function () {
      done(ds.map(function (d) { return parts["d" + Math.floor(d / idx.b)].d[d % idx.b]; }));
    });
  }

  // mark wraps the words of text that begin with a query term.
  function mark(parent, text, qs) {
    var re = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu, m;
    while ((m = re.exec(text)) !== null) {
      var w = m[0], t = fold(stem(w.toLowerCase()));
      var hit = /[\p{L}\p{N}]/u.test(w) && qs.some(function (q) { return t.lastIndexOf(q, 0) === 0; });
      if (hit) {
        var mk = document.createElement("mark");
        mk.textContent = w;
        parent.appendChild(mk);
      } else {
        parent.appendChild(document.createTextNode(w));
      }
    }
  }

  // Only the latest query's results are shown, whichever loads first.
  var shown = 0;
  function render(q) {
    var mine = ++shown;
    if (!q.trim()) {
      out.textContent = "";
      status.textContent = "";
      if (all) all.hidden = false;
      return;
    }
    search(q, function (r) {
      if (mine !== shown) return;
      var hits = r.hits.slice(0, 50);
      docsFor(hits.map(function (h) { return h.d; }), function (docs) {
        if (mine !== shown) return;
        show(r, docs);
      });
    });
  }
  function show(r, docs) {
    out.textContent = "";
    if (all) all.hidden = true;
    var hits = r.hits;
    status.textContent = hits.length === 0 ? msgs.none : (hits.length === 1 ? msgs.one : msgs.many.replace("%d", hits.length));
    docs.forEach(function (doc) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + doc[1];
      mark(a, doc[0], r.terms);
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = " · " + doc[2];
      li.appendChild(kind);
      if (doc[3]) {
        var p = document.createElement("p");
        mark(p, doc[3], r.terms);
        li.appendChild(p);
      }
      out.appendChild(li);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      render(input.value);
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) {}
    }, 60);
  });
  // Arrow keys move between the search field and the results.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(out.querySelectorAll("a"));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    if (document.activeElement === input && e.key === "ArrowDown") { links[0].focus(); e.preventDefault(); }
    else if (i >= 0) {
      e.preventDefault();
      if (e.key === "ArrowDown" && i + 1 < links.length) links[i + 1].focus();
      else if (e.key === "ArrowUp") (i === 0 ? input : links[i - 1]).focus();
    }
  });
  var params = new URLSearchParams(location.search);
  var q = params.get("q");
  if (q) { input.value = q; render(q); }
  // Typed into the header box of another page: the typing goes on here.
  if (q && params.get("live")) {
    input.focus();
    input.setSelectionRange(q.length, q.length);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(q)); } catch (e) {}
  }
})();
