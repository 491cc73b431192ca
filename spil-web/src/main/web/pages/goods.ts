// Goods flows: the shipments to inspect first, the port's staff tied to suspects, each with the indicators that put it there, and a
// seizure's chain from the container back to the people behind the consignee, every link with its
// sources.
import { api, query } from "../api";
import { h, notice, s, table, count, SCROLL } from "../dom";
import { MAP_HEIGHT, MAP_WIDTH, project, worldShapes } from "./map";

interface Hit {
  name: string;
  weight: number;
  explanation: string;
}

interface Target {
  shipment: string;
  label: string;
  score: number;
  indicators: Hit[];
  inspection: string | null;
}

interface ChainNode {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  suspect: boolean;
}

interface ChainLink {
  source: string;
  target: string;
  type: string;
  detail: string | null;
  datasets: string[];
}

interface Chain {
  seizure: string;
  entities: ChainNode[];
  links: ChainLink[];
  rip_on: boolean;
  verdict: string;
}

interface Evidence {
  name: string;
  weight: number;
  explanation: string;
  datasets: string[];
}

interface Insider {
  person: string;
  caption: string;
  employer: string;
  employer_caption: string;
  function: string | null;
  score: number;
  evidence: Evidence[];
}

interface InsiderReport {
  port: string;
  port_name: string | null;
  firms: number;
  staff: number;
  insiders: Insider[];
}

const EVIDENCE: Record<string, string> = {
  suspect: "Suspect",
  "linked-suspect": "Tied to a suspect",
  "seizure-terminal": "Seizures at the terminal",
};

const LABELS: Record<string, string> = {
  "transit-country": "Transit country",
  "new-transhipment": "New transhipment port",
  "linked-consignee": "Linked to suspects",
  "young-consignee": "Young consignee",
  "value-per-kg": "Value per kg",
  "trade-alerts": "Trade-based alerts",
  "unusual-goods": "Goods unusual for the port",
  "container-reused": "Container on two shipments",
  "export-after-precursors": "Export after chemicals",
};

export async function renderTargeting(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const since = params.get("since") ?? "";
  const top = params.get("top") ?? "50";
  const sinceBox = h("input", { type: "date", id: "targeting-since", name: "since", value: since });
  const topSelect = h(
    "select",
    { id: "targeting-top", name: "top" },
    ["20", "50", "100", "500"].map((n) => h("option", { value: n, selected: n === top }, n)),
  );
  main.append(
    h("h1", {}, "Shipment targeting"),
    h(
      "p",
      { class: "lede" },
      "The shipments you may see ranked by the risk indicators they show, each with the reason: the route, the consignee's (or exporter's) history and links to suspects, the declared value against the same goods, goods unusual for the port, container numbers on two voyages at once, exports after chemical imports, and the money-flow alerts on the consignee. Weights are in targeting.weights in the data directory, moved by the outcomes of the inspections your team records here (docs/goods.md).",
    ),
    h(
      "form",
      {
        class: "grid-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          location.hash = "#/goods" + query({ since: sinceBox.value, top: topSelect.value });
        },
      },
      h("div", { class: "field" }, h("label", { for: "targeting-since" }, "Shipments from"), sinceBox),
      h("div", { class: "field" }, h("label", { for: "targeting-top" }, "Show"), topSelect),
      h("button", { type: "submit", class: "primary" }, "Rank"),
    ),
  );
  const targets = await api<Target[]>("/api/targeting" + query({ since, top }));
  if (targets.length === 0) {
    main.append(notice("No shipment you may see.", "info"));
    return;
  }
  const flagged = targets.filter((t) => t.score > 0).length;
  const inspected = targets.filter((t) => t.inspection).length;
  const status = h("p", { class: "status", role: "status" }, `${count(targets.length)} shipments shown, ${count(flagged)} with at least one indicator, ${count(inspected)} inspected.`);
  main.append(
    status,
    h(
      "div",
      SCROLL,
      table(
        ["#", "Score", "Shipment", "Indicators", "Inspection"],
        targets.map((t, i) => [
          String(i + 1),
          h("strong", {}, t.score.toLocaleString("en-GB")),
          h("a", { href: `#/entity/${encodeURIComponent(t.shipment)}`, title: t.shipment }, t.label),
          t.indicators.length
            ? h(
                "ul",
                { class: "indicators" },
                t.indicators.map((x) => h("li", {}, h("span", { class: "chip" }, `${LABELS[x.name] ?? x.name} +${x.weight}`), " ", x.explanation)),
              )
            : h("span", { class: "muted" }, "none"),
          inspectionCell(t, status),
        ]),
      ),
    ),
  );
}

