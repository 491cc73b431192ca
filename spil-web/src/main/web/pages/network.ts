// The network explorer: a chart that grows from an entity, at most 20 new nodes per expansion
// (the rest behind an "and N more" node), link types to filter, sizes by a centrality, colours by
// community, key players and links into the legal economy marked, shortest paths, undo, and
// export as PNG, GraphML or GEXF.
import cytoscape from "cytoscape";
import type { Core, ElementDefinition, NodeCollection, NodeSingular } from "cytoscape";
import { api, file, lastNetwork, purpose, query } from "../api";
import { download, h, notice, table } from "../dom";
import type { Ego, NetEdge, NetNode, Paths } from "../types";

const STEP = 20;
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#7f7f7f"];

interface Ranked {
  rank: number;
  id: string;
  caption: string;
  schema: string;
  flags?: string[];
  score?: number;
  degree?: number;
}

export async function renderNetwork(main: HTMLElement, args: string[], params: URLSearchParams): Promise<void> {
  const chart = params.get("chart");
  if (chart) {
    await explorer(main, null, chart, { since: "", until: "" });
  } else if (args[0]) {
    await explorer(main, args[0], null, { since: params.get("since") ?? "", until: params.get("until") ?? "" });
  } else {
    await overview(main);
  }
}

interface ChartView {
  id: string;
  name: string;
  saved_by: string;
  saved_at: string;
  nodes: (NetNode & { x: number; y: number })[];
  edges: NetEdge[];
}

/** Without an entity: who matters in the reader's network, each a start for a chart. */
async function overview(main: HTMLElement): Promise<void> {
  main.append(h("h1", {}, "Network"), h("p", { class: "lede" }, `Who matters in what you may see for ${purpose()}. Open a chart from any of them, or from an entity page.`));
  const [central, key, charts] = await Promise.all([
    api<{ rows: Ranked[] }>("/api/centrality" + query({ measure: "betweenness", top: 15 })),
    api<{ players: Ranked[] }>("/api/keyplayers" + query({ k: 5 })),
    api<{ results: { id: string; name: string; saved_by: string; saved_at: string }[] }>("/api/charts"),
  ]);
  if (charts.results.length) {
    main.append(
      h("h2", {}, `Charts of your team (${charts.results.length})`),
      table(
        ["Chart", "Saved by", "When"],
        charts.results.map((c) => [h("a", { href: `#/network?chart=${encodeURIComponent(c.id)}` }, c.name), c.saved_by, c.saved_at.replace("T", " ").slice(0, 16)]),
      ),
    );
  }
  const link = (r: Ranked) => h("a", { href: `#/network/${encodeURIComponent(r.id)}` }, r.caption);
  const whole = (format: string) =>
    h(
      "button",
      {
        onclick: async (e: Event) => {
          const b = e.currentTarget as HTMLButtonElement;
          b.disabled = true;
          try {
            download(`spil-network.${format}`, await file(`/api/graph?format=${format}`));
          } finally {
            b.disabled = false;
          }
        },
      },
      format === "gexf" ? "GEXF (Gephi)" : "GraphML",
    );
  main.append(h("div", { class: "actions" }, h("span", { class: "muted" }, "The whole network you may see, with degree, PageRank and community:"), whole("gexf"), whole("graphml")));
  main.append(
    h(
      "div",
      { class: "columns" },
      h("section", {}, h("h2", {}, "Brokers (betweenness)"), table(["#", "Entity", "Schema", "Links", "Score"], central.rows.map((r) => [String(r.rank), link(r), r.schema, String(r.degree ?? ""), (r.score ?? 0).toFixed(0)]))),
      h("section", {}, h("h2", {}, "Key players"), h("p", { class: "muted small" }, "Removing them breaks the network most."), table(["#", "Entity", "Schema", "Links"], key.players.map((r) => [String(r.rank), link(r), r.schema, String(r.degree ?? "")]))),
    ),
  );
}

function nodeData(n: NetNode): ElementDefinition {
  return {
    group: "nodes",
    data: { id: n.id, label: n.caption, schema: n.schema, flags: (n.flags ?? []).join(" ") },
    classes: [n.schema, ...(n.flags ?? [])].join(" "),
  };
}

