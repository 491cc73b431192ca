package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spil.model.HandlingCode;
import org.spil.model.Provenance;
import org.spil.model.SourceGrade;
import org.spil.policy.LegalBases;
import org.spil.policy.Policy;
import org.spil.policy.Viewer;
import org.spil.policy.Visibility;

/**
 * Seeded random warehouses checked against a naive oracle: for every viewer agency, no read path
 * (search hits and their values, show, stats counts, entities read by id, FtM export) returns a
 * statement the viewer's agency does not own and was not shared, or whose retention has passed.
 * Every value carries a token unique to its dataset, so a leak is visible wherever it surfaces.
 */
class ViewerScopeTest {
  @TempDir Path tmp;
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final List<String> AGENCIES =
      List.of("politie-nl", "douane-nl", "fiod", "kmar", "fedpol-be", "outsider");
  static final List<String> NAMES =
      List.of(
          "Jan de Vries",
          "Mohamed El Amrani",
          "Ömer Yılmaz",
          "Ivan Petrov",
          "Anna Jansen",
          "Noël Dubois");

  static final List<String> BASES =
      List.of("wpg-art-8", "wpg-art-9", "wpg-art-10", "adw", "wjsg", "open-source");
  static final List<String> TASKS = List.of("wpg-art-8", "wpg-art-9", "wpg-art-10", "wjsg", "adw");

  record Fact(String dataset, String entity, String prop, String value) {}

  @Test
  void noViewerEverSeesAStatementThePolicyDoesNotAllow() throws Exception {
    int seeds = Integer.getInteger("spil.scope.seeds", 12);
    for (int seed = 0; seed < seeds; seed++) {
      check(seed);
    }
  }

