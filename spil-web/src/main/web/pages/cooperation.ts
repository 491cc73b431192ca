// The cooperation register: the requests for mutual legal assistance the reader may see, per
// country (open, overdue, how long answers take) and one by one, overdue first, with deadlines.
import { api, query } from "../api";
import { count, h, notice, SCROLL, table } from "../dom";

interface Subject {
  id: string;
  caption: string;
}
interface Request {
  id: string;
  reference: string | null;
  direction: string | null;
  country: string | null;
  authority: string | null;
  legal_basis: string | null;
  subjects: Subject[];
  sent: string | null;
  acknowledged: string | null;
  answered: string | null;
  deadline: string | null;
  deadline_given: boolean;
  status: string | null;
  open: boolean;
  days: number | null;
  overdue: boolean;
}
interface Liaison {
  agency: string;
  name: string;
  contact: string;
  competence: string | null;
}
interface Country {
  country: string;
  liaisons: Liaison[];
  requests: number;
  received: number;
  open: number;
  overdue: number;
  median_days_to_answer: number | null;
  oldest_open: number | null;
}
interface Register {
  today: string;
  requests: Request[];
  countries: Country[];
}

export async function renderCooperation(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const country = params.get("country") ?? "";
  const open = params.get("open") === "true";
  const r = await api<Register>("/api/cooperation" + query({ country, open: open ? "true" : "" }));
  main.append(
    h("h1", {}, "Cooperation"),
    h(
      "p",
      { class: "lede" },
      `Requests for mutual legal assistance you may see, as of ${r.today}. A request is open until it is answered or its status closes it; past its deadline (the record's, else 90 days after it was sent) it is overdue.`,
    ),
    h(
      "p",
      { class: "chips" },
      h("a", { href: "#/cooperation", class: !country && !open ? "chosen" : null }, "All"),
      h("a", { href: "#/cooperation?open=true", class: !country && open ? "chosen" : null }, "Open"),
      country ? h("a", { href: `#/cooperation?country=${encodeURIComponent(country)}`, class: "chosen" }, `Country ${country}`) : null,
    ),
  );
  const rerender = async (message: HTMLElement) => {
    main.replaceChildren();
    await renderCooperation(main, _args, params);
    main.prepend(message);
  };
  if (r.requests.length === 0) {
    main.append(notice("No request for legal assistance you may see.", "info"), entryForm(rerender, true));
    return;
  }
  main.append(
    h("h2", {}, "Per country"),
    h(
      "div",
      SCROLL,
      table(
        ["Country", "Requests", "Received from there", "Open", "Overdue", "Median days to an answer", "Oldest open (days)", "Who to ask there"],
        r.countries.map((c) => [
          h("a", { href: `#/cooperation?country=${encodeURIComponent(c.country)}` }, c.country.toUpperCase()),
          count(c.requests),
          count(c.received),
          count(c.open),
          c.overdue ? h("strong", { class: "overdue" }, count(c.overdue)) : "0",
          c.median_days_to_answer ?? "-",
          c.oldest_open ?? "-",
          c.liaisons.length
            ? h("span", {}, c.liaisons.map((l, i) => [i ? h("br", {}) : "", h("strong", {}, l.name), ` (${l.agency}), ${l.contact}`, l.competence ? h("span", { class: "muted small" }, `; ${l.competence}`) : ""]))
            : h("span", { class: "muted" }, "no liaison in the directory"),
        ]),
      ),
    ),
    h("h2", {}, `Requests (${count(r.requests.length)})`),
    h(
      "div",
      SCROLL,
      table(
        ["Reference", "", "Country", "Authority", "Subjects", "Sent", "Acknowledged", "Deadline", "Answered", "Status", "Days"],
        r.requests.map((q) => [
          h("a", { href: `#/entity/${encodeURIComponent(q.id)}`, class: "nowrap" }, q.reference ?? q.id),
          h("span", { class: "muted small", title: incoming(q) ? "received from abroad" : "sent abroad" }, incoming(q) ? "from" : "to"),
          (q.country ?? "").toUpperCase(),
          q.authority ?? "",
          h("span", {}, q.subjects.map((s, i) => [i ? "; " : "", h("a", { href: `#/entity/${encodeURIComponent(s.id)}` }, s.caption)])),
          h("span", { class: "nowrap" }, q.sent ?? ""),
          h("span", { class: "nowrap" }, q.acknowledged ?? ""),
          h("span", { class: "nowrap", title: q.deadline_given ? "the record's deadline" : "90 days after it was sent" }, q.deadline ?? "", q.deadline_given ? "" : "*"),
          h("span", { class: "nowrap" }, q.answered ?? ""),
          q.overdue ? h("strong", { class: "overdue" }, "overdue") : q.open ? "open" : q.status ?? "closed",
          q.days ?? "",
        ]),
      ),
    ),
    h("p", { class: "small muted" }, "* no deadline on the record: 90 days after it was sent."),
    entryForm(rerender, params.has("enter")),
  );
}

