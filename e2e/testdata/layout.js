// Layout checks of one page, run by layout_test.go in Chromium. Returns a
// list of problems as strings: the page scrolls sideways; a word of 4 or
// more letters in a table cell breaks across lines other than right after
// a hyphen or a soft hyphen; a mark of a drawing (an SVG shape or text)
// reaches outside its svg's viewBox, where it is cut off; visible text,
// SVG text included, drawn below 8 CSS px.
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
  // Words broken across lines in table cells. A cell's text is read as
  // one string across its text nodes (a word may run through a link or
  // <strong>), with a space where a block or a line break separates two
  // nodes. A word is a run of letters and soft hyphens; one of 4 letters
  // or more whose letters stand on two lines breaks there, and that is
  // allowed only right after a soft hyphen (drawn as "-" at the line's
  // end) or a hyphen, which ends the word before it.
  const block = (node) => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      if (!getComputedStyle(e).display.startsWith("inline")) return e;
    }
    return null;
  };
  // The rectangle a single character is drawn in. A range over the
  // character that starts a line may also report a box at the end of the
  // line before (empty, or the width of the hyphen drawn for a soft
  // hyphen there), so the last box, the lowest, is the character's own.
  const charRect = (node, i) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    let own = null;
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0 && (!own || r.top >= own.top)) own = r;
    }
    return own;
  };
  const range = document.createRange();
  const cells = document.querySelectorAll(".plan-table td, .plan-table th, .activities td, .activities th");
  let broken = 0;
  for (const cell of cells) {
    if (!visible(cell)) continue;
    // text: the cell's characters; at[k]: the node and offset of text[k].
    let text = "";
    const at = [];
    let last = null;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.length || !visible(n.parentElement)) continue;
      const b = block(n);
      if (last && (b !== last || n.previousSibling && n.previousSibling.tagName === "BR")) {
        text += " ";
        at.push(null);
      }
      last = b;
      for (let i = 0; i < n.data.length; i++) at.push([n, i]);
      text += n.data;
    }
    const re = /[\p{L}\u00ad]+/gu;
    let m;
    while ((m = re.exec(text)) !== null) {
      const w = m[0];
      if ((w.match(/\p{L}/gu) || []).length < 4) continue;
      const start = at[m.index], end = at[m.index + w.length - 1];
      // The whole word first: one line is the common case.
      range.setStart(start[0], start[1]);
      range.setEnd(end[0], end[1] + 1);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (rects.length < 2) continue;
      const top = Math.min(...rects.map((r) => r.top));
      if (!rects.some((r) => r.top > top + r.height / 2)) continue;
      // It spans lines: find each letter that starts a new one, and
      // what comes before it.
      let prev = null;
      for (let i = 0; i < w.length; i++) {
        if (w[i] === "\u00ad") continue; // not drawn unless the line breaks there
        const r = charRect(at[m.index + i][0], at[m.index + i][1]);
        if (!r) continue;
        if (prev && r.top > prev.top + prev.height / 2) {
          const before = w[i - 1];
          if (before !== "\u00ad" && before !== "-") {
            broken++;
            if (broken <= 5) out.push("the word \u201c" + w.replace(/\u00ad/g, "") + "\u201d breaks after \u201c" + w.slice(0, i).replace(/\u00ad/g, "") + "\u201d in " + where(cell));
          }
        }
        prev = r;
      }
    }
  }
  if (broken > 5) out.push("and " + (broken - 5) + " more broken words");
  // Marks drawn outside their drawing: an outer <svg> clips what lies
  // outside its viewBox (a deadline's diamond cut in half at the edge).
  // Each shape's box, its stroke included, is compared with the viewBox,
  // both in screen pixels.
  let clipped = 0;
  for (const svg of document.querySelectorAll("svg[viewBox]")) {
    if (svg.parentElement && svg.parentElement.closest("svg")) continue;
    if (!visible(svg)) continue;
    const vb = svg.viewBox.baseVal;
    const m = svg.getScreenCTM();
    if (!vb || !m || vb.width === 0 || vb.height === 0) continue;
    const scale = Math.hypot(m.a, m.b);
    const box = {
      left: m.e + vb.x * m.a, top: m.f + vb.y * m.d,
      right: m.e + (vb.x + vb.width) * m.a, bottom: m.f + (vb.y + vb.height) * m.d,
    };
    for (const el of svg.querySelectorAll("rect, circle, ellipse, line, polyline, polygon, path, text, use, image")) {
      if (el.closest("defs, clipPath, mask, marker, pattern, symbol") || !visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const cs = getComputedStyle(el);
      const half = cs.stroke && cs.stroke !== "none" && el.tagName !== "text" ? (parseFloat(cs.strokeWidth) || 0) * scale / 2 : 0;
      const over = Math.max(box.left - (r.left - half), (r.right + half) - box.right, box.top - (r.top - half), (r.bottom + half) - box.bottom);
      if (over > 0.5) {
        clipped++;
        if (clipped <= 5) out.push("a <" + el.tagName + " class=\"" + (el.getAttribute("class") || "") + "\"> reaches " + over.toFixed(1) + " px outside its svg's viewBox in " + where(svg));
      }
    }
  }
  if (clipped > 5) out.push("and " + (clipped - 5) + " more marks outside their viewBox");
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
