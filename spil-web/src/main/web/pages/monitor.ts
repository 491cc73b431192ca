// Monitoring: the changes in the monthly series of what the reader may see (new flows, rises,
// drops, each with the month it starts and the month it was called) and the series themselves as
// small line charts, the changes marked where they start.
import { api, query } from "../api";
import { count, h, notice, s, SCROLL, table } from "../dom";
import { countryOutlines, MAP_HEIGHT, MAP_WIDTH } from "./map";

interface Name {
  by: string;
  key: string;
  measure: string;
}
interface Trend {
  series: Name;
  total: number;
  /** A withheld cell (a reader who may see counts only) has no value. */
  points: { period: string; value: number | null; suppressed?: boolean }[];
}
interface Ranked {
  quarter: string;
  country: string;
  rank: number;
  score: number;
  best_rank: number;
  worst_rank: number;
  reasons: { indicator: string; value: number; contribution: number; explanation: string }[];
  history: { quarter: string; rank: number; score: number }[];
  liaisons: { agency: string; name: string; contact: string }[];
}
interface Change {
  series: Name;
  kind: string;
  start: string;
  called: string;
  before: number;
  after: number;
  strength: number;
  detectors: string[];
  explanation: string;
}

const MEASURES = ["shipments", "shipment-value", "shipment-tonnes", "seizures", "seizure-quantity", "crossings", "mla-requests"];
const DIMENSIONS = ["country", "port", "route", "goods", "drug", "agency", "all"];
const NARROW = 560;
const WIDE = 1200;
const HEIGHT = 170;
const LEFT = 48;
const BOTTOM = 22;

function select(id: string, values: string[], chosen: string): HTMLSelectElement {
  return h("select", { id, name: id }, values.map((v) => h("option", { value: v, selected: v === chosen }, v)));
}

function link(n: Name): string {
  return "#/monitor" + query({ measure: n.measure, by: n.by, key: n.key });
}

function number(v: number): string {
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-GB") : String(Math.round(v * 10) / 10);
}

/** The total of a series; for counts with cells withheld, of the cells shown. */
function totalText(t: Trend): string {
  const withheld = t.points.filter((p) => p.value === null).length;
  return withheld === 0 ? `: ${number(t.total)} in all` : `: ${number(t.total)} in the cells shown, ${withheld} of ${t.points.length} withheld (fewer than 10)`;
}

