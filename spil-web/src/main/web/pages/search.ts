// Search: one box for names in any script, identifiers in any format and addresses; facets count
// every hit found (not only the page shown); keyboard: "/" to the box, arrows through results.
import { api, purpose, query } from "../api";
import { badge, count, h, notice, pager, schemaTag } from "../dom";
import type { SearchAnswer, SearchHit, Stats } from "../types";

const PAGE = 20;
const SHOWN = ["birthDate", "nationality", "country", "registrationNumber", "idNumber", "iban", "number", "jurisdiction", "date", "amount"];

let statsCache: { purpose: string; stats: Stats } | null = null;

async function stats(): Promise<Stats> {
  if (statsCache?.purpose !== purpose()) {
    statsCache = { purpose: purpose(), stats: await api<Stats>("/api/stats") };
  }
  return statsCache.stats;
}

function go(params: URLSearchParams): void {
  for (const [k, v] of [...params.entries()]) if (!v) params.delete(k);
  location.hash = "#/search?" + params.toString();
}

export async function renderSearch(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? "";
  const box = h("input", {
    id: "q",
    type: "search",
    name: "q",
    value: q,
    placeholder: "A name, an identifier (IBAN, passport, phone), an address…",
    autocomplete: "off",
    "aria-label": "Search",
  });
  const from = h("input", { id: "from", type: "date", value: params.get("from") ?? "", "aria-label": "Dated from" });
  const to = h("input", { id: "to", type: "date", value: params.get("to") ?? "", "aria-label": "Dated to" });
  const dataset = h("select", { id: "dataset", "aria-label": "Dataset" }, h("option", { value: "" }, "any dataset"));
  const agency = h("select", { id: "agency", "aria-label": "Agency" }, h("option", { value: "" }, "any agency"));
  const st = await stats();
  for (const d of Object.keys(st.datasets ?? {}).sort())
    dataset.append(h("option", { value: d, selected: d === params.get("dataset") }, d));
  for (const a of Object.keys(st.agencies ?? {}).sort())
    agency.append(h("option", { value: a, selected: a === params.get("agency") }, a));

  const submit = (e?: Event) => {
    e?.preventDefault();
    const next = new URLSearchParams(params);
    next.set("q", box.value.trim());
    next.set("from", from.value);
    next.set("to", to.value);
    next.set("dataset", dataset.value);
    next.set("agency", agency.value);
    next.delete("offset");
    go(next);
  };
  dataset.addEventListener("change", submit);
  agency.addEventListener("change", submit);
  const form = h(
    "form",
    { class: "searchbar", role: "search", onsubmit: submit },
    box,
    h("button", { type: "submit", class: "primary" }, "Search"),
    h("span", { class: "filters" }, dataset, agency, h("span", { class: "dates" }, "dated ", from, " to ", to)),
  );
  main.append(h("h1", { class: "visually-hidden" }, "Search"), form);
  box.focus();
  box.select();
  if (!q) {
    main.append(
      h(
        "section",
        { class: "welcome" },
        h("p", {}, `For ${purpose()} you may see ${count(st.entities)} entities (${count(st.statements)} statements).`),
        h("p", { class: "hint" }, "Press / to search from anywhere on this page; arrows move through the results, Enter opens one."),
      ),
    );
    return;
  }
  const offset = Number(params.get("offset") ?? "0") || 0;
  const answer = await api<SearchAnswer>(
    "/api/search" +
      query({
        q,
        limit: PAGE,
        offset,
        schema: params.get("schema"),
        country: params.get("country"),
        dataset: params.get("dataset"),
        agency: params.get("agency"),
        handling_code: params.get("handling_code"),
        from: params.get("from"),
        to: params.get("to"),
      }),
  );
  const facets = h("aside", { class: "facets", "aria-label": "Facets" });
  for (const [name, label, param] of [
    ["schema", "Schema", "schema"],
    ["country", "Country", "country"],
    ["handling_code", "Handling code", "handling_code"],
  ] as const) {
    const values = Object.entries(answer.facets[name] ?? {}).sort((a, b) => b[1] - a[1]);
    if (values.length === 0) continue;
    const chosen = params.get(param);
    facets.append(
      h("h2", {}, label),
      h(
        "ul",
        {},
        values.slice(0, 12).map(([v, n]) => {
          const next = new URLSearchParams(params);
          next.delete("offset");
          if (chosen === v) next.delete(param);
          else next.set(param, v);
          return h(
            "li",
            {},
            h(
              "a",
              { href: "#/search?" + next.toString(), class: chosen === v ? "chosen" : null, "aria-current": chosen === v ? "true" : null },
              name === "handling_code" ? badge(v) : v,
              " ",
              h("span", { class: "n" }, count(n)),
            ),
          );
        }),
      ),
    );
  }
  const list = h("ol", { class: "results", start: offset + 1 });
  for (const hit of answer.results) list.append(result(hit, q));
  const summary = h(
    "p",
    { class: "summary", role: "status" },
    answer.total === 0
      ? `Nothing found for “${q}” for ${purpose()}.`
      : `${offset + 1}–${offset + answer.results.length} of ${count(answer.total)}${answer.total_capped ? "+" : ""} for “${q}”`,
  );
  const pages = pager("search", params, offset, PAGE, answer.total);
  main.append(h("div", { class: "search-layout" }, facets, h("section", { class: "hits" }, summary, list, pages)));
  if (answer.total === 0) main.append(notice("Try another spelling, fewer words, or an identifier.", "info"));
  keyboard(main, box);
}

/** A text as compared with the query: lower case, accents dropped. */
function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function result(hit: SearchHit, q: string): HTMLElement {
  const details: string[] = [];
  for (const p of SHOWN) {
    const v = hit.properties[p];
    if (v && v.length) details.push(`${p}: ${v.slice(0, 2).join(", ")}`);
  }
  // what matched: the other properties with a value that holds a word of the query
  const words = fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  let matched = 0;
  for (const [p, values] of Object.entries(hit.properties)) {
    if (matched === 3 || SHOWN.includes(p) || p === "name") continue;
    const hits = values.filter((v) => words.some((w) => fold(v).includes(w)));
    if (hits.length) {
      details.push(`${p}: ${hits.slice(0, 2).join(", ")}`);
      matched++;
    }
  }
  return h(
    "li",
    { class: "hit" },
    h("a", { href: `#/entity/${encodeURIComponent(hit.id)}`, class: "caption" }, hit.caption),
    " ",
    schemaTag(hit.schema),
    " ",
    badge(hit.handling_code),
    h("span", { class: "score", title: "relevance" }, hit.score.toFixed(1)),
    details.length ? h("div", { class: "details" }, details.join(" · ")) : null,
  );
}

let keyHandler: ((e: KeyboardEvent) => void) | null = null;

function keyboard(main: HTMLElement, box: HTMLInputElement): void {
  if (keyHandler) document.removeEventListener("keydown", keyHandler);
  keyHandler = (e: KeyboardEvent) => {
    if (!main.isConnected) return;
    const links = [...main.querySelectorAll<HTMLAnchorElement>("ol.results a.caption")];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "/" && document.activeElement !== box) {
      e.preventDefault();
      box.focus();
      box.select();
    } else if (e.key === "ArrowDown" && links.length) {
      e.preventDefault();
      links[Math.min(links.length - 1, i + 1)].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      (i === 0 ? box : links[i - 1]).focus();
    }
  };
  document.addEventListener("keydown", keyHandler);
}
