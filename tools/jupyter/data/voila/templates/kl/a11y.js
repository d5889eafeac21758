// What stock ipywidgets 8.1 leaves out, supplied in the course's Voilà template (issue 16):
// * a slider handle (role="slider") has no accessible name: a screen reader says "slider, 2.5";
//   it gets aria-label = the slider's description, and aria-valuetext = the readout the page
//   shows (kept current as the slider moves);
// * the Image widget's <img> has no alt (a screen reader reads out its blob: address): it gets
//   alt = the panel's text alternative, which the panel writes into a visually hidden HTML widget
//   right after the picture (class kl-panel-alt), or else the img's title; that hidden copy is
//   then aria-hidden, so the text is read once. Both are kept current as the picture changes.
//   A panel drawn in the browser (canvas.kl-panel-canvas, role="img") names itself with
//   aria-label; its hidden copy, after the canvas' widget view, is made aria-hidden the same way.
// Widgets render after the page loads and re-render their values, so a MutationObserver repairs
// every new or changed element. tests/browser/test_voila.py checks the result with axe-core.
(() => {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : "");
  const setIfChanged = (el, name, value) => {
    if (value && el.getAttribute(name) !== value) el.setAttribute(name, value);
  };
  const fixSlider = (handle) => {
    const box = handle.closest(".widget-slider");
    if (!box) return;
    const label = text(box.querySelector(".widget-label")).replace(/:$/, "");
    setIfChanged(handle, "aria-label", label || "slider");
    const readout = box.querySelector(".widget-readout");
    setIfChanged(handle, "aria-valuetext", text(readout) || handle.getAttribute("aria-valuenow"));
  };
  const fixImage = (img) => {
    const hidden = img.nextElementSibling;
    if (hidden && hidden.classList.contains("kl-panel-alt")) {
      setIfChanged(img, "alt", text(hidden).replace(/^Picture:\s*/, ""));
      setIfChanged(hidden, "aria-hidden", "true");
    } else {
      setIfChanged(img, "alt", img.getAttribute("title") || "");
    }
  };
  const fixCanvas = (canvas) => {
    const hidden = canvas.parentElement && canvas.parentElement.nextElementSibling;
    if (hidden && hidden.classList.contains("kl-panel-alt")) setIfChanged(hidden, "aria-hidden", "true");
  };
  const repair = () => {
    document.querySelectorAll('.widget-slider [role="slider"]').forEach(fixSlider);
    document.querySelectorAll("img.widget-image").forEach(fixImage);
    document.querySelectorAll("canvas.kl-panel-canvas").forEach(fixCanvas);
  };
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; repair(); });
  };
  const start = () => {
    new MutationObserver(schedule).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ["aria-valuenow", "title", "src"],
    });
    repair();
  };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
