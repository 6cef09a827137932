/* artboard playground — plain JS, no build step, no external requests. */
"use strict";

const $ = (sel) => document.querySelector(sel);
const MAX_SEED = 4294967295;
const state = {
  config: null, ratio: "1:1", palette: ["#1b2a49", "#f2a541"], image: null, pending: 0,
  historyBefore: null, results: 0,
};
const ORIGIN = location.origin;

/* ---------- helpers ---------- */
function el(tag, attrs = {}, ...kids) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) node.append(kid);
  return node;
}
function randomSeed() { const a = new Uint32Array(1); crypto.getRandomValues(a); return a[0]; }
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = new Uint8Array(16); crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
function hexToRgb(hex) { const n = parseInt(hex.slice(1), 16); return [(n >> 16) & 255, (n >> 8) & 255, n & 255]; }
/** Signed output URLs are absolute (public_base_url); load them from this page's origin. */
function local(url) {
  try { const u = new URL(url, ORIGIN); return u.pathname.startsWith("/files/") ? u.pathname + u.search : url; }
  catch { return url; }
}
function key() { return localStorage.getItem("artboard.key") || ""; }
function headers(json = true) {
  const h = {};
  if (json) h["Content-Type"] = "application/json";
  if (key()) h.Authorization = `Bearer ${key()}`;
  return h;
}
async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...headers(options.body !== undefined), ...(options.headers || {}) } });
  let body = null;
  const text = await response.text();
  try { body = text ? JSON.parse(text) : null; } catch { body = { raw: text }; }
  if (!response.ok) throw apiError(response.status, body);
  return body;
}
/** Errors of every dialect → {status, message, param, allowed}. */
function apiError(status, body) {
  let message = `HTTP ${status}`, param = null, allowed = null;
  if (body && body.error && typeof body.error === "object") {
    message = body.error.message || message;
    param = body.error.param || (body.error.metadata && body.error.metadata.param) || null;
    allowed = body.error.allowed || (body.error.metadata && body.error.metadata.allowed) || null;
  } else if (body && Array.isArray(body.errors) && body.errors.length) {
    message = body.errors[0].message; param = body.errors[0].parameter || null; allowed = body.errors[0].allowedValues || null;
  } else if (body && body.detail) {
    message = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
  } else if (body && body.raw) {
    message = body.raw.slice(0, 300);
  }
  const err = new Error(message);
  Object.assign(err, { status, param, allowed });
  return err;
}

/* ---------- settings ---------- */
function models() { return state.config ? state.config.models : []; }
function currentModel() { return models().find((m) => m.id === $("#model").value) || models()[0]; }
function twin(model, output) { return models().find((m) => m.tier === model.tier && m.output === output) || model; }
function sizeOf() {
  const m = currentModel();
  const wh = state.config.sizes[m.tier][state.ratio];
  return { w: wh[0], h: wh[1], text: `${wh[0]}x${wh[1]}` };
}
function bgMode() { return document.querySelector("input[name=bg-mode]:checked").value; }
function settings() {
  const model = currentModel();
  const format = $("#format").value;
  let seed = $("#seed").value.trim();
  seed = seed === "" ? null : Number(seed);
  return {
    prompt: $("#prompt").value,
    model, format, size: sizeOf(),
    quality: Number($("#quality").value),
    palette: [...state.palette],
    bg: bgMode(), bgColor: $("#bg-color").value,
    seed, n: $("#n").value.trim() === "" ? 1 : Number($("#n").value),
    image: state.image, strength: Number($("#strength").value),
  };
}
/** Which HTTP route carries the settings: Recraft-native unless the format or background needs another. */
function routeOf(s) {
  if (s.bg === "transparent") return "openrouter";
  if (s.format === "jpg" || s.format === "webp") return "runware";
  return "recraft";
}

