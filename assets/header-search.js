// The header's search box searches as you type, from file:// too: on the
// search page it feeds the page's own field; on any other page the first
// letters take the reader to the search page, which shows the results and
// keeps the cursor in its field so the typing goes on there.
(function () {
  "use strict";
  var box = document.getElementById("header-q");
  if (!box || !box.form) return;
  var timer = 0;
  box.addEventListener("input", function () {
    var field = document.getElementById("q");
    if (field) {
      field.value = box.value;
      field.dispatchEvent(new Event("input"));
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!box.value.trim()) return;
      location.href = box.form.getAttribute("action") + "?q=" + encodeURIComponent(box.value) + "&live=1";
    }, 250);
  });
})();
