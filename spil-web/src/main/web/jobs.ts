// A job of the server's (an upload's ingest, a resolution) followed to its end: a progress bar
// with what it is doing, a cancel button, and the result or the error.
import { api } from "./api";
import { h, notice } from "./dom";

export interface Job {
  id: string;
  kind: string;
  state: string;
  done: number;
  unit: string;
  error?: string;
  result?: unknown;
}

/** Shows a job in an element until it ends; resolves with its last state. */
export async function follow(job: Job, into: HTMLElement): Promise<Job> {
  const bar = h("progress", { "aria-label": `${job.kind} progress` });
  const text = h("span", { class: "small", role: "status" });
  const cancel = h("button", { class: "small" }, "Cancel");
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    await api(`/api/jobs/${encodeURIComponent(job.id)}`, "DELETE");
  });
  into.replaceChildren(h("div", { class: "job" }, bar, " ", text, " ", cancel));
  for (;;) {
    text.textContent = `${job.kind} ${job.state}${job.done ? ": " + job.done.toLocaleString("en-GB") + " " + job.unit : ""}`;
    if (!["queued", "running"].includes(job.state)) break;
    await new Promise((r) => setTimeout(r, 500));
    job = await api<Job>(`/api/jobs/${encodeURIComponent(job.id)}`);
  }
  if (job.state === "done") into.replaceChildren(notice(`${job.kind} done.`, "ok"));
  else into.replaceChildren(notice(`${job.kind} ${job.state}: ${job.error ?? ""}`, job.state === "cancelled" ? "info" : "error"));
  return job;
}
