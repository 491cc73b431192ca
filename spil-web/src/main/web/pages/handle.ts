// A chat handle: who may be behind it (candidates with their evidence, a decision beside each),
// whom it writes with, its conversations (groups marked, threads counted, each a link to read it)
// and when it writes (messages sent per weekday and hour, UTC).
import { api } from "../api";
import { count, h, handleLink, handleLinks, notice } from "../dom";
import type { AttributionCandidate, HandleAttribution, HandleConversation } from "../types";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Candidates below this score are folded away, unless among the first three. */
const WEAK = 0.2;

export async function renderHandle(main: HTMLElement, args: string[]): Promise<void> {
  const handle = decodeURIComponent(args[0]);
  let a: HandleAttribution;
  try {
    a = await api<HandleAttribution>(`/api/handles/${encodeURIComponent(handle)}/attribution`);
  } catch (e) {
    main.append(h("h1", {}, handle), notice(e instanceof Error ? e.message : String(e)));
    return;
  }
  const rerender = async () => {
    main.replaceChildren();
    await renderHandle(main, args);
  };
  main.append(
    h("h1", {}, handle),
    h(
      "p",
      { class: "lede" },
      `${count(a.messages)} messages (${count(a.received)} received), sent from ${a.devices.length === 0 ? "an unknown device" : a.devices.join(", ")}`,
      a.shares_devices_with.length === 0 ? "" : "; the same device as ",
      ...handleLinks(a.shares_devices_with),
      ". ",
      h("a", { href: `#/messages?${new URLSearchParams({ handle: a.handle, sort: "time" }).toString()}` }, "Read its messages"),
    ),
  );
  const candidates = h("section", {}, h("h2", {}, "Who may be behind it"));
  if (a.candidates.length === 0) candidates.append(notice("Nothing in its messages points to a person you may see.", "info"));
  else {
    // the strong first (at least three); the weak (a number many share) folded away
    const shown = a.candidates.slice(0, 10);
    const strong = shown.filter((c, i) => i < 3 || c.score >= WEAK);
    const weak = shown.slice(strong.length);
    candidates.append(h("ol", { class: "candidates" }, strong.map((c) => candidate(a.handle, c, rerender))));
    if (weak.length > 0)
      candidates.append(
        h(
          "details",
          { class: "weaker" },
          h("summary", {}, `${weak.length} weaker candidate${weak.length === 1 ? "" : "s"} (below ${WEAK.toFixed(2)})`),
          h("ol", { class: "candidates", start: String(strong.length + 1) }, weak.map((c) => candidate(a.handle, c, rerender))),
        ),
      );
  }
  const side = h(
    "section",
    { class: "side" },
    h("h2", {}, "When it writes"),
    clock(a.activity),
    h("h2", {}, "Whom it writes with"),
    h("p", { class: "small muted" }, "Who is likely behind the ten it writes with most weighs its candidates: one whose known associates they are is likelier."),
    h(
      "table",
      { class: "contacts" },
      h("thead", {}, h("tr", {}, h("th", {}, "handle"), h("th", { class: "num" }, "sent"), h("th", { class: "num" }, "received"), h("th", {}, "likely"))),
      h(
        "tbody",
        {},
        a.contacts.map((c) =>
          h(
            "tr",
            {},
            h("td", {}, handleLink(c.handle)),
            h("td", { class: "num" }, count(c.sent)),
            h("td", { class: "num" }, count(c.received)),
            h("td", { class: "small" }, c.person ? h("a", { href: `#/entity/${encodeURIComponent(c.person)}`, title: "Likeliest behind this contact, from its own messages: its share of the candidates' scores" }, `${c.caption} (${c.share?.toFixed(2)})`) : ""),
          ),
        ),
      ),
    ),
    h("h2", {}, "Conversations"),
    conversations(a.conversations),
  );
  main.append(h("div", { class: "columns handle-layout" }, candidates, side));
}