function edgeData(e: NetEdge): ElementDefinition {
  const types = e.links.map((l) => l.type);
  const first = e.links.map((l) => l.first).filter(Boolean).sort()[0] ?? "";
  const last = e.links.map((l) => l.last).filter(Boolean).sort().reverse()[0] ?? "";
  const amount = e.links.filter((l) => l.amount).map((l) => `${Math.round(l.amount!).toLocaleString("en-GB")} ${l.currency ?? ""}`).join(", ");
  return {
    group: "edges",
    data: {
      id: edgeId(e.source, e.target),
      source: e.source,
      target: e.target,
      weight: e.weight,
      types: types.join(" "),
      label: types.join(", "),
      count: e.links.reduce((s, l) => s + l.count, 0),
      first,
      last,
      amount,
    },
  };
}

function edgeId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The days the links of a chart are dated in (ISO days, empty: open). */
interface Period {
  since: string;
  until: string;
}

/**
 * The period box: two days and a button that draws the chart again from the links dated in them
 * (the contact network of a quarter), or from all links when both are empty.
 */
function periodBox(start: string | null, period: Period): HTMLElement {
  const since = h("input", { type: "date", id: "since", value: period.since, "aria-label": "Links from" }) as HTMLInputElement;
  const until = h("input", { type: "date", id: "until", value: period.until, "aria-label": "Links until" }) as HTMLInputElement;
  const apply = h("button", { id: "apply-period", disabled: start === null }, "Draw") as HTMLButtonElement;
  apply.addEventListener("click", () => {
    location.hash = `#/network/${encodeURIComponent(start!)}` + query({ since: since.value, until: until.value });
  });
  return h(
    "fieldset",
    { class: "period" },
    h("legend", {}, "Links dated"),
    h("label", { for: "since" }, "from "),
    since,
    h("label", { for: "until" }, " until "),
    until,
    apply,
    h("p", { class: "hint" }, start === null ? "A saved chart keeps its links." : "Empty: all links. With a period, undated links (an address, a shared phone) stay."),
  );
}

