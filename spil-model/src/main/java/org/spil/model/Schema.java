package org.spil.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entity type of the FollowTheMoney model (Person, Company, Payment, ...) or one of Spil's
 * additions (Shipment, Seizure, BorderCrossing). A schema knows its own and inherited properties,
 * the schemata it extends, whether it is an edge (and which properties are its ends) and which
 * properties make its caption. Instances come from {@link Schemata}.
 */
public final class Schema {
  private final String name;
  private final boolean isAbstract;
  private final boolean extension;
  private final List<String> parents;
  private final String edgeSource;
  private final String edgeTarget;
  private final List<String> caption;
  final Map<String, Property> properties = new LinkedHashMap<>();
  final Set<String> ancestors = new LinkedHashSet<>();

  Schema(
      String name,
      boolean isAbstract,
      boolean extension,
      List<String> parents,
      String edgeSource,
      String edgeTarget,
      List<String> caption) {
    this.name = name;
    this.isAbstract = isAbstract;
    this.extension = extension;
    this.parents = List.copyOf(parents);
    this.edgeSource = edgeSource;
    this.edgeTarget = edgeTarget;
    this.caption = List.copyOf(caption);
  }

  public String name() {
    return name;
  }

  public boolean isAbstract() {
    return isAbstract;
  }

  /**
   * True for Spil's own schemata, which FollowTheMoney lacks (Shipment, Seizure, BorderCrossing,
   * LegalAssistanceRequest, AccountStatement): exports describe them as an FtM extension, strict
   * exports leave them out.
   */
  public boolean isExtension() {
    return extension;
  }

  /** True when FtM knows the property on this schema: not an extension schema's or property. */
  public boolean inFtm(Property p) {
    return !extension && !p.extension();
  }

  public List<String> parents() {
    return parents;
  }

  /** True for edge schemata such as Payment or Ownership. */
  public boolean isEdge() {
    return edgeSource != null;
  }

  public String edgeSource() {
    return edgeSource;
  }

  public String edgeTarget() {
    return edgeTarget;
  }

  /** The properties whose first value names an entity of this schema, in order of preference. */
  public List<String> caption() {
    return caption;
  }

  /** Own and inherited properties by name. */
  public Map<String, Property> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** The property, or null when this schema has none of that name. */
  public Property property(String prop) {
    return properties.get(prop);
  }

  /** True when this schema is {@code other} or extends it, directly or not. */
  public boolean isA(String other) {
    return name.equals(other) || ancestors.contains(other);
  }

  /** All schemata this one extends, nearest first. */
  public Set<String> ancestors() {
    return Collections.unmodifiableSet(ancestors);
  }

  @Override
  public String toString() {
    return name;
  }
}