/** A target's inspection: its recorded outcome, and a form to record or withdraw one. */
function inspectionCell(t: Target, status: HTMLElement): HTMLElement {
  const cell = h("div", { class: "inspection" });
  const render = () => {
    const choice = h(
      "select",
      { "aria-label": `Outcome of inspecting ${t.label}` },
      [
        ["found", "found something"],
        ["nothing", "found nothing"],
        ...(t.inspection ? [["open", "withdraw"]] : []),
      ].map(([v, label]) => h("option", { value: v }, label)),
    );
    const note = h("input", { type: "text", class: "note", "aria-label": "Note", placeholder: "note", maxlength: 2000, size: 12 });
    const record = async (e: Event) => {
      e.preventDefault();
      try {
        await api("/api/inspections", "POST", { shipment: t.shipment, outcome: choice.value, note: note.value || null });
        t.inspection = choice.value === "open" ? null : choice.value;
        status.textContent = `Inspection of ${t.label} recorded: ${choice.value}. Rank again to see the weights learn from it.`;
        render();
      } catch (err) {
        status.textContent = err instanceof Error ? err.message : String(err);
      }
    };
    cell.replaceChildren(
      t.inspection ? h("span", { class: `verdict ${t.inspection === "found" ? "verdict-confirmed" : "verdict-dismissed"}` }, t.inspection === "found" ? "found" : "nothing found") : "",
      h("form", { class: "inline-form", onsubmit: record }, choice, note, h("button", { type: "submit" }, "Record")),
    );
  };
  render();
  return cell;
}

export async function renderChain(main: HTMLElement, args: string[]): Promise<void> {
  const chain = await api<Chain>(`/api/chain/${encodeURIComponent(args[0])}`);
  const byId = new Map(chain.entities.map((n) => [n.id, n]));
  const link = (id: string) => h("a", { href: `#/entity/${encodeURIComponent(id)}` }, byId.get(id)?.caption ?? id);
  main.append(
    h("h1", {}, "Seizure chain: ", link(chain.seizure)),
    h(
      "p",
      { class: "lede" },
      "From the seizure to the shipment it was found in, its consignee and consignor, the people who direct and own the consignee and their associates, and the terminal that handled the container with its staff tied to suspects, through your team's resolution. Every link shows its sources; every entity the datasets that know it.",
    ),
    notice(chain.verdict, chain.rip_on ? "error" : "info"),
    chainDrawing(chain),
    h(
      "div",
      SCROLL,
      table(
        ["From", "Link", "To", "Sources"],
        chain.links.map((l) => [link(l.source), l.detail ? `${l.type} (${l.detail})` : l.type, link(l.target), l.datasets.join(", ")]),
      ),
    ),
    h("h2", {}, `${count(chain.entities.length)} entities`),
    h(
      "div",
      SCROLL,
      table(
        ["Entity", "Kind", "Known to"],
        chain.entities.map((n) => [h("span", {}, link(n.id), n.suspect ? h("span", { class: "chip suspect" }, "suspect") : ""), n.schema, n.datasets.join(", ")]),
      ),
    ),
  );
}