async function explorer(main: HTMLElement, start: string | null, chartId: string | null, period: Period): Promise<void> {
  const container = h("div", { class: "chart", id: "chart", role: "img", "aria-label": "Network chart" });
  const info = h("aside", { class: "info", "aria-live": "polite" });
  const status = h("p", { class: "status", role: "status" });
  const typesBox = h("fieldset", { class: "types" }, h("legend", {}, "Link types"));
  const sizeBy = h(
    "select",
    { id: "size-by", "aria-label": "Size nodes by" },
    h("option", { value: "none" }, "same size"),
    h("option", { value: "degree", selected: true }, "links in chart"),
    h("option", { value: "betweenness" }, "betweenness in chart"),
  );
  const communities = h("input", { type: "checkbox", id: "by-community" });
  const keyPlayers = h("input", { type: "checkbox", id: "key-players" });
  const pathButton = h("button", { id: "path", disabled: true, title: "Select two nodes (Shift+click the second)" }, "Shortest path");
  const undoButton = h("button", { id: "undo", disabled: true }, "Undo");
  const exportPng = h("button", {}, "PNG");
  const exportGraphml = h("button", {}, "GraphML");
  const exportGexf = h("button", {}, "GEXF");
  const save = h("button", { id: "save-chart" }, "Save for the team");
  const tools = h(
    "div",
    { class: "toolbar" },
    h("label", { for: "size-by" }, "Size "),
    sizeBy,
    h("label", {}, communities, " colour by community"),
    h("label", {}, keyPlayers, " mark key players"),
    pathButton,
    undoButton,
    save,
    h("span", { class: "export" }, "Export ", exportPng, exportGraphml, exportGexf),
  );
  main.append(
    h("h1", { class: "visually-hidden" }, "Network explorer"),
    tools,
    h("div", { class: "explorer" }, h("div", { class: "side" }, typesBox, periodBox(start, period), h("div", { class: "legend" }, legend())), container, info),
    status,
  );

  // cytoscape adds a <style> element unless one with its id exists; the page's own style sheet
  // positions the chart, and the Content-Security-Policy allows no inline style
  if (!document.getElementById("__________cytoscape_stylesheet")) {
    document.head.append(h("meta", { id: "__________cytoscape_stylesheet" }));
  }
  const cy: Core = cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": "110px", "text-valign": "bottom", "text-margin-y": 3, "background-color": "#5b7aa3", width: 18, height: 18, color: "#1c2733", "text-outline-color": "#fff", "text-outline-width": 1.5 } },
      { selector: "node.Company, node.LegalEntity, node.Organization", style: { shape: "round-rectangle", "background-color": "#7a8b99" } },
      { selector: "node.upperworld", style: { "border-width": 3, "border-color": "#e0a100" } },
      { selector: "node.UserAccount", style: { shape: "diamond", "background-color": "#6c4f8c" } },
      { selector: "node.BankAccount", style: { shape: "hexagon", "background-color": "#2e7d5b" } },
      { selector: "node.more", style: { shape: "round-tag", "background-color": "#ddd", color: "#333", "font-style": "italic", "border-width": 1, "border-color": "#999" } },
      { selector: "node.key", style: { "border-width": 5, "border-color": "#c2185b", "border-style": "double" } },
      { selector: "node.centre", style: { "font-weight": "bold", "font-size": 11 } },
      { selector: "node:selected", style: { "overlay-color": "#1565c0", "overlay-opacity": 0.25, "overlay-padding": 6 } },
      { selector: "edge", style: { width: "mapData(weight, 1, 10, 1, 6)", "line-color": "#9aa7b4", "curve-style": "bezier", opacity: 0.85 } },
      { selector: "edge.bridge", style: { "line-color": "#e0a100", "line-style": "dashed" } },
      { selector: "edge.path", style: { "line-color": "#c62828", width: 5, "z-index": 10 } },
      { selector: "node.path", style: { "border-width": 4, "border-color": "#c62828" } },
      { selector: ".hidden", style: { display: "none" } },
    ],
  });

  // the chart is reachable from the console (and the browser tests), as an analyst's own tool
  (window as unknown as { spilChart?: Core }).spilChart = cy;

  const history: ElementDefinition[][] = [];
  const remember = () => {
    history.push(cy.elements().jsons() as unknown as ElementDefinition[]);
    if (history.length > 30) history.shift();
    undoButton.disabled = false;
  };
  undoButton.addEventListener("click", () => {
    const last = history.pop();
    if (!last) return;
    cy.elements().remove();
    cy.add(last);
    undoButton.disabled = history.length === 0;
    refresh();
  });

  const pending = new Map<string, { nodes: NetNode[]; edges: NetEdge[] }>();
  let communityOf: Map<string, number> | null = null;
  let keys: Set<string> | null = null;

  const layout = (fit: boolean) => {
    cy.layout({ name: "cose", animate: false, randomize: false, fit, padding: 30, nodeRepulsion: () => 9000, idealEdgeLength: () => 70 } as any).run();
  };

  const addFrom = (centre: string, nodes: NetNode[], edges: NetEdge[]) => {
    const fresh = nodes.filter((n) => cy.getElementById(n.id).empty());
    const now = fresh.slice(0, STEP);
    const later = fresh.slice(STEP);
    const centreNode = cy.getElementById(centre);
    const near = centreNode.nonempty() ? centreNode.position() : { x: 0, y: 0 };
    cy.add(now.map((n) => ({ ...nodeData(n), position: { x: near.x + (Math.random() - 0.5) * 120, y: near.y + (Math.random() - 0.5) * 120 } })));
    const moreId = `more:${centre}`;
    cy.getElementById(moreId).remove();
    if (later.length > 0) {
      pending.set(moreId, { nodes: later, edges });
      cy.add([
        { group: "nodes", data: { id: moreId, label: `and ${later.length} more`, of: centre }, classes: "more", position: { x: near.x + 60, y: near.y + 60 } },
        { group: "edges", data: { id: `${moreId}|edge`, source: centre, target: moreId, weight: 1, types: "" }, classes: "more-edge" },
      ]);
    } else {
      pending.delete(moreId);
    }
    for (const e of edges) {
      if (cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty() && cy.getElementById(edgeId(e.source, e.target)).empty()) {
        cy.add(edgeData(e));
      }
    }
  };

  const expand = async (id: string) => {
    status.textContent = "Expanding…";
    const ego = await api<Ego>(`/api/network/${encodeURIComponent(id)}` + query({ depth: 1, max_nodes: 1000, since: period.since, until: period.until }));
    remember();
    addFrom(id, ego.nodes.filter((n) => n.id !== ego.centre.id), ego.edges);
    refresh();
    layout(true);
    status.textContent = `${ego.centre.caption}: ${ego.nodes.length - 1} neighbours.` + freshness();
  };

  const refresh = () => {
    // link types present, each a filter
    const types = new Set<string>();
    cy.edges().forEach((e) => String(e.data("types") ?? "").split(" ").filter(Boolean).forEach((t) => types.add(t)));
    const checked = new Map<string, boolean>();
    typesBox.querySelectorAll<HTMLInputElement>("input").forEach((i) => checked.set(i.value, i.checked));
    typesBox.replaceChildren(h("legend", {}, "Link types"));
    for (const t of [...types].sort()) {
      const box = h("input", { type: "checkbox", value: t, checked: checked.get(t) ?? true, onchange: () => refresh() });
      typesBox.append(h("label", {}, box, " ", t));
    }
    const shown = new Set<string>();
    typesBox.querySelectorAll<HTMLInputElement>("input").forEach((i) => i.checked && shown.add(i.value));
    cy.edges().forEach((e) => {
      const ts = String(e.data("types") ?? "").split(" ").filter(Boolean);
      e.toggleClass("hidden", ts.length > 0 && !ts.some((t) => shown.has(t)));
      const s = e.source();
      const t = e.target();
      e.toggleClass("bridge", s.hasClass("upperworld") !== t.hasClass("upperworld") && !s.hasClass("more") && !t.hasClass("more"));
    });
    // sizes
    const measure = sizeBy.value;
    let score = (_n: NodeSingular) => 1;
    if (measure === "degree") {
      score = (n) => n.connectedEdges(":visible").length;
    } else if (measure === "betweenness") {
      const bc = cy.elements(":visible").betweennessCentrality({ directed: false });
      score = (n) => bc.betweenness(n);
    }
    const nodes = cy.nodes().not(".more") as NodeCollection;
    const max = Math.max(1, ...nodes.map((n) => score(n)));
    nodes.forEach((n) => {
      const size = measure === "none" ? 18 : 14 + 36 * Math.sqrt(score(n) / max);
      n.style({ width: size, height: size });
    });
    // communities and key players
    nodes.forEach((n) => {
      const c = communities.checked && communityOf ? communityOf.get(n.id()) : undefined;
      if (c !== undefined) n.style("background-color", PALETTE[c % PALETTE.length]);
      else n.removeStyle("background-color");
      n.toggleClass("key", !!(keyPlayers.checked && keys?.has(n.id())));
    });
    status.textContent = `${nodes.length} nodes, ${cy.edges(":visible").not(".more-edge").length} links in the chart.`;
  };

  sizeBy.addEventListener("change", refresh);
  communities.addEventListener("change", async () => {
    if (communities.checked && communityOf === null) {
      status.textContent = "Finding communities…";
      const found = await api<{ communities: { community: number; members: { id: string }[] }[] }>("/api/communities" + query({ min_size: 2 }));
      communityOf = new Map();
      for (const c of found.communities) for (const m of c.members) communityOf.set(m.id, c.community);
    }
    refresh();
  });
  keyPlayers.addEventListener("change", async () => {
    if (keyPlayers.checked && keys === null) {
      status.textContent = "Finding key players…";
      const found = await api<{ players: { id: string }[] }>("/api/keyplayers" + query({ k: 10 }));
      keys = new Set(found.players.map((p) => p.id));
    }
    refresh();
  });

  const showInfo = () => {
    const sel = cy.nodes(":selected").not(".more") as NodeCollection;
    pathButton.disabled = sel.length !== 2;
    if (sel.length === 0) {
      info.replaceChildren(h("p", { class: "muted" }, "Click a node for its details; double-click to expand it; Shift+click a second node for a path."));
      return;
    }
    const n = sel.last();
    const edges = n.connectedEdges().not(".more-edge");
    info.replaceChildren(
      h("h2", {}, n.data("label")),
      h("p", {}, n.data("schema"), n.data("flags") ? ` · ${n.data("flags")}` : ""),
      h("p", {}, `${edges.length} links in the chart`),
      h("div", { class: "actions" }, h("a", { class: "button", href: `#/entity/${encodeURIComponent(n.id())}` }, "Entity page"), h("button", { onclick: () => void expand(n.id()) }, "Expand"), h("a", { class: "button", href: `#/timeline/${encodeURIComponent(n.id())}` }, "Timeline")),
      h(
        "ul",
        { class: "links" },
        edges.slice(0, 12).map((e: any) => {
          const other = e.source().id() === n.id() ? e.target() : e.source();
          return h("li", {}, `${e.data("label")} ${e.data("count") > 1 ? "×" + e.data("count") : ""} with ${other.data("label")}`, e.data("first") ? h("span", { class: "muted small" }, ` ${e.data("first")}${e.data("last") !== e.data("first") ? " – " + e.data("last") : ""}`) : "", e.data("amount") ? h("span", { class: "muted small" }, ` ${e.data("amount")}`) : "");
        }),
      ),
    );
  };
  cy.on("select unselect", "node", showInfo);
  cy.on("tap", "node.more", (e) => {
    const id = e.target.id();
    const rest = pending.get(id);
    if (!rest) return;
    remember();
    addFrom(e.target.data("of"), rest.nodes, rest.edges);
    refresh();
    layout(true);
  });
  cy.on("dbltap", "node", (e) => {
    if (!e.target.hasClass("more")) void expand(e.target.id());
  });

  pathButton.addEventListener("click", async () => {
    const sel = cy.nodes(":selected").not(".more");
    if (sel.length !== 2) return;
    status.textContent = "Finding the shortest path…";
    const p = await api<Paths>("/api/path" + query({ from: sel[0].id(), to: sel[1].id() }));
    cy.elements().removeClass("path");
    if (!p.connected || p.paths.length === 0) {
      status.textContent = "No path connects them in what you may see.";
      return;
    }
    remember();
    const path = p.paths[0];
    for (const n of path.nodes) if (cy.getElementById(n.id).empty()) cy.add(nodeData(n));
    for (const e of path.edges) if (cy.getElementById(edgeId(e.source, e.target)).empty()) cy.add(edgeData(e));
    for (const n of path.nodes) cy.getElementById(n.id).addClass("path");
    for (const e of path.edges) cy.getElementById(edgeId(e.source, e.target)).addClass("path");
    refresh();
    layout(true);
    status.textContent = `Shortest path: ${path.nodes.map((n) => n.caption).join(" → ")} (${path.nodes.length - 1} steps).`;
  });

  exportPng.addEventListener("click", () => {
    const blob = cy.png({ output: "blob", full: true, bg: "#ffffff", scale: 2 }) as unknown as Blob;
    download("spil-network.png", blob);
  });
  exportGraphml.addEventListener("click", () => download("spil-network.graphml", new Blob([graphml(cy)], { type: "application/xml" })));
  exportGexf.addEventListener("click", () => download("spil-network.gexf", new Blob([gexf(cy)], { type: "application/xml" })));

  save.addEventListener("click", async () => {
    const name = prompt("Name of the chart, for your team (the case's members, or your agency for this task):");
    if (!name) return;
    const nodes = (cy.nodes().not(".more") as NodeCollection).map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y }));
    try {
      const saved = await api<{ id: string }>("/api/charts", "POST", { name, nodes });
      status.textContent = `Saved as “${name}” (${saved.id}); your team finds it on the Network page.`;
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  });

  status.textContent = "Loading the network…";
  if (chartId) {
    const chart = await api<ChartView>(`/api/charts/${encodeURIComponent(chartId)}`);
    cy.add(chart.nodes.map((n) => ({ ...nodeData(n), position: { x: n.x, y: n.y } })));
    for (const e of chart.edges) cy.add(edgeData(e));
    refresh();
    cy.fit(undefined, 30);
    showInfo();
    status.textContent = `Chart “${chart.name}”, saved by ${chart.saved_by} on ${chart.saved_at.slice(0, 10)}: ${chart.nodes.length} nodes you may see.`;
    return;
  }
  const ego = await api<Ego>(`/api/network/${encodeURIComponent(start!)}` + query({ depth: 1, max_nodes: 1000, since: period.since, until: period.until }));
  cy.add({ ...nodeData(ego.centre), classes: `${nodeData(ego.centre).classes} centre` });
  addFrom(ego.centre.id, ego.nodes.filter((n) => n.id !== ego.centre.id), ego.edges);
  refresh();
  layout(true);
  showInfo();
  if (ego.nodes.length <= 1) info.append(notice("No links of this entity are visible for this purpose.", "info"));
  const dated = period.since || period.until ? `, links dated ${period.since || "…"} to ${period.until || "…"}` : "";
  status.textContent = `${ego.nodes.length} nodes around ${ego.centre.caption}${dated}.` + freshness();
}

