package org.spil.app;

import java.util.List;
import org.spil.policy.Viewer;
import org.spil.store.Store;

/** Viewers for tests on the scenario's warehouse beside its analyst. */
final class ScenarioViewers {
  private ScenarioViewers() {}

  /** A customs analyst reading for customs' own task: the police's chats are not shared with it. */
  static Viewer customs(Store store) {
    new Administration(store)
        .addUser(
            new Operator("test"),
            "douanier",
            "douane-nl",
            List.of("analyst"),
            "a long enough test password".toCharArray());
    return store.viewer("douanier", "adw");
  }
}