/** The chain as a small network: columns by steps from the seizure, suspects in red. */
function chainDrawing(chain: Chain): Element {
  const steps = new Map<string, number>([[chain.seizure, 0]]);
  const queue = [chain.seizure];
  while (queue.length) {
    const at = queue.shift()!;
    for (const l of chain.links) {
      const other = l.source === at ? l.target : l.target === at ? l.source : null;
      if (other !== null && !steps.has(other)) {
        steps.set(other, steps.get(at)! + 1);
        queue.push(other);
      }
    }
  }
  const columns: string[][] = [];
  for (const n of chain.entities) {
    const c = steps.get(n.id) ?? 0;
    (columns[c] ??= []).push(n.id);
  }
  const width = 960;
  const rowHeight = 42;
  const height = Math.max(160, 40 + rowHeight * Math.max(...columns.map((c) => c?.length ?? 0)));
  const colWidth = width / Math.max(1, columns.length);
  const at = new Map<string, [number, number]>();
  columns.forEach((ids, c) =>
    (ids ?? []).forEach((id, r) => at.set(id, [colWidth * c + colWidth / 2, (height - rowHeight * ids.length) / 2 + rowHeight * r + rowHeight / 2])),
  );
  const byId = new Map(chain.entities.map((n) => [n.id, n]));
  const edges = chain.links.map((l) => {
    const [x1, y1] = at.get(l.source)!;
    const [x2, y2] = at.get(l.target)!;
    return s("line", { x1, y1, x2, y2, class: "chain-edge" }, s("title", {}, `${l.type}${l.detail ? " (" + l.detail + ")" : ""}: ${l.datasets.join(", ")}`));
  });
  const nodes = chain.entities.map((n) => {
    const [x, y] = at.get(n.id)!;
    const kind = n.suspect ? "suspect" : n.schema === "Person" ? "person" : n.schema === "Company" ? "company" : "thing";
    const label = (n.caption ?? n.id).length > 26 ? (n.caption ?? n.id).slice(0, 25) + "…" : n.caption ?? n.id;
    return s(
      "a",
      { href: `#/entity/${encodeURIComponent(n.id)}` },
      s("circle", { cx: x, cy: y, r: 7, class: `chain-node ${kind}` }),
      s("text", { x, y: y - 10, "text-anchor": "middle", class: "chain-label" }, label),
      s("title", {}, `${byId.get(n.id)?.schema}: ${n.caption} (known to ${n.datasets.join(", ")})`),
    );
  });
  return h(
    "figure",
    { class: "chain-figure" },
    s("svg", { class: "chain", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `The chain as a network of ${chain.entities.length} entities` }, edges, nodes),
    h("figcaption", {}, "Left to right: the seizure, the shipment, the companies and terminal, the people behind them and their associates; red: named a suspect."),
  );
}

export async function renderInsiders(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const port = params.get("port") ?? "NLRTM";
  const top = params.get("top") ?? "20";
  const portSelect = h(
    "select",
    { id: "insiders-port", name: "port" },
    [
      ["NLRTM", "Rotterdam (NLRTM)"],
      ["BEANR", "Antwerp (BEANR)"],
    ].map(([v, label]) => h("option", { value: v, selected: v === port }, label)),
  );
  const topSelect = h(
    "select",
    { id: "insiders-top", name: "top" },
    ["20", "50", "200", "0"].map((n) => h("option", { value: n, selected: n === top }, n === "0" ? "all" : n)),
  );
  main.append(
    h("h1", {}, "Port insiders"),
    h(
      "p",
      { class: "lede" },
      "The staff of the port's terminals, stevedores, forwarders and hauliers, as the payroll data you may see lists them, ranked by what ties them to suspects: named a suspect themselves, tied to suspects through associates, relatives, shared phones or addresses, payments or messages, and working at a terminal where drugs were found in containers it handled. Colleagues do not count as ties (docs/goods.md).",
    ),
    h(
      "form",
      {
        class: "grid-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          location.hash = "#/insiders" + query({ port: portSelect.value, top: topSelect.value });
        },
      },
      h("div", { class: "field" }, h("label", { for: "insiders-port" }, "Port"), portSelect),
      h("div", { class: "field" }, h("label", { for: "insiders-top" }, "Show"), topSelect),
      h("button", { type: "submit", class: "primary" }, "Rank"),
    ),
  );
  const r = await api<InsiderReport>("/api/insiders" + query({ port, top }));
  main.append(
    h(
      "p",
      { class: "status", role: "status" },
      `${r.port_name ?? r.port}: ${count(r.firms)} firms with ${count(r.staff)} staff you may see; ${count(r.insiders.length)} tied to suspects.`,
    ),
  );
  if (r.insiders.length === 0) {
    main.append(notice("No one on the staff you may see is tied to a suspect.", "info"));
    return;
  }
  main.append(
    h(
      "div",
      SCROLL,
      table(
        ["#", "Score", "Person", "Works at", "Evidence"],
        r.insiders.map((i, n) => [
          String(n + 1),
          h("strong", {}, i.score.toLocaleString("en-GB")),
          h("a", { href: `#/entity/${encodeURIComponent(i.person)}`, title: i.person }, i.caption ?? i.person),
          h("span", {}, h("a", { href: `#/entity/${encodeURIComponent(i.employer)}` }, i.employer_caption ?? i.employer), i.function ? h("span", { class: "muted" }, ` (${i.function})`) : ""),
          h(
            "ul",
            { class: "indicators" },
            i.evidence.map((e) =>
              h("li", {}, h("span", { class: "chip" }, `${EVIDENCE[e.name] ?? e.name} +${e.weight}`), " ", e.explanation, e.datasets.length ? h("span", { class: "muted" }, ` (${e.datasets.join(", ")})`) : ""),
            ),
          ),
        ]),
      ),
    ),
  );
}

