package org.spil.model.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.spil.model.NormaliseContext;
import org.spil.model.Normalised;
import org.spil.model.PropertyType;

/**
 * Names of people, companies and things. The stored value is the name as written (cleaned of stray
 * white space, in its own script); the search keys are those of {@link NameKeys}, prefixed {@code
 * t:} (tokens), {@code p:} (phonetic) and {@code s:} (skeleton).
 */
final class NameType implements PropertyType {

  @Override
  public String name() {
    return "name";
  }

  @Override
  public Normalised normalise(String raw, NormaliseContext context) {
    String s = Text.clean(raw);
    if (s.isEmpty()) {
      return Normalised.empty();
    }
    if (s.length() > 500) {
      return Normalised.rejected("name longer than 500 characters");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.codePointAt(i))) {
        return Normalised.valid(s);
      }
    }
    return Normalised.rejected("name has no letters or digits");
  }

  @Override
  public boolean isPivot() {
    return true;
  }

  @Override
  public List<String> searchKeys(String normalised) {
    Set<String> tokens = NameKeys.tokens(normalised);
    List<String> keys = new ArrayList<>();
    for (String t : tokens) {
      keys.add("t:" + t);
    }
    for (String p : NameKeys.phonetic(tokens)) {
      keys.add("p:" + p);
    }
    for (String s : NameKeys.skeletons(tokens)) {
      keys.add("s:" + s);
    }
    return keys;
  }
}
