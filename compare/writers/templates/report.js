// tilmash report: the findings filters, shown only when this script runs. A finding shows when
// its severity and check are ticked and at least one of the languages it is filed under (the
// one at fault) is; highlights of hidden findings are muted.
(function () {
  "use strict";
  const boxes = Array.from(document.querySelectorAll("input[data-filter]"));
  const items = Array.from(document.querySelectorAll("li.finding"));
  const marks = Array.from(document.querySelectorAll("mark.drift[data-findings]"));
  const form = document.querySelector("form.filters");
  const counter = document.querySelector(".filters output");
  if (form) form.hidden = false;

  function ticked() {
    const on = { severity: new Set(), check: new Set(), language: new Set() };
    boxes.forEach((box) => { if (box.checked) on[box.dataset.filter].add(box.value); });
    return on;
  }

  function apply() {
    const on = ticked();
    let shown = 0;
    items.forEach((item) => {
      const visible = on.severity.has(item.dataset.severity)
        && on.check.has(item.dataset.check)
        && item.dataset.language.split(" ").some((lang) => on.language.has(lang));
      item.classList.toggle("hidden", !visible);
      if (visible) shown += 1;
    });
    marks.forEach((mark) => {
      const live = mark.dataset.findings.split(" ").some((id) => {
        const item = document.getElementById(id);
        return item && !item.classList.contains("hidden");
      });
      mark.classList.toggle("muted", !live);
    });
    if (counter) counter.textContent = `${shown} of ${items.length} findings shown`;
  }

  boxes.forEach((box) => box.addEventListener("change", apply));
})();

// A link to a unit inside a folded stretch of unchanged units opens the stretch first, so the
// browser scrolls to a row that shows; so does opening the page at such a unit's address.
(function () {
  "use strict";
  function reveal(hash) {
    const target = hash.length > 1 && document.getElementById(decodeURIComponent(hash.slice(1)));
    let fold = target ? target.closest("details") : null;
    const closed = fold !== null && !fold.open;
    for (; fold; fold = fold.parentElement.closest("details")) fold.open = true;
    return closed ? target : null;
  }
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (link) reveal(link.hash);
  });
  window.addEventListener("hashchange", () => reveal(location.hash));
  const opened = reveal(location.hash);
  if (opened) opened.scrollIntoView();
})();

// Printing shows every folded stretch: the closed ones open before the page is printed and
// close again after, so the printout holds every unit and the page stays as the reader left it.
(function () {
  "use strict";
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll("details:not([open])"));
    opened.forEach((fold) => { fold.open = true; });
  });
  window.addEventListener("afterprint", () => {
    opened.forEach((fold) => { fold.open = false; });
    opened = [];
  });
})();