interface Month {
  month: string;
  shipments: number;
  tonnes: number;
  value: number;
}

interface Route {
  ports: string[];
  source: string;
  transit: string[];
  destination: string;
  shipments: number;
  tonnes: number;
  value: number;
  months: Month[];
}

interface Port {
  locode: string;
  name: string | null;
  country: string;
  lat: number | null;
  lon: number | null;
  shipments: number;
}

interface RouteReport {
  shipments: number;
  routes: Route[];
  ports: Port[];
}

interface Upstream {
  party: string;
  name: string;
  shipments: number;
  tonnes: number;
  value: number;
  ports: string[];
  consignees: number;
  seized: number;
  first: string | null;
  last: string | null;
}

interface Downstream {
  export: string;
  export_label: string;
  day: string;
  destination: string | null;
  exporter: string;
  exporter_name: string;
  last_import: string;
  import_label: string;
  import_day: string;
  import_from: string | null;
  import_goods: string | null;
  days_after: number;
  imports: number;
  chemicals: boolean;
}

/** Countries on the cocaine trade's transit routes, as targeting weighs them (docs/goods.md). */
const TRANSIT = new Set(["tg", "gh", "ci", "bj", "gn", "gw", "sn", "cv", "pa", "do", "cr", "jm", "sr", "gy"]);

