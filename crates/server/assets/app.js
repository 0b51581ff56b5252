// The actorgraph workbench. Every text from the store (labels, sentences, sources)
// reaches the page through textContent or a canvas, never through HTML parsing, so a
// report that contains markup shows it as text.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  // Records what the Content-Security-Policy refuses, so the browser tests can check
  // that the page needs nothing it forbids.
  window.cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.cspViolations.push(e.violatedDirective + " " + (e.blockedURI || ""));
  });

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** A link to a cited source, only for web addresses (never javascript: and the like). */
  function sourceLink(src) {
    if (/^https?:\/\/[^\s]+$/i.test(src)) {
      return el("a", { href: src, target: "_blank", rel: "noopener noreferrer" }, src);
    }
    return el("span", {}, src);
  }

  async function getJson(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await r.json().catch(() => ({ error: r.status + " " + r.statusText }));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  // ------------------------------------------------------------------ state and URL

  const FILTER_KEYS = ["from", "to", "quad_class", "modality", "min_mentions", "depth", "level", "negated", "merge"];
  const DEFAULTS = { min_mentions: "1", depth: "1", level: "rollup", negated: "show", merge: "relation" };

  const state = {
    actors: [], // actor IRIs whose neighbourhoods are drawn
    whole: false, // the whole filtered graph instead
    filters: {}, // key -> array of values
    tab: "graph",
    selected: null, // {type: "node", id} or {type: "edge", subject, object, ...}
  };

  /** The view lives in the URL's fragment, so it can be bookmarked and shared (and `/`
   * with a `query` parameter stays the SPARQL endpoint). */
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.actors = p.getAll("actor");
    state.whole = p.get("whole") === "1";
    state.tab = p.get("tab") === "sparql" ? "sparql" : "graph";
    state.filters = {};
    for (const k of FILTER_KEYS) {
      const v = p.getAll(k).filter((x) => x !== "");
      if (v.length) state.filters[k] = v;
    }
    const node = p.get("node");
    state.selected = node ? { type: "node", id: node } : null;
  }

  function filterParams() {
    const p = new URLSearchParams();
    for (const [k, vs] of Object.entries(state.filters)) {
      for (const v of vs) if (!(DEFAULTS[k] === v && vs.length === 1)) p.append(k, v);
    }
    return p;
  }

  function viewParams() {
    const p = filterParams();
    for (const a of state.actors) p.append("actor", a);
    return p;
  }

  function writeHash() {
    const p = viewParams();
    if (state.whole && !state.actors.length) p.set("whole", "1");
    if (state.tab === "sparql") p.set("tab", "sparql");
    if (state.selected && state.selected.type === "node") p.set("node", state.selected.id);
    const hash = "#" + p.toString();
    if (location.hash !== hash) history.replaceState(null, "", hash === "#" ? location.pathname : hash);
  }

  function filtersToForm() {
    const form = $("filterform");
    for (const input of form.elements) {
      if (!input.name) continue;
      const vs = state.filters[input.name] || [];
      if (input.type === "checkbox") input.checked = vs.includes(input.value);
      else input.value = vs[0] !== undefined ? vs[0] : DEFAULTS[input.name] || "";
    }
  }

  function formToFilters() {
    const f = {};
    for (const input of $("filterform").elements) {
      if (!input.name) continue;
      if (input.type === "checkbox" && !input.checked) continue;
      const v = String(input.value).trim();
      if (v === "" || (DEFAULTS[input.name] === v && input.type !== "checkbox")) continue;
      (f[input.name] = f[input.name] || []).push(v);
    }
    state.filters = f;
  }

  // ------------------------------------------------------------------ the graph

  // The DOT export's shapes, as cytoscape.js names them.
  const SHAPES = {
    box: "round-rectangle",
    hexagon: "hexagon",
    octagon: "octagon",
    house: "pentagon",
    component: "cut-rectangle",
    ellipse: "ellipse",
    cylinder: "barrel",
    note: "rectangle",
  };

  let cy = null;
  let meta = null;

  function makeGraph() {
    cy = cytoscape({
      container: $("cy"),
      wheelSensitivity: 0.3,
      // Panning and zooming move a picture of the graph, drawn again when they stop:
      // smooth with thousands of actors, where redrawing every frame is not.
      textureOnViewport: true,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        {
          selector: "node",
          style: {
            shape: "data(shape)",
            "background-color": "data(fill)",
            "border-color": "#525252",
            "border-width": 1.2,
            label: "data(label)",
            "text-valign": "center",
            "text-halign": "center",
            "font-size": 11,
            "font-family": "Helvetica, Arial, sans-serif",
            color: "#252525",
            width: "data(w)",
            height: 30,
            "min-zoomed-font-size": 6,
          },
        },
        { selector: "node[?center]", style: { "border-width": 3, "border-color": "#08519c" } },
        { selector: "node:selected", style: { "border-color": "#fd8d3c", "border-width": 4 } },
        {
          selector: "edge",
          style: {
            "curve-style": "bezier",
            width: "data(width)",
            "line-color": "data(color)",
            "target-arrow-color": "data(color)",
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.8,
            label: "data(label)",
            "font-size": 8,
            color: "data(color)",
            "text-wrap": "wrap",
            "text-background-color": "#fff",
            "text-background-opacity": 0.8,
            "text-background-padding": 1,
            "min-zoomed-font-size": 7,
          },
        },
        { selector: "edge[?dashed]", style: { "line-style": "dashed" } },
        { selector: "edge[?negated]", style: { "target-arrow-shape": "tee", "line-style": "dotted" } },
        { selector: "edge[?negated][?dashed]", style: { "line-style": "dashed" } },
        { selector: "edge:selected", style: { "overlay-color": "#fd8d3c", "overlay-opacity": 0.35, "overlay-padding": 4 } },
      ],
    });
    cy.on("tap", "node", (e) => selectNode(e.target.id()));
    cy.on("dbltap", "node", (e) => expand(e.target.id()));
    cy.on("tap", "edge", (e) => selectEdge(e.target));
    // For the browser tests and the console: the graph, the state, drawing a view, and
    // the SVG export.
    window.actorgraph = { cy, state, draw: (data) => draw(data), svg: () => svgOfView() };
  }

  let loadSeq = 0;

  /** Fetches the view the state names and draws it, keeping the places of actors
   * already drawn. */
  async function load() {
    writeHash();
    updateExportLinks();
    const seq = ++loadSeq;
    if (!state.actors.length && !state.whole) {
      cy.elements().remove();
      setStatus("");
      $("hint").hidden = false;
      return;
    }
    $("hint").hidden = true;
    setStatus("loading…");
    const params = viewParams();
    let data;
    try {
      data = await getJson("/api/neighbourhood?" + params.toString());
    } catch (err) {
      if (seq === loadSeq) setStatus(err.message, true);
      return;
    }
    if (seq !== loadSeq) return;
    draw(data);
  }

  function draw(data) {
    const old = new Map(cy.nodes().map((n) => [n.id(), n.position()]));
    const elements = [];
    for (const n of data.nodes) {
      elements.push({
        group: "nodes",
        data: {
          id: n.id,
          label: n.label,
          kind: n.kind,
          kind_name: n.kind_name,
          shape: SHAPES[n.shape] || "rectangle",
          fill: n.fill,
          center: n.center,
          mentions: n.mentions,
          w: Math.max(40, Math.min(220, 8 + 6.2 * n.label.length)),
        },
        position: old.get(n.id),
      });
    }
    for (const e of data.edges) {
      elements.push({
        group: "edges",
        data: {
          id: e.id,
          source: e.source,
          target: e.target,
          color: e.color,
          dashed: e.dashed,
          negated: e.negated,
          label: e.label,
          width: Math.min(8, e.width),
          count: e.count,
          relations: e.relations,
        },
      });
    }
    const fresh = data.nodes.filter((n) => !old.has(n.id)).length;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    if (fresh > 0) layout(old.size === 0 || fresh > data.nodes.length / 2);
    drawLegend(data);
    setStatus(`${data.nodes.length} actors, ${data.edges.length} lines — ${data.title}`);
    $("status").dataset.nodes = data.nodes.length;
    $("status").dataset.edges = data.edges.length;
    if (state.selected && state.selected.type === "node" && cy.getElementById(state.selected.id).nonempty()) {
      cy.getElementById(state.selected.id).select();
    }
  }

  /** Force-directed for views a browser lays out at once; rings by degree past that
   * (cose takes about 2 s for 275 actors at 1,000 iterations and 13 s for 1,000). */
  function layout(all) {
    const n = cy.nodes().length;
    let opts;
    if (n > 400) {
      opts = { name: "concentric", concentric: (node) => node.degree(), levelWidth: () => 4, animate: false, minNodeSpacing: 4 };
    } else {
      opts = {
        name: "cose",
        animate: false,
        randomize: all,
        nodeRepulsion: () => 400000,
        nodeOverlap: 20,
        idealEdgeLength: () => 110,
        edgeElasticity: () => 100,
        gravity: 60,
        componentSpacing: 80,
        numIter: n > 150 ? 250 : 1000,
        fit: true,
        padding: 30,
      };
    }
    cy.layout(opts).run();
  }

  function setStatus(text, error) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!error);
  }

  function drawLegend(data) {
    const legend = $("legend");
    if (!meta || !data.nodes.length) {
      legend.replaceChildren();
      return;
    }
    const kinds = new Set(data.nodes.map((n) => n.kind_name));
    const colours = new Set(data.edges.map((e) => e.color));
    const rows = [el("b", {}, "Legend")];
    for (const k of meta.kinds) {
      if (!kinds.has(k.name)) continue;
      const sw = el("span", { class: "swatch" });
      sw.style.background = k.fill;
      if (k.shape === "ellipse") sw.style.borderRadius = "50%";
      rows.push(el("div", { class: "row" }, sw, `${k.name} (${k.shape})`));
    }
    for (const c of meta.colours) {
      if (!colours.has(c.color)) continue;
      const line = el("span", { class: "line" });
      line.style.borderTopColor = c.color;
      rows.push(el("div", { class: "row" }, line, c.name));
    }
    if (data.edges.some((e) => e.dashed)) rows.push(el("div", { class: "row" }, el("span", { class: "line dashed" }), "possible or claimed"));
    if (data.edges.some((e) => e.negated)) rows.push(el("div", { class: "row" }, el("span", { class: "line negated" }), "negated (NOT)"));
    rows.push(el("div", { class: "muted" }, "width: mentions; bold border: searched"));
    legend.replaceChildren(...rows);
  }

  function expand(id) {
    if (!state.actors.includes(id)) state.actors.push(id);
    state.whole = false;
    load();
  }

  function collapse(id) {
    state.actors = state.actors.filter((a) => a !== id);
    if (state.selected && state.selected.id === id) state.selected = null;
    load();
  }

  // ------------------------------------------------------------------ panels

  function panel(...children) {
    $("panel-body").replaceChildren(...children);
    $("panel").scrollTop = 0;
  }

  function when(a) {
    if (a.date) return a.date;
    return a.report_date ? `undated (report ${a.report_date})` : "undated";
  }

  function assertionBlock(a) {
    const badges = [el("span", { class: "badge " + a.modality }, a.modality)];
    if (a.negated) badges.unshift(el("span", { class: "badge negated" }, "NOT"));
    return el(
      "div",
      { class: "assertion" },
      el("div", { class: "head" }, `${a.subject_label} ${a.negated ? "NOT " : ""}${a.words} ${a.object_label}`, ...badges),
      el(
        "div",
        { class: "meta" },
        `${when(a)} · CAMEO ${a.cameo}`,
        a.claimant ? ` · claimed by ${a.claimant}` : "",
      ),
      el("blockquote", { class: "sentence" }, `“${a.sentence}”`),
      el("div", { class: "meta report" }, `${a.report}, characters ${a.span[0]}–${a.span[1]}`),
      el(
        "div",
        { class: "sources meta" },
        a.sources.length ? ["sources: ", ...a.sources.flatMap((s, i) => (i ? [", ", sourceLink(s)] : [sourceLink(s)]))] : "sources: none cited",
      ),
    );
  }

  async function selectEdge(edge) {
    const d = edge.data();
    state.selected = { type: "edge", id: d.id };
    writeHash();
    const p = filterParams();
    p.set("subject", d.source);
    p.set("object", d.target);
    p.set("directed", "true");
    p.set("negated", d.negated ? "true" : "false");
    for (const r of new Set(d.relations.map((r) => r.relation))) p.append("relation", r);
    // The edge's own modalities, within what the filters keep.
    p.delete("modality");
    for (const m of new Set(d.relations.map((r) => r.modality))) p.append("modality", m);
    const s = cy.getElementById(d.source).data("label");
    const o = cy.getElementById(d.target).data("label");
    panel(el("h3", {}, `${s} → ${o}`), el("p", { class: "muted" }, "loading evidence…"));
    try {
      const ev = await getJson("/api/evidence?" + p.toString());
      panel(
        el("h3", { id: "evidence-title" }, `${ev.subject.label} → ${ev.object.label}: ${d.label.split("\n").join("; ")}`),
        el("p", { class: "muted" }, `${ev.total} assertion${ev.total === 1 ? "" : "s"}${ev.total > ev.assertions.length ? `, the first ${ev.assertions.length} shown` : ""}`),
        el("div", { id: "evidence" }, ev.assertions.map(assertionBlock)),
      );
    } catch (err) {
      panel(el("p", { class: "error" }, err.message));
    }
  }

  async function selectNode(id) {
    state.selected = { type: "node", id };
    writeHash();
    const p = filterParams();
    p.set("actor", id);
    const node = cy.getElementById(id);
    const label = node.nonempty() ? node.data("label") : id;
    panel(el("h3", {}, label), el("p", { class: "muted" }, "loading timeline…"));
    try {
      const t = await getJson("/api/timeline?" + p.toString());
      const drawn = state.actors.includes(t.actor.id);
      const buttons = el(
        "div",
        { class: "buttons" },
        el("button", { type: "button", id: "expand" }, drawn ? "Neighbours shown" : "Add its neighbours"),
        drawn ? el("button", { type: "button", id: "collapse" }, "Remove its neighbours") : null,
        el("button", { type: "button", id: "focus" }, "Only this actor"),
      );
      const months = Object.entries(t.per_month);
      const most = Math.max(1, ...months.map(([, n]) => n));
      const bars = el(
        "div",
        { class: "months", title: "assertions per month" },
        months.map(([m, n]) => {
          const bar = el("span", { title: `${m}: ${n}` });
          bar.style.height = `${(100 * n) / most}%`;
          return bar;
        }),
      );
      const rows = t.assertions.map((a) =>
        el(
          "tr",
          {},
          el("td", {}, when(a)),
          el("td", {}, a.subject_label),
          el("td", {}, `${a.negated ? "NOT " : ""}${a.words}`),
          el("td", {}, a.object_label),
          el("td", {}, a.modality),
          el("td", { class: "sentence" }, a.sentence, el("div", { class: "muted" }, a.report)),
        ),
      );
      panel(
        el("h3", { id: "timeline-title" }, `${t.actor.label}`, el("span", { class: "kind" }, ` ${t.actor.kind}`)),
        el("p", { class: "muted" }, `${t.total} assertion${t.total === 1 ? "" : "s"} in date order${t.total > t.assertions.length ? `, the first ${t.assertions.length} shown` : ""}; dates in parentheses are report dates`),
        buttons,
        months.length > 1 ? bars : null,
        el(
          "table",
          { id: "timeline-table" },
          el("thead", {}, el("tr", {}, ["date", "subject", "relation", "object", "modality", "sentence"].map((h) => el("th", {}, h)))),
          el("tbody", {}, rows),
        ),
      );
      $("expand").addEventListener("click", () => expand(t.actor.id));
      if (drawn) $("collapse").addEventListener("click", () => collapse(t.actor.id));
      $("focus").addEventListener("click", () => openActor(t.actor.id));
    } catch (err) {
      panel(el("p", { class: "error" }, err.message));
    }
  }

  // ------------------------------------------------------------------ search

  let searchSeq = 0;
  let searchTimer = null;
  let current = -1;

  function openActor(id) {
    state.actors = [id];
    state.whole = false;
    state.selected = { type: "node", id };
    hideSuggestions();
    switchTab("graph");
    load().then(() => selectNode(id));
  }

  function hideSuggestions() {
    $("suggestions").hidden = true;
    current = -1;
  }

  async function suggest(text, pickFirst) {
    const seq = ++searchSeq;
    const list = $("suggestions");
    if (!text.trim()) {
      hideSuggestions();
      return;
    }
    let found;
    try {
      found = await getJson("/api/search?" + new URLSearchParams({ q: text, limit: "12" }));
    } catch (err) {
      list.replaceChildren(el("li", { class: "note" }, err.message));
      list.hidden = false;
      return;
    }
    if (seq !== searchSeq) return;
    if (pickFirst && found.actors.length) {
      openActor(found.actors[0].id);
      return;
    }
    const items = found.actors.map((a) =>
      el(
        "li",
        { role: "option" },
        el(
          "button",
          { type: "button", "data-id": a.id },
          el("span", {}, a.label, a.matched ? el("span", { class: "kind" }, ` (${a.matched})`) : null),
          el("span", { class: "kind" }, `${a.kind || "actor"} · ${a.mentions}`),
        ),
      ),
    );
    if (!items.length) {
      items.push(el("li", { class: "note" }, `No actor named “${text}”.`));
      for (const s of found.suggestions) {
        // "Hezbollah (Hezbollah)" → search for the label part.
        const name = s.replace(/ \([^)]*\)$/, "");
        items.push(el("li", {}, el("button", { type: "button", "data-search": name }, `Did you mean ${s}?`)));
      }
    }
    list.replaceChildren(...items);
    list.hidden = false;
    current = -1;
  }

  function moveCurrent(step) {
    const buttons = [...$("suggestions").querySelectorAll("button")];
    if (!buttons.length) return;
    current = (current + step + buttons.length) % buttons.length;
    buttons.forEach((b, i) => b.classList.toggle("current", i === current));
    buttons[current].scrollIntoView({ block: "nearest" });
  }

  function wireSearch() {
    const input = $("search");
    input.addEventListener("input", () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => suggest(input.value, false), 120);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown") {
        moveCurrent(1);
        e.preventDefault();
      } else if (e.key === "ArrowUp") {
        moveCurrent(-1);
        e.preventDefault();
      } else if (e.key === "Escape") {
        hideSuggestions();
      } else if (e.key === "Enter") {
        e.preventDefault();
        const buttons = $("suggestions").querySelectorAll("button");
        if (current >= 0 && buttons[current]) buttons[current].click();
        else suggest(input.value, true);
      }
    });
    $("suggestions").addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (!b) return;
      if (b.dataset.id) openActor(b.dataset.id);
      else if (b.dataset.search) {
        input.value = b.dataset.search;
        suggest(b.dataset.search, false);
      }
    });
    document.addEventListener("click", (e) => {
      if (!$("searchbox").contains(e.target)) hideSuggestions();
    });
  }

  // ------------------------------------------------------------------ export

  function updateExportLinks() {
    for (const format of ["graphml", "json", "dot"]) {
      const p = viewParams();
      p.set("format", format);
      $("export-" + format).href = "/api/export?" + p.toString();
    }
  }

  function download(name, type, data) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  /** The drawing as it stands (positions, shapes, colours, labels) as SVG; built as
   * DOM nodes and serialized, so labels are escaped by the serializer. */
  function svgOfView() {
    const NS = "http://www.w3.org/2000/svg";
    const mk = (tag, attrs) => {
      const n = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
      return n;
    };
    const bb = cy.elements().boundingBox();
    const pad = 20;
    const svg = mk("svg", {
      xmlns: NS,
      viewBox: `${bb.x1 - pad} ${bb.y1 - pad} ${bb.w + 2 * pad} ${bb.h + 2 * pad}`,
      width: Math.round(bb.w + 2 * pad),
      height: Math.round(bb.h + 2 * pad),
      "font-family": "Helvetica, Arial, sans-serif",
    });
    const title = mk("title", {});
    title.textContent = $("status").textContent;
    svg.append(title, mk("rect", { x: bb.x1 - pad, y: bb.y1 - pad, width: bb.w + 2 * pad, height: bb.h + 2 * pad, fill: "#fff" }));
    cy.edges().forEach((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const g = mk("g", {});
      const line = mk("line", { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: e.data("color"), "stroke-width": e.data("width") });
      if (e.data("dashed")) line.setAttribute("stroke-dasharray", "6 4");
      else if (e.data("negated")) line.setAttribute("stroke-dasharray", "2 3");
      // An arrowhead (or, negated, a bar) short of the target's middle.
      const dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
      const ux = dx / len, uy = dy / len;
      const tx = t.x - ux * 20, ty = t.y - uy * 20;
      const head = e.data("negated")
        ? mk("line", { x1: tx - uy * 7, y1: ty + ux * 7, x2: tx + uy * 7, y2: ty - ux * 7, stroke: e.data("color"), "stroke-width": 2.5 })
        : mk("polygon", { points: `${tx},${ty} ${tx - ux * 9 - uy * 4},${ty - uy * 9 + ux * 4} ${tx - ux * 9 + uy * 4},${ty - uy * 9 - ux * 4}`, fill: e.data("color") });
      const tip = mk("title", {});
      tip.textContent = e.data("label");
      g.append(tip, line, head);
      const text = mk("text", { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 - 3, "font-size": 8, fill: e.data("color"), "text-anchor": "middle" });
      text.textContent = e.data("label").split("\n")[0];
      g.append(text);
      svg.append(g);
    });
    cy.nodes().forEach((n) => {
      const p = n.position();
      const w = n.data("w"), h = 30;
      const attrs = { fill: n.data("fill"), stroke: n.data("center") ? "#08519c" : "#525252", "stroke-width": n.data("center") ? 3 : 1.2 };
      const shape = n.data("shape") === "ellipse"
        ? mk("ellipse", { cx: p.x, cy: p.y, rx: w / 2, ry: h / 2, ...attrs })
        : mk("rect", { x: p.x - w / 2, y: p.y - h / 2, width: w, height: h, rx: n.data("shape") === "round-rectangle" ? 4 : 0, ...attrs });
      const text = mk("text", { x: p.x, y: p.y + 4, "font-size": 11, "text-anchor": "middle", fill: "#252525" });
      text.textContent = n.data("label");
      const tip = mk("title", {});
      tip.textContent = `${n.data("label")} (${n.data("kind_name")})`;
      const g = mk("g", {});
      g.append(tip, shape, text);
      svg.append(g);
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  // ------------------------------------------------------------------ SPARQL

  function compact(iri) {
    for (const { prefix, iri: ns } of (meta && meta.prefixes) || []) {
      if (iri.startsWith(ns) && /^[A-Za-z0-9_.-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
    }
    return `<${iri}>`;
  }

  function cell(term) {
    if (!term) return "";
    if (term.type === "uri") return compact(term.value);
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }

  async function runSparql(accept) {
    const text = $("sparql-text").value;
    const status = $("sparql-status");
    status.classList.remove("error");
    status.textContent = "running…";
    const started = performance.now();
    const r = await fetch("/query", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query: text }),
    });
    const body = await r.text();
    if (!r.ok) {
      status.classList.add("error");
      status.textContent = body.trim();
      return null;
    }
    status.textContent = `${Math.round(performance.now() - started)} ms`;
    return { type: r.headers.get("Content-Type") || "", body };
  }

  async function showSparql() {
    const out = $("sparql-results");
    const got = await runSparql("application/sparql-results+json, text/turtle;q=0.9");
    if (!got) {
      out.replaceChildren();
      return;
    }
    if (!got.type.startsWith("application/sparql-results+json")) {
      out.replaceChildren(el("pre", {}, got.body));
      return;
    }
    const json = JSON.parse(got.body);
    if (typeof json.boolean === "boolean") {
      out.replaceChildren(el("p", { id: "sparql-boolean" }, String(json.boolean)));
      $("sparql-status").textContent += " · ASK";
      return;
    }
    const vars = json.head.vars;
    const rows = json.results.bindings;
    $("sparql-status").textContent += ` · ${rows.length} row${rows.length === 1 ? "" : "s"}`;
    out.replaceChildren(
      el(
        "table",
        { id: "sparql-table" },
        el("thead", {}, el("tr", {}, vars.map((v) => el("th", {}, v)))),
        el("tbody", {}, rows.map((b) => el("tr", {}, vars.map((v) => el("td", {}, cell(b[v])))))),
      ),
    );
  }

  function wireSparql() {
    $("sparql-run").addEventListener("click", showSparql);
    $("sparql-text").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) showSparql();
    });
    $("sparql-csv").addEventListener("click", async () => {
      const got = await runSparql("text/csv");
      if (got) download("results.csv", "text/csv", got.body);
    });
    $("sparql-json").addEventListener("click", async () => {
      const got = await runSparql("application/sparql-results+json");
      if (got) download("results.json", "application/json", got.body);
    });
  }

  function showMeta() {
    $("storeinfo").textContent = `${meta.actors} actors · ${meta.assertions} assertions · ${meta.reports} reports`;
    $("prefix-list").textContent = meta.prefixes.map((p) => `PREFIX ${p.prefix}: <${p.iri}>`).join("\n");
    const box = $("examples");
    for (const ex of meta.examples) {
      const b = el("button", { type: "button", title: ex.title, "data-example": ex.name }, ex.name);
      b.addEventListener("click", () => {
        $("sparql-text").value = ex.query;
        showSparql();
      });
      box.append(b);
    }
    if (!$("sparql-text").value && meta.examples.length) $("sparql-text").value = meta.examples[0].query;
  }

  // ------------------------------------------------------------------ wiring

  function switchTab(tab) {
    state.tab = tab;
    for (const b of document.querySelectorAll(".tab")) b.classList.toggle("active", b.dataset.tab === tab);
    $("view-graph").hidden = tab !== "graph";
    $("view-sparql").hidden = tab !== "sparql";
    writeHash();
    if (tab === "graph" && cy) cy.resize();
  }

  function wire() {
    for (const b of document.querySelectorAll(".tab")) b.addEventListener("click", () => switchTab(b.dataset.tab));
    $("filterform").addEventListener("submit", (e) => {
      e.preventDefault();
      formToFilters();
      load().then(() => {
        if (state.selected && state.selected.type === "node") selectNode(state.selected.id);
      });
    });
    $("reset").addEventListener("click", () => {
      state.filters = {};
      filtersToForm();
      load();
    });
    $("fit").addEventListener("click", () => cy.fit(undefined, 30));
    $("relayout").addEventListener("click", () => layout(true));
    $("clear").addEventListener("click", () => {
      state.actors = [];
      state.whole = false;
      state.selected = null;
      panel(el("p", { class: "muted" }, "Evidence and timelines show here."));
      load();
    });
    $("whole").addEventListener("click", () => {
      state.actors = [];
      state.whole = true;
      load();
    });
    $("export-svg").addEventListener("click", () => download("actorgraph.svg", "image/svg+xml", svgOfView()));
    $("export-png").addEventListener("click", () => {
      const blob = cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 });
      download("actorgraph.png", "image/png", blob);
    });
    window.addEventListener("hashchange", () => {
      readHash();
      filtersToForm();
      switchTab(state.tab);
      load();
    });
    wireSearch();
    wireSparql();
  }

  async function start() {
    makeGraph();
    wire();
    readHash();
    filtersToForm();
    switchTab(state.tab);
    try {
      meta = await getJson("/api/meta");
      showMeta();
    } catch (err) {
      setStatus("cannot read the store: " + err.message, true);
    }
    await load();
    if (state.selected && state.selected.type === "node") selectNode(state.selected.id);
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
