// The entity page: every value with its provenance, a tab per kind of relation, the resolved
// entity it belongs to (with explanations and judgements), and hit/no-hit at other agencies with
// a request for access.
import { ApiError, api, query } from "../api";
import { badge, count, h, notice, schemaTag, table, SCROLL } from "../dom";
import { explanationBars } from "../explain";
import type { ClusterView, Entity, Explanation, Hit, Relation, Relations, Request, Value } from "../types";

/** The schemata of those who hold assets and pay: the entities Assets and Money are for. */
const PARTIES = new Set(["Person", "Company", "Organization", "LegalEntity", "PublicBody"]);

export async function renderEntity(main: HTMLElement, args: string[]): Promise<void> {
  const id = args[0];
  let entity: Entity;
  try {
    entity = await api<Entity>(`/api/entities/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      main.append(h("h1", {}, "No such entity"), notice("Nothing with this id is visible for the purpose you read for."));
      return;
    }
    throw e;
  }
  const [relations, cluster] = await Promise.all([
    api<Relations>(`/api/entities/${encodeURIComponent(id)}/relations`),
    api<ClusterView>(`/api/entities/${encodeURIComponent(id)}/cluster`),
  ]);
  document.title = `${entity.caption} · Spil`;
  const codes = new Set<string>();
  Object.values(entity.properties).forEach((vs) => vs.forEach((v) => codes.add(v.handling_code)));
  const agencies = new Set<string>();
  Object.values(entity.properties).forEach((vs) => vs.forEach((v) => agencies.add(v.agency)));
  main.append(
    h(
      "div",
      { class: "entity-head" },
      h("h1", {}, entity.caption),
      h("div", { class: "meta" }, schemaTag(entity.schema), " ", [...codes].sort().map((c) => [badge(c), " "]), h("span", { class: "from" }, `from ${[...agencies].sort().join(", ")}`)),
      h(
        "div",
        { class: "actions" },
        h("a", { class: "button", href: `#/network/${encodeURIComponent(id)}` }, "Network"),
        h("a", { class: "button", href: `#/timeline/${encodeURIComponent(id)}` }, "Timeline"),
        h("a", { class: "button", href: `#/map/${encodeURIComponent(id)}` }, "Map"),
        PARTIES.has(entity.schema) ? h("a", { class: "button", href: `#/assets/${encodeURIComponent(id)}` }, "Assets") : "",
        PARTIES.has(entity.schema) || entity.schema === "BankAccount" ? h("a", { class: "button", href: `#/flows/trace/${encodeURIComponent(id)}` }, "Money") : "",
        entity.schema === "Seizure" ? h("a", { class: "button", href: `#/chain/${encodeURIComponent(id)}` }, "Chain") : "",
        h("a", { class: "button", href: `#/alerts?entity=${encodeURIComponent(id)}`, title: "Be alerted when new records state more about it" }, "Watch"),
      ),
      h("p", { class: "id" }, id),
    ),
  );
  const bySchema = new Map<string, Relation[]>();
  for (const r of relations.results) {
    if (!bySchema.has(r.schema)) bySchema.set(r.schema, []);
    bySchema.get(r.schema)!.push(r);
  }
  const tabs: [string, string, () => HTMLElement][] = [["values", "Values", () => valuesTable(entity)]];
  for (const [schema, rs] of [...bySchema.entries()].sort((a, b) => b[1].length - a[1].length)) {
    tabs.push([`rel-${schema}`, `${plural(schema)} (${count(rs.length)})`, () => relationTable(rs, relations.more)]);
  }
  tabs.push([
    "resolution",
    cluster.canonical_id ? `Resolution (${cluster.members.length} records)` : "Resolution",
    () => clusterPanel(id, entity, cluster),
  ]);
  tabs.push(["agencies", "Other agencies", () => hitPanel(entity)]);
  main.append(tabbed(tabs));
}

function plural(schema: string): string {
  if (schema.endsWith("ship")) return schema + "s";
  if (schema.endsWith("s")) return schema + "es";
  if (schema.endsWith("y")) return schema.slice(0, -1) + "ies";
  return schema + "s";
}