/** A series as a line over its periods, each change starting in it marked and named. */
function chart(t: Trend, changes: Change[], width: number): SVGElement {
  const n = t.points.length;
  const most = Math.max(1, ...t.points.map((p) => p.value ?? 0));
  const x = (i: number) => LEFT + (i * (width - LEFT - 8)) / Math.max(1, n - 1);
  const y = (v: number) => 8 + (HEIGHT - BOTTOM - 8) * (1 - v / most);
  // a withheld cell breaks the line: nothing is drawn where nothing may be read
  const path = t.points
    .map((p, i) => (p.value === null ? "" : `${i === 0 || t.points[i - 1].value === null ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .join(" ");
  // a value between two withheld ones has no line to be on: a dot
  const alone = t.points.map((p, i) =>
    p.value !== null && (i === 0 || t.points[i - 1].value === null) && (i === n - 1 || t.points[i + 1].value === null)
      ? s("circle", { cx: x(i), cy: y(p.value), r: 2, class: "alone" })
      : null,
  );
  const withheld = t.points.map((p, i) => (p.value === null ? s("rect", { x: x(i) - 2, y: HEIGHT - BOTTOM - 4, width: 4, height: 4, class: "withheld" }, s("title", {}, `${p.period}: withheld (fewer than 10)`)) : null));
  const marks = changes.map((c) => {
    const i = t.points.findIndex((p) => p.period === c.start);
    if (i < 0) return null;
    return s(
      "g",
      { class: `change change-${c.kind}` },
      s("line", { x1: x(i), x2: x(i), y1: 4, y2: HEIGHT - BOTTOM }),
      s("text", { x: x(i) + 3, y: 14 }, `${c.kind} ${c.start}`),
      s("title", {}, c.explanation),
    );
  });
  const years = t.points
    .map((p, i) => [p, i] as const)
    .filter(([p, i]) => i === 0 || p.period.endsWith("-01") || p.period.endsWith("Q1") || p.period.endsWith("W01"))
    .map(([p, i]) => s("text", { x: x(i), y: HEIGHT - 6, class: "tick" }, p.period.includes("W") ? p.period : p.period.substring(0, 7)));
  return s(
    "svg",
    { class: "trend", viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", "aria-label": `${t.series.measure} by ${t.series.by} ${t.series.key}: ${n} periods` },
    s("line", { x1: LEFT, x2: width - 8, y1: HEIGHT - BOTTOM, y2: HEIGHT - BOTTOM, class: "axis" }),
    s("text", { x: LEFT - 4, y: 14, class: "tick end" }, number(most)),
    s("text", { x: LEFT - 4, y: HEIGHT - BOTTOM, class: "tick end" }, "0"),
    years,
    marks,
    withheld,
    alone,
    s("path", { d: path, class: "series" }),
  );
}

const INDICATORS = ["flows", "growth", "seizures", "crossings", "payments", "requests", "pending", "signals"];

/** The value a country shows on the map: its score, or one indicator's value that quarter. */
function valueOf(r: Ranked, colour: string): number {
  if (colour === "score") return r.score;
  return r.reasons.find((x) => x.indicator === colour)?.value ?? 0;
}

/**
 * The world shaded by the focus ranking: by score, or by one indicator's value, darker for more;
 * each country's title says its rank and what the colour counts, a click opens its series.
 */
function focusMap(ranked: Ranked[], colour: string, choose: (colour: string) => void): { control: HTMLElement; figure: HTMLElement } {
  const by = new Map(ranked.map((r) => [r.country, r]));
  const max = Math.max(0, ...ranked.map((r) => valueOf(r, colour)));
  const box = select("monitor-colour", ["score", ...INDICATORS], colour);
  box.addEventListener("change", () => choose(box.value));
  // six shades (classes: the page's policy allows no inline style), square-root scaled so that
  // a country with a quarter of the leader's value is still seen
  const shade = (v: number) => (v <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil(Math.sqrt(v / max) * 6)));
  const outlines = countryOutlines();
  // the ten first are numbered where they lie: a small country (Togo) is found by its number
  const marks = outlines
    .filter((c) => (by.get(c.alpha2)?.rank ?? 99) <= 10)
    .map((c) => {
      const r = by.get(c.alpha2) as Ranked;
      return s("g", { class: "rank-mark", transform: `translate(${c.centre[0].toFixed(1)},${c.centre[1].toFixed(1)})` }, s("circle", { r: 8 }), s("text", { "text-anchor": "middle", dy: "3.5" }, String(r.rank)), s("title", {}, `${c.name}: rank ${r.rank}`));
    });
  const shapes = outlines.map((c) => {
    const r = by.get(c.alpha2);
    const v = r ? valueOf(r, colour) : 0;
    const level = r ? shade(v) : 0;
    const title = r
      ? `${c.name} (${c.alpha2.toUpperCase()}): rank ${r.rank}, score ${r.score.toFixed(2)}` + (colour === "score" ? "" : `; ${colour} ${v.toLocaleString("en")}`)
      : c.name;
    const path = s("path", { d: c.d, class: level ? `country ranked shade-${level}` : "country", "data-country": c.alpha2 }, s("title", {}, title));
    return r ? s("a", { href: `#/monitor${query({ by: "country", key: c.alpha2 })}` }, path) : path;
  });
  const legendStops = [1, 2, 3, 4, 5, 6].map((l) => ((l / 6) * (l / 6)) * max);
  const control = h("div", { class: "field" }, h("label", { for: "monitor-colour" }, "Colour the map by"), box);
  const figure = h(
    "div",
    { class: "focus-map" },
    s("svg", { class: "map", viewBox: `0 20 ${MAP_WIDTH} ${MAP_HEIGHT - 80}`, "aria-label": `countries shaded by ${colour}` }, s("rect", { class: "sea", x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT }), shapes, marks),
    h(
      "p",
      { class: "legend small muted" },
      max > 0
        ? [`${colour === "score" ? "Score" : colour}: `, "up to ", legendStops.map((v, i) => h("span", { class: `swatch shade-${i + 1}` }, colour === "score" ? v.toFixed(2) : Math.round(v).toLocaleString("en"))), " grey: nothing you may see."]
        : `No country has any ${colour} this quarter you may see.`,
    ),
  );
  return { control, figure };
}

