package org.spil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The modules form a stack (docs/architecture.md, "Modules"): a module may depend only on modules
 * listed before it. This reads every module's pom.xml and fails on a dependency that points up or
 * sideways, and on a module missing from the order.
 */
class ModuleDependenciesTest {
  static final List<String> ORDER =
      List.of(
          "spil-model",
          "spil-policy",
          "spil-ingest",
          "spil-resolve",
          "spil-store",
          "spil-analysis",
          "spil-synth",
          "spil-app",
          "spil-web",
          "spil-server",
          "spil-cli",
          "spil-spark",
          "spil-bench");
  static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  static final Pattern DEPENDENCY =
      Pattern.compile("<groupId>org\\.spil</groupId>\\s*<artifactId>([^<]+)</artifactId>");

  @Test
  void dependenciesPointOnlyDownTheStack() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    List<String> found = new ArrayList<>();
    while (modules.find()) {
      found.add(modules.group(1));
    }
    assertThat(found).isNotEmpty();
    for (String module : found) {
      assertThat(ORDER).as("module %s must have a place in the order", module).contains(module);
      String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
      // a module without dependencies (spil-web: static files) has nothing to check
      int start = pom.indexOf("<dependencies>");
      String dependencies = start < 0 ? "" : pom.substring(start);
      Matcher deps = DEPENDENCY.matcher(dependencies);
      while (deps.find()) {
        String dep = deps.group(1);
        assertThat(ORDER.indexOf(dep))
            .as("%s depends on %s, which is not below it", module, dep)
            .isLessThan(ORDER.indexOf(module));
      }
    }
  }
}
