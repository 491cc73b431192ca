package org.spil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spil.app.Json;

/**
 * Reading a request: query parameters within bounds, the JSON body and its fields, dates; each
 * failure a 400 naming the parameter or field. Also the list envelope of every answer.
 */
final class Params {
  private Params() {}

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A list of texts of a body; empty when absent, 400 naming it when not a list of texts. */
  static List<String> texts(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode t : v) {
        if (!t.isTextual()) {
          throw new ApiError(400, "give \"" + field + "\" as a list of texts", field);
        }
        out.add(t.asText());
      }
      return out;
    }
    throw new ApiError(400, "give \"" + field + "\" as a list of texts", field);
  }

  /** A list in the API's envelope: {@code {"results", "total"}}. */
  static Map<String, Object> page(List<?> results) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("results", results);
    out.put("total", results.size());
    return out;
  }

  /** The request's body, a JSON object; 400 otherwise. */
  static JsonNode body(Context ctx) {
    try {
      JsonNode b = Json.MAPPER.readTree(ctx.body());
      if (b != null && b.isObject()) {
        return b;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    throw new ApiError(400, "the body must be a JSON object", null);
  }

  /** A text field of a body, or null when absent; 400 naming it when not text. */
  static String optionalText(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new ApiError(400, "give \"" + name + "\" as text", name);
    }
    return v.asText();
  }

  /** A text field of a body; 400 naming it when missing. */
  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ApiError(400, "give \"" + field + "\" as text", field);
    }
    return v.asText();
  }

  static LocalDate date(String value, String field) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, field + " must be a date such as 2027-01-31, not '" + value + "'", field);
    }
  }

  static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new ApiError(400, "give " + name, name);
    }
    return v.strip();
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(400, name + " must be a whole number from " + min + " to " + max, name);
  }

  static double doubleParam(Context ctx, String name, double fallback, double min, double max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.strip());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiError(400, name + " must be a number from " + min + " to " + max, name);
  }
}
