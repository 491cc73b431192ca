// Upload a dataset: a zip of a dataset directory (dataset.yml naming your own agency, the files
// it maps), checked by the server before anything is written, then ingested as one batch.
import { ApiError, csrfToken, session } from "../api";
import { h, notice, table } from "../dom";
import { follow } from "../jobs";
import type { Job } from "../jobs";

export async function renderUpload(main: HTMLElement): Promise<void> {
  const me = session()!;
  const file = h("input", { id: "upload-file", type: "file", accept: ".zip,application/zip" });
  const out = h("div", { "aria-live": "polite" });
  const send = h("button", { type: "submit", class: "primary" }, "Upload");
  const form = h(
    "form",
    {
      class: "grid-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const f = file.files?.[0];
        if (!f) {
          out.replaceChildren(notice("Choose a zip file first."));
          return;
        }
        send.disabled = true;
        try {
          const job = await uploadZip(f);
          const end = await follow(job, out);
          if (end.state === "done" && end.result) out.append(summary(end.result as Record<string, unknown>));
        } catch (err) {
          out.replaceChildren(notice(err instanceof Error ? err.message : String(err)));
        } finally {
          send.disabled = false;
        }
      },
    },
    h("div", { class: "field" }, h("label", { for: "upload-file" }, "Dataset (zip)"), file),
    send,
  );
  main.append(
    h("h1", {}, "Upload"),
    h(
      "p",
      { class: "lede" },
      `A zip of one dataset directory: its dataset.yml (naming your agency, ${me.agency}, the legal basis, handling code, grading and retention) and the files it maps. The server checks the archive before anything is written and ingests it as one batch; a rejected row is reported with its file, line and column.`,
    ),
    form,
    out,
  );
}

async function uploadZip(f: File): Promise<Job> {
  const csrf = csrfToken();
  const r = await fetch("/api/uploads", {
    method: "POST",
    headers: { "Content-Type": "application/zip", "Spil-CSRF": csrf },
    body: f,
    credentials: "same-origin",
  });
  const data = await r.json();
  if (!r.ok) throw new ApiError(r.status, data.error ?? r.statusText, data.field);
  return data as Job;
}

function summary(result: Record<string, unknown>): HTMLElement {
  return table(
    ["", ""],
    Object.entries(result)
      .filter(([, v]) => v !== null && typeof v !== "object")
      .map(([k, v]) => [k, String(v)]),
  );
}
