// Building the page from data without ever parsing data as HTML: every value becomes a text node
// or an attribute, so a name such as "<img onerror=...>" in a source file stays a name.

export type Child = Node | string | number | null | undefined | false;
/** Children as pages build them: single, or lists of lists from map(). */
export type Children = Child | Children[];
type Handler = (event: any) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

/** An element with attributes (on... names add listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element, for charts drawn from data (timeline, map, explanation bars). */
export function s(tag: string, attrs: Attrs = {}, ...children: Children[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (v === true) {
      el.setAttribute(k, "");
    } else {
      el.setAttribute(k, String(v));
    }
  }
}

/** Appends children; strings and numbers as text. */
export function append(el: Node, ...children: Children[]): void {
  for (const c of children.flat(Infinity as 1) as Child[]) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** The handling code as a coloured badge (H0 open ... H3 restricted). */
export function badge(code: string | undefined): HTMLElement {
  const c = code ?? "?";
  return h("span", { class: `badge badge-${c}`, title: HANDLING[c] ?? "handling code" }, c);
}

const HANDLING: Record<string, string> = {
  H0: "H0: open source",
  H1: "H1: law enforcement partners",
  H2: "H2: the supplying agency's permission needed",
  H3: "H3: restricted, see the handling note",
};

/** A small label of a schema. */
export function schemaTag(schema: string): HTMLElement {
  return h("span", { class: `schema schema-${schema}` }, schema);
}

/** Offers data as a file download. */
export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = h("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An error or notice shown in the page, announced to screen readers. */
export function notice(text: string, kind: "error" | "info" | "ok" = "error"): HTMLElement {
  return h("p", { class: `notice notice-${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}

/** A table from header names and rows of cells. */
export function table(headers: string[], rows: Child[][], caption?: string): HTMLTableElement {
  return h(
    "table",
    {},
    caption ? h("caption", {}, caption) : null,
    h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))),
  );
}

/** A time as the analyst reads it: day and minute, in UTC (the clock of exports and logs). */
export function utcMinute(iso: string): string {
  return iso.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
}

/** A link to a chat handle's page. */
export function handleLink(handle: string, label: string = handle): HTMLElement {
  return h("a", { href: `#/handle/${encodeURIComponent(handle)}` }, label);
}

/** Links to handles' pages, comma-separated; past `most`, how many more. */
export function handleLinks(handles: string[], most: number = Infinity): Child[] {
  const out: Child[] = handles.slice(0, most).flatMap((o, i) => [i === 0 ? "" : ", ", handleLink(o)]);
  if (handles.length > most) out.push(` and ${handles.length - most} more`);
  return out;
}

/** Previous and next links of a paged list at `#/route`, the other parameters kept. */
export function pager(route: string, params: URLSearchParams, offset: number, page: number, total: number): HTMLElement {
  const nav = h("nav", { class: "pager", "aria-label": "Pages" });
  if (offset > 0) {
    const prev = new URLSearchParams(params);
    prev.set("offset", String(Math.max(0, offset - page)));
    nav.append(h("a", { href: `#/${route}?` + prev.toString() }, "← Previous"));
  }
  if (offset + page < total) {
    const next = new URLSearchParams(params);
    next.set("offset", String(offset + page));
    nav.append(h("a", { href: `#/${route}?` + next.toString() }, "Next →"));
  }
  return nav;
}

/** Thousands separated, as analysts read counts. */
export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** A region that scrolls sideways (wide tables), reachable by keyboard to scroll it. */
export const SCROLL: Attrs = { class: "scroll", tabindex: "0", role: "region", "aria-label": "Scrollable table" };
