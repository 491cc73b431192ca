package org.spil.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON as every front end writes the operations' results: record components in declaration order,
 * their names in snake_case ({@code nodesWithinDepth} as {@code nodes_within_depth}), dates and
 * times as ISO 8601 text. Keys of maps (property names such as {@code birthDate}) stay as they are.
 * The result records are the documented shapes; {@code JsonGoldenTest} guards them.
 */
public final class Json {
  private Json() {}

  /** The mapper for results, compact. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The mapper for results, indented for people reading a terminal. */
  public static final ObjectMapper INDENTED =
      MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

  /** A result as indented JSON text. */
  public static String indented(Object value) {
    try {
      return INDENTED.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }
}