/* ---------- request builders (the page and "copy as code" share them) ---------- */
function recraftBody(s, imageUrl) {
  const body = { prompt: s.prompt, model: s.model.names.recraft, size: s.size.text, n: s.n, response_format: "url" };
  if (s.seed !== null) body.random_seed = s.seed;
  const controls = {};
  if (s.palette.length) controls.colors = s.palette.map((c) => ({ rgb: hexToRgb(c) }));
  if (s.bg === "color") controls.background_color = { rgb: hexToRgb(s.bgColor) };
  if (Object.keys(controls).length) body.controls = controls;
  if (s.model.output === "raster") body.image_format = s.format === "webp" ? "webp" : "png";
  if (imageUrl !== undefined) { body.image_url = imageUrl; body.strength = s.strength; }
  return body;
}
function openrouterBody(s, imageUrl) {
  const body = { model: s.model.names.openrouter, prompt: s.prompt, n: s.n, size: s.size.text,
    output_format: s.format === "jpg" ? "jpeg" : s.format, response_format: "url" };
  if (s.seed !== null) body.seed = s.seed;
  if (s.format === "jpg" || s.format === "webp") body.output_compression = s.quality;
  if (s.bg === "transparent") body.background = "transparent";
  if (imageUrl !== undefined) body.input_references = [imageUrl];
  return body;
}
function runwareTask(s, imageUrl, taskUUID) {
  const task = { taskType: "imageInference", taskUUID: taskUUID || uuid(), model: s.model.names.runware,
    positivePrompt: s.prompt, width: s.size.w, height: s.size.h, numberResults: s.n,
    outputFormat: s.format.toUpperCase(), outputType: "URL", includeCost: true };
  if (s.format === "jpg" || s.format === "webp") task.outputQuality = s.quality;
  if (s.seed !== null) task.seed = s.seed;
  const recraft = {};
  if (s.palette.length) recraft.colors = s.palette.map((c) => ({ rgb: hexToRgb(c) }));
  if (s.bg === "color") recraft.backgroundColor = { rgb: hexToRgb(s.bgColor) };
  if (Object.keys(recraft).length) task.providerSettings = { recraft };
  if (imageUrl !== undefined) { task.seedImage = imageUrl; task.strength = s.strength; }
  return task;
}
function pixeldojoBody(s) {
  const body = { prompt: s.prompt, size: s.size.text };
  if (s.seed !== null) body.seed = s.seed;
  if (s.model.output === "raster") body.output_format = s.format === "svg" ? "png" : s.format;
  return body;
}

/* ---------- copy as code ---------- */
/** JSON for people: two-space indent, arrays of numbers and {"rgb": […]} objects kept on one line. */
function pretty(value) {
  return JSON.stringify(value, null, 2)
    .replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_m, inner) => `[${inner.split(/,\s*/).join(", ")}]`)
    .replace(/\{\s+("rgb": \[[^\]]*\])\s+\}/g, "{$1}");
}
const sq = (text) => `'${text.replace(/'/g, "'\\''")}'`;
const pyStr = (v) => JSON.stringify(v);
function pyValue(v, indent = "") {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (Array.isArray(v)) return `[${v.map((x) => pyValue(x, indent)).join(", ")}]`;
  if (typeof v === "object") {
    const inner = indent + "    ";
    return `{\n${Object.entries(v).map(([k, x]) => `${inner}${pyStr(k)}: ${pyValue(x, inner)}`).join(",\n")},\n${indent}}`;
  }
  return typeof v === "string" ? pyStr(v) : String(v);
}
function curl(path, body) {
  const auth = key() ? ` \\\n  -H "Authorization: Bearer $ARTBOARD_KEY"` : "";
  return `curl -s ${ORIGIN}${path}${auth} \\\n  -H 'Content-Type: application/json' \\\n  -d ${sq(pretty(body))}`;
}
function curlWithImage(path, body, field) {
  // the input image travels as a data URL built from the file by the shell (exact bytes, no pasted base64)
  const auth = key() ? ` \\\n  -H "Authorization: Bearer $ARTBOARD_KEY"` : "";
  const file = state.image ? state.image.name : "input.png";
  const mime = state.image ? state.image.type || "image/png" : "image/png";
  const json = pretty(body).replace(/[\\$`]/g, (c) => "\\" + c)
    .replace(`"${field}"`, `"data:${mime};base64,$(base64 < ${sq(file)} | tr -d '\\n')"`);
  return `curl -s ${ORIGIN}${path}${auth} \\\n  -H 'Content-Type: application/json' \\\n  --data-binary @- <<EOF\n${json}\nEOF`;
}
const IMG = "__IMAGE__";
function codeFor(kind, s) {
  const hasImage = !!s.image;
  const fname = s.image ? s.image.name : "input.png";
  if (kind === "recraft") {
    if (hasImage) return curlWithImage("/v1/images/imageToImage", recraftBody(s, IMG), IMG);
    return curl("/v1/images/generations", recraftBody(s));
  }
  if (kind === "openrouter") {
    if (hasImage) return curlWithImage("/api/v1/images", openrouterBody(s, IMG), IMG);
    return curl("/api/v1/images", openrouterBody(s));
  }
  if (kind === "openai") {
    const body = recraftBody(s, hasImage ? IMG : undefined);
    const lines = ["from openai import OpenAI  # pip install openai", ""];
    if (hasImage) lines.splice(0, 0, "import base64");
    lines.push(`client = OpenAI(base_url="${ORIGIN}/v1", api_key=${key() ? 'os.environ["ARTBOARD_KEY"]' : '"unused"'})`);
    if (key()) lines.splice(0, 0, "import os");
    if (hasImage) {
      lines.push(`with open(${pyStr(fname)}, "rb") as f:`,
        `    image_url = "data:${s.image.type || "image/png"};base64," + base64.b64encode(f.read()).decode()`);
      const text = pyValue(body).replace(pyStr(IMG), "image_url");
      lines.push(`result = client.post("/images/imageToImage", cast_to=object, body=${text})`,
        `for image in result["data"]:`, `    print(image["url"])`);
    } else {
      const extra = {};
      for (const k of ["random_seed", "controls", "image_format"]) if (k in body) extra[k] = body[k];
      lines.push("result = client.images.generate(",
        `    model=${pyStr(body.model)},`, `    prompt=${pyStr(body.prompt)},`, `    size=${pyStr(body.size)},  # type: ignore[arg-type]`,
        `    n=${body.n},`, `    response_format="url",`);
      if (Object.keys(extra).length) lines.push(`    extra_body=${pyValue(extra, "    ")},`);
      lines.push(")", "for image in result.data:", "    print(image.url)");
    }
    return lines.join("\n");
  }
  if (kind === "runware") {
    const tasks = [];
    if (key()) tasks.push({ taskType: "authentication", apiKey: "<your key>" });
    const task = runwareTask(s, hasImage ? `<data URI of ${fname}>` : undefined, "00000000-0000-4000-8000-000000000000");
    task.taskUUID = "<a fresh UUID v4>";
    tasks.push(task);
    return `# POST ${ORIGIN}/v1  (Content-Type: application/json)\n${pretty(tasks)}`;
  }
  const body = pixeldojoBody(s);
  const auth = key() ? ` \\\n  -H "Authorization: Bearer $ARTBOARD_KEY"` : "";
  return `# start the job\ncurl -s ${ORIGIN}/api/v1/models/${s.model.names.pixeldojo}/run${auth} \\\n` +
    `  -H 'Content-Type: application/json' \\\n  -d ${sq(pretty(body))}\n\n` +
    `# then poll it with the jobId from the answer\ncurl -s ${ORIGIN}/api/v1/jobs/JOB_ID${auth}`;
}
function codeNote(kind, s) {
  const notes = [];
  if (kind === "pixeldojo") {
    if (s.palette.length || s.bg !== "auto") notes.push("PixelDojo's run body has no palette or background: they are left out.");
    if (s.n > 1) notes.push("PixelDojo runs one image per call.");
    if (s.image) notes.push("PixelDojo's recraft-v4 run body takes no input image.");
  }
  if ((kind === "recraft" || kind === "openai") && s.bg === "transparent") notes.push("Recraft has no transparent background: use the OpenRouter route.");
  if ((kind === "recraft" || kind === "openai") && s.format === "jpg") notes.push("Recraft answers PNG or WEBP: use Runware or OpenRouter for JPG.");
  if (kind === "openrouter" && (s.palette.length || s.bg === "color")) notes.push("OpenRouter's image API has no palette or background colour: they are left out.");
  if (kind === "runware" && s.bg === "transparent") notes.push("Runware has no transparent background: use the OpenRouter route.");
  if (kind === "runware" && key()) notes.push("Or send the key as Authorization: Bearer instead of the authentication task.");
  return notes.join(" ");
}
function renderCode() {
  if (!state.config) return;
  const kind = document.querySelector("input[name=code-kind]:checked").value;
  const s = settings();
  $("#code-text").textContent = codeFor(kind, s);
  $("#code-note").textContent = codeNote(kind, s);
}

