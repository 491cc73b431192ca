package org.spil.model.types;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.PropertyType;

/**
 * A property type defined by a normalising function, a pivot flag and a search-key function; the
 * concrete rules live in the static factories of {@link PropertyTypeCatalog}.
 */
final class SimpleType implements PropertyType {
  private final String name;
  private final boolean pivot;
  private final BiFunction<String, NormaliseContext, Normalised> normaliser;
  private final Function<String, List<String>> keys;

  SimpleType(
      String name,
      boolean pivot,
      BiFunction<String, NormaliseContext, Normalised> normaliser,
      Function<String, List<String>> keys) {
    this.name = name;
    this.pivot = pivot;
    this.normaliser = normaliser;
    this.keys = keys;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Normalised normalise(String raw, NormaliseContext context) {
    String s = Text.clean(raw);
    if (s.isEmpty()) {
      return Normalised.empty();
    }
    return normaliser.apply(s, context);
  }

  @Override
  public boolean isPivot() {
    return pivot;
  }

  @Override
  public List<String> searchKeys(String normalised) {
    return keys.apply(normalised);
  }

  @Override
  public String toString() {
    return name;
  }
}
