package browser

import (
	"fmt"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// FocusInfo describes the element that has the keyboard focus.
type FocusInfo struct {
	Tag  string `json:"tag"`  // lower-case tag name; "body" when nothing in the page has focus
	Text string `json:"text"` // the accessible name, roughly: aria-label, label, text, value, title or alt

	// Indicator reports whether focus is visible on the element: its outline
	// or box-shadow is visible now and differs from the element's unfocused
	// style (WCAG 2.4.7 Focus Visible).
	Indicator bool   `json:"indicator"`
	Style     string `json:"style"` // the focused outline and box-shadow, for messages
}

// String renders the element for a failure message: tag, name, and a note
// when focus is not visible on it.
func (f FocusInfo) String() string {
	s := fmt.Sprintf("<%s> %q", f.Tag, f.Text)
	if !f.Indicator {
		s += " (no visible focus indicator)"
	}
	return s
}

// focusBaselineJS records the unfocused outline and box-shadow of every
// element, once per document, before the first Tab; at that point nothing has
// keyboard focus.
const focusBaselineJS = `(() => {
	if (window.__handleplanFocus) return true;
	const props = ["outline-style", "outline-width", "outline-color", "outline-offset", "box-shadow"];
	const snap = el => { const cs = getComputedStyle(el); return props.map(p => cs.getPropertyValue(p)).join("|"); };
	const base = new WeakMap();
	for (const el of document.querySelectorAll("*")) base.set(el, snap(el));
	window.__handleplanFocus = {base, snap};
	return true;
})()`

// focusInfoJS describes document.activeElement as a FocusInfo.
const focusInfoJS = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) {
		return {tag: el ? el.tagName.toLowerCase() : "", text: "", indicator: false, style: ""};
	}
	const squash = s => (s || "").replace(/\s+/g, " ").trim();
	const byIds = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(e => e.innerText).join(" ");
	const img = el.querySelector && el.querySelector("img[alt]");
	const text = squash(el.getAttribute("aria-label")) ||
		squash(el.hasAttribute("aria-labelledby") ? byIds(el.getAttribute("aria-labelledby")) : "") ||
		squash(el.labels && el.labels.length ? el.labels[0].innerText : "") ||
		squash(el.innerText) || squash(el.value) || squash(el.getAttribute("title")) ||
		squash(el.getAttribute("alt")) || squash(img ? img.alt : "");

	const {base, snap} = window.__handleplanFocus;
	const cs = getComputedStyle(el);
	const transparent = c => c === "transparent" || /^rgba\(.*,\s*0\)$/.test(c);
	const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
	const shadow = cs.boxShadow !== "none";
	const changed = !base.has(el) || base.get(el) !== snap(el);
	const style = [outline ? "outline: " + cs.outlineWidth + " " + cs.outlineStyle + " " + cs.outlineColor : "",
		shadow ? "box-shadow: " + cs.boxShadow : ""].filter(Boolean).join("; ");
	return {tag: el.tagName.toLowerCase(), text: text.slice(0, 80), indicator: changed && (outline || shadow), style};
})()`

// TabThrough presses Tab n times, as a keyboard user would, and describes the
// focused element after each press.
func (p *Page) TabThrough(n int) ([]FocusInfo, error) {
	var ok bool
	if err := p.Eval(focusBaselineJS, &ok); err != nil {
		return nil, err
	}
	infos := make([]FocusInfo, 0, n)
	for i := range n {
		if err := p.do(fmt.Sprintf("press Tab (%d of %d) on", i+1, n), chromedp.KeyEvent(kb.Tab)); err != nil {
			return infos, err
		}
		var f FocusInfo
		if err := p.Eval(focusInfoJS, &f); err != nil {
			return infos, err
		}
		infos = append(infos, f)
	}
	return infos, nil
}