function candidate(handle: string, c: AttributionCandidate, rerender: () => Promise<void>): HTMLElement {
  const status = h("span", { class: "small", "aria-live": "polite" });
  const reason = h("input", { class: "reason", placeholder: "why (needed for not this person)", "aria-label": `Reason for ${c.caption}` });
  const decide = (verdict: string) => async () => {
    try {
      await api("/api/handles/decisions", "POST", { handle, person: c.person, verdict, reason: reason.value.trim() || null });
      await rerender();
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const level = c.score >= 0.8 ? "high" : c.score >= 0.5 ? "medium" : "low";
  return h(
    "li",
    { class: `triaged triage-${level}` },
    h(
      "div",
      { class: "alert-head" },
      h("span", { class: `score score-${level}` }, c.score.toFixed(2)),
      h("a", { href: `#/entity/${encodeURIComponent(c.person)}` }, c.caption),
      c.decision ? h("span", { class: `verdict verdict-${c.decision}` }, c.decision === "confirmed" ? "confirmed" : c.decision === "dismissed" ? "not this person" : "reopened", c.decision_reason ? `: ${c.decision_reason}` : "") : null,
    ),
    h("ul", { class: "reasons small" }, c.evidence.map((e) => h("li", {}, e))),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: decide("confirmed") }, "It is this person"),
      reason,
      h("button", { type: "button", onclick: decide("dismissed") }, "Not this person"),
      c.decision ? h("button", { type: "button", onclick: decide("open") }, "Reopen") : null,
      status,
    ),
  );
}

/** The handle's conversations, most messages first: with whom, how many, when, in how many threads. */
function conversations(list: HandleConversation[]): HTMLElement {
  if (list.length === 0) return notice("No conversation you may read.", "info");
  return h(
    "table",
    { class: "contacts conversations" },
    h("thead", {}, h("tr", {}, h("th", {}, "with"), h("th", { class: "num" }, "messages"), h("th", {}, "when"), h("th", { class: "num", title: "runs of messages less than six hours apart" }, "threads"))),
    h(
      "tbody",
      {},
      list.map((c) =>
        h(
          "tr",
          {},
          h(
            "td",
            {},
            c.group ? h("span", { class: "badge badge-group", title: c.conversation }, `group of ${c.with.length + 1}`) : null,
            c.group ? " " : null,
            ...handleLinks(c.with, 6),
            " ",
            h("a", { class: "small", href: `#/messages?${new URLSearchParams({ conversation: c.conversation, sort: "time" }).toString()}` }, "read"),
          ),
          h("td", { class: "num", title: `${c.sent} sent by this handle` }, count(c.messages)),
          h("td", { class: "small" }, c.first.slice(0, 10) === c.last.slice(0, 10) ? c.first.slice(0, 10) : `${c.first.slice(0, 10)} – ${c.last.slice(0, 10)}`),
          h("td", { class: "num" }, count(c.threads)),
        ),
      ),
    ),
  );
}

/** Messages sent per weekday and hour as a grid of shaded cells, with the counts as titles. */
function clock(activity: number[][]): HTMLElement {
  const most = Math.max(1, ...activity.flat());
  const table = h("table", { class: "clock", "aria-label": "Messages sent per weekday and hour (UTC)" });
  const head = h("tr", {}, h("th", {}, ""));
  for (let hour = 0; hour < 24; hour++) head.append(h("th", { scope: "col" }, hour % 6 === 0 ? String(hour) : ""));
  table.append(h("thead", {}, head));
  const body = h("tbody", {});
  activity.forEach((row, day) => {
    const tr = h("tr", {}, h("th", { scope: "row" }, DAYS[day]));
    row.forEach((n, hour) => {
      const cell = h("td", { title: `${DAYS[day]} ${hour}:00-${hour}:59 UTC: ${n} sent` }, "");
      cell.style.background = n === 0 ? "#f4f6f8" : `rgba(11, 87, 208, ${0.15 + (0.85 * n) / most})`;
      tr.append(cell);
    });
    body.append(tr);
  });
  table.append(body);
  return table;
}