/* ---------- controls ---------- */
function renderModels() {
  const select = $("#model");
  select.replaceChildren(...models().map((m) => el("option", { value: m.id, title: m.name,
    text: `${m.tier === "pro" ? "Pro 2K" : "Standard 1K"} · ${m.output} · ${m.credits} cr` })));
}
function renderRatios() {
  const box = $("#ratios");
  const tier = currentModel().tier;
  const table = state.config.sizes[tier];
  box.replaceChildren();
  for (const [ratio, [w, h]] of Object.entries(table)) {
    const scale = 26 / Math.max(w, h);
    const button = el("button", { type: "button", class: "ratio", role: "radio", "aria-checked": String(ratio === state.ratio),
      "data-ratio": ratio, "aria-label": `${ratio}, ${w} by ${h}`, tabindex: ratio === state.ratio ? "0" : "-1",
      onclick: () => { state.ratio = ratio; renderRatios(); changed(); box.querySelector(`[data-ratio="${ratio}"]`).focus(); } },
    el("span", { class: "shape", style: `width:${Math.round(w * scale)}px;height:${Math.round(h * scale)}px` }),
    el("span", { class: "r", text: ratio }), el("span", { class: "wh", text: `${w}×${h}` }));
    box.append(button);
  }
  $("#size-label").textContent = `· ${sizeOf().text}`;
}
function ratioKeys(event) {
  const keys = Object.keys(state.config.sizes[currentModel().tier]);
  const i = keys.indexOf(state.ratio);
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
  if (!step) return;
  event.preventDefault();
  state.ratio = keys[(i + step + keys.length) % keys.length];
  renderRatios(); changed();
  $(`#ratios [data-ratio="${state.ratio}"]`).focus();
}
function renderPalette() {
  const box = $("#palette");
  box.replaceChildren(...state.palette.map((color, i) => el("div", { class: "swatch" },
    el("input", { type: "color", value: color, "aria-label": `Palette colour ${i + 1}`,
      oninput: (e) => { state.palette[i] = e.target.value; e.target.nextSibling.textContent = e.target.value; changed(); } }),
    el("code", { text: color }),
    el("button", { type: "button", "aria-label": `Remove colour ${color}`, title: "Remove", text: "×",
      onclick: () => { state.palette.splice(i, 1); renderPalette(); changed(); } }))));
  if (!state.palette.length) box.append(el("span", { class: "hint", text: "No palette: the design picks its own colours." }));
  $("#palette-add").disabled = state.palette.length >= 10;
}
function parseHexList(text) {
  const found = text.match(/#?\b[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g) || [];
  return found.map((h) => {
    let x = h.replace("#", "").toLowerCase();
    if (x.length === 3) x = [...x].map((c) => c + c).join("");
    return `#${x}`;
  });
}
function syncFormat(from) {
  const model = currentModel();
  const format = $("#format").value;
  if (from === "format") {
    const want = format === "svg" ? "vector" : "raster";
    if (model.output !== want) $("#model").value = twin(model, want).id;
  } else if (from === "model") {
    if (model.output === "vector") $("#format").value = "svg";
    else if (format === "svg") $("#format").value = "png";
  }
  const lossy = ["jpg", "webp"].includes($("#format").value);
  $("#quality").disabled = !lossy;
  $("#quality-group").classList.toggle("muted", !lossy);
  const jpgTransparent = $("#format").value === "jpg" && bgMode() === "transparent";
  if (jpgTransparent) document.querySelector("input[name=bg-mode][value=auto]").checked = true;
  document.querySelector("input[name=bg-mode][value=transparent]").disabled = $("#format").value === "jpg";
}
function changed() {
  const s = settings();
  const route = routeOf(s);
  const names = { recraft: "Recraft-native POST /v1/images/" + (s.image ? "imageToImage" : "generations"),
    runware: "Runware POST /v1 (for JPG/WEBP quality)", openrouter: "OpenRouter POST /api/v1/images (for transparency)" };
  $("#route-note").textContent = `Sends ${names[route]} · ${s.model.credits * Math.max(1, s.n || 1)} credits`;
  const note = $("#bg-note");
  if (s.bg === "transparent" && s.palette.length) {
    note.hidden = false;
    note.textContent = "A transparent background goes through the OpenRouter image API, which takes no palette: the palette is not sent.";
  } else note.hidden = true;
  $("#bg-color").disabled = s.bg !== "color";
  $("#quality-out").textContent = $("#quality").value;
  $("#strength-out").textContent = Number($("#strength").value).toFixed(2);
  clearInvalid();
  renderCode();
  saveSettings();
}
function saveSettings() {
  const s = { prompt: $("#prompt").value, model: $("#model").value, format: $("#format").value, ratio: state.ratio,
    quality: $("#quality").value, palette: state.palette, bg: bgMode(), bgColor: $("#bg-color").value,
    seed: $("#seed").value, lock: $("#seed-lock").checked, n: $("#n").value };
  try { localStorage.setItem("artboard.settings", JSON.stringify(s)); } catch { /* private mode */ }
}
function loadSettings() {
  let s = null;
  try { s = JSON.parse(localStorage.getItem("artboard.settings") || "null"); } catch { s = null; }
  if (!s) { $("#seed").value = randomSeed(); return; }
  $("#prompt").value = s.prompt ?? $("#prompt").value;
  if (models().some((m) => m.id === s.model)) $("#model").value = s.model;
  $("#format").value = s.format || "png";
  state.ratio = s.ratio || "1:1";
  $("#quality").value = s.quality || 90;
  state.palette = Array.isArray(s.palette) ? s.palette.slice(0, 10) : state.palette;
  const bg = document.querySelector(`input[name=bg-mode][value="${s.bg}"]`);
  if (bg) bg.checked = true;
  $("#bg-color").value = s.bgColor || "#f6f7eb";
  $("#seed").value = s.seed !== undefined && s.seed !== "" ? s.seed : randomSeed();
  $("#seed-lock").checked = !!s.lock;
  $("#n").value = s.n || 1;
}

/* ---------- input image ---------- */
function readFile(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
async function setImage(file) {
  if (!file) return;
  if (!file.type.startsWith("image/")) { showError({ message: `${file.name} is not an image`, param: "image" }); return; }
  const dataUrl = await readFile(file);
  state.image = { name: file.name || "input.png", type: file.type, dataUrl };
  $("#drop-preview").src = dataUrl;
  $("#drop-preview").hidden = false;
  $("#drop-text").textContent = `${file.name} · ${(file.size / 1024).toFixed(0)} KB — drop another to replace`;
  $("#image-tools").hidden = false;
  changed();
}
function clearImage() {
  state.image = null;
  $("#drop-preview").hidden = true;
  $("#drop-preview").removeAttribute("src");
  $("#drop-text").innerHTML = "Drop an image here or <u>choose a file</u>";
  $("#image-tools").hidden = true;
  $("#file").value = "";
  changed();
}

/* ---------- errors ---------- */
const PARAM_FIELDS = {
  prompt: "#prompt", positivePrompt: "#prompt", n: "#n", numberResults: "#n", size: "#ratios", width: "#ratios",
  height: "#ratios", random_seed: "#seed", seed: "#seed", strength: "#strength", image_url: "#drop", image: "#drop",
  file: "#drop", seedImage: "#drop", input_references: "#drop", model: "#model", image_format: "#format",
  output_format: "#format", outputFormat: "#format", outputQuality: "#quality", output_compression: "#quality",
  "controls.colors": "#palette", "providerSettings.recraft.colors": "#palette", strict_color_palette: "#palette",
  "controls.background_color": "#bg-color", "providerSettings.recraft.backgroundColor": "#bg-color", background: "#bg-color",
  max_num_shapes: "#max-shapes",
};
function clearInvalid() { document.querySelectorAll("[aria-invalid=true]").forEach((n) => n.removeAttribute("aria-invalid")); }
function showError(err) {
  const box = $("#error");
  box.replaceChildren(el("strong", { text: err.status ? `Error ${err.status}` : "Error" }),
    err.param ? el("span", {}, " · parameter ", el("code", { class: "param", text: err.param })) : null,
    el("div", { class: "message", text: err.message }),
    err.allowed ? el("div", { class: "hint", text: `allowed: ${typeof err.allowed === "string" ? err.allowed : JSON.stringify(err.allowed)}` }) : null);
  box.hidden = false;
  const field = err.param && PARAM_FIELDS[err.param] ? $(PARAM_FIELDS[err.param]) : null;
  if (field) field.setAttribute("aria-invalid", "true");
}
function hideError() { $("#error").hidden = true; }

/* ---------- results ---------- */
function fact(dl, name, value) { dl.append(el("dt", { text: name }), el("dd", { text: value })); }
function pendingCard(label) {
  const card = el("article", { class: "card pending", "aria-busy": "true" },
    el("div", { class: "frame" }, el("div", { class: "spinner", role: "progressbar", "aria-label": "Generating" }),
      el("div", { class: "elapsed", text: label })));
  $("#empty")?.remove();
  $("#gallery").prepend(card);
  const t0 = performance.now();
  const timer = setInterval(() => {
    card.querySelector(".elapsed").textContent = `${label} · ${((performance.now() - t0) / 1000).toFixed(1)} s`;
  }, 100);
  return { card, done: () => { clearInterval(timer); card.remove(); } };
}
function complianceView(manifest) {
  const box = el("div");
  const pal = manifest && manifest.palette;
  if (manifest && manifest.vectorize) {
    const v = manifest.vectorize;
    box.append(el("span", { class: "badge na", text: "vectorized" }),
      el("span", { text: ` ${v.shapes ?? "?"} shapes · SSIM ${typeof v.ssim === "number" ? v.ssim.toFixed(3) : "?"}` }));
  }
  if (!pal || !pal.palette) {
    if (!box.childNodes.length) box.append(el("span", { class: "badge na", text: "no palette requested" }));
    return box;
  }
  const ok = pal.compliant === true && (!pal.raster || pal.raster.compliant !== false);
  box.append(el("span", { class: `badge ${ok ? "ok" : "bad"}`, "data-compliant": String(ok),
    text: ok ? "✓ palette compliant" : "✗ palette not compliant" }));
  const cover = pal.raster && pal.raster.coverage ? pal.raster.coverage : pal.coverage;
  if (cover && typeof cover === "object") {
    const bar = el("div", { class: "cover", role: "img",
      "aria-label": Object.entries(cover).map(([c, f]) => `${c} ${(f * 100).toFixed(1)}%`).join(", ") });
    for (const [c, f] of Object.entries(cover)) {
      if (!c.startsWith("#") || f <= 0) continue;
      bar.append(el("span", { style: `background:${c};width:${(f * 100).toFixed(2)}%`, title: `${c} ${(f * 100).toFixed(1)}%` }));
    }
    box.append(bar);
  }
  if (Array.isArray(pal.notes) && pal.notes.length) box.append(el("div", { class: "hint", text: pal.notes.join(" ") }));
  return box;
}
async function svgToPng(url, w, h) {
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = w || img.naturalWidth; canvas.height = h || img.naturalHeight;
  canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}
function download(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
/** One result: {url, seed, width, height, format, route, ms, transparent, label}. */
async function addCard(item) {
  const card = $("#card-tpl").content.firstElementChild.cloneNode(true);
  const url = local(item.url);
  const img = card.querySelector("img");
  img.src = url;
  img.alt = `${item.label || "result"} — seed ${item.seed ?? "?"}`;
  card.dataset.seed = item.seed ?? "";
  card.dataset.url = url;
  const frame = card.querySelector(".frame");
  if (item.width && item.height) frame.style.aspectRatio = `${item.width} / ${item.height}`;
  if (item.transparent) frame.classList.add("checker");
  const dl = el("dl", { class: "facts" });
  card.querySelector(".facts").replaceWith(dl);
  fact(dl, "seed", item.seed ?? "—");
  fact(dl, "size", item.width ? `${item.width}×${item.height} ${String(item.format || "").toUpperCase()}` : "—");
  if (!item.width) {
    img.addEventListener("load", () => {
      dl.querySelectorAll("dd")[1].textContent = `${img.naturalWidth}×${img.naturalHeight} ${String(item.format || "").toUpperCase()}`;
      frame.style.aspectRatio = `${img.naturalWidth} / ${img.naturalHeight}`;
    }, { once: true });
  }
  const backendDd = el("dd", { text: "…" });
  dl.append(el("dt", { text: "backend" }), backendDd);
  fact(dl, "time", item.ms !== undefined ? `${(item.ms / 1000).toFixed(2)} s` : "—");
  fact(dl, "route", item.route || "—");
  const actions = card.querySelector(".actions");
  const ext = item.format === "jpeg" ? "jpg" : item.format || "png";
  const base = `artboard-${item.seed ?? "image"}`;
  actions.append(el("a", { class: "btn small", href: url, download: `${base}.${ext}`, text: `⬇ ${ext.toUpperCase()}` }));
  if (ext === "svg") {
    actions.append(el("button", { type: "button", class: "btn small", text: "⬇ PNG",
      onclick: async () => download(await svgToPng(url, item.width, item.height), `${base}.png`) }));
  } else {
    actions.append(el("button", { type: "button", class: "btn small", text: "⬇ SVG (vectorize)",
      onclick: async () => { const blob = await (await fetch(url)).blob(); await vectorize(await readFile(blob), `${base}`); } }));
  }
  if (item.seed !== null && item.seed !== undefined) {
    actions.append(el("button", { type: "button", class: "btn small use-seed", text: "Use this seed",
      onclick: () => { $("#seed").value = item.seed; $("#seed-lock").checked = true; changed(); $("#seed").focus(); } }));
  }
  $("#empty")?.remove();
  $("#gallery").prepend(card);
  try {
    const info = await api(`/playground/manifest?url=${encodeURIComponent(url)}`);
    const m = info.manifest || {};
    backendDd.textContent = m.backend ? `${m.backend}${m.model_id ? ` (${m.model_id})` : ""}` : "—";
    if (m.params && m.params.background === "transparent") frame.classList.add("checker");
    card.querySelector(".compliance").append(complianceView(m));
    card.querySelector(".manifest pre").textContent = JSON.stringify(m, null, 2);
  } catch (err) {
    backendDd.textContent = "—";
    card.querySelector(".manifest pre").textContent = `manifest unavailable: ${err.message}`;
  }
  card.classList.add("ready");
  return card;
}

/* ---------- running requests ---------- */
async function generate() {
  hideError();
  if (!$("#seed-lock").checked) $("#seed").value = randomSeed();
  const s = settings();
  const route = routeOf(s);
  const tab = $("#tab-results"); if (tab.getAttribute("aria-selected") !== "true") selectTab(tab);
  let path, body;
  if (route === "recraft") {
    path = s.image ? "/v1/images/imageToImage" : "/v1/images/generations";
    body = recraftBody(s, s.image ? s.image.dataUrl : undefined);
  } else if (route === "runware") {
    path = "/v1"; body = [runwareTask(s, s.image ? s.image.dataUrl : undefined)];
  } else {
    path = "/api/v1/images"; body = openrouterBody(s, s.image ? s.image.dataUrl : undefined);
  }
  changed();
  const pending = pendingCard(`${s.n} × ${s.size.text}`);
  const t0 = performance.now();
  state.pending++; pollJobs();
  setBusy(true);
  try {
    const answer = await api(path, { method: "POST", body: JSON.stringify(body) });
    const ms = performance.now() - t0;
    pending.done();
    const transparent = s.bg === "transparent";
    let items;
    if (route === "recraft") {
      items = answer.data.map((d, i) => ({ url: d.url, seed: s.seed !== null ? s.seed + i : null, width: s.size.w, height: s.size.h,
        format: s.model.output === "vector" ? "svg" : body.image_format }));
    } else if (route === "runware") {
      items = answer.data.filter((d) => d.imageURL).map((d) => ({ url: d.imageURL, seed: d.seed, width: s.size.w, height: s.size.h, format: s.format }));
    } else {
      items = answer.data.map((d) => ({ url: d.url, seed: d.seed, width: d.width, height: d.height, format: s.format }));
    }
    for (const item of items.reverse()) {
      await addCard({ ...item, ms, route: path, transparent, label: s.prompt.slice(0, 60) });
      state.results++;
    }
  } catch (err) {
    pending.done();
    showError(err);
  } finally {
    state.pending--; setBusy(false);
    if (!state.pending) $("#jobs-live").hidden = true;
    refreshAccount();
  }
}
async function vectorize(dataUrl, label) {
  hideError();
  const body = { image_url: dataUrl, response_format: "url" };
  if (state.palette.length) body.strict_color_palette = state.palette.map(hexToRgb);
  const max = $("#max-shapes").value.trim();
  if (max) { body.limit_num_shapes = true; body.max_num_shapes = Number(max); }
  const pending = pendingCard("vectorizing");
  const t0 = performance.now();
  state.pending++; pollJobs(); setBusy(true);
  try {
    const answer = await api("/v1/images/vectorize", { method: "POST", body: JSON.stringify(body) });
    pending.done();
    await addCard({ url: answer.image.url, seed: null, format: "svg", route: "/v1/images/vectorize",
      ms: performance.now() - t0, label: `${label} vectorized` });
  } catch (err) { pending.done(); showError(err); } finally {
    state.pending--; setBusy(false); refreshAccount();
    if (!state.pending) $("#jobs-live").hidden = true;
  }
}
function setBusy(busy) {
  const button = $("#generate");
  button.disabled = busy && state.pending > 0;
  button.textContent = state.pending > 0 ? "Generating…" : "Generate";
}
let pollTimer = null;
let pollDelay = 400;
/** While requests run, poll /v1/jobs with backoff and show the running ones with their progress. */
function pollJobs() {
  if (pollTimer) return;
  pollDelay = 400;
  const tick = async () => {
    pollTimer = null;
    const live = $("#jobs-live");
    try {
      const page = await api("/v1/jobs?limit=10");
      const running = page.data.filter((j) => j.status === "queued" || j.status === "running");
      live.replaceChildren(...running.map((j) => el("span", { class: "job",
        text: `${j.kind} · ${j.status}${j.progress ? ` ${Math.round(j.progress * 100)}%` : ""} · ${j.model}` })));
      live.hidden = running.length === 0;
    } catch { live.hidden = true; }
    if (state.pending > 0) {
      pollDelay = Math.min(pollDelay * 1.6, 4000);
      pollTimer = setTimeout(tick, pollDelay);
    } else { live.hidden = true; }
  };
  pollTimer = setTimeout(tick, pollDelay);
}

/* ---------- history ---------- */
async function loadHistory(more = false) {
  const list = $("#history-list");
  if (!more) { list.replaceChildren(); state.historyBefore = null; }
  const query = `/v1/jobs?limit=10${more && state.historyBefore ? `&before=${encodeURIComponent(state.historyBefore)}` : ""}`;
  try {
    const page = await api(query);
    for (const job of page.data) {
      const art = job.artifacts[0];
      const thumb = art ? el("img", { src: local(art.url), alt: "", loading: "lazy" }) : el("div", { class: "ph" });
      const prompt = job.request && job.request.prompt ? job.request.prompt : job.kind;
      const when = job.created_at ? new Date(job.created_at).toLocaleString() : "";
      const open = el("button", { type: "button", class: "btn small", text: "Open", disabled: !art,
        onclick: () => {
          selectTab($("#tab-results"));
          for (const a of [...job.artifacts].reverse()) {
            addCard({ url: a.url, seed: a.seed, width: a.width, height: a.height, format: a.format,
              route: `${job.dialect} (history)`, transparent: job.request && job.request.background === "transparent" });
          }
        } });
      list.append(el("li", {}, thumb,
        el("div", {}, el("div", { class: "title", text: prompt }),
          el("div", { class: "sub" }, el("span", { class: `status-${job.status}`, text: job.status }),
            ` · ${job.artifacts.length} image(s) · ${job.dialect} · ${job.credits} cr · ${when}`),
          job.error ? el("div", { class: "sub status-failed", text: `${job.error.param ? job.error.param + ": " : ""}${job.error.message}` }) : null),
        open));
    }
    if (!list.childNodes.length) list.append(el("li", {}, el("div", { class: "ph" }), el("div", { class: "sub", text: "No jobs yet." }), el("span")));
    state.historyBefore = page.next_before;
    $("#history-more").hidden = !page.has_more;
  } catch (err) { showError(err); }
}

/* ---------- account ---------- */
async function refreshAccount() {
  const pill = $("#credits");
  try {
    const account = await api("/v1/account");
    if (account.auth && account.credits !== null) {
      pill.textContent = `${account.credits.toLocaleString()} credits`;
      pill.hidden = false;
    } else pill.hidden = true;
  } catch (err) {
    if (err.status === 401) { pill.textContent = "key needed"; pill.hidden = false; } else pill.hidden = true;
  }
}

/* ---------- tabs ---------- */
function selectTab(tab) {
  for (const t of document.querySelectorAll("[role=tab]")) {
    const on = t === tab;
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
    $(`#${t.getAttribute("aria-controls")}`).hidden = !on;
  }
  if (tab.id === "tab-history") loadHistory();
  if (tab.id === "tab-code") renderCode();
}

/* ---------- wiring ---------- */
function wire() {
  $("#controls").addEventListener("submit", (e) => { e.preventDefault(); generate(); });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); generate(); }
  });
  for (const id of ["#prompt", "#seed", "#n", "#quality", "#strength", "#bg-color"]) $(id).addEventListener("input", changed);
  $("#model").addEventListener("change", () => { syncFormat("model"); renderRatios(); changed(); });
  $("#format").addEventListener("change", () => { syncFormat("format"); renderRatios(); changed(); });
  document.querySelectorAll("input[name=bg-mode]").forEach((r) => r.addEventListener("change", changed));
  document.querySelectorAll("input[name=code-kind]").forEach((r) => r.addEventListener("change", renderCode));
  $("#seed-lock").addEventListener("change", changed);
  $("#seed-random").addEventListener("click", () => { $("#seed").value = randomSeed(); changed(); });
  $("#ratios").addEventListener("keydown", ratioKeys);
  $("#palette-add").addEventListener("click", () => {
    if (state.palette.length >= 10) return;
    const h = Math.floor(Math.random() * 360);
    const c = `hsl(${h} 60% 50%)`;
    const probe = el("canvas").getContext("2d"); probe.fillStyle = c;
    state.palette.push(probe.fillStyle.startsWith("#") ? probe.fillStyle : "#888888");
    renderPalette(); changed();
    $("#palette .swatch:last-child input").focus();
  });
  $("#palette-clear").addEventListener("click", () => { state.palette = []; renderPalette(); changed(); });
  const applyPaste = () => {
    const colors = parseHexList($("#palette-paste").value);
    if (!colors.length) { showError({ message: "no #rrggbb colours found in the pasted text", param: "palette" }); return; }
    state.palette = colors.slice(0, 10); $("#palette-paste").value = ""; renderPalette(); changed();
  };
  $("#palette-apply").addEventListener("click", applyPaste);
  $("#palette-paste").addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) { e.preventDefault(); applyPaste(); } });
  $("#palette-paste").addEventListener("paste", () => setTimeout(applyPaste, 0));
  const drop = $("#drop");
  drop.addEventListener("click", () => $("#file").click());
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("#file").click(); } });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); setImage(e.dataTransfer.files[0]); });
  $("#file").addEventListener("change", (e) => setImage(e.target.files[0]));
  $("#image-remove").addEventListener("click", clearImage);
  $("#vectorize").addEventListener("click", () => state.image && vectorize(state.image.dataUrl, state.image.name));
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => selectTab(t));
    t.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      selectTab(next); next.focus();
    });
  });
  $("#history-refresh").addEventListener("click", () => loadHistory());
  $("#history-more").addEventListener("click", () => loadHistory(true));
  $("#code-copy").addEventListener("click", async () => {
    const text = $("#code-text").textContent;
    try { await navigator.clipboard.writeText(text); } catch {
      const r = document.createRange(); r.selectNodeContents($("#code-text"));
      const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r); document.execCommand("copy");
    }
    $("#code-copy").textContent = "Copied"; setTimeout(() => { $("#code-copy").textContent = "Copy"; }, 1200);
  });
  $("#api-key").value = key();
  $("#key-save").addEventListener("click", () => {
    localStorage.setItem("artboard.key", $("#api-key").value.trim()); refreshAccount(); renderCode();
  });
  $("#key-clear").addEventListener("click", () => {
    localStorage.removeItem("artboard.key"); $("#api-key").value = ""; refreshAccount(); renderCode();
  });
}

async function init() {
  wire();
  try { state.config = await api("/playground/config"); } catch (err) { showError(err); return; }
  renderModels();
  loadSettings();
  syncFormat("model");
  if (!state.config.sizes[currentModel().tier][state.ratio]) state.ratio = "1:1";
  renderRatios();
  renderPalette();
  changed();
  refreshAccount();
  document.body.dataset.ready = "true";
}
document.addEventListener("DOMContentLoaded", init);