export async function renderRoutes(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const port = params.get("port") ?? "";
  const country = params.get("country") ?? "";
  const since = params.get("since") ?? "";
  const until = params.get("until") ?? "";
  const portBox = h("input", { id: "routes-port", name: "port", value: port, placeholder: "NLRTM", size: 8 });
  const countryBox = h("input", { id: "routes-country", name: "country", value: country, placeholder: "tg", size: 4 });
  const sinceBox = h("input", { type: "date", id: "routes-since", name: "since", value: since });
  const untilBox = h("input", { type: "date", id: "routes-until", name: "until", value: until });
  main.append(
    h("h1", {}, "Routes"),
    h("p", { class: "lede" }, "The routes of the shipments you may see, from loading through transhipment to discharge: line width by the number of shipments, in red where a route passes a transit country of the drug trade. Ports are placed with the World Port Index. With a country: the firms there that ship to Dutch and Belgian ports (upstream); below, the exports that follow an import by the exporter (downstream)."),
    h(
      "form",
      {
        class: "grid-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          location.hash = "#/routes" + query({ port: portBox.value, country: countryBox.value, since: sinceBox.value, until: untilBox.value });
        },
      },
      h("div", { class: "field" }, h("label", { for: "routes-port" }, "Through port"), portBox),
      h("div", { class: "field" }, h("label", { for: "routes-country" }, "Country"), countryBox),
      h("div", { class: "field" }, h("label", { for: "routes-since" }, "From"), sinceBox),
      h("div", { class: "field" }, h("label", { for: "routes-until" }, "to"), untilBox),
      h("button", { type: "submit", class: "primary" }, "Show"),
    ),
  );
  const r = await api<RouteReport>("/api/routes" + query({ port, country, since, until }));
  if (r.routes.length === 0) {
    main.append(notice("No shipment you may see takes such a route.", "info"));
    return;
  }
  const at = new Map<string, [number, number]>();
  for (const p of r.ports) if (p.lat !== null && p.lon !== null) at.set(p.locode, project([p.lon, p.lat]));
  const max = Math.max(1, ...r.routes.map((x) => x.shipments));
  const lines = r.routes.map((route) => {
    const points = route.ports.map((p) => at.get(p)).filter((p): p is [number, number] => !!p);
    if (points.length < 2) return null;
    let d = `M${points[0][0]},${points[0][1]}`;
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      d += ` Q${(x0 + x1) / 2},${(y0 + y1) / 2 - Math.hypot(x1 - x0, y1 - y0) * 0.15} ${x1},${y1}`;
    }
    const risky = route.transit.some((c) => TRANSIT.has(c));
    return s("path", { d, class: risky ? "flowline risky" : "flowline", "stroke-width": (0.8 + 5 * Math.sqrt(route.shipments / max)).toFixed(2) }, s("title", {}, `${route.ports.join(" → ")}: ${route.shipments} shipments, ${Math.round(route.tonnes).toLocaleString("en-GB")} t`));
  });
  const dots = r.ports
    .filter((p) => at.has(p.locode))
    .map((p) => {
      const [x, y] = at.get(p.locode)!;
      return s("circle", { cx: x, cy: y, r: String(2 + 4 * Math.sqrt(p.shipments / Math.max(1, r.shipments))), class: "port" }, s("title", {}, `${p.name ?? p.locode} (${p.locode}): ${p.shipments} shipments`));
    });
  main.append(
    h(
      "figure",
      { class: "map-figure" },
      s("svg", { class: "map", viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, role: "img", "aria-label": `Map of ${r.routes.length} routes through ${r.ports.length} ports` }, s("rect", { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT, class: "sea" }), worldShapes(), lines, dots),
      h("figcaption", {}, `${count(r.shipments)} shipments on ${count(r.routes.length)} routes; red: through a transit country.`),
    ),
    h(
      "div",
      SCROLL,
      table(
        ["Route", "Countries", "Shipments", "Tonnes", "Declared value", "First month", "Last month"],
        r.routes.map((x) => [
          x.ports.join(" → "),
          [x.source, ...x.transit, x.destination].map((c) => c.toUpperCase()).join(" → "),
          String(x.shipments),
          Math.round(x.tonnes).toLocaleString("en-GB"),
          `EUR ${Math.round(x.value).toLocaleString("en-GB")}`,
          x.months[0]?.month ?? "",
          x.months[x.months.length - 1]?.month ?? "",
        ]),
      ),
    ),
  );
  if (country) {
    const firms = await api<Upstream[]>("/api/upstream" + query({ country }));
    main.append(
      h("h2", {}, `Upstream: ${count(firms.length)} firms shipping from ${country.toUpperCase()}`),
      firms.length
        ? h(
            "div",
            SCROLL,
            table(
              ["Firm", "Shipments", "Tonnes", "Declared value", "Seized in", "Consignees", "Ports", "First", "Last"],
              firms.map((f) => [
                h("a", { href: `#/entity/${encodeURIComponent(f.party)}` }, f.name),
                String(f.shipments),
                f.tonnes.toLocaleString("en-GB"),
                `EUR ${Math.round(f.value).toLocaleString("en-GB")}`,
                f.seized ? h("strong", { class: "bad" }, String(f.seized)) : "0",
                String(f.consignees),
                f.ports.join(" "),
                h("span", { class: "nowrap" }, f.first ?? ""),
                h("span", { class: "nowrap" }, f.last ?? ""),
              ]),
            ),
          )
        : notice(`No shipment you may see was loaded in ${country.toUpperCase()}; shipments transhipped there are among the routes above.`, "info"),
    );
  }
  const down = await api<Downstream[]>("/api/downstream");
  main.append(
    h("h2", {}, `Downstream: ${count(down.length)} exports after an import by the exporter`),
    h("p", { class: "lede" }, "Exports from Dutch and Belgian ports by a firm that imported in the year before; in bold where an import was chemicals, the precursors of synthetic drugs."),
    down.length
      ? h(
          "div",
          SCROLL,
          table(
            ["Day", "Export", "To", "Exporter", "After", "Imported before"],
            down.map((d) => [
              h("span", { class: "nowrap" }, d.day),
              h("a", { href: `#/entity/${encodeURIComponent(d.export)}` }, d.export_label),
              d.destination ?? "",
              h("a", { href: `#/entity/${encodeURIComponent(d.exporter)}` }, d.exporter_name),
              h("span", { class: "nowrap" }, `${d.days_after} days`),
              h(
                d.chemicals ? "strong" : "span",
                {},
                h("a", { href: `#/entity/${encodeURIComponent(d.last_import)}` }, d.import_label),
                ` (${d.import_day}${d.imports > 1 ? `, ${d.imports} imports in the year` : ""})`,
              ),
            ]),
          ),
        )
      : notice("No export you may see follows an import by its exporter.", "info"),
  );
}
