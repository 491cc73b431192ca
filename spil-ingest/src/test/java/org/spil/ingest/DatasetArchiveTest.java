package org.spil.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archives are refused before anything of them stays on disk: paths out of the dataset,
 * control characters, duplicates, too many entries, bombs; a real dataset unpacks and reads.
 */
class DatasetArchiveTest {
  @TempDir Path tmp;

  interface Entries {
    void write(ZipOutputStream zip) throws IOException;
  }

  Path zip(String name, Entries entries) throws IOException {
    Path f = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(f);
        ZipOutputStream z = new ZipOutputStream(out)) {
      entries.write(z);
    }
    return f;
  }

  static void file(ZipOutputStream z, String name, byte[] content) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(content);
    z.closeEntry();
  }

  @Test
  void aRealDatasetUnpacksAndReads() throws IOException {
    Path examples = Path.of("../examples/politie-nl");
    Path zip =
        zip(
            "politie.zip",
            z -> {
              try (var list = Files.list(examples)) {
                for (Path p : list.toList()) {
                  file(z, "politie-nl/" + p.getFileName(), Files.readAllBytes(p));
                }
              }
            });
    Path dir = DatasetArchive.unpack(zip, tmp.resolve("out"), DatasetArchive.Limits.DEFAULT);
    assertThat(dir.getFileName().toString()).isEqualTo("politie-nl");
    Dataset d = DatasetReader.read(dir);
    assertThat(d.agency()).isEqualTo("politie-nl");
  }

  @Test
  void pathsOutOfTheDatasetAreRefusedAndNothingStays() throws IOException {
    for (String evil :
        new String[] {
          "../escape.csv", "/etc/passwd", "a/../../b", "C:/x", "a\\..\\b", "x\u001b[2J"
        }) {
      Path zip =
          zip(
              "evil.zip",
              z -> {
                file(z, "dataset.yml", "name: x\n".getBytes());
                file(z, evil, "x".getBytes());
              });
      Path out = tmp.resolve("out-evil");
      assertThatThrownBy(() -> DatasetArchive.unpack(zip, out, DatasetArchive.Limits.DEFAULT))
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining("evil.zip: entry '")
          .hasMessageNotContaining("\u001b");
      assertThat(out).doesNotExist();
      assertThat(tmp.resolve("escape.csv")).doesNotExist();
      Files.delete(zip);
    }
  }

  @Test
  void bombsTooManyEntriesDuplicatesAndNonZipsAreRefused() throws IOException {
    Path bomb =
        zip(
            "bomb.zip",
            z -> {
              file(z, "dataset.yml", "name: x\n".getBytes());
              file(z, "zeros.csv", new byte[50 << 20]);
            });
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    assertThatThrownBy(
            () -> DatasetArchive.unpack(bomb, tmp.resolve("o1"), DatasetArchive.Limits.DEFAULT))
        .hasMessageContaining("zip bomb");
    assertThatThrownBy(
            () ->
                DatasetArchive.unpack(
                    bomb,
                    tmp.resolve("o2"),
                    new DatasetArchive.Limits(100, 1 << 20, 1L << 30, 1000)))
        .hasMessageContaining("'zeros.csv': larger than 1 MB");
    Path many =
        zip(
            "many.zip",
            z -> {
              for (int i = 0; i < 20; i++) {
                file(z, "f" + i + ".csv", new byte[] {'x'});
              }
            });
    assertThatThrownBy(
            () ->
                DatasetArchive.unpack(
                    many, tmp.resolve("o3"), new DatasetArchive.Limits(10, 1 << 20, 1L << 30, 100)))
        .hasMessageContaining("more than 10 entries");
    Path twice =
        zip(
            "twice.zip",
            z -> {
              file(z, "a.csv", new byte[] {'x'});
              file(z, "./a.csv", new byte[] {'y'});
            });
    assertThatThrownBy(
            () -> DatasetArchive.unpack(twice, tmp.resolve("o4"), DatasetArchive.Limits.DEFAULT))
        .isInstanceOf(DatasetException.class);
    Path text = tmp.resolve("text.zip");
    Files.writeString(text, "not a zip at all");
    assertThatThrownBy(
            () -> DatasetArchive.unpack(text, tmp.resolve("o5"), DatasetArchive.Limits.DEFAULT))
        .hasMessageContaining("text.zip: not a zip archive");
    for (String o : new String[] {"o1", "o2", "o3", "o4", "o5"}) {
      assertThat(tmp.resolve(o)).doesNotExist();
    }
  }

  /** Whatever an entry is called, it lands inside the directory or is refused. */
  @Property(tries = 2000)
  void noEntryNameLandsOutsideTheDirectory(@ForAll String name) {
    Path into = Path.of("/srv/upload/x");
    try {
      Path target = DatasetArchive.target("a.zip", into, name);
      assertThat(target.normalize().startsWith(into)).as(target.toString()).isTrue();
    } catch (DatasetException e) {
      assertThat(e.getMessage()).startsWith("a.zip: entry '");
    }
  }
}
