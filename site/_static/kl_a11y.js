// Two accessible-name repairs of the book theme's header buttons (pydata-sphinx-theme, as pinned),
// found by axe-core's label-content-name-mismatch rule (tests/browser/test_site_pages.py):
// * the search button is labelled "Search" but shows "Search Ctrl+K": its aria-label is dropped,
//   so its name is the text it shows;
// * the colour-mode button is labelled "Color mode", but Font Awesome turns each of its icons into
//   an <svg role="img"> with a <title> ("Light", "Dark", ...), text the label does not contain:
//   the icons are decorative next to the label, so their titles go and they are hidden from
//   assistive technology. Font Awesome swaps icons in after load, so a MutationObserver repeats it.
(() => {
  const repair = () => {
    document.querySelectorAll(".search-button-field[aria-label]").forEach((b) => b.removeAttribute("aria-label"));
    document.querySelectorAll(".theme-switch-button svg").forEach((svg) => {
      if (svg.getAttribute("aria-hidden") === "true" && !svg.querySelector("title")) return;
      svg.querySelectorAll("title").forEach((t) => t.remove());
      svg.removeAttribute("aria-labelledby");
      svg.removeAttribute("role");
      svg.setAttribute("aria-hidden", "true");
    });
  };
  const start = () => {
    repair();
    new MutationObserver(repair).observe(document.body, { subtree: true, childList: true });
  };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