const INCOMING = new Set(["in", "inkomend", "incoming", "received"]);

function incoming(q: Request): boolean {
  return INCOMING.has((q.direction ?? "").trim().toLowerCase());
}

interface Entered {
  dataset: string;
  batch_id?: number;
  unchanged_since_batch?: number;
}

/**
 * A request entered by hand: stored as a batch of the user's agency (dataset AGENCY-mla) with the
 * legal basis, handling code and sharing given; the server checks every field and names the one
 * it refuses.
 */
function entryForm(rerender: (message: HTMLElement) => Promise<void>, open: boolean): HTMLElement {
  const field = (name: string, label: string, control: HTMLElement) =>
    h("div", { class: `field field-${name}` }, h("label", { for: `mla-${name}` }, label), control);
  const input = (name: string, label: string, attrs: Record<string, string> = {}) => field(name, label, h("input", { id: `mla-${name}`, name, ...attrs }));
  const select = (name: string, label: string, options: [string, string][], chosen: string) =>
    field(name, label, h("select", { id: `mla-${name}`, name }, options.map(([v, t]) => h("option", { value: v, selected: v === chosen }, t))));
  const out = h("div", { "aria-live": "polite" });
  const form: HTMLFormElement = h(
    "form",
    {
      class: "grid-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const data = new FormData(form);
        const text = (k: string) => String(data.get(k) ?? "").trim();
        const body: Record<string, unknown> = {};
        for (const k of ["reference", "direction", "country", "authority", "treaty", "court_case", "sent", "acknowledged", "deadline", "answered", "status", "legal_basis", "handling_code", "case_id", "retention"]) {
          if (text(k)) body[k] = text(k);
        }
        body.share_with = text("share_with")
          .split(",")
          .map((a) => a.trim())
          .filter((a) => a);
        body.subjects = text("subjects")
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l)
          .map((l) => {
            const semi = l.lastIndexOf(";");
            return semi < 0 ? { name: l } : { name: l.slice(0, semi).trim(), birth_date: l.slice(semi + 1).trim() || undefined };
          });
        try {
          const done = await api<Entered>("/api/cooperation/requests", "POST", body);
          await rerender(
            notice(
              done.batch_id
                ? `Entered as batch ${done.batch_id} of ${done.dataset}.`
                : `The same entry is already batch ${done.unchanged_since_batch} of ${done.dataset}; nothing added.`,
              "ok",
            ),
          );
        } catch (err) {
          out.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        }
      },
    },
    input("reference", "Reference", { required: "required", placeholder: "RHV-2026-0101" }),
    select("direction", "Direction", [["out", "sent abroad"], ["in", "received from abroad"]], "out"),
    input("country", "Country", { required: "required", placeholder: "tg or Togo" }),
    input("authority", "Authority there"),
    input("treaty", "Treaty or instrument", { placeholder: "UNTOC art. 18" }),
    input("court_case", "Case number", { placeholder: "10/960000-23" }),
    input("sent", "Sent (received)", { type: "date", required: "required" }),
    input("acknowledged", "Acknowledged", { type: "date" }),
    input("deadline", "Deadline", { type: "date" }),
    input("answered", "Answered", { type: "date" }),
    input("status", "Status", { placeholder: "verzonden, uitgevoerd ..." }),
    field("subjects", "Subjects, one a line (name; date of birth)", h("textarea", { id: "mla-subjects", name: "subjects", rows: "3", cols: "40", placeholder: "Mark de Lindestra; 1973-02-27" })),
    input("legal_basis", "Held under legal basis", { required: "required", placeholder: "wjsg" }),
    select("handling_code", "Handling code", [["H0", "H0 crime-fighting only"], ["H1", "H1 not in court without consent"], ["H2", "H2 not passed on without consent"], ["H3", "H3 other restrictions"]], "H2"),
    input("share_with", "Shared with (agencies)", { placeholder: "politie-nl, fiod" }),
    input("case_id", "Case in Spil"),
    input("retention", "Kept for", { placeholder: "P20Y" }),
    h("button", { type: "submit", class: "primary" }, "Enter"),
    out,
  );
  return h(
    "details",
    { class: "entry", open: open ? "open" : null },
    h("summary", {}, "Enter a request by hand"),
    h("p", { class: "small muted" }, "Stored as a delivery of your agency (dataset AGENCY-mla) under the legal basis and handling code you give, shared only with the agencies you name; in the audit log, and met by watches like any delivery."),
    form,
  );
}
