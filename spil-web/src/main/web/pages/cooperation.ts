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
  if (r.requests.length === 0) {
    main.append(notice("No request for legal assistance you may see.", "info"));
    return;
  }
  main.append(
    h("h2", {}, "Per country"),
    h(
      "div",
      SCROLL,
      table(
        ["Country", "Requests", "Open", "Overdue", "Median days to an answer", "Oldest open (days)", "Who to ask there"],
        r.countries.map((c) => [
          h("a", { href: `#/cooperation?country=${encodeURIComponent(c.country)}` }, c.country.toUpperCase()),
          count(c.requests),
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
        ["Reference", "Country", "Authority", "Subjects", "Sent", "Deadline", "Status", "Days"],
        r.requests.map((q) => [
          h("a", { href: `#/entity/${encodeURIComponent(q.id)}` }, q.reference ?? q.id),
          (q.country ?? "").toUpperCase(),
          q.authority ?? "",
          h("span", {}, q.subjects.map((s, i) => [i ? "; " : "", h("a", { href: `#/entity/${encodeURIComponent(s.id)}` }, s.caption)])),
          h("span", { class: "nowrap" }, q.sent ?? ""),
          h("span", { class: "nowrap", title: q.deadline_given ? "the record's deadline" : "90 days after it was sent" }, q.deadline ?? "", q.deadline_given ? "" : "*"),
          q.overdue ? h("strong", { class: "overdue" }, "overdue") : q.open ? "open" : q.status ?? "closed",
          q.days ?? "",
        ]),
      ),
    ),
    h("p", { class: "small muted" }, "* no deadline on the record: 90 days after it was sent."),
  );
}
