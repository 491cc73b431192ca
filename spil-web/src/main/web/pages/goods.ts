// Goods flows: the shipments to inspect first, each with the indicators that put it there, and a
// seizure's chain from the container back to the people behind the consignee, every link with its
// sources.
import { api, query } from "../api";
import { h, notice, table, count, SCROLL } from "../dom";

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