export async function renderMonitor(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const measure = params.get("measure") ?? "shipments";
  const by = params.get("by") ?? "country";
  const key = params.get("key") ?? "";
  const period = params.get("period") ?? "month";
  const measureBox = select("monitor-measure", MEASURES, measure);
  const byBox = select("monitor-by", DIMENSIONS, by);
  const periodBox = select("monitor-period", ["month", "week", "quarter"], period);
  const keyBox = h("input", { id: "monitor-key", name: "key", value: key, placeholder: "tg, TGLFW", size: 10 });
  main.append(
    h("h1", {}, "Monitor"),
    h(
      "p",
      { class: "lede" },
      "The picture of what you may see: the focus countries of a quarter on a map and in a ranking, with what moved each; what changed in the monthly series (new flows, rises and drops, and growth or decline month after month, each with the month it starts and the month a monitor would have called it, found by online change-point detection and a seasonal count alarm, confirmed by binary segmentation, and by a broken-line fit for slopes); and the series themselves, the changes marked where they start.",
    ),
  );
  const quarter = params.get("quarter") ?? "";
  const [changes, trends, focus] = await Promise.all([
    // weekly series are judged per week, monthly and quarterly ones per month
    api<Change[]>("/api/signals" + query({ period: period === "week" ? "week" : "" })),
    api<Trend[]>("/api/trends" + query({ measure, by, key, period, top: key ? 1 : 8 })),
    api<Ranked[]>("/api/focus" + query({ quarter, top: 0 })),
  ]);
  const everyCountry = focus;
  main.append(h("h2", {}, focus.length ? `Focus countries, ${focus[0].quarter}` : "Focus countries"));
  if (focus.length === 0) {
    main.append(notice("Nothing you may see to rank countries by.", "info"));
  } else {
    const quarterBox = select("monitor-quarter", [...new Set([...focus.flatMap((r) => r.history.map((p) => p.quarter)), focus[0].quarter])].sort(), focus[0].quarter);
    quarterBox.addEventListener("change", () => {
      location.hash = "#/monitor" + query({ measure, by, key, period, quarter: quarterBox.value, colour: params.get("colour") });
    });
    const map = focusMap(everyCountry, params.get("colour") ?? "score", (colour) => {
      location.hash = "#/monitor" + query({ measure, by, key, period, quarter: quarterBox.value, colour });
    });
    main.append(
      h("div", { class: "grid-form" }, h("div", { class: "field" }, h("label", { for: "monitor-quarter" }, "Quarter"), quarterBox), map.control),
      map.figure,
      h(
        "div",
        SCROLL,
        table(
          ["Rank", "Country", "Score", "Rank if a weight halves or doubles", "What moved it", "Rank in the quarters before", "Who to ask there"],
          focus.slice(0, 10).map((r) => [
            String(r.rank),
            h("a", { href: link({ measure: "shipments", by: "country", key: r.country }) }, r.country.toUpperCase()),
            r.score.toFixed(2),
            r.best_rank === r.worst_rank ? String(r.rank) : `${r.best_rank}–${r.worst_rank}`,
            h("ul", { class: "reasons" }, r.reasons.map((x) => h("li", {}, `+${x.contribution.toFixed(2)} ${x.explanation}`))),
            r.history
              .slice(-6)
              .map((p) => `${p.quarter} ${p.rank}`)
              .join(", "),
            r.liaisons.length
              ? h("span", { class: "small" }, r.liaisons.map((l, i) => [i ? h("br", {}) : "", h("a", { href: `#/cooperation?country=${encodeURIComponent(r.country)}` }, l.name), ` (${l.agency}), ${l.contact}`]))
              : h("span", { class: "muted small" }, "no liaison in the directory"),
          ]),
          `The ten first of ${count(focus.length)} countries, ranked by ${INDICATORS.length} indicators, each normalised by the largest that quarter and weighted (focus.weights); ${quarterBox.options.length} quarters ranked.`,
        ),
      ),
    );
  }
  main.append(h("h2", {}, `Signals (${count(changes.length)}${period === "week" ? ", per week" : ""})`));
  if (changes.length === 0) {
    main.append(notice("No change found in the series you may see.", "info"));
  } else {
    const newest = [...changes].sort((a, b) => b.called.localeCompare(a.called));
    main.append(
      h(
        "div",
        SCROLL,
        table(
          ["Starts", "Called", "Kind", "Series", `Before → after (a ${period === "week" ? "week" : "month"})`, "Strength", "Found by"],
          newest.map((c) => [
            c.start,
            c.called,
            h("span", { class: `kind kind-${c.kind}` }, c.kind),
            h("a", { href: link(c.series) }, `${c.series.measure} by ${c.series.by} ${c.series.key}`),
            `${number(c.before)} → ${number(c.after)}`,
            String(c.strength),
            c.detectors.join(", "),
          ]),
        ),
      ),
    );
  }
  main.append(
    h("h2", {}, "Series"),
    h(
      "form",
      {
        class: "grid-form",
        onsubmit: (e: Event) => {
          e.preventDefault();
          location.hash = "#/monitor" + query({ measure: measureBox.value, by: byBox.value, key: keyBox.value, period: periodBox.value });
        },
      },
      h("div", { class: "field" }, h("label", { for: "monitor-measure" }, "Measure"), measureBox),
      h("div", { class: "field" }, h("label", { for: "monitor-by" }, "By"), byBox),
      h("div", { class: "field" }, h("label", { for: "monitor-key" }, "Only"), keyBox),
      h("div", { class: "field" }, h("label", { for: "monitor-period" }, "Period"), periodBox),
      h("button", { type: "submit", class: "primary" }, "Show"),
    ),
  );
  if (trends.length === 0) {
    main.append(notice("Nothing you may see to count this way.", "info"));
    return;
  }
  const grid = h("div", { class: "trend-grid" });
  for (const t of trends) {
    const mine = changes.filter((c) => c.series.measure === t.series.measure && c.series.by === t.series.by && c.series.key === t.series.key);
    const one = trends.length === 1;
    grid.append(
      h(
        "figure",
        { class: one ? "trend-figure wide" : "trend-figure" },
        chart(t, period === "quarter" ? [] : mine, one ? WIDE : NARROW),
        h("figcaption", {}, h("a", { href: link(t.series) }, `${t.series.measure} by ${t.series.by} ${t.series.key}`), totalText(t), mine.length ? `; ${mine.map((c) => `${c.kind} from ${c.start}`).join(", ")}` : ""),
        one ? h("ul", { class: "explanations" }, mine.map((c) => h("li", {}, c.explanation))) : null,
      ),
    );
  }
  main.append(grid);
}
