// Goods flows: the shipments to inspect first, each with the indicators that put it there, and a
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
}

interface ChainNode {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
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
}

const LABELS: Record<string, string> = {
  "transit-country": "Transit country",
  "new-transhipment": "New transhipment port",
  "linked-consignee": "Consignee linked to subjects",
  "young-consignee": "Young consignee",
  "value-per-kg": "Value per kg",
  "trade-alerts": "Trade-based alerts",
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
      "The shipments you may see ranked by the risk indicators they show, each with the reason: the route, the consignee's history and links, the declared value against the same goods, and the money-flow alerts on the consignee. Weights are in targeting.weights in the data directory (docs/goods.md).",
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
  main.append(
    h("p", { class: "status", role: "status" }, `${count(targets.length)} shipments shown, ${count(flagged)} with at least one indicator.`),
    h(
      "div",
      SCROLL,
      table(
        ["#", "Score", "Shipment", "Indicators"],
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
        ]),
      ),
    ),
  );
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
      "From the seizure to the shipment it was found in, its consignee and consignor, the people who direct and own the consignee and their associates, through your team's resolution. Every link shows its sources; every entity the datasets that know it: a consignee known only to customs and the register is legal cargo a network may have abused.",
    ),
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
        chain.entities.map((n) => [link(n.id), n.schema, n.datasets.join(", ")]),
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
    h("p", { class: "lede" }, "The routes of the shipments you may see, from loading through transhipment to discharge: line width by the number of shipments, in red where a route passes a transit country of the drug trade. Ports are placed with the World Port Index."),
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
}
