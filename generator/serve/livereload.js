// handleplan dev server: live reload and the error overlay. Injected only
// when serving; never part of a build.
(function () {
  "use strict";
  var KEY = "handleplan-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(KEY);
    if (saved !== null) {
      sessionStorage.removeItem(KEY);
      var y = parseInt(saved, 10);
      var restore = function () { window.scrollTo(0, y); };
      if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
    }
  } catch (e) {}

  var buildID = null;
  var overlay = null;

  function reload() {
    try { sessionStorage.setItem(KEY, String(window.scrollY)); } catch (e) {}
    location.reload();
  }

  // here is this page's output path: "planer/x/index.html".
  function here() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (p === "" || /\/$/.test(p)) return p + "index.html";
    if (!/\.[a-z0-9]+$/i.test(p)) return p + "/index.html";
    return p;
  }

  function swapCSS() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href").split("?")[0];
      links[i].setAttribute("href", href + "?reload=" + Date.now());
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function showErrors(data) {
    hideErrors();
    overlay = el("div", "hp-overlay");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "hp-overlay-title");
    var style = el("style");
    style.textContent =
      ".hp-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2rem}" +
      ".hp-overlay h2{color:#ffb4a8;margin:0 0 1rem;font-size:1.3rem}.hp-overlay ol{padding:0;list-style:none}" +
      ".hp-overlay li{background:#2b2b2b;border-left:4px solid #ff8a7a;padding:.8rem 1rem;margin:0 0 .8rem}" +
      ".hp-overlay li.warning{border-color:#ffd27a}.hp-overlay .pos{font-family:ui-monospace,monospace;color:#9fd4ff}" +
      ".hp-overlay .hint{color:#d8f5c8}.hp-overlay pre{background:#111;padding:.4rem .6rem;overflow:auto;margin:.4rem 0 0}" +
      ".hp-overlay p.note{color:#ccc}";
    overlay.appendChild(style);
    overlay.appendChild(el("h2", null, data.title)).id = "hp-overlay-title";
    overlay.appendChild(el("p", "note", data.note));
    var list = el("ol");
    data.diagnostics.forEach(function (d) {
      var li = el("li", d.severity);
      li.appendChild(el("div", "pos", d.pos + ": " + d.severity));
      li.appendChild(el("div", "msg", d.msg));
      if (d.hint) li.appendChild(el("div", "hint", d.hint));
      if (d.source) li.appendChild(el("pre", null, d.source));
      list.appendChild(li);
    });
    overlay.appendChild(list);
    (document.body || document.documentElement).appendChild(overlay);
  }

  function hideErrors() {
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    overlay = null;
  }

  function connect() {
    var es = new EventSource("/__handleplan/events");
    es.addEventListener("hello", function (e) {
      var id = JSON.parse(e.data).build;
      // A different build after a reconnect: the server restarted or
      // rebuilt while we were away.
      if (buildID !== null && id !== buildID) { reload(); return; }
      buildID = id;
    });
    es.addEventListener("reload", function (e) {
      var d = JSON.parse(e.data);
      buildID = d.build;
      // An edit to one file's text lists the pages it changed; other
      // pages stay as they are.
      if (!d.pages || d.pages.indexOf(here()) >= 0) reload(); else hideErrors();
    });
    es.addEventListener("css", function (e) { buildID = JSON.parse(e.data).build; hideErrors(); swapCSS(); });
    es.addEventListener("errors", function (e) { showErrors(JSON.parse(e.data)); });
    es.addEventListener("ok", function () { hideErrors(); });
    es.onerror = function () {
      // EventSource retries by itself; after a server restart the hello
      // event decides whether to reload.
    };
  }
  connect();
})();
