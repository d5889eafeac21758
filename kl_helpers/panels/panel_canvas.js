// The front end of kl_helpers.panels.canvas.PanelCanvas: a panel's background picture with its
// moving artists drawn over it on a <canvas>. Python sends, per slider move, one float32 buffer
// of pixel coordinates and a short list of items (paths, markers, text) with their styles; the
// coordinates are matplotlib's own, after every transform (y pointing down), so this module only
// strokes and fills. Plain ES module, no build step (anywidget).

const MOVETO = 1;
const LINETO = 2;
const CLOSEPOLY = 79;

function floats(view) {
  // The buffer may sit at any byte offset of the message: copy it to an aligned one.
  if (!view || !view.byteLength) return new Float32Array(0);
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return new Float32Array(bytes.slice().buffer);
}

function tracePath(ctx, xy, off, n, codes, snap, dx = 0, dy = 0) {
  const at = (i) => {
    let x = xy[off + 2 * i] + dx;
    let y = xy[off + 2 * i + 1] + dy;
    if (snap !== undefined) {
      x = Math.floor(x + 0.5) + snap;
      y = Math.floor(y + 0.5) + snap;
    }
    return [x, y];
  };
  for (let i = 0; i < n; i++) {
    const code = codes ? codes[i] : (i === 0 ? MOVETO : LINETO);
    if (code === CLOSEPOLY) {
      ctx.closePath();
      continue;
    }
    const [x, y] = at(i);
    if (code === MOVETO) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
}

const hatchCache = new Map();

function hatchPattern(ctx, hatch) {
  const key = JSON.stringify(hatch);
  if (hatchCache.has(key)) return ctx.createPattern(hatchCache.get(key), "repeat");
  const tile = document.createElement("canvas");
  tile.width = hatch.size;
  tile.height = hatch.size;
  const t = tile.getContext("2d");
  t.strokeStyle = hatch.color;
  t.lineWidth = hatch.lw;
  t.lineCap = "butt";
  t.beginPath();
  tracePath(t, Float32Array.from(hatch.verts), 0, hatch.verts.length / 2, hatch.codes);
  t.stroke();
  hatchCache.set(key, tile);
  return ctx.createPattern(tile, "repeat");
}

function applyStroke(ctx, item) {
  ctx.strokeStyle = item.stroke;
  ctx.lineWidth = item.lw;
  ctx.lineCap = item.cap || "butt";
  ctx.lineJoin = item.join || "miter";
  ctx.setLineDash(item.dash || []);
  ctx.lineDashOffset = item.dashoff || 0;
}

function paintItem(ctx, item, xy) {
  ctx.save();
  if (item.clip) {
    ctx.beginPath();
    ctx.rect(...item.clip);
    ctx.clip();
  }
  if (item.kind === "path") {
    ctx.beginPath();
    tracePath(ctx, xy, item.off, item.n, item.codes, item.snap);
    if (item.close) ctx.closePath();
    if (item.fill) {
      ctx.fillStyle = item.fill;
      ctx.fill();
    }
    if (item.hatch) {
      ctx.fillStyle = hatchPattern(ctx, item.hatch);
      ctx.fill();
    }
    if (item.stroke) {
      applyStroke(ctx, item);
      ctx.stroke();
    }
  } else if (item.kind === "markers") {
    const shape = new Path2D();
    tracePath(shape, xy, item.shape, item.shapeN, item.codes, item.snap);
    if (item.stroke) applyStroke(ctx, item);
    if (item.fill) ctx.fillStyle = item.fill;
    for (let i = 0; i < item.n; i++) {
      const x = xy[item.off + 2 * i];
      const y = xy[item.off + 2 * i + 1];
      ctx.setTransform(ctx.getTransform().translate(x, y));
      if (item.fill) ctx.fill(shape);
      if (item.stroke) ctx.stroke(shape);
      ctx.setTransform(ctx.getTransform().translate(-x, -y));
    }
  } else if (item.kind === "label") {
    paintLabel(ctx, item, xy);
  } else if (item.kind === "text") {
    const x = xy[item.off];
    const y = xy[item.off + 1];
    ctx.font = `${item.italic ? "italic " : ""}${item.weight} ${item.size}px "${item.family}", "DejaVu Sans", sans-serif`;
    ctx.fillStyle = item.color;
    ctx.textBaseline = "alphabetic";
    ctx.textAlign = "left";
    ctx.translate(x, y);
    if (item.angle) ctx.rotate((-item.angle * Math.PI) / 180);
    ctx.fillText(item.text, 0, 0);
  }
  ctx.restore();
}

// Text._get_layout of matplotlib, for a label sent as its anchor and lines: the lines' ink boxes
// come from the browser's own measurement, the font-wide ascent/descent from matplotlib.
function paintLabel(ctx, item, xy) {
  ctx.font = `${item.italic ? "italic " : ""}${item.weight} ${item.size}px "${item.family}", "DejaVu Sans", sans-serif`;
  ctx.fillStyle = item.color;
  ctx.textBaseline = "alphabetic";
  ctx.textAlign = "left";
  const gap = item.lines.length === 1 ? 0 : item.gap;
  const rows = [];
  let y = 0;
  for (const line of item.lines) {
    let w = 0;
    let a = 0;
    let d = 0;
    if (line) {
      const m = ctx.measureText(line);
      w = m.actualBoundingBoxLeft + m.actualBoundingBoxRight;
      a = m.actualBoundingBoxAscent;
      d = m.actualBoundingBoxDescent;
    }
    if (item.spacing === "normal") {
      a = Math.max(a, item.ascent) + gap / 2;
      d = Math.max(d, item.descent) + gap / 2;
    } else {
      const leading = item.spacing * (item.ascent + item.descent) - (a + d);
      a += leading / 2;
      d += leading / 2;
    }
    const baseline = a - y;
    y -= a;
    rows.push({ line, w, y, baseline });
    y -= d;
    item._descent = d;
  }
  const width = Math.max(...rows.map((r) => r.w));
  const ymin = rows[rows.length - 1].y - item._descent;
  const ymax = 0;
  const offsetx = item.ha === "left" ? 0 : item.ha === "right" ? width : width / 2;
  const offsety = item.va === "bottom" ? ymin : item.va === "top" ? ymax
    : item.va === "center" ? (ymin + ymax) / 2 : item.va === "baseline" ? ymin + item._descent
    : ymin + (ymax - ymin) - rows[rows.length - 1].baseline / 2;
  const x0 = xy[item.off];
  const y0 = xy[item.off + 1];
  for (const { line, w, y: dy } of rows) {
    if (!line) continue;
    const dx = item.malign === "center" ? width / 2 - w / 2 : item.malign === "right" ? width - w : 0;
    // matplotlib's y points up; the canvas' down.
    ctx.fillText(line, x0 + dx - offsetx, y0 - (dy - offsety));
  }
}

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "kl-panel-canvas";
  canvas.setAttribute("role", "img");
  canvas.style.maxWidth = "100%";
  canvas.style.height = "auto";
  canvas.style.display = "block";
  el.appendChild(canvas);
  const ctx = canvas.getContext("2d");
  let background = null;
  let backgroundBytes = null;

  const size = () => {
    const ratio = window.devicePixelRatio || 1;
    const w = model.get("width");
    const h = model.get("height");
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
    }
    return ratio;
  };

  const paint = () => {
    if (!background) return;
    const ratio = size();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(background, 0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const scene = model.get("scene") || {};
    const xy = floats(scene.coords);
    for (const item of scene.items || []) paintItem(ctx, item, xy);
    canvas.dataset.klPainted = String(Number(canvas.dataset.klPainted || 0) + 1);
    // The browser tests time a slider move until the frame after this event.
    canvas.dispatchEvent(new CustomEvent("kl-painted"));
  };

  const loadBackground = async () => {
    const bytes = model.get("background");
    if (!bytes || bytes === backgroundBytes) return;
    backgroundBytes = bytes;
    const view = bytes instanceof DataView ? bytes : new DataView(bytes.buffer || bytes);
    const blob = new Blob([new Uint8Array(view.buffer, view.byteOffset, view.byteLength)],
                          { type: "image/png" });
    const bitmap = await createImageBitmap(blob);
    if (backgroundBytes === bytes) {
      background = bitmap;
      paint();
    }
  };

  const label = () => canvas.setAttribute("aria-label", model.get("label"));
  label();
  model.on("change:label", label);
  model.on("change:scene", paint);
  model.on("change:background", loadBackground);
  loadBackground();
  return () => {
    model.off("change:label", label);
    model.off("change:scene", paint);
    model.off("change:background", loadBackground);
  };
}

export default { render };