/** Accessible tabs (WAI-ARIA tab pattern): arrows move between tabs, panels render when opened. */
export function tabbed(tabs: [string, string, () => HTMLElement][]): HTMLElement {
  const list = h("div", { role: "tablist", class: "tabs" });
  const panels = h("div", { class: "panels" });
  const buttons: HTMLButtonElement[] = [];
  const rendered = new Map<string, HTMLElement>();
  const open = (i: number, focus: boolean) => {
    buttons.forEach((b, j) => {
      b.setAttribute("aria-selected", String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    const [key, , make] = tabs[i];
    if (!rendered.has(key)) {
      const panel = h("div", { role: "tabpanel", id: `panel-${key}`, "aria-labelledby": `tab-${key}`, tabindex: "0" }, make());
      rendered.set(key, panel);
      panels.append(panel);
    }
    rendered.forEach((p, k) => (p.hidden = k !== key));
    if (focus) buttons[i].focus();
  };
  tabs.forEach(([key, label], i) => {
    const b = h(
      "button",
      {
        role: "tab",
        id: `tab-${key}`,
        "aria-controls": `panel-${key}`,
        onclick: () => open(i, false),
        onkeydown: (e: KeyboardEvent) => {
          if (e.key === "ArrowRight") open((i + 1) % tabs.length, true);
          if (e.key === "ArrowLeft") open((i + tabs.length - 1) % tabs.length, true);
        },
      },
      label,
    );
    buttons.push(b);
    list.append(b);
  });
  const wrap = h("div", { class: "tabbed" }, list, panels);
  open(0, false);
  return wrap;
}

/** An entity id as a value (a reference to another entity): a content hash or a canonical id. */
const REFERENCE = /^([0-9a-f]{40}|NK-[0-9a-f]{20})$/;

function valuesTable(entity: Entity): HTMLElement {
  const rows: (Node | string)[][] = [];
  for (const [prop, values] of Object.entries(entity.properties).sort()) {
    values.forEach((v: Value, i: number) => {
      rows.push([
        i === 0 ? h("strong", {}, prop) : "",
        REFERENCE.test(v.value)
          ? h("a", { href: `#/entity/${encodeURIComponent(v.value)}` }, v.value.slice(0, 12) + "…")
          : h("span", { title: v.original_value !== v.value ? `as supplied: ${v.original_value}` : "" }, v.value),
        v.agency,
        v.dataset,
        v.legal_basis,
        badge(v.handling_code),
        h("span", { title: "source reliability A-F, information 1-4" }, `${v.source_grade}${v.info_grade}`),
        h("span", { class: "nowrap" }, v.first_seen === v.last_seen ? v.first_seen : `${v.first_seen} – ${v.last_seen}`),
        h("span", { class: "nowrap" }, v.retain_until),
        v.source ? h("code", {}, v.source) : "",
      ]);
    });
  }
  return h(
    "div",
    SCROLL,
    table(["Property", "Value", "Agency", "Dataset", "Legal basis", "Handling", "Grading", "Seen", "Retain until", "Source"], rows, "Every visible value with its provenance"),
  );
}

const DATES = ["date", "startDate", "departureDate", "arrivalDate", "endDate", "authoredAt", "publishedAt"];

/** Details an analyst looks for first in a relation; the rest follow in name order. */
const FIRST = ["amount", "currency", "declaredValue", "goodsDescription", "portOfLoading", "portOfTranshipment", "portOfDischarge", "crossingPoint", "direction", "purpose", "role", "subject", "summary", "bodyText"];

function rank(prop: string): number {
  const i = FIRST.indexOf(prop);
  return i < 0 ? FIRST.length : i;
}

function relationTable(rs: Relation[], more: boolean): HTMLElement {
  const rows = rs
    .slice()
    .sort((a, b) => firstDate(b).localeCompare(firstDate(a)))
    .map((r) => {
      const other = Object.entries(r.properties)
        .filter(([p]) => !DATES.includes(p))
        .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
        .map(([p, vs]) => `${p}: ${vs.slice(0, 3).join(", ")}`)
        .join(" · ");
      return [
        h("span", { class: "nowrap" }, firstDate(r)),
        h("span", { class: "role" }, r.role),
        h(
          "span",
          {},
          r.parties.map((p, i) => [i ? ", " : "", h("a", { href: `#/entity/${encodeURIComponent(p.id)}` }, p.caption), h("span", { class: "muted" }, ` (${p.role})`)]),
        ),
        h("a", { href: `#/entity/${encodeURIComponent(r.id)}` }, r.caption),
        h("span", { class: "muted small" }, other.length > 200 ? other.slice(0, 200) + "…" : other),
      ];
    });
  return h(
    "div",
    SCROLL,
    table(["Date", "As", "With", "Relation", "Details"], rows),
    more ? notice("Only the first 2,000 relations are shown.", "info") : null,
  );
}

function firstDate(r: Relation): string {
  for (const p of DATES) if (r.properties[p]?.length) return r.properties[p][0];
  return "";
}

function clusterPanel(id: string, entity: Entity, cluster: ClusterView): HTMLElement {
  const panel = h("div", { class: "cluster" });
  if (!cluster.canonical_id) {
    panel.append(
      h("p", {}, "This record stands alone: the team's resolution merged no other record with it."),
      h("p", { class: "muted" }, "Pairs near the threshold wait in the review queue."),
      h("a", { class: "button", href: "#/review" }, "Review queue"),
    );
    return panel;
  }
  const explainBox = h("div", { class: "explain", "aria-live": "polite" });
  const self = entity.members?.length ? cluster.members[0]?.id : id;
  panel.append(
    h("p", {}, `Resolved as ${cluster.canonical_id}: ${cluster.members.length} records the team found to be the same.`),
    table(
      ["Record", "Schema", "Datasets", "Why", "Judge"],
      cluster.members.map((m) => [
        h("a", { href: `#/entity/${encodeURIComponent(m.id)}` }, m.caption),
        m.schema,
        m.datasets.join(", "),
        m.id === self
          ? h("span", { class: "muted" }, "this record")
          : h(
              "button",
              {
                class: "small",
                onclick: async () => {
                  explainBox.replaceChildren(notice("Explaining…", "info"));
                  try {
                    const e = await api<Explanation>("/api/explain" + query({ a: self, b: m.id }));
                    explainBox.replaceChildren(h("h3", {}, `${entity.caption} and ${m.caption}`), explanationBars(e.features, e.probability));
                  } catch (err) {
                    explainBox.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
                  }
                },
              },
              "Explain",
            ),
        m.id === self ? "" : judgeButtons(self!, m.id, cluster),
      ]),
    ),
    explainBox,
  );
  return panel;
}

function judgeButtons(a: string, b: string, cluster: ClusterView): HTMLElement {
  const earlier = cluster.judgements.find((j) => (j.pair.a === a && j.pair.b === b) || (j.pair.a === b && j.pair.b === a));
  const status = h("span", { class: "muted small", "aria-live": "polite" }, earlier ? `${earlier.verdict} (${earlier.user})` : "");
  const judge = (verdict: string) => async () => {
    try {
      await api("/api/judgements", "POST", { a, b, verdict, revise: true });
      status.textContent = `${verdict} (you)`;
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  return h(
    "span",
    { class: "judge" },
    h("button", { class: "small", onclick: judge("same") }, "Same"),
    h("button", { class: "small", onclick: judge("different") }, "Different"),
    h("button", { class: "small", onclick: judge("unsure") }, "Unsure"),
    " ",
    status,
  );
}

function hitPanel(entity: Entity): HTMLElement {
  const first = (p: string) => entity.properties[p]?.[0]?.value;
  const params = {
    name: entity.caption,
    dob: first("birthDate"),
    iban: first("iban"),
    phone: first("phone"),
    id: first("idNumber") ?? first("registrationNumber") ?? first("passportNumber"),
  };
  const out = h("div", { "aria-live": "polite" });
  const button = h(
    "button",
    {
      class: "primary",
      onclick: async () => {
        button.disabled = true;
        try {
          const hits = await api<{ results: Hit[] }>("/api/hits" + query(params));
          out.replaceChildren(hitList(hits.results));
        } catch (err) {
          out.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        } finally {
          button.disabled = false;
        }
      },
    },
    "Ask other agencies (hit/no-hit)",
  );
  return h(
    "div",
    {},
    h(
      "p",
      {},
      "Hit/no-hit tells which other agencies hold matching records you may not see, never their values. Each question counts against your daily quota and is audited.",
    ),
    h("p", { class: "muted small" }, `Asks with: ${Object.entries(params).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(", ")}`),
    button,
    out,
  );
}

/** Hit/no-hit answers with a request for access on each. */
export function hitList(hits: Hit[]): HTMLElement {
  if (hits.length === 0) return notice("No other agency holds a matching record you may not see.", "info");
  return table(
    ["Agency", "Strength", "Matched on", "Reference", "Contact", "Access"],
    hits.map((hit) => [hit.agency, h("span", { class: `strength strength-${hit.strength}` }, hit.strength), hit.matched_on.join(", "), h("code", {}, hit.reference), hit.contact, requestForm(hit)]),
  );
}

function requestForm(hit: Hit): HTMLElement {
  const reason = h("input", { "aria-label": `Reason to ask ${hit.agency} for access`, placeholder: "reason for the request", size: 28 });
  const status = h("span", { class: "small", "aria-live": "polite" });
  const form = h(
    "form",
    {
      class: "inline",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (!reason.value.trim()) {
          status.textContent = "give a reason";
          reason.focus();
          return;
        }
        try {
          const r = await api<Request>("/api/requests", "POST", { reference: hit.reference, reason: reason.value.trim() });
          form.replaceChildren(h("span", { class: "ok" }, `Request ${r.id} sent to ${r.owner_agency} (${r.status}).`), " ", h("a", { href: "#/requests" }, "Requests"));
        } catch (err) {
          status.textContent = err instanceof Error ? err.message : String(err);
        }
      },
    },
    reason,
    h("button", { type: "submit", class: "small" }, "Request access"),
    status,
  );
  return form;
}
