package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset reads only regular files inside its own directory: an absolute path, a path through
 * {@code ..}, a link out of the directory or a directory is refused before anything is read, naming
 * the key and the path, and the refusal quotes nothing of the file.
 */
class DatasetFilesTest {
  @TempDir Path tmp;

  private Path dataset(String key, String file) throws Exception {
    Path dir = tmp.resolve("ds");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("dataset.yml"),
        String.join(
            "\n",
            "name: ds",
            "agency: politie-nl",
            "legal_basis: wpg-art-9",
            "handling_code: H2",
            "source_grade: B",
            "info_grade: 2",
            "retention: P1Y",
            key.equals("ftm_files")
                ? "ftm_files: ['" + file + "']"
                : "queries:\n  - csv_url: '"
                    + file
                    + "'\n    entities:\n      p:\n        schema: Person\n        keys: [id]\n"
                    + "        properties:\n          name: {column: name}",
            ""));
    return dir;
  }

  private Path secret() throws Exception {
    Path secret = tmp.resolve("secret.csv");
    Files.writeString(secret, "id,name\n1,TOPSECRET-FIRST-LINE\n");
    return secret;
  }

  @Test
  void anAbsolutePathIsRefused() throws Exception {
    Path secret = secret();
    for (String key : new String[] {"csv_url", "ftm_files"}) {
      Path dir = dataset(key, secret.toString());
      assertThatThrownBy(() -> DatasetReader.read(dir))
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining(key)
          .hasMessageContaining("absolute path")
          .hasMessageNotContaining("TOPSECRET");
    }
  }

  @Test
  void aPathOutOfTheDirectoryIsRefused() throws Exception {
    secret();
    Path dir = dataset("csv_url", "../secret.csv");
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("csv_url")
        .hasMessageContaining("'../secret.csv' leaves the dataset directory")
        .hasMessageNotContaining("TOPSECRET");
    Path sneaky = dataset("csv_url", "sub/../../secret.csv");
    assertThatThrownBy(() -> DatasetReader.read(sneaky))
        .hasMessageContaining("leaves the dataset directory");
  }

  @Test
  void aLinkOutOfTheDirectoryIsRefusedAndALinkInsideIsRead() throws Exception {
    Path secret = secret();
    Path dir = dataset("csv_url", "people.csv");
    Files.createSymbolicLink(dir.resolve("people.csv"), secret);
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'people.csv' is a link that leaves the dataset directory")
        .hasMessageNotContaining("TOPSECRET");
    Files.delete(dir.resolve("people.csv"));
    Files.writeString(dir.resolve("real.csv"), "id,name\n1,Jan\n");
    Files.createSymbolicLink(dir.resolve("people.csv"), dir.resolve("real.csv"));
    assertThat(DatasetReader.read(dir).files()).containsExactly("people.csv");
  }

  @Test
  void aDirectoryOrAMissingFileIsRefused() throws Exception {
    Path dir = dataset("csv_url", "sub");
    Files.createDirectories(dir.resolve("sub"));
    assertThatThrownBy(() -> DatasetReader.read(dir)).hasMessageContaining("not a regular file");
    Path missing = dataset("csv_url", "nope.csv");
    assertThatThrownBy(() -> DatasetReader.read(missing)).hasMessageContaining("not found");
  }
}
