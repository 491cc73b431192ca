// Money flows: the typology alerts as a triage queue (confirm, or dismiss with a reason; both
// audited and shared with the team), and the flow view of where a subject's money went, as a Sankey
// diagram in hops from the subject with a slider over the days the money moved.
import { api, query } from "../api";
import { h, notice, s, table, count, SCROLL } from "../dom";

interface Hop {
  payment: string;
  from: string;
  to: string;
  from_label: string;
  to_label: string;
  date: string;
  amount: number;
  currency: string;
  dataset: string | null;
  /** What the payer paid, where the payment counts in euros at a bank's rate. */
  paid: string | null;
}

interface Verdict {
  verdict: string;
  reason: string | null;
  by: string;
  at: string;
}

interface Alert {
  id: string;
  typology: string;
  score: number;
  accounts: string[];
  payments: string[];
  subjects: string[];
  /** Other entities the alert rests on: the shipments of a trade-based alert. */
  entities: string[];
  hops: Hop[];
  explanation: string;
  triage: Verdict | null;
}

interface FlowNode {
  id: string;
  label: string;
  kind: string;
  country: string | null;
  role: string;
  received: number;
  sent: number;
  kept: number;
}

interface Flow {
  source: string;
  target: string;
  amount: number;
  currency: string;
  payments: string[];
  datasets: string[];
  first: string;
  last: string;
}

interface Traced {
  subject: string;
  direction: string;
  traced: number;
  nodes: FlowNode[];
  flows: Flow[];
}

/** A typology the server looks for, as /api/flows/kinds gives it. */
interface Kind {
  id: string;
  label: string;
  finds: string;
}

/** The typologies in the order alerts come, read from the server once. */
let TYPOLOGIES: Kind[] = [];
const NAMES = new Map<string, string>();

async function typologies(): Promise<Kind[]> {
  if (TYPOLOGIES.length === 0) {
    TYPOLOGIES = await api<Kind[]>("/api/flows/kinds");
    for (const k of TYPOLOGIES) NAMES.set(k.id, k.label);
  }
  return TYPOLOGIES;
}

