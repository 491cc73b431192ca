// Messages: full-text search in the intercepted chats the reader may read, each hit shown in its
// conversation (the messages just before and after it, muted), the matched words marked. A handle
// or a conversation is a link that narrows the search to it; a conversation read whole is in time
// order, as one thread.
import { api, purpose, query } from "../api";
import { count, h, handleLink, notice, pager, utcMinute } from "../dom";
import type { MessageHit, MessageLine, MessagePage } from "../types";

const PAGE = 20;

function go(params: URLSearchParams): void {
  for (const [k, v] of [...params.entries()]) if (!v) params.delete(k);
  location.hash = "#/messages?" + params.toString();
}

/** A link that sets one filter (and drops paging), keeping the others. */
function narrow(params: URLSearchParams, key: string, value: string, label: string, extra: Record<string, string> = {}): HTMLElement {
  const next = new URLSearchParams(params);
  next.delete("offset");
  next.set(key, value);
  for (const [k, v] of Object.entries(extra)) next.set(k, v);
  return h("a", { href: "#/messages?" + next.toString(), class: "handle" }, label);
}

/** The body with its highlighted spans in mark elements, built without HTML parsing. */
function marked(body: string, highlights: { start: number; end: number }[]): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of highlights) {
    if (m.start > at) out.push(body.slice(at, m.start));
    out.push(h("mark", {}, body.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < body.length) out.push(body.slice(at));
  return out;
}

function line(params: URLSearchParams, m: MessageLine, kind: "context" | "hit" | "plain", body: (string | HTMLElement)[]): HTMLElement {
  return h(
    "li",
    { class: "msg " + kind, "data-id": m.id },
    h("time", { datetime: m.time }, utcMinute(m.time)),
    h(
      "span",
      { class: "who" },
      narrow(params, "handle", m.from, m.from),
      " → ",
      ...m.to.flatMap((t, i) => (i === 0 ? [narrow(params, "handle", t, t)] : [", ", narrow(params, "handle", t, t)])),
    ),
    h("span", { class: "body" }, ...body),
  );
}

function card(params: URLSearchParams, hit: MessageHit): HTMLElement {
  return h(
    "li",
    { class: "conversation" },
    h(
      "div",
      { class: "meta" },
      h("span", {}, "conversation "),
      narrow(params, "conversation", hit.conversation, hit.conversation, { sort: "time", q: "" }),
      h("span", { class: "n" }, ` · ${hit.dataset ?? ""} · ${hit.language ?? "und"} · ${hit.id}`),
    ),
    h(
      "ol",
      { class: "thread" },
      ...hit.before.map((m) => line(params, m, "context", [m.body])),
      line(params, hit, "hit", marked(hit.body, hit.highlights)),
      ...hit.after.map((m) => line(params, m, "context", [m.body])),
    ),
  );
}

export async function renderMessages(main: HTMLElement, _args: string[], params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? "";
  const box = h("input", {
    id: "mq",
    type: "search",
    name: "q",
    value: q,
    placeholder: 'Words, "a phrase", "near words"~5, wild*, fuzzy~, OR, NOT',
    autocomplete: "off",
    "aria-label": "Search the messages",
  });
  const handle = h("input", { id: "handle", value: params.get("handle") ?? "", placeholder: "handle", "aria-label": "Sent or received by handle", size: 14 });
  const since = h("input", { id: "since", type: "date", value: params.get("since") ?? "", "aria-label": "Sent from" });
  const until = h("input", { id: "until", type: "date", value: params.get("until") ?? "", "aria-label": "Sent until" });
  const language = h(
    "select",
    { id: "language", "aria-label": "Language" },
    ...[
      ["", "any language"],
      ["nld", "Dutch"],
      ["eng", "English"],
      ["fra", "French"],
    ].map(([v, label]) => h("option", { value: v, selected: v === (params.get("language") ?? "") }, label)),
  );
  const sort = h(
    "select",
    { id: "sort", "aria-label": "Order" },
    h("option", { value: "score", selected: params.get("sort") !== "time" }, "best first"),
    h("option", { value: "time", selected: params.get("sort") === "time" }, "oldest first"),
  );
  const submit = (e?: Event) => {
    e?.preventDefault();
    const next = new URLSearchParams(params);
    next.set("q", box.value.trim());
    next.set("handle", handle.value.trim());
    next.set("since", since.value);
    next.set("until", until.value);
    next.set("language", language.value);
    next.set("sort", sort.value);
    next.delete("offset");
    go(next);
  };
  language.addEventListener("change", submit);
  sort.addEventListener("change", submit);
  const form = h(
    "form",
    { class: "searchbar", role: "search", onsubmit: submit },
    box,
    h("button", { type: "submit", class: "primary" }, "Search"),
    h("span", { class: "filters" }, handle, language, sort, h("span", { class: "dates" }, "sent ", since, " to ", until)),
  );
  main.append(h("h1", { class: "visually-hidden" }, "Messages"), form);
  box.focus();
  const conversation = params.get("conversation");
  const chosenHandle = params.get("handle");
  if (chosenHandle) {
    const next = new URLSearchParams(params);
    next.delete("handle");
    next.delete("offset");
    main.append(
      h(
        "p",
        { class: "chosen-filter" },
        "Sent or received by ",
        h("strong", {}, chosenHandle),
        " ",
        h("a", { href: "#/messages?" + next.toString() }, "(any handle)"),
        " · ",
        handleLink(chosenHandle, `who is behind ${chosenHandle}?`),
      ),
    );
  }
  if (conversation) {
    const next = new URLSearchParams(params);
    next.delete("conversation");
    next.delete("offset");
    main.append(h("p", { class: "chosen-filter" }, "In conversation ", h("strong", {}, conversation), " ", h("a", { href: "#/messages?" + next.toString() }, "(all conversations)")));
  }
  const offset = Number(params.get("offset") ?? "0") || 0;
  let answer: MessagePage;
  try {
    answer = await api<MessagePage>(
      "/api/messages/search" +
        query({
          q,
          handle: params.get("handle"),
          from: params.get("from"),
          to: params.get("to"),
          conversation,
          since: params.get("since"),
          until: params.get("until"),
          language: params.get("language"),
          dataset: params.get("dataset"),
          sort: params.get("sort"),
          context: conversation ? 0 : 2,
          limit: PAGE,
          offset,
        }),
    );
  } catch (e) {
    main.append(notice(e instanceof Error ? e.message : String(e)));
    return;
  }
  const summary = h(
    "p",
    { class: "summary", role: "status" },
    answer.total === 0
      ? `No message matches${q ? ` “${q}”` : ""} for ${purpose()}.`
      : `${offset + 1}–${offset + answer.results.length} of ${count(answer.total)} ${answer.total === 1 ? "message" : "messages"}${q ? ` matching “${q}”` : ""}`,
  );
  const list = h("ol", { class: "conversations", start: offset + 1 });
  if (conversation && !q) {
    // a conversation read whole: one thread, in time order
    list.append(
      h(
        "li",
        { class: "conversation" },
        h("ol", { class: "thread" }, ...answer.results.map((m) => line(params, m, "plain", [m.body]))),
      ),
    );
  } else {
    for (const hit of answer.results) list.append(card(params, hit));
  }
  const pages = pager("messages", params, offset, PAGE, answer.total);
  if (answer.privileged > 0)
    summary.append(` · ${count(answer.privileged)} more withheld: sent by or to a privileged handle (a lawyer's), counted, never shown`);
  main.append(summary, list, pages);
  if (answer.total === 0 && q) main.append(notice("Try fewer words, another form of the word, or a wildcard (bel*).", "info"));
}
