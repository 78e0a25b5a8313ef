// Layout checks of one page, run by layout_test.go in Chromium. Returns a
// list of problems as strings: the page scrolls sideways; a word of 4 or
// more letters in a table cell breaks across lines other than right after
// a hyphen or a soft hyphen; visible text, SVG text included, drawn below
// 8 CSS px.
(() => {
  const out = [];
  const de = document.documentElement;
  if (de.scrollWidth > de.clientWidth + 1) {
    out.push("the page is " + de.scrollWidth + " px wide in a " + de.clientWidth + " px viewport");
  }
  const visible = (el) => {
    // The text of a closed <details> (a timeline's table) is not shown.
    const d = el.closest("details");
    if (d && !d.open && !el.closest("summary")) return false;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || cs.visibility === "hidden") return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1; // .sr-only text is 1 px; text in a closed <details> 0
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""));
    }
    return parts.join(">");
  };
  // Words broken across lines in table cells.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let broken = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // The plan's table and the activity tables; other tables (the
    // kvalitetsmodel overview, the timelines' tables) are not yet held to it.
    const cell = n.parentElement && n.parentElement.closest(".plan-table td, .plan-table th, .activities td, .activities th");
    if (!cell || !visible(n.parentElement)) continue;
    const text = n.data;
    const re = /[\p{L}\u00ad]+/gu;
    let m;
    while ((m = re.exec(text)) !== null) {
      const w = m[0];
      if ((w.match(/\p{L}/gu) || []).length < 4) continue;
      range.setStart(n, m.index);
      range.setEnd(n, m.index + w.length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length < 2) continue;
      // The word spans lines: find where, and what comes before each break.
      let top = null;
      for (let i = 0; i < w.length; i++) {
        range.setStart(n, m.index + i);
        range.setEnd(n, m.index + i + 1);
        const r = range.getClientRects()[0];
        if (!r || r.width === 0) continue;
        if (top !== null && r.top > top + 2) {
          const before = w[i - 1];
          if (before !== "\u00ad" && before !== "-") {
            broken++;
            if (broken <= 5) out.push("the word \u201c" + w.replace(/\u00ad/g, "") + "\u201d breaks after \u201c" + w.slice(0, i).replace(/\u00ad/g, "") + "\u201d in " + where(cell));
          }
        }
        top = r.top;
      }
    }
  }
  if (broken > 5) out.push("and " + (broken - 5) + " more broken words");
  // Text below 8 CSS px.
  let small = 0;
  const seen = new Set();
  const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker2.nextNode(); n; n = walker2.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.data.trim() || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg) {
      // SVG text scales with its drawing: its size on screen is its font
      // size times the drawing's scale.
      const ctm = el.getScreenCTM && el.getScreenCTM();
      if (ctm) px = px * Math.hypot(ctm.a, ctm.b);
    }
    if (px < 8 - 0.01) {
      small++;
      if (small <= 5) out.push("text \u201c" + n.data.trim().slice(0, 30) + "\u201d drawn at " + px.toFixed(1) + " px in " + where(el));
    }
  }
  if (small > 5) out.push("and " + (small - 5) + " more texts below 8 px");
  return out;
})()
