// Assets for confiscation: what a person or company controls directly or through companies and
// family, as a table by kind, each asset with the chain of links that ties it to the subject and
// the sources of every link.
import { api, query } from "../api";
import { h, notice, table, SCROLL } from "../dom";

interface Link {
  from: string;
  from_caption: string;
  relation: string;
  detail: string | null;
  to: string;
  to_caption: string;
  datasets: string[];
}

interface Asset {
  id: string;
  schema: string;
  caption: string;
  kind: string;
  value: string | null;
  chain: Link[];
}

interface Overview {
  subject: string;
  caption: string;
  depth: number;
  assets: Asset[];
  controllers: number;
}

export async function renderAssets(main: HTMLElement, args: string[], params: URLSearchParams): Promise<void> {
  const subject = args[0];
  const depth = params.get("depth") ?? "3";
  const o = await api<Overview>(`/api/assets/${encodeURIComponent(subject)}` + query({ depth }));
  const depthSelect = h(
    "select",
    {
      id: "assets-depth",
      onchange: () => {
        location.hash = `#/assets/${encodeURIComponent(subject)}` + query({ depth: depthSelect.value });
      },
    },
    ["1", "2", "3", "4"].map((d) => h("option", { value: d, selected: d === depth }, d)),
  );
  main.append(
    h("h1", {}, `Assets of ${o.caption}`),
    h(
      "p",
      { class: "lede" },
      "What this person or company controls directly or through companies and family, as far as you may see the links: bank accounts, crypto wallets, company shares and directorships, vehicles, vessels and real estate. Each asset shows the chain that ties it to the subject and the source of every link. Resolve first so that one person's records across sources count as one.",
    ),
    h("div", { class: "toolbar" }, h("label", { for: "assets-depth" }, "Links at most"), depthSelect, h("a", { class: "button", href: `#/entity/${encodeURIComponent(subject)}` }, "Entity page"), h("span", { class: "muted" }, `${o.assets.length === 1 ? "1 asset" : `${o.assets.length} assets`}; ${o.controllers === 1 ? "1 person or company" : `${o.controllers} people and companies`} looked at`)),
  );
  if (o.assets.length === 0) {
    main.append(notice("No asset you may see is tied to this subject within these links.", "info"));
    return;
  }
  main.append(
    h(
      "div",
      SCROLL,
      table(
        ["Kind", "Asset", "Value", "How it is tied to the subject"],
        o.assets.map((a) => [
          h("span", { class: "nowrap" }, a.kind),
          h(
            "span",
            {},
            h("a", { href: `#/entity/${encodeURIComponent(a.id)}` }, a.caption),
            a.kind === "bank account" ? [" ", h("a", { class: "small", href: `#/flows/trace/${encodeURIComponent(a.id)}`, title: "Where the money on this account went" }, "money")] : null,
          ),
          a.value ?? h("span", { class: "muted" }, "unknown"),
          h(
            "ol",
            { class: "chain" },
            a.chain.map((l) =>
              h(
                "li",
                {},
                h("a", { href: `#/entity/${encodeURIComponent(l.from)}` }, l.from_caption),
                ` ${l.relation}${l.detail ? ` (${l.detail})` : ""} `,
                h("a", { href: `#/entity/${encodeURIComponent(l.to)}` }, l.to_caption),
                h("span", { class: "muted small" }, `  · ${l.datasets.join(", ")}`),
              ),
            ),
          ),
        ]),
      ),
    ),
  );
}
