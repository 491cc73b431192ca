package org.spil.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds dataset directories for tests: a dataset.yml with standard provenance and files. */
final class Datasets {
  private Datasets() {}

  static final String PROVENANCE =
      """
      name: test-ds
      agency: politie-nl
      legal_basis: wpg-art-9
      handling_code: H1
      source_grade: B
      info_grade: 2
      retention: P5Y
      share_with: [kmar]
      """;

  static Path dir(Path root, String yaml) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("dataset.yml"), yaml);
    return root;
  }

  static void file(Path dir, String name, String content, Charset charset) throws IOException {
    Files.write(dir.resolve(name), content.getBytes(charset));
  }

  static CollectedStatements ingest(Path dir) {
    CollectedStatements sink = new CollectedStatements();
    new Ingest(DatasetReader.read(dir), sink, n -> {}).run();
    return sink;
  }
}