/**
 * A note when the network answered was made before the warehouse last changed (an ingest, a judgement): the
 * server is making the current one, and the next expansion uses it once made.
 */
function freshness(): string {
  const made = lastNetwork();
  if (made === null || made.current) return "";
  const at = made.made ? new Date(made.made).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "earlier";
  return ` Network as of ${at}; the newest data is being added.`;
}

function legend(): HTMLElement[] {
  return [
    h("h2", {}, "Legend"),
    h("ul", {}, h("li", {}, h("span", { class: "key-dot person" }), " person"), h("li", {}, h("span", { class: "key-dot company" }), " company"), h("li", {}, h("span", { class: "key-dot upper" }), " legal economy (upperworld)"), h("li", {}, h("span", { class: "key-line bridge" }), " link into the legal economy"), h("li", {}, h("span", { class: "key-dot keyp" }), " key player"), h("li", {}, h("span", { class: "key-line path" }), " shortest path")),
  ];
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function chartElements(cy: Core) {
  return { nodes: cy.nodes().not(".more"), edges: cy.edges().not(".more-edge") };
}

/** The chart as GraphML (yEd, Gephi, NetworkX). */
export function graphml(cy: Core): string {
  const { nodes, edges } = chartElements(cy);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="label" for="node" attr.name="label" attr.type="string"/>',
    '<key id="schema" for="node" attr.name="schema" attr.type="string"/>',
    '<key id="types" for="edge" attr.name="types" attr.type="string"/>',
    '<key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '<graph edgedefault="undirected">',
  ];
  nodes.forEach((n) => {
    out.push(`<node id="${xml(n.id())}"><data key="label">${xml(n.data("label"))}</data><data key="schema">${xml(n.data("schema") ?? "")}</data></node>`);
  });
  edges.forEach((e) => {
    out.push(`<edge source="${xml(e.source().id())}" target="${xml(e.target().id())}"><data key="types">${xml(e.data("types") ?? "")}</data><data key="weight">${Number(e.data("weight") ?? 1)}</data></edge>`);
  });
  out.push("</graph>", "</graphml>");
  return out.join("\n");
}

/** The chart as GEXF 1.3 (Gephi). */
export function gexf(cy: Core): string {
  const { nodes, edges } = chartElements(cy);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    "<graph defaultedgetype=\"undirected\">",
    '<attributes class="node"><attribute id="schema" title="schema" type="string"/></attributes>',
    '<attributes class="edge"><attribute id="types" title="types" type="string"/></attributes>',
    "<nodes>",
  ];
  nodes.forEach((n) => {
    out.push(`<node id="${xml(n.id())}" label="${xml(n.data("label"))}"><attvalues><attvalue for="schema" value="${xml(n.data("schema") ?? "")}"/></attvalues></node>`);
  });
  out.push("</nodes>", "<edges>");
  let i = 0;
  edges.forEach((e) => {
    out.push(`<edge id="${i++}" source="${xml(e.source().id())}" target="${xml(e.target().id())}" weight="${Number(e.data("weight") ?? 1)}"><attvalues><attvalue for="types" value="${xml(e.data("types") ?? "")}"/></attvalues></edge>`);
  });
  out.push("</edges>", "</graph>", "</gexf>");
  return out.join("\n");
}
