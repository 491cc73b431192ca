package org.spil.store;

import java.util.List;
import java.util.Map;
import org.spil.model.Schema;

/** The label of an entity: the first value of the first caption property it has, else its id. */
final class Captions {
  private Captions() {}

  static String caption(Schema schema, Map<String, List<String>> props, String fallback) {
    for (String p : schema.caption()) {
      List<String> values = props.get(p);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
    }
    for (String p : List.of("name", "full", "number", "iban", "amountEur", "amount", "date")) {
      List<String> values = props.get(p);
      if (values != null && !values.isEmpty()) {
        return values.get(0);
      }
    }
    return fallback;
  }
}