function money(amount: number, currency = "EUR"): string {
  return `${currency} ${amount.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The state of an alert for the queue: open until the team gives a verdict. */
function state(a: Alert): string {
  return a.triage?.verdict === "confirmed" || a.triage?.verdict === "dismissed" ? a.triage.verdict : "open";
}

export async function renderFlows(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const typology = params.get("typology") ?? "";
  const show = params.get("show") ?? "open";
  const since = params.get("since") ?? "";
  const until = params.get("until") ?? "";
  const kinds = await typologies();
  const typologySelect = h(
    "select",
    { id: "flows-typology", name: "typology" },
    h("option", { value: "" }, "All typologies"),
    kinds.map((k) => h("option", { value: k.id, selected: k.id === typology, title: k.finds }, k.label)),
  );
  const showSelect = h(
    "select",
    { id: "flows-show", name: "show" },
    [
      ["open", "To triage"],
      ["confirmed", "Confirmed"],
      ["dismissed", "Dismissed"],
      ["all", "All"],
    ].map(([v, l]) => h("option", { value: v, selected: v === show }, l)),
  );
  const sinceBox = h("input", { type: "date", id: "flows-since", name: "since", value: since });
  const untilBox = h("input", { type: "date", id: "flows-until", name: "until", value: until });
  const form = h(
    "form",
    {
      class: "grid-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        location.hash = "#/flows" + query({ typology: typologySelect.value, show: showSelect.value, since: sinceBox.value, until: untilBox.value });
      },
    },
    field("flows-typology", "Typology", typologySelect),
    field("flows-show", "Show", showSelect),
    field("flows-since", "Payments from", sinceBox),
    field("flows-until", "to", untilBox),
    h("button", { type: "submit", class: "primary" }, "Scan"),
  );
  main.append(
    h("h1", {}, "Money flows"),
    h(
      "p",
      { class: "lede" },
      "Laundering typologies in the payments you may see for this purpose, each alert explained. Confirm what belongs in the case file; dismiss what does not, with the reason, so that your team does not look again. Verdicts are audited.",
    ),
    form,
  );
  // every typology is scanned at once; the chosen one is picked here, so that the counts show all
  const alerts = (await api<{ results: Alert[] }>("/api/flows/typologies" + query({ since, until }))).results;
  const counts = new Map<string, number[]>();
  for (const a of alerts) {
    const c = counts.get(a.typology) ?? [0, 0];
    c[0]++;
    if (state(a) === "open") c[1]++;
    counts.set(a.typology, c);
  }
  main.append(
    h(
      "ul",
      { class: "chips", "aria-label": "Alerts per typology" },
      kinds.filter((k) => counts.has(k.id)).map(({ id, label: name, finds }) => {
        const [all, open] = counts.get(id)!;
        return h(
          "li",
          {},
          h(
            "a",
            { href: "#/flows" + query({ typology: id === typology ? "" : id, show, since, until }), class: id === typology ? "chosen" : null, "aria-current": id === typology ? "true" : null, title: finds },
            `${name} `,
            h("span", { class: "n" }, `${open} to triage / ${all}`),
          ),
        );
      }),
    ),
  );
  const shown = alerts.filter((a) => (!typology || a.typology === typology) && (show === "all" || state(a) === show));
  const status = h("p", { class: "status", role: "status" }, `${count(shown.length)} of ${count(alerts.length)} alerts shown${typology ? ` (${NAMES.get(typology)}, ${show === "all" ? "all" : show === "open" ? "to triage" : show})` : ""}.`);
  const list = h("ol", { class: "alerts" }, shown.map((a) => alertCard(a, status, show)));
  main.append(status, shown.length ? list : notice(alerts.length ? "Nothing left to triage here." : "No alerts in the payments you may see.", "info"));
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h("div", { class: "field" }, h("label", { for: id }, label), input);
}

function alertCard(a: Alert, status: HTMLElement, show: string): HTMLElement {
  const card = h("li", { class: `alert alert-${state(a)}`, id: `alert-${a.id.replace(/[^a-z0-9-]/g, "-")}` });
  const render = () => {
    const reason = h("input", { type: "text", class: "reason", "aria-label": "Reason to dismiss", placeholder: "Why dismiss? (a known loan, a payroll…)", maxlength: 2000 });
    const judge = async (verdict: string) => {
      try {
        await api("/api/flows/verdicts", "POST", { alert: a.id, verdict, reason: reason.value || null });
        a.triage = { verdict, reason: reason.value || null, by: "you", at: new Date().toISOString().slice(0, 16) };
        status.textContent = `${NAMES.get(a.typology)} alert ${verdict === "open" ? "reopened" : verdict}.`;
        if (show !== "all" && state(a) !== show) card.remove();
        else render();
      } catch (err) {
        status.textContent = err instanceof Error ? err.message : String(err);
      }
    };
    const verdict = a.triage && state(a) !== "open" ? h("span", { class: `verdict verdict-${a.triage.verdict}` }, `${a.triage.verdict} by ${a.triage.by}, ${a.triage.at.replace("T", " ").slice(0, 16)}`, a.triage.reason ? `: ${a.triage.reason}` : "") : null;
    const hub = collector(a);
    card.replaceChildren(
      h(
        "div",
        { class: "alert-head" },
        h("span", { class: `typology typology-${a.typology}` }, NAMES.get(a.typology) ?? a.typology),
        h("span", { class: "muted small", title: "What the score measures depends on the typology (docs/flows.md)" }, `score ${a.score.toLocaleString("en-GB")}`),
        verdict,
      ),
      h("p", { class: "explanation-text" }, a.explanation),
      ...(a.entities.length
        ? [
            h(
              "p",
              { class: "small" },
              a.typology === "trade-based" ? "Shipments: " : "Rests on: ",
              a.entities.map((id, i) => [i ? ", " : "", h("a", { href: `#/entity/${encodeURIComponent(id)}`, title: id }, id.slice(0, 10) + "…")]),
            ),
          ]
        : []),
      h(
        "details",
        {},
        h("summary", {}, `${count(a.hops.length)} payments, ${count(a.accounts.length)} accounts`),
        h(
          "div",
          SCROLL,
          table(
            ["Date", "Amount", "From", "To", "Payment", "Source"],
            a.hops.map((p) => [
              h("span", { class: "nowrap" }, p.date),
              h("span", { class: "nowrap amount", title: p.paid ? `paid ${p.paid}, booked in euros at the bank's rate` : null }, money(p.amount, p.currency), p.paid ? ` (paid ${p.paid})` : ""),
              p.from_label,
              p.to_label,
              h("a", { href: `#/entity/${encodeURIComponent(p.payment)}`, title: p.payment }, p.payment.slice(0, 10) + "…"),
              p.dataset ?? "",
            ]),
          ),
        ),
      ),
      h(
        "div",
        { class: "actions" },
        state(a) === "open"
          ? [
              h("button", { class: "primary", onclick: () => void judge("confirmed") }, "Confirm"),
              reason,
              h(
                "button",
                {
                  onclick: () => {
                    if (!reason.value.trim()) {
                      status.textContent = "Say why the alert is dismissed.";
                      reason.focus();
                      return;
                    }
                    void judge("dismissed");
                  },
                },
                "Dismiss",
              ),
            ]
          : h("button", { onclick: () => void judge("open") }, "Reopen"),
        h("a", { class: "button", href: `#/flows/trace/${encodeURIComponent(hub.id)}` + query({ since: hub.first, until: later(hub.last, 30) }), title: `from ${hub.label}, in the 30 days after` }, "Trace the money on"),
        h("a", { class: "button", href: `#/flows/trace/${encodeURIComponent(hub.id)}` + query({ direction: "in", since: hub.first, until: hub.last }), title: `into ${hub.label}` }, "Where it came from"),
      ),
    );
  };
  render();
  return card;
}