  private void check(long seed) throws Exception {
    Random r = new Random(seed);
    Path dir = tmp.resolve("s" + seed);
    Set<Fact> facts = new LinkedHashSet<>(); // a repeated fact is one statement
    Map<String, Provenance> provenance = new HashMap<>();
    try (Store store = Store.open(dir, true, TODAY)) {
      int datasets = 3 + r.nextInt(5);
      for (int d = 0; d < datasets; d++) {
        String name = "ds" + d;
        String owner = AGENCIES.get(r.nextInt(AGENCIES.size() - 1));
        Set<String> share = new TreeSet<>();
        if (r.nextInt(5) == 0) {
          share.add(Provenance.ALL);
        } else {
          for (String a : AGENCIES) {
            if (r.nextInt(4) == 0 && !a.equals("outsider")) {
              share.add(a);
            }
          }
        }
        LocalDate until =
            r.nextInt(5) == 0
                ? TODAY.minusDays(1 + r.nextInt(100))
                : TODAY.plusDays(r.nextInt(1000));
        HandlingCode code = HandlingCode.values()[r.nextInt(4)];
        Provenance p =
            new Provenance(
                name,
                name,
                owner,
                BASES.get(r.nextInt(BASES.size())),
                code,
                code == HandlingCode.H3 ? "ask the owner" : null,
                SourceGrade.B,
                2,
                until,
                share,
                null);
        provenance.put(name, p);
        BatchWriter w = store.warehouse().begin(p, TODAY.minusYears(1), name);
        int entities = 1 + r.nextInt(6);
        for (int e = 0; e < entities; e++) {
          // shared entity ids across datasets, as FtM files from different agencies can have
          String id = "e" + r.nextInt(8);
          String marker = "zq" + d + "x" + e;
          add(w, facts, name, id, "id", id);
          add(w, facts, name, id, "name", NAMES.get(r.nextInt(NAMES.size())) + " " + marker);
          add(w, facts, name, id, "notes", "about " + marker);
          if (r.nextBoolean()) {
            add(w, facts, name, id, "phone", "+3161234" + String.format("%04d", r.nextInt(10000)));
          }
        }
        w.commit(entities, 0, List.of());
      }
      store.updateIndex(n -> {});
      Map<String, Long> batchOf = new HashMap<>();
      for (Batch b : store.warehouse().batches()) {
        batchOf.put(b.provenance().dataset(), b.id());
      }
      Policy policy = new Policy(LegalBases.defaults());
      for (String agency : AGENCIES) {
        Viewer viewer = Viewers.of(agency, TASKS.get(r.nextInt(TASKS.size())));
        Set<String> allowed = new HashSet<>();
        provenance.forEach(
            (name, p) -> {
              if (policy.decide(viewer, p, batchOf.get(name), List.of(), TODAY)
                  == Visibility.VISIBLE) {
                allowed.add(name);
              }
            });
        Map<String, Set<String>> visible = new HashMap<>();
        long visibleStatements = 0;
        Set<String> invisibleMarkers = new HashSet<>();
        for (Fact f : facts) {
          if (allowed.contains(f.dataset())) {
            visibleStatements++;
            if (!f.prop().equals("id")) {
              visible.computeIfAbsent(f.entity(), k -> new HashSet<>()).add(f.value());
            }
          } else if (f.prop().equals("notes")) {
            invisibleMarkers.add(f.value().substring(6));
          }
        }
        String ctx = "seed " + seed + ", viewer " + viewer;
        Stats stats = store.entities().stats(viewer);
        assertThat(stats.statements()).as(ctx).isEqualTo(visibleStatements);
        assertThat(stats.entities()).as(ctx).isEqualTo(visible.size());
        for (int e = 0; e < 8; e++) {
          String id = "e" + e;
          var entity = store.entities().entity(viewer, id);
          if (!visible.containsKey(id)) {
            assertThat(entity).as(ctx + " show " + id).isEmpty();
            continue;
          }
          Set<String> values = new HashSet<>();
          entity
              .orElseThrow()
              .properties()
              .values()
              .forEach(vs -> vs.forEach(v -> values.add(v.value())));
          assertThat(values).as(ctx + " show " + id).isEqualTo(visible.get(id));
        }
        for (String marker : invisibleMarkers) {
          for (SearchHit hit : store.search(viewer, SearchQuery.of(marker))) {
            assertThat(visible).as(ctx).containsKey(hit.id());
            assertThat(hit.properties().toString())
                .as(ctx + " search " + marker)
                .doesNotContain(marker);
          }
        }
        for (String name : NAMES) {
          for (SearchHit hit : store.search(viewer, SearchQuery.of(name))) {
            assertThat(visible).as(ctx).containsKey(hit.id());
            hit.properties()
                .values()
                .forEach(
                    vs ->
                        assertThat(visible.get(hit.id()))
                            .as(ctx + " hit " + hit.id())
                            .containsAll(vs));
          }
        }
        // the entities read by id: only the visible among those asked, with their visible values
        Set<String> asked = new TreeSet<>(List.of("e0", "e2", "e5", "e7", "no-such"));
        Map<String, Set<String>> read = new HashMap<>();
        store
            .entities()
            .forEachEntity(
                viewer,
                Set.of("Person"),
                null,
                asked,
                (id, schema, source, props) -> {
                  Set<String> values = new HashSet<>();
                  props.forEach(
                      (prop, vs) -> {
                        if (!prop.equals("id")) {
                          values.addAll(vs);
                        }
                      });
                  read.put(id, values);
                });
        Map<String, Set<String>> expected = new HashMap<>(visible);
        expected.keySet().retainAll(asked);
        assertThat(read).as(ctx + " read by id").isEqualTo(expected);
        StringWriter export = new StringWriter();
        store.exports().ftm(viewer, export, false);
        ObjectMapper json = new ObjectMapper();
        Set<String> exported = new HashSet<>();
        for (String line : export.toString().split("\n")) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = json.readTree(line);
          String id = node.get("id").asText();
          exported.add(id);
          Set<String> values = new HashSet<>();
          node.get("properties").forEach(vs -> vs.forEach(v -> values.add(v.asText())));
          assertThat(values).as(ctx + " export " + id).isEqualTo(visible.get(id));
        }
        assertThat(exported).as(ctx).isEqualTo(visible.keySet());
      }
    }
  }

  private static void add(
      BatchWriter w, Set<Fact> facts, String dataset, String id, String prop, String value) {
    w.accept(id, "Person", prop, value, null, null);
    facts.add(new Fact(dataset, id, prop, value));
  }
}
