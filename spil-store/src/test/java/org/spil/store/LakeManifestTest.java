package org.spil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A lake's manifests are read only as they are written: whatever bytes or JSON stand in a
 * manifest's place, reading the lake gives its manifests or refuses with a {@link StoreException}
 * that names the file, never another failure, and never a manifest whose dataset could lead out of
 * the lake.
 */
class LakeManifestTest {
  static final String VALID =
      "{\"version\":1,\"batch\":7,\"dataset\":\"ds\",\"agency\":\"a\",\"files_sha256\":\"f\","
          + "\"ingested_at\":\"2026-12-07T10:00:00Z\",\"purged\":false,\"seen_through\":7,"
          + "\"revision\":\"r\",\"generation\":1,\"batch_sha256\":\"b\",\"parts\":[]}";

  @Property(tries = 300)
  void anyManifestIsReadOrRefusedNamingItsFile(@ForAll("manifests") String text)
      throws IOException {
    Path lake = Files.createTempDirectory("lake");
    try {
      Files.writeString(lake.resolve(Lake.MARKER), "{\"format\": \"spil-lake\", \"version\": 1}");
      Files.createDirectories(lake.resolve("batches"));
      Path f = lake.resolve("batches/batch-7.json");
      Files.writeString(f, text);
      try {
        for (Lake.Manifest m : Lake.manifestsOf(lake).values()) {
          assertThat(m.dataset()).matches("[a-z0-9][a-z0-9_.-]{0,63}");
          assertThat(m.batch()).isEqualTo(7);
        }
      } catch (StoreException e) {
        assertThat(e.getMessage()).contains("batch-7.json");
      }
    } finally {
      try (var walk = Files.walk(lake)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> manifests() {
    Arbitrary<String> mutated =
        Arbitraries.of(
                "\"ds\"", "7", "1", "false", "[]", "\"a\"", "\"2026-12-07T10:00:00Z\"", "\"r\"")
            .flatMap(
                token ->
                    Arbitraries.of(
                            "\"../x\"",
                            "null",
                            "-1",
                            "\"\"",
                            "{}",
                            "[{\"table\":\"../x\"}]",
                            "8",
                            "2",
                            "1e400",
                            "\"\\u0000\"")
                        .map(
                            replacement ->
                                VALID.replaceFirst(
                                    java.util.regex.Pattern.quote(token), replacement)));
    return Arbitraries.oneOf(
        mutated,
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0123456789abc").ofMaxLength(120),
        Arbitraries.just(VALID));
  }
}