/** The ISO date {@code days} after another. */
function later(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The account of an alert that received the most of its money: where a trace starts. */
function collector(a: Alert): { id: string; label: string; first: string; last: string } {
  const received = new Map<string, number>();
  for (const p of a.hops) {
    if (p.to !== "cash-withdrawal") received.set(p.to, (received.get(p.to) ?? 0) + p.amount);
  }
  const id = [...received.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? a.hops[0].from;
  const hops = a.hops.filter((p) => p.to === id || p.from === id);
  const dates = hops.map((p) => p.date).sort();
  return { id, label: hops.find((p) => p.to === id)?.to_label ?? id, first: dates[0], last: dates[dates.length - 1] };
}

// ------------------------------------------------------------------------------------------ trace

const DAY = 86_400_000;

export async function renderTrace(main: HTMLElement, args: string[], params: URLSearchParams): Promise<void> {
  const subject = args[0];
  const direction = params.get("direction") === "in" ? "in" : "out";
  const p = {
    direction,
    hops: params.get("hops") ?? "4",
    window: params.get("window") ?? "30",
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    attribution: params.get("attribution") ?? "proportional",
  };
  const input = (name: keyof typeof p, label: string, attrs: Record<string, string | number>) =>
    field(`trace-${name}`, label, h("input", { id: `trace-${name}`, name, value: p[name], ...attrs }));
  const form = h(
    "form",
    {
      class: "grid-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const q: Record<string, string> = {};
        new FormData(form).forEach((v, k) => (q[k] = String(v)));
        location.hash = `#/flows/trace/${encodeURIComponent(subject)}` + query(q);
      },
    },
    field(
      "trace-direction",
      "Follow",
      h(
        "select",
        { id: "trace-direction", name: "direction" },
        h("option", { value: "out", selected: direction === "out" }, "where the money went"),
        h("option", { value: "in", selected: direction === "in" }, "where it came from"),
      ),
    ),
    input("hops", "Hops", { type: "number", min: 1, max: 12 }),
    input("window", "Days between hops", { type: "number", min: 0, max: 3660 }),
    input("since", "First payment from", { type: "date" }),
    input("until", "to", { type: "date" }),
    field(
      "trace-attribution",
      "Attribution",
      h(
        "select",
        { id: "trace-attribution", name: "attribution" },
        h("option", { value: "proportional", selected: p.attribution === "proportional" }, "proportional"),
        h("option", { value: "fifo", selected: p.attribution === "fifo" }, "first in, first out"),
      ),
    ),
    h("button", { type: "submit", class: "primary" }, "Trace"),
  );
  main.append(h("h1", {}, direction === "out" ? "Where the money went" : "Where the money came from"), form);
  const t = await api<Traced>("/api/flows/trace" + query({ subject, ...p }));
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  const start = t.nodes.find((n) => n.role === "start");
  main.append(
    h(
      "p",
      { class: "lede" },
      `${money(t.traced)} ${direction === "out" ? "left" : "reached"} ${start?.label ?? subject} in the first payments traced; ${count(t.flows.length)} flows through ${count(t.nodes.length)} accounts. Band widths are the subject's money each carried (${p.attribution === "fifo" ? "first in, first out" : "proportional"}).`,
    ),
  );
  if (t.flows.length === 0) {
    main.append(notice("No payment carried the money on in these days.", "info"));
    return;
  }
  const days = t.flows.flatMap((f) => [Date.parse(f.first), Date.parse(f.last)]);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const span = Math.max(0, Math.round((hi - lo) / DAY));
  const from = h("input", { type: "range", min: 0, max: span, value: 0, id: "slider-from", "aria-label": "From day" });
  const to = h("input", { type: "range", min: 0, max: span, value: span, id: "slider-to", "aria-label": "To day" });
  const label = h("span", { class: "muted" });
  const figure = h("figure", { class: "sankey-figure" });
  const draw = () => {
    const a = lo + Math.min(+from.value, +to.value) * DAY;
    const b = lo + Math.max(+from.value, +to.value) * DAY;
    const iso = (d: number) => new Date(d).toISOString().slice(0, 10);
    label.textContent = `${iso(a)} to ${iso(b)}`;
    const flows = t.flows.filter((f) => Date.parse(f.last) >= a && Date.parse(f.first) <= b);
    figure.replaceChildren(sankey(flows, byId, direction), h("figcaption", {}, `${count(flows.length)} flows moved between ${iso(a)} and ${iso(b)}. Blue: the subject; red: ${direction === "out" ? "where money stayed" : "where money came from"}; amber: cash or crypto.`));
  };
  from.addEventListener("input", draw);
  to.addEventListener("input", draw);
  main.append(h("div", { class: "toolbar slider" }, h("label", { for: "slider-from" }, "Days"), from, to, label), figure);
  draw();
  const ends = t.nodes.filter((n) => n.role === "end").sort((x, y) => y.kept - x.kept);
  main.append(
    h("h2", {}, direction === "out" ? "Where it stayed" : "Where it came from"),
    h(
      "div",
      SCROLL,
      table(
        ["Account", "Kind", "Country", direction === "out" ? "Kept there" : "Came from there", "Traced through it"],
        ends.slice(0, 50).map((n) => [
          h("a", { href: `#/flows/trace/${encodeURIComponent(n.id)}` + query({ direction, since: p.since, until: p.until }) }, n.label),
          n.kind,
          (n.country ?? "").toUpperCase(),
          h("span", { class: "amount nowrap" }, money(n.kept)),
          h("span", { class: "amount nowrap" }, money(n.received)),
        ]),
        ends.length > 50 ? `The 50 largest of ${ends.length}` : undefined,
      ),
    ),
    h("h2", {}, "Flows"),
    h(
      "div",
      SCROLL,
      table(
        ["Days", "Amount", "From", "To", "Payments", "Sources"],
        t.flows.slice(0, 100).map((f) => [
          h("span", { class: "nowrap" }, f.first === f.last ? f.first : `${f.first} – ${f.last}`),
          h("span", { class: "amount nowrap" }, money(f.amount, f.currency)),
          byId.get(f.source)?.label ?? f.source,
          byId.get(f.target)?.label ?? f.target,
          h("a", { href: `#/entity/${encodeURIComponent(f.payments[0])}` }, count(f.payments.length)),
          f.datasets.join(", "),
        ]),
        t.flows.length > 100 ? `The 100 largest of ${t.flows.length}` : undefined,
      ),
    ),
  );
}

/**
 * A Sankey diagram: the subject in the first column, each other account in the column of its
 * fewest hops from it, node heights and band widths in proportion to the money; a band back to an
 * earlier column is drawn as an arc below.
 */
function sankey(flows: Flow[], byId: Map<string, FlowNode>, direction: string): SVGElement {
  const width = 1100;
  const nodeWidth = 12;
  const starts = [...byId.values()].filter((n) => n.role === "start").map((n) => n.id);
  const column = new Map<string, number>(starts.map((id) => [id, 0]));
  // fewest hops from the subject, following the money (out) or against it (in)
  let frontier = [...starts];
  while (frontier.length) {
    const next: string[] = [];
    for (const f of flows) {
      const [near, far] = direction === "out" ? [f.source, f.target] : [f.target, f.source];
      if (frontier.includes(near) && !column.has(far)) {
        column.set(far, column.get(near)! + 1);
        next.push(far);
      }
    }
    frontier = next;
  }
  const used = new Set(flows.flatMap((f) => [f.source, f.target]));
  const nodes = [...used].filter((id) => column.has(id));
  const columns = Math.max(1, ...nodes.map((id) => column.get(id)!)) + 1;
  const inSum = new Map<string, number>();
  const outSum = new Map<string, number>();
  for (const f of flows) {
    outSum.set(f.source, (outSum.get(f.source) ?? 0) + f.amount);
    inSum.set(f.target, (inSum.get(f.target) ?? 0) + f.amount);
  }
  const value = (id: string) => Math.max(inSum.get(id) ?? 0, outSum.get(id) ?? 0);
  // at most 14 accounts a column, the largest
  const perColumn: string[][] = Array.from({ length: columns }, () => []);
  for (const id of nodes) perColumn[column.get(id)!].push(id);
  perColumn.forEach((c) => {
    c.sort((a, b) => value(b) - value(a));
    c.splice(14);
  });
  const shown = new Set(perColumn.flat());
  const slot = 22;
  const tallest = Math.max(...perColumn.map((c) => c.length));
  const height = Math.min(640, Math.max(240, 80 + 56 * tallest));
  const largest = Math.max(...perColumn.map((c) => c.reduce((sum, id) => sum + value(id), 0)));
  const scale = (height - 40 - slot * tallest) / Math.max(1, largest);
  const pos = new Map<string, { x: number; y: number; h: number; outY: number; inY: number }>();
  // labels beside the nodes, on the side away from the subject: room for them at that edge
  const step = columns > 1 ? (width - 242) / (columns - 1) : 0;
  perColumn.forEach((c, i) => {
    let y = 20;
    for (const id of c) {
      const hgt = Math.max(2, value(id) * scale);
      const x = direction === "out" ? 10 + i * step : width - 10 - nodeWidth - i * step;
      pos.set(id, { x, y, h: hgt, outY: y, inY: y });
      y += hgt + slot;
    }
  });
  const svg = s("svg", { class: "sankey", viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": "Flows of money between accounts" });
  const sorted = [...flows].filter((f) => pos.has(f.source) && pos.has(f.target)).sort((a, b) => b.amount - a.amount);
  let back = 0;
  for (const f of sorted) {
    const a = pos.get(f.source)!;
    const b = pos.get(f.target)!;
    const w = Math.max(1, f.amount * scale);
    const x1 = a.x + nodeWidth;
    const y1 = a.outY + w / 2;
    const x2 = b.x;
    const y2 = b.inY + w / 2;
    a.outY += w;
    b.inY += w;
    if (x2 <= x1) {
      // money back to an account nearer the subject (a cycle): listed in the tables, not drawn
      back++;
      continue;
    }
    const src = byId.get(f.source)!;
    const dst = byId.get(f.target)!;
    svg.append(
      s(
        "path",
        { d: `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`, class: "band", "stroke-width": w },
        s("title", {}, `${src.label} → ${dst.label}\n${money(f.amount, f.currency)} in ${f.payments.length} payment(s), ${f.first} – ${f.last}\n${f.datasets.join(", ")}`),
      ),
    );
  }
  for (const [id, p] of pos) {
    const n = byId.get(id)!;
    const kind = n.role === "start" ? "start" : n.kind !== "account" ? "exit" : n.role === "end" ? "kept" : "through";
    const labelLeft = direction === "in";
    const x = labelLeft ? p.x - 4 : p.x + nodeWidth + 4;
    const shownAmount = n.role === "end" && n.kind === "account" ? n.kept : value(id);
    svg.append(
      s("rect", { x: p.x, y: p.y, width: nodeWidth, height: p.h, class: `node ${kind}` }, s("title", {}, `${n.label}\nreceived ${money(n.received)}, sent on ${money(n.sent)}, kept ${money(n.kept)}`)),
      s(
        "a",
        { href: `#/flows/trace/${encodeURIComponent(id)}` + query({ direction }) },
        s("text", { x, y: p.y + 11, class: labelLeft ? "label end" : "label" }, s("title", {}, n.label), holder(n.label)),
        s("text", { x, y: p.y + 22, class: labelLeft ? "value end" : "value" }, `${money(shownAmount)}${n.role === "end" && n.kind === "account" ? (direction === "out" ? " kept" : " from here") : ""}`),
      ),
    );
  }
  const notes: string[] = [];
  if (nodes.length > shown.size) notes.push(`${nodes.length - shown.size} smaller accounts not drawn`);
  if (back > 0) notes.push(`${back} flows back to accounts nearer the subject (cycles) not drawn`);
  if (notes.length) svg.append(s("text", { x: 10, y: height - 6, class: "value" }, `${notes.join("; ")}: the tables below list them.`));
  return svg;
}

/** The holder's name of a label "IBAN (holder)", else the label; cut to fit a column. */
function holder(label: string): string {
  const m = /\((.+)\)$/.exec(label);
  const name = m ? m[1] : label;
  return name.length > 30 ? name.slice(0, 29) + "…" : name;
}

