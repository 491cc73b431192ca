// Explanation bars: each feature's part in a match weight, from the resolver's own explanation
// ("name: similar (+9.9)"), drawn as bars left (against) and right (for) of zero.
import { h, s } from "./dom";

export function explanationBars(features: string[], probability?: number): HTMLElement {
  const parsed = features.map((f) => {
    const m = /^(.*)\(([+-]?\d+(?:\.\d+)?)\)\s*$/.exec(f);
    return { label: m ? m[1].trim() : f, weight: m ? Number(m[2]) : 0 };
  });
  const max = Math.max(1, ...parsed.map((p) => Math.abs(p.weight)));
  const row = 22;
  const width = 520;
  const mid = 340;
  const scale = (width - mid - 48) / max;
  const svg = s(
    "svg",
    { class: "bars", viewBox: `0 0 ${width} ${parsed.length * row + 4}`, role: "img", "aria-label": "Each feature's part in the match weight" },
    s("line", { x1: mid, x2: mid, y1: 0, y2: parsed.length * row + 4, class: "axis" }),
    parsed.map((p, i) => {
      const w = Math.abs(p.weight) * scale;
      const y = i * row + 3;
      return [
        s("text", { x: 4, y: y + 14, class: "label" }, p.label),
        s("rect", {
          x: p.weight >= 0 ? mid : mid - w,
          y,
          width: Math.max(1, w),
          height: row - 6,
          class: p.weight > 0 ? "for" : p.weight < 0 ? "against" : "none",
        }),
        s("text", { x: p.weight >= 0 ? mid + w + 4 : mid - w - 4, y: y + 14, class: p.weight >= 0 ? "value" : "value end" }, (p.weight > 0 ? "+" : "") + p.weight.toFixed(1)),
      ];
    }),
  );
  return h(
    "figure",
    { class: "explanation" },
    svg,
    probability === undefined ? null : h("figcaption", {}, `Probability of the same person or company: ${(probability * 100).toFixed(1)}%`),
  );
}
