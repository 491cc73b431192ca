package org.spil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spil.policy.Viewer;
import org.spil.resolve.Resolution;
import org.spil.resolve.ResolveRecord;
import org.spil.store.Store;

/**
 * One resolution for a viewer, as {@code spil resolve} and the demo run it: reads the visible
 * records, applies the analysts' judgements, scores (everything, or with {@code incremental} only
 * the records that are new since the last run, with the weights saved then), clusters with
 * canonical ids carried over from the last run, and saves clusters and weights.
 */
final class ResolutionRun {
  /** What a run did: the records read, candidate pairs scored, clusters, and new records. */
  record Result(
      Map<String, ResolveRecord> records,
      int pairs,
      List<Resolution.Cluster> clusters,
      boolean incremental,
      int fresh) {}

  private ResolutionRun() {}

  static Result run(
      Store store, Viewer v, double threshold, boolean incremental, PrintWriter progress) {
    return run(store, v, threshold, incremental, 0, progress);
  }

  /**
   * As {@link #run(Store, Viewer, double, boolean, PrintWriter)}, with a block size limit (0: by
   * the number of records, {@link Resolution#maxBlockFor}).
   */
  static Result run(
      Store store,
      Viewer v,
      double threshold,
      boolean incremental,
      int maxBlock,
      PrintWriter progress) {
    Map<String, ResolveRecord> records = ResolveRecords.read(store, v);
    progress.printf("  read %,d records%n", records.size());
    progress.flush();
    Map<String, String> previous = new HashMap<>();
    store.clusters(v).forEach((id, members) -> members.forEach(m -> previous.put(m, id)));
    Optional<Resolution.Model> model = incremental ? model(store, v) : Optional.empty();
    if (incremental && (model.isEmpty() || previous.isEmpty())) {
      throw new IllegalArgumentException(
          "--incremental needs an earlier full resolution by the same user for the same purpose;"
              + " run spil resolve without --incremental first");
    }
    int limit = Resolution.maxBlock(maxBlock, records.size());
    Resolution resolution = new Resolution(ResolveRecords.list(records), threshold);
    for (Store.Judgement j : store.judgements()) {
      resolution.judge(j.a(), j.b(), j.verdict().equals("same"));
    }
    int fresh = 0;
    for (String id : records.keySet()) {
      if (!previous.containsKey(id)) {
        fresh++;
      }
    }
    int pairs =
        incremental
            ? resolution.scoreNew(model.get(), previous.keySet(), limit)
            : resolution.score(limit, 1);
    progress.printf(
        "  scored %,d candidate pairs%s%n",
        pairs, incremental ? String.format(" of %,d new records", fresh) : "");
    progress.flush();
    List<Resolution.Cluster> clusters = resolution.clusters(previous, incremental);
    Map<String, List<String>> saved = new LinkedHashMap<>();
    clusters.forEach(c -> saved.put(c.canonicalId(), c.members()));
    store.saveClusters(v, saved, json(resolution.model()));
    return new Result(records, pairs, clusters, incremental, fresh);
  }

  /** The weights saved with the viewer's last resolution, if any. */
  static Optional<Resolution.Model> model(Store store, Viewer v) {
    return store
        .resolutionModel(v)
        .map(
            text -> {
              try {
                return Json.MAPPER.readValue(text, Resolution.Model.class);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                    "the saved resolution model cannot be read; run spil resolve again", e);
              }
            });
  }

  private static String json(Resolution.Model model) {
    try {
      return Json.MAPPER.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
