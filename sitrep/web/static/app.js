// sitrep situation page. Every string that comes from the store (article text, names, titles) is put
// in the page as text (textContent / text nodes), never parsed as HTML: the `el` helper below is the
// only way this file builds elements, and Leaflet tooltips get DOM nodes, never strings.
/* global L, topojson */
"use strict";

(function () {
  // ------------------------------------------------------------------ helpers
  function el(tag, attrs) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else node.setAttribute(k, String(v));
    }
    for (let i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach((c) => append(node, c)); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(url) {  // only web links leave the page: no javascript:, data:, ...
    try {
      const u = new URL(url, window.location.href);
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  const status = document.getElementById("status");
  function say(msg) { status.textContent = msg || ""; status.classList.toggle("shown", !!msg); }
  async function api(path, params) {
    const qs = params ? params.toString() : "";
    const res = await fetch(path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    return body;
  }
  const PRECISION_TIME = { 1: "exact day", 2: "within a week", 3: "within a month" };
  const PRECISION_GEO = { 1: "the place itself", 2: "near the place / its district", 3: "the region only" };
  const TYPE_CLASS = {
    "Battles": "et-battles", "Explosions/Remote violence": "et-explosions",
    "Violence against civilians": "et-vac", "Protests": "et-protests", "Riots": "et-riots",
    "Strategic developments": "et-strategic",
  };
  const HOLDER_COLOURS = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#17becf",
    "#66c2a5", "#fc8d62"];
  function holderColour(name) {
    if (!name) return "#ffffff";
    let h = 0;
    for (const ch of name) h = (h * 31 + ch.codePointAt(0)) >>> 0;
    return HOLDER_COLOURS[h % HOLDER_COLOURS.length];
  }
  function dates(b, e) {
    if (!b) return "undated";
    if (!e || e === b) return b;
    return b + " – " + (e.slice(0, 4) === b.slice(0, 4) ? e.slice(5) : e);
  }
  function markerSize(f) { return Math.round(Math.min(40, 10 + 4 * Math.sqrt(f || 0))); }

  // ------------------------------------------------------------------ state
  const state = { filter: { from: "", to: "", type: "", actor: "", place: "", q: "" }, offset: 0, limit: 50,
    meta: null, days: [], truncated: false, notice: "", view: "list" };
  function filterParams(extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(state.filter)) if (v) p.set(k, v);
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
    return p;
  }

  // ------------------------------------------------------------------ map
  const map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([34, 38], 5);
  const outlinePane = map.createPane("outlines");
  outlinePane.style.zIndex = 250;
  const provinces = L.layerGroup();
  let tiles = null;
  const clusters = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40, disableClusteringAtZoom: 12 });
  map.addLayer(clusters);
  const controlLayer = L.layerGroup();
  const Legend = L.Control.extend({
    onAdd() {
      const box = el("div", { class: "legend", id: "legend" });
      for (const [name, cls] of Object.entries(TYPE_CLASS)) {
        box.appendChild(el("div", null, el("span", { class: "swatch inc-marker " + cls }), name));
      }
      box.appendChild(el("div", { class: "muted" }, "marker size: fatalities"));
      return box;
    },
  });
  new Legend({ position: "bottomleft" }).addTo(map);

  async function loadOutlines() {
    const res = await fetch("/static/vendor/outlines/admin1.topo.json");
    const topo = await res.json();
    const obj = topo.objects.admin1;
    const renderer = L.canvas({ pane: "outlines" });
    const land = topojson.feature(topo, obj);
    L.geoJSON(land, { pane: "outlines", renderer, interactive: false,
      style: { stroke: false, fill: true, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
    const inner = topojson.mesh(topo, obj, (a, b) => a !== b && a.properties.c === b.properties.c);
    L.geoJSON(inner, { pane: "outlines", renderer, interactive: false,
      style: { color: "#9a9a9a", weight: 0.6, dashArray: "2 3" } }).addTo(provinces);
    const borders = topojson.mesh(topo, obj, (a, b) => a === b || a.properties.c !== b.properties.c);
    L.geoJSON(borders, { pane: "outlines", renderer, interactive: false,
      style: { color: "#555", weight: 1 } }).addTo(map);
    const showProvinces = () => {
      if (map.getZoom() >= 5) map.addLayer(provinces); else map.removeLayer(provinces);
    };
    map.on("zoomend", showProvinces);
    showProvinces();
  }

  function incidentMarker(p) {
    const [id, lat, lon, type, fatalities, day, place] = p;
    const size = markerSize(fatalities);
    const icon = L.divIcon({ className: "inc-marker " + (TYPE_CLASS[type] || "et-other"), iconSize: [size, size] });
    const marker = L.marker([lat, lon], { icon, keyboard: true, title: "" });
    marker.incidentId = id;
    const tip = el("span", null, el("b", null, place || "unknown place"), " · ", day || "undated", " · ", type,
      fatalities ? " · " + fatalities + " killed" : "");
    marker.bindTooltip(tip, { direction: "top" });
    marker.on("click", () => { location.hash = "#/incident/" + encodeURIComponent(id); });
    return marker;
  }

  // place names beside the markers once zoomed in (neighbourhoods and landmarks become readable)
  const labels = L.layerGroup().addTo(map);
  let lastPoints = [];
  function updateLabels() {
    labels.clearLayers();
    if (map.getZoom() < 11 || state.view === "control") return;
    const bounds = map.getBounds();
    const seen = new Set();
    for (const p of lastPoints) {
      const [, lat, lon, , , , place] = p;
      const key = place + "@" + lat + "," + lon;
      if (!place || seen.has(key) || !bounds.contains([lat, lon])) continue;
      seen.add(key);
      if (seen.size > 300) break;
      const icon = L.divIcon({ className: "place-label", html: el("span", null, place), iconSize: null,
        iconAnchor: [-8, 6] });
      labels.addLayer(L.marker([lat, lon], { icon, interactive: false, keyboard: false }));
    }
  }
  map.on("moveend", updateLabels);

  let pointsSeq = 0;
  async function loadPoints(useBbox) {
    const seq = ++pointsSeq;
    const extra = { limit: 5000 };
    if (useBbox) {
      const b = map.getBounds();
      extra.bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()),
        Math.min(90, b.getNorth())].map((x) => x.toFixed(4)).join(",");
    }
    const data = await api("/api/incidents/points", filterParams(extra));
    if (seq !== pointsSeq) return;
    clusters.clearLayers();
    clusters.addLayers(data.points.map(incidentMarker));
    lastPoints = data.points;
    updateLabels();
    state.truncated = data.truncated;
    state.notice = data.truncated ? `map shows the ${data.points.length.toLocaleString()} deadliest of `
      + `${data.total.toLocaleString()} incidents: zoom in or narrow the filter` : "";
    say(state.notice);
    document.getElementById("map").dataset.markers = String(data.points.length);
  }
  map.on("moveend", () => { if (state.truncated) loadPoints(true).catch(showError); });

  // ------------------------------------------------------------------ time brush
  const brushStart = document.getElementById("brush-start");
  const brushEnd = document.getElementById("brush-end");
  const brushLabel = document.getElementById("brush-label");
  const brushHist = document.getElementById("brush-hist");
  function dayList(lo, hi) {
    const out = [];
    const d = new Date(lo + "T00:00:00Z");
    const end = new Date(hi + "T00:00:00Z");
    while (d <= end && out.length < 40000) { out.push(d.toISOString().slice(0, 10)); d.setUTCDate(d.getUTCDate() + 1); }
    return out;
  }
  async function loadHistogram() {
    const p = filterParams();
    p.delete("from"); p.delete("to");
    const rows = await api("/api/incidents/histogram", p);
    drawHistogram(rows);
  }
  function drawHistogram(rows) {
    clear(brushHist);
    const days = state.days;
    if (!days.length) return;
    const nBins = Math.min(days.length, 200);
    const per = days.length / nBins;
    const counts = new Array(nBins).fill(0);
    const index = new Map(days.map((d, i) => [d, i]));
    for (const r of rows) { const i = index.get(r.date); if (i !== undefined) counts[Math.floor(i / per)] += r.incidents; }
    const max = Math.max(1, ...counts);
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${nBins} 40`);
    svg.setAttribute("preserveAspectRatio", "none");
    const a = +brushStart.value, b = +brushEnd.value;
    counts.forEach((c, i) => {
      if (!c) return;
      const rect = document.createElementNS(NS, "rect");
      const h = Math.max(2, 40 * c / max);
      rect.setAttribute("x", i); rect.setAttribute("width", 0.9);
      rect.setAttribute("y", 40 - h); rect.setAttribute("height", h);
      const first = Math.floor(i * per);
      if (first >= a && first <= b) rect.setAttribute("class", "in");
      svg.appendChild(rect);
    });
    brushHist.appendChild(svg);
    brushHist.lastRows = rows;
  }
  function brushText() {
    const days = state.days;
    if (!days.length) { brushLabel.textContent = "no dated incidents"; return; }
    brushLabel.textContent = `time filter: ${days[+brushStart.value]} – ${days[+brushEnd.value]}`
      + " (drag the two handles)";
  }
  let brushTimer = null;
  function onBrush() {
    if (+brushStart.value > +brushEnd.value) {
      if (this === brushStart) brushEnd.value = brushStart.value; else brushStart.value = brushEnd.value;
    }
    brushText();
    if (brushHist.lastRows) drawHistogram(brushHist.lastRows);
    clearTimeout(brushTimer);
    brushTimer = setTimeout(() => {
      const days = state.days;
      const full = +brushStart.value === 0 && +brushEnd.value === days.length - 1;
      state.filter.from = full ? "" : days[+brushStart.value];
      state.filter.to = full ? "" : days[+brushEnd.value];
      syncForm();
      refresh(false);
    }, 250);
  }
  brushStart.addEventListener("input", onBrush);
  brushEnd.addEventListener("input", onBrush);
  function syncBrush() {
    const days = state.days;
    const i = state.filter.from ? days.indexOf(state.filter.from) : 0;
    const j = state.filter.to ? days.indexOf(state.filter.to) : days.length - 1;
    brushStart.value = String(i < 0 ? 0 : i);
    brushEnd.value = String(j < 0 ? days.length - 1 : j);
    brushText();
  }

  // ------------------------------------------------------------------ filters form
  const form = document.getElementById("filters");
  function syncForm() {
    for (const k of Object.keys(state.filter)) {
      const input = form.elements[k];
      if (input) input.value = state.filter[k];
    }
    const p = filterParams();
    document.getElementById("dl-csv").href = "/api/export.csv" + (p.toString() ? "?" + p : "");
    document.getElementById("dl-geojson").href = "/api/export.geojson" + (p.toString() ? "?" + p : "");
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    for (const k of Object.keys(state.filter)) state.filter[k] = (form.elements[k].value || "").trim();
    syncBrush();
    refresh(true);
  });
  document.getElementById("f-reset").addEventListener("click", () => {
    for (const k of Object.keys(state.filter)) state.filter[k] = "";
    syncForm(); syncBrush(); refresh(true);
  });

  // ------------------------------------------------------------------ views
  const panel = document.getElementById("panel");
  function showError(err) { say("error: " + (err && err.message ? err.message : err)); }
  function setActive(view) {
    state.view = view;
    document.querySelectorAll("nav a[data-view]").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
    if (view === "control") { map.removeLayer(clusters); map.addLayer(controlLayer); }
    else { map.removeLayer(controlLayer); map.addLayer(clusters); }
  }

  function fatalityText(i) {
    if (i.fatalities_conservative === null || i.fatalities_conservative === undefined) return "";
    let t = String(i.fatalities_conservative);
    if (i.fatalities_max !== null && i.fatalities_max !== i.fatalities_min) t += ` (${i.fatalities_min}–${i.fatalities_max})`;
    return t;
  }

  async function showList() {
    setActive("list");
    const page = await api("/api/incidents", filterParams({ offset: state.offset, limit: state.limit, sort: "date" }));
    clear(panel);
    const n = page.total;
    panel.appendChild(el("h2", null, `${n.toLocaleString()} incident${n === 1 ? "" : "s"}`));
    panel.appendChild(pager(page, showList));
    const tbody = el("tbody");
    for (const i of page.items) {
      const tr = el("tr", { class: "inc-row", "data-id": i.incident_id, tabindex: 0,
        on: { click: () => { location.hash = "#/incident/" + encodeURIComponent(i.incident_id); } } },
      el("td", { class: "nowrap" }, dates(i.date_begin, i.date_end)),
      el("td", null, el("span", { class: "swatch inc-marker " + (TYPE_CLASS[i.event_type] || "et-other") }), i.sub_event_type,
        i.background ? " (background)" : "", i.cumulative ? " (running total)" : ""),
      el("td", null, i.place_name || ""),
      el("td", null, [i.actor1, i.actor2].filter(Boolean).join(" vs ")),
      el("td", null, fatalityText(i)),
      el("td", null, `${i.n_sources} src`, i.disputed.length ? " · disputed: " + i.disputed.join(", ") : ""));
      tbody.appendChild(tr);
    }
    panel.appendChild(el("table", { id: "incident-list" },
      el("thead", null, el("tr", null, ["date", "type", "place", "actors", "killed", "sources"].map((h) => el("th", null, h)))),
      tbody));
  }

  function pager(page, reload) {
    const last = page.offset + page.items.length;
    return el("div", { class: "pager" },
      el("button", { type: "button", disabled: page.offset === 0 ? "disabled" : null,
        on: { click: () => { state.offset = Math.max(0, page.offset - page.limit); reload().catch(showError); } } }, "◀ previous"),
      el("span", { class: "muted" }, page.total ? `${page.offset + 1}–${last} of ${page.total.toLocaleString()}` : "none"),
      el("button", { type: "button", disabled: last >= page.total ? "disabled" : null,
        on: { click: () => { state.offset = page.offset + page.limit; reload().catch(showError); } } }, "next ▶"));
  }

  // A sentence with the fatality figures it states marked (offsets are in the sentence).
  function sentenceNode(text, marks) {
    const q = el("blockquote", { class: "sentence" });
    const spans = (marks || []).filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
      .sort((a, b) => a.start - b.start);
    let at = 0;
    for (const m of spans) {
      if (m.start < at) continue;
      append(q, text.slice(at, m.start));
      q.appendChild(el("mark", { class: "toll" }, text.slice(m.start, m.end)));
      at = m.end;
    }
    append(q, text.slice(at));
    return q;
  }

  function deathsOf(report) {
    const killed = (report.fatalities || []).filter((q) => q.status === "killed");
    if (!killed.length) return "";
    return killed.map((q) => (q.value !== null ? q.value : `${q.min}–${q.max}`) + (q.cumulative ? " (running total)" : "")).join(", ");
  }

  async function showIncident(id) {
    setActive("incident");
    const d = await api("/api/incidents/" + encodeURIComponent(id));
    const i = d.incident;
    clear(panel);
    panel.appendChild(el("p", null, el("a", { href: "#/" }, "← all incidents")));
    panel.appendChild(el("h2", { id: "incident-title" }, i.sub_event_type, el("span", { class: "muted" }, " · " + i.event_type)));
    const sources = [];
    for (const e of d.evidence) {
      const named = (e.report.attributed_to || "").split(";").map((s) => s.trim()).filter(Boolean);
      const who = named.length ? named.join("; ") : (e.article.outlet || e.article.external_id);
      const deaths = deathsOf(e.report);
      if (deaths) sources.push(`${who}: ${deaths}`);
    }
    panel.appendChild(el("dl", { class: "kv" },
      el("dt", null, "date"), el("dd", null, dates(i.date_begin, i.date_end),
        i.time_precision ? ` (precision ${i.time_precision}: ${PRECISION_TIME[i.time_precision] || "?"})` : ""),
      el("dt", null, "place"), el("dd", null, [i.place_name, d.admin1, d.country].filter(Boolean).join(", ") || "unknown",
        d.geo_precision ? ` (precision ${d.geo_precision}: ${PRECISION_GEO[d.geo_precision] || "?"})` : ""),
      el("dt", null, "actor 1"), el("dd", null, i.actor1 || "—"),
      el("dt", null, "actor 2"), el("dd", null, i.actor2 || "—"),
      el("dt", null, "fatalities"), el("dd", { id: "incident-fatalities" },
        i.fatalities_conservative === null ? "none reported" : `conservative ${i.fatalities_conservative}`
          + (i.fatalities_min !== null && i.fatalities_max !== i.fatalities_min ? `, range ${i.fatalities_min}–${i.fatalities_max}` : ""),
        sources.length ? el("div", { class: "muted" }, "per source: " + sources.join(" · ")) : null),
      el("dt", null, "grade"), el("dd", null, `${i.grade}, ${i.n_sources} source${i.n_sources === 1 ? "" : "s"}, `
        + `${d.evidence.length} report${d.evidence.length === 1 ? "" : "s"}`),
      i.background ? [el("dt", null, "note"), el("dd", null, "mentioned as background (history)")] : null,
      i.cumulative ? [el("dt", null, "note"), el("dd", null, "a running total, kept out of sums")] : null));
    if (d.disagreements.length) {
      const ul = el("ul", { id: "disagreements" });
      for (const c of d.disagreements) {
        ul.appendChild(el("li", null, el("b", null, c.field), ": ",
          c.values.map((v) => `${v.value === null ? "none" : v.value} (${v.reports.length} report${v.reports.length === 1 ? "" : "s"})`).join(" vs ")));
      }
      panel.appendChild(el("h3", null, "Disagreements"));
      panel.appendChild(ul);
    }
    if (d.control_changes.length) {
      panel.appendChild(el("h3", null, "Control"));
      for (const c of d.control_changes) {
        panel.appendChild(el("p", null, `${c.place_name || c.place_id}: from ${c.from_actor || "?"} to ${c.to_actor || "nobody named"} on ${c.date || "?"}`
          + (c.claimed_by ? ` (claimed by ${c.claimed_by})` : "")));
      }
    }
    panel.appendChild(el("h3", null, "Reports"));
    const list = el("div", { id: "evidence" });
    for (const e of d.evidence) {
      const r = e.report, a = e.article;
      const url = a.url ? safeUrl(a.url) : null;
      list.appendChild(el("div", { class: "report", "data-report": r.report_id },
        el("div", { class: "muted" }, a.outlet || "unknown outlet", a.published_at ? " · " + a.published_at.slice(0, 10) : "",
          " · ", el("a", { href: "#/article/" + encodeURIComponent(a.article_id) + "/" + encodeURIComponent(r.report_id) }, a.title || a.external_id),
          url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
        el("div", { class: "muted" }, `${r.sub_event_type} · ${r.status}`,
          r.attributed_to ? ` · according to ${r.attributed_to}` : "", r.hedged ? " · hedged" : "",
          deathsOf(r) ? ` · killed: ${deathsOf(r)}` : ""),
        sentenceNode(r.text, r.fatalities)));
    }
    panel.appendChild(list);
    if (i.lat !== null && i.lon !== null) map.setView([i.lat, i.lon], Math.min(Math.max(map.getZoom(), 9), 13));
  }

  async function showArticle(id, reportId) {
    setActive("article");
    const d = await api("/api/articles/" + encodeURIComponent(id));
    clear(panel);
    const a = d.article;
    const url = a.url ? safeUrl(a.url) : null;
    panel.appendChild(el("p", null, el("a", { href: "#/articles" }, "← articles")));
    panel.appendChild(el("h2", null, a.title || a.external_id));
    panel.appendChild(el("p", { class: "muted" }, [a.outlet, a.published_at, a.external_id].filter(Boolean).join(" · "),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null));
    // highlight every reported sentence in the text; the chosen report's sentence first in view
    const body = el("div", { class: "article-text", id: "article-text" });
    const text = d.text;
    const spans = [];
    for (const r of d.reports) {
      const at = text.indexOf(r.text);
      if (at >= 0 && !spans.some((s) => at < s.end && at + r.text.length > s.start)) {
        spans.push({ start: at, end: at + r.text.length, report: r });
      }
    }
    spans.sort((x, y) => x.start - y.start);
    let pos = 0, focus = null;
    for (const s of spans) {
      append(body, text.slice(pos, s.start));
      const m = el("mark", { title: s.report.sub_event_type, "data-report": s.report.report_id }, text.slice(s.start, s.end));
      if (s.report.incident_id) {
        const link = el("a", { href: "#/incident/" + encodeURIComponent(s.report.incident_id) }, m);
        body.appendChild(link);
      } else body.appendChild(m);
      if (s.report.report_id === reportId) focus = m;
      pos = s.end;
    }
    append(body, text.slice(pos));
    panel.appendChild(body);
    if (focus) { focus.style.outline = "2px solid #c00"; focus.scrollIntoView({ block: "center" }); }
  }

  async function showArticles() {
    setActive("articles");
    const page = await api("/api/articles", new URLSearchParams({ offset: state.offset, limit: state.limit }));
    clear(panel);
    panel.appendChild(el("h2", null, `${page.total} articles`));
    panel.appendChild(pager(page, showArticles));
    const tbody = el("tbody");
    for (const a of page.items) {
      tbody.appendChild(el("tr", null, el("td", null, (a.published_at || "").slice(0, 10)),
        el("td", null, el("a", { href: "#/article/" + encodeURIComponent(a.article_id) }, a.title || a.external_id)),
        el("td", null, a.outlet || ""), el("td", null, String(a.n_reports))));
    }
    panel.appendChild(el("table", null, el("thead", null, el("tr", null, ["published", "title", "outlet", "reports"].map((h) => el("th", null, h)))), tbody));
  }

  async function showChronology() {
    setActive("chronology");
    const page = await api("/api/incidents", filterParams({ offset: state.offset, limit: 100, sort: "date" }));
    clear(panel);
    panel.appendChild(el("h2", null, "Chronology"));
    panel.appendChild(el("p", { class: "muted" }, "Incidents in date order under the current filter; each links to its evidence."));
    panel.appendChild(pager(page, showChronology));
    let day = null, ul = null;
    for (const i of page.items) {
      const d = i.date_begin || "undated";
      if (d !== day) { day = d; panel.appendChild(el("h3", null, d)); ul = el("ul"); panel.appendChild(ul); }
      ul.appendChild(el("li", { id: "t-" + i.incident_id },
        el("a", { href: "#/incident/" + encodeURIComponent(i.incident_id) }, i.sub_event_type),
        ` in ${i.place_name || "unknown place"}`, i.actor1 ? ` — ${[i.actor1, i.actor2].filter(Boolean).join(" vs ")}` : "",
        fatalityText(i) ? ` — ${fatalityText(i)} killed` : "", i.date_end && i.date_end !== i.date_begin ? ` (until ${i.date_end})` : ""));
    }
  }

  async function showCasualties(period) {
    setActive("casualties");
    period = period || "month";
    say("computing the casualty ledger…");
    const rows = await api("/api/casualties", new URLSearchParams({ period }));
    say(state.notice);
    clear(panel);
    panel.appendChild(el("h2", null, "Casualty ledger"));
    const select = el("select", { on: { change: (ev) => { location.hash = "#/casualties/" + ev.target.value; } } },
      ["month", "week", "day"].map((p) => { const o = el("option", { value: p }, p); if (p === period) o.selected = true; return o; }));
    panel.appendChild(el("p", null, "per ", select, el("span", { class: "muted" },
      " · sources' claims per period; totals under the ACLED conservative rule and the Airwars range")));
    const tbody = el("tbody");
    for (const r of rows) {
      const total = r.source === null;
      tbody.appendChild(el("tr", { class: total ? "total" : "" },
        el("td", null, r.period), el("td", null, total ? el("b", null, "all sources") : r.source),
        el("td", null, r.claimed === null ? "" : String(r.claimed)),
        el("td", null, r.cumulative_claims.map((c) => c.value).join(", ")),
        el("td", null, total && r.conservative !== null ? String(r.conservative) : ""),
        el("td", null, total && r.range_min !== null ? `${r.range_min}–${r.range_max}` : ""),
        el("td", null, r.incidents.slice(0, 20).map((id, k) => [k ? " " : "", el("a", { href: "#/incident/" + encodeURIComponent(id) }, "▪")]))));
    }
    panel.appendChild(el("table", { id: "ledger" }, el("thead", null, el("tr", null,
      ["period", "source", "claimed", "running totals", "conservative", "range", "incidents"].map((h) => el("th", null, h)))), tbody));
  }

  async function showControl(on) {
    setActive("control");
    const meta = state.meta.facets;
    on = on || state.filter.to || meta.date_max || new Date().toISOString().slice(0, 10);
    const data = await api("/api/control", new URLSearchParams({ date: on }));
    clear(panel);
    panel.appendChild(el("h2", null, "Control"));
    const input = el("input", { type: "date", value: on, on: { change: (ev) => { if (ev.target.value) location.hash = "#/control/" + ev.target.value; } } });
    panel.appendChild(el("p", null, "who held each place on ", input));
    controlLayer.clearLayers();
    const holders = new Map();
    const tbody = el("tbody");
    for (const h of data.holdings) {
      const colour = holderColour(h.held_by);
      holders.set(h.held_by || "(withdrawn)", colour);
      if (h.lat !== null && h.lon !== null) {
        const m = L.circleMarker([h.lat, h.lon], { radius: 9, color: "#222", weight: 1, fillColor: colour, fillOpacity: 0.9 });
        m.bindTooltip(el("span", null, `${h.place_name || h.place_id}: ${h.held_by || "withdrawn, holder not named"} since ${h.since}`));
        if (h.incident_id) m.on("click", () => { location.hash = "#/incident/" + encodeURIComponent(h.incident_id); });
        controlLayer.addLayer(m);
      }
      tbody.appendChild(el("tr", null, el("td", null, h.place_name || h.place_id),
        el("td", null, el("span", { class: "swatch", style: null }), h.held_by || "(withdrawn)"),
        el("td", null, h.since || ""), el("td", null, h.taken_from || ""), el("td", null, h.claimed_by || ""),
        el("td", null, h.incident_id ? el("a", { href: "#/incident/" + encodeURIComponent(h.incident_id) }, "evidence") : "")));
      tbody.lastChild.querySelector(".swatch").style.background = colour;
    }
    const legend = el("p", { id: "control-legend" });
    for (const [name, colour] of holders) {
      const sw = el("span", { class: "swatch" });
      sw.style.background = colour;
      legend.appendChild(el("span", null, sw, name, "  "));
    }
    panel.appendChild(legend);
    panel.appendChild(el("table", null, el("thead", null, el("tr", null,
      ["place", "held by", "since", "taken from", "claimed by", ""].map((h) => el("th", null, h)))), tbody));
    if (!data.holdings.length) panel.appendChild(el("p", { class: "muted" }, "no change of control recorded on or before this date"));
  }

  // ------------------------------------------------------------------ router
  async function route() {
    try {
      const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
      if (parts[0] === "incident" && parts[1]) await showIncident(parts[1]);
      else if (parts[0] === "article" && parts[1]) await showArticle(parts[1], parts[2]);
      else if (parts[0] === "articles") await showArticles();
      else if (parts[0] === "chronology") await showChronology();
      else if (parts[0] === "casualties") await showCasualties(parts[1]);
      else if (parts[0] === "control") await showControl(parts[1]);
      else await showList();
    } catch (err) { showError(err); }
  }
  window.addEventListener("hashchange", () => { state.offset = 0; route(); });

  async function refresh(withHistogram) {
    state.offset = 0;
    syncForm();
    try {
      await Promise.all([loadPoints(false), withHistogram ? loadHistogram() : Promise.resolve(),
        (state.view === "list" || state.view === "chronology") ? route() : Promise.resolve()]);
      if (!withHistogram && brushHist.lastRows) drawHistogram(brushHist.lastRows);
    } catch (err) { showError(err); }
    document.body.dataset.ready = "1";
  }

  async function start() {
    try {
      state.meta = await api("/api/meta");
    } catch (err) { showError(err); return; }
    const f = state.meta.facets;
    const select = document.getElementById("f-type");
    for (const t of f.event_types) {
      select.appendChild(el("option", { value: t.event_type }, `${t.event_type} (${t.count})`));
      for (const s of t.sub_event_types) select.appendChild(el("option", { value: s.name }, "  · " + s.name + ` (${s.count})`));
    }
    if (state.meta.tile_url) {
      tiles = L.tileLayer(state.meta.tile_url, { attribution: state.meta.tile_attribution || "" }).addTo(map);
    }
    state.days = f.date_min && f.date_max ? dayList(f.date_min, f.date_max) : [];
    brushStart.max = brushEnd.max = String(Math.max(0, state.days.length - 1));
    syncBrush();
    loadOutlines().catch(showError);
    await refresh(true);  // routes too: the view named by the URL's #/... is shown
    const pts = clusters.getLayers();
    if (pts.length && !location.hash.startsWith("#/incident/")) map.fitBounds(clusters.getBounds().pad(0.2), { maxZoom: 9 });
  }
  start();
}());
