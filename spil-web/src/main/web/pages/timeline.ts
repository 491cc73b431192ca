// The timeline of an entity: its dated relations on one time axis, a lane per kind, each event a
// mark with its date, parties and amount on hover and in the list below.
import { h, notice, s, table, SCROLL } from "../dom";
import { eventsOf, time } from "../events";
import type { Event } from "../events";

const COLOURS: Record<string, string> = {
  Payment: "#2e7d5b",
  Shipment: "#1565c0",
  BorderCrossing: "#6c4f8c",
  Message: "#c62828",
  Directorship: "#8c6d1f",
  Ownership: "#8c564b",
  CourtCase: "#37474f",
};

export async function renderTimeline(main: HTMLElement, args: string[], params: URLSearchParams): Promise<void> {
  const found = await eventsOf(args[0]);
  const { entity, more } = found;
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const events = found.events.filter((e) => (!from || (e.end ?? e.date) >= from) && (!to || e.date <= to + "\uffff"));
  const fromBox = h("input", { type: "date", id: "tl-from", value: from, "aria-label": "From" });
  const toBox = h("input", { type: "date", id: "tl-to", value: to, "aria-label": "To" });
  const range = h(
    "form",
    {
      class: "grid-form",
      onsubmit: (e: SubmitEvent) => {
        e.preventDefault();
        const q = new URLSearchParams();
        if (fromBox.value) q.set("from", fromBox.value);
        if (toBox.value) q.set("to", toBox.value);
        location.hash = `#/timeline/${encodeURIComponent(args[0])}?${q.toString()}`;
      },
    },
    h("div", { class: "field" }, h("label", { for: "tl-from" }, "From"), fromBox),
    h("div", { class: "field" }, h("label", { for: "tl-to" }, "To"), toBox),
    h("button", { type: "submit" }, "Show"),
    busiest(found.events, args[0]),
  );
  main.append(
    h("h1", {}, "Timeline: ", h("a", { href: `#/entity/${encodeURIComponent(entity.id)}` }, entity.caption)),
    h("p", { class: "lede" }, `${events.length} of ${found.events.length} dated events visible for this purpose${from || to ? ` between ${from || "the first"} and ${to || "the last"}` : ""}.`),
    range,
  );
  if (events.length === 0) {
    main.append(notice("No dated relation of this entity is visible for this purpose.", "info"));
    return;
  }
  const lanes = [...new Set(events.map((e) => e.kind))].sort();
  const t0 = time(events[0].date);
  const t1 = Math.max(t0 + 86_400_000, ...events.map((e) => time(e.end ?? e.date)));
  const width = 1000;
  const left = 130;
  const lane = 34;
  const height = lanes.length * lane + 40;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - 20);
  const years: number[] = [];
  for (let y = new Date(t0).getUTCFullYear(); y <= new Date(t1).getUTCFullYear() + 1; y++) years.push(y);
  const step = Math.max(1, Math.ceil(years.length / 12));
  const svg = s(
    "svg",
    { class: "timeline", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `Timeline of ${events.length} events` },
    years
      .filter((y, i) => i % step === 0 && Date.UTC(y, 0, 1) >= t0 && Date.UTC(y, 0, 1) <= t1)
      .map((y) => [s("line", { x1: x(Date.UTC(y, 0, 1)), x2: x(Date.UTC(y, 0, 1)), y1: 0, y2: height - 24, class: "grid" }), s("text", { x: x(Date.UTC(y, 0, 1)) + 2, y: height - 8, class: "year" }, String(y))]),
    lanes.map((k, i) => [s("text", { x: 4, y: i * lane + 24, class: "lane" }, k), s("line", { x1: left, x2: width - 10, y1: i * lane + 20, y2: i * lane + 20, class: "lane-line" })]),
    events.map((e) => {
      const y = lanes.indexOf(e.kind) * lane + 20;
      const colour = COLOURS[e.kind] ?? "#455a64";
      const title = s("title", {}, describe(e));
      if (e.end) {
        return s("rect", { x: x(time(e.date)), y: y - 5, width: Math.max(3, x(time(e.end)) - x(time(e.date))), height: 10, fill: colour, opacity: 0.6 }, title);
      }
      return s("circle", { cx: x(time(e.date)), cy: y, r: 5, fill: colour, opacity: 0.75 }, title);
    }),
  );
  main.append(h("figure", { class: "timeline-figure" }, svg));
  main.append(
    h(
      "div",
      SCROLL,
      table(
        ["Date", "Kind", "As", "With", "Relation", "Amount"],
        events.map((e) => [
          e.end ? `${e.date} – ${e.end}` : e.date,
          e.kind,
          e.relation.role,
          h("span", {}, e.relation.parties.map((p, i) => [i ? ", " : "", h("a", { href: `#/entity/${encodeURIComponent(p.id)}` }, p.caption)])),
          h("a", { href: `#/entity/${encodeURIComponent(e.relation.id)}` }, e.relation.caption),
          amountOf(e),
        ]),
      ),
      more ? notice("Only the first 2,000 relations are shown.", "info") : null,
    ),
  );
}

function amountOf(e: Event): string {
  const amount = e.relation.properties.amount?.[0] ?? e.relation.properties.declaredValue?.[0];
  return amount ? `${Number(amount).toLocaleString("en-GB")} ${e.relation.properties.currency?.[0] ?? ""}` : "";
}

/** A link to the two years with most events, when the events span far more. */
function busiest(events: Event[], id: string): HTMLElement | null {
  if (events.length < 10) return null;
  const first = Number(events[0].date.slice(0, 4));
  const last = Number(events[events.length - 1].date.slice(0, 4));
  if (last - first < 5) return null;
  const byYear = new Map<number, number>();
  for (const e of events) byYear.set(Number(e.date.slice(0, 4)), (byYear.get(Number(e.date.slice(0, 4))) ?? 0) + 1);
  let best = first;
  let most = -1;
  for (let y = first; y <= last; y++) {
    const n = (byYear.get(y) ?? 0) + (byYear.get(y + 1) ?? 0);
    if (n > most) {
      most = n;
      best = y;
    }
  }
  return h("a", { class: "button", href: `#/timeline/${encodeURIComponent(id)}?from=${best}-01-01&to=${best + 1}-12-31` }, `Busiest: ${best}–${best + 1} (${most})`);
}

function describe(e: Event): string {
  const amount = e.relation.properties.amount?.[0];
  const currency = e.relation.properties.currency?.[0] ?? "";
  const parties = e.relation.parties.map((p) => `${p.role}: ${p.caption}`).join("; ");
  return `${e.date}${e.end ? " – " + e.end : ""} ${e.kind} (${e.relation.role})${amount ? ` ${amount} ${currency}` : ""}${parties ? " · " + parties : ""}`;
}
