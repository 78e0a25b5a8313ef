// handleplan dev server: live reload, the error overlay and the warnings
// panel. Injected only when serving; never part of a build.
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

  // The warnings panel. A dismissal is remembered, across reloads and
  // tabs, for the set of warnings it dismissed (the server's key); a
  // different set shows the panel again.
  var DISMISSED = "handleplan-warnings-dismissed";
  var panel = null;
  var lastWarnings = null;

  function dismissedKey() {
    try { return localStorage.getItem(DISMISSED); } catch (e) { return null; }
  }

  function showWarnings(data) {
    // Which set this page has been told of, for tests and the curious.
    document.documentElement.setAttribute("data-hp-warnings", data.key);
    // The same set again (any successful build sends it): leave the panel
    // as it is, scrolled and focused where the author left it.
    if (panel && lastWarnings && lastWarnings.key === data.key) return;
    lastWarnings = data;
    var hadFocus = panel && panel.contains(document.activeElement);
    hideWarnings(false);
    if (!data.diagnostics || data.diagnostics.length === 0 || data.key === dismissedKey()) return;
    // First in the page, so that on a narrow screen it stands above the
    // content instead of over it, and the keyboard meets it first.
    panel = el("section", "hp-warnings");
    panel.setAttribute("aria-labelledby", "hp-warnings-title");
    panel.setAttribute("lang", document.documentElement.getAttribute("lang") || "da");
    var style = el("style");
    style.textContent =
      ".hp-warnings{position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;box-sizing:border-box;" +
      "width:26rem;max-width:calc(100vw - 1.5rem);max-height:45vh;overflow:auto;background:#2b2b2b;color:#fff;" +
      "font:14px/1.45 system-ui,sans-serif;border-left:4px solid #ffd27a;padding:.7rem .9rem;box-shadow:0 2px 10px rgba(0,0,0,.35)}" +
      ".hp-warnings .hp-head{display:flex;gap:.5rem;align-items:flex-start;justify-content:space-between}" +
      ".hp-warnings h2{font-size:1rem;margin:0;color:#ffd27a}.hp-warnings p{margin:.3rem 0;color:#ddd}" +
      ".hp-warnings ol{list-style:none;padding:0;margin:.4rem 0 0}.hp-warnings li{border-top:1px solid #444;padding:.4rem 0}" +
      ".hp-warnings .pos{font-family:ui-monospace,monospace;color:#9fd4ff;overflow-wrap:anywhere}.hp-warnings .hint{color:#d8f5c8}" +
      ".hp-warnings button{font:inherit;background:#fff;color:#111;border:2px solid #fff;border-radius:3px;padding:.15rem .6rem;cursor:pointer;flex:none}" +
      ".hp-warnings button:focus-visible{outline:3px solid #ffd27a;outline-offset:2px}" +
      "@media (max-width:40em){.hp-warnings{position:static;width:auto;max-width:none;max-height:none;box-shadow:none}}";
    panel.appendChild(style);
    var head = el("div", "hp-head");
    head.appendChild(el("h2", null, data.title)).id = "hp-warnings-title";
    var close = el("button", "hp-dismiss", data.dismiss);
    close.type = "button";
    close.setAttribute("aria-label", data.dismiss);
    close.addEventListener("click", function () { dismissWarnings(); });
    head.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(el("p", "note", data.note));
    var list = el("ol");
    data.diagnostics.forEach(function (d) {
      var li = el("li", "warning");
      li.appendChild(el("div", "pos", d.pos));
      li.appendChild(el("div", "msg", d.msg));
      if (d.hint) li.appendChild(el("div", "hint", d.hint));
      list.appendChild(li);
    });
    panel.appendChild(list);
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); dismissWarnings(); }
    });
    var body = document.body || document.documentElement;
    body.insertBefore(panel, body.firstChild);
    // A panel redrawn under the keyboard keeps the keyboard in it.
    if (hadFocus) close.focus();
  }

  function hideWarnings(restoreFocus) {
    var hadFocus = panel && panel.contains(document.activeElement);
    if (panel && panel.parentNode) panel.parentNode.removeChild(panel);
    panel = null;
    if (restoreFocus && hadFocus) {
      // Focus goes on with the page, not back to the top of the document.
      var main = document.querySelector("main") || document.body;
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus();
    }
  }

  function dismissWarnings() {
    if (lastWarnings) {
      try { localStorage.setItem(DISMISSED, lastWarnings.key); } catch (e) {}
    }
    hideWarnings(true);
  }

  function connect() {
    var es = new EventSource("/__handleplan/events");
    es.addEventListener("hello", function (e) {
      var id = JSON.parse(e.data).build;
      // A different build after a reconnect: the server restarted or
      // rebuilt while we were away.
      if (buildID !== null && id !== buildID) { reload(); return; }
      buildID = id;
      // Connected: what a test waits for before it edits a file.
      document.documentElement.setAttribute("data-livereload", "connected");
    });
    es.addEventListener("reload", function (e) {
      var d = JSON.parse(e.data);
      buildID = d.build;
      // An edit to one file's text lists the pages it changed; other
      // pages stay as they are.
      if (!d.pages || d.pages.indexOf(here()) >= 0) reload(); else hideErrors();
    });
    es.addEventListener("css", function (e) { buildID = JSON.parse(e.data).build; hideErrors(); swapCSS(); });
    es.addEventListener("errors", function (e) { hideWarnings(false); showErrors(JSON.parse(e.data)); });
    es.addEventListener("warnings", function (e) { showWarnings(JSON.parse(e.data)); });
    es.addEventListener("ok", function () { hideErrors(); });
    es.onerror = function () {
      // EventSource retries by itself; after a server restart the hello
      // event decides whether to reload.
    };
  }
  connect();
})();
