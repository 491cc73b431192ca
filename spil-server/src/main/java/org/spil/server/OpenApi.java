package org.spil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the API, made from the route table itself, so that every route the
 * server answers is described and nothing else: its method and path, path and query parameters, the
 * {@code Spil-Purpose} header of a read, the session it needs, and the answers it may give.
 */
final class OpenApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApi() {}

  static ObjectNode document(Iterable<ApiServer.Route> routes) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Spil API");
    info.put("version", "0.1.0");
    info.put(
        "description",
        "Every read names its purpose in Spil-Purpose; every change carries the session's CSRF"
            + " token in Spil-CSRF. Errors are {\"error\", \"field\"}.");
    ObjectNode schemes = doc.putObject("components").putObject("securitySchemes");
    ObjectNode cookie = schemes.putObject("session");
    cookie.put("type", "apiKey");
    cookie.put("in", "cookie");
    cookie.put("name", ApiServer.SESSION_COOKIE);
    ObjectNode paths = doc.putObject("paths");
    for (ApiServer.Route r : routes) {
      ObjectNode path =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      ObjectNode op = path.putObject(r.method().name().toLowerCase());
      op.put("summary", r.summary());
      op.put(
          "operationId",
          r.method().name().toLowerCase() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      ArrayNode params = op.putArray("parameters");
      Matcher m = PATH_PARAM.matcher(r.path());
      while (m.find()) {
        parameter(params, m.group(1), "path", true);
      }
      for (String q : r.query()) {
        parameter(params, q, "query", q.equals("q"));
      }
      if (r.access() == ApiServer.Access.READER) {
        parameter(params, ApiServer.PURPOSE_HEADER, "header", true);
      }
      if (r.method() != HandlerType.GET && r.access() != ApiServer.Access.ANYONE) {
        parameter(params, ApiServer.CSRF_HEADER, "header", true);
      }
      if (r.access() != ApiServer.Access.ANYONE) {
        op.putArray("security").addObject().putArray("session");
      }
      ObjectNode responses = op.putObject("responses");
      responses.putObject("200").put("description", "the answer, as JSON");
      responses.putObject("400").put("description", "a parameter or header that does not parse");
      if (r.access() != ApiServer.Access.ANYONE) {
        responses.putObject("401").put("description", "no session");
        responses.putObject("403").put("description", "refused by the policy, or no CSRF token");
      }
      if (r.path().contains("{")) {
        responses.putObject("404").put("description", "none the reader may see");
      }
    }
    return doc;
  }

  private static void parameter(ArrayNode params, String name, String in, boolean required) {
    ObjectNode p = params.addObject();
    p.put("name", name);
    p.put("in", in);
    p.put("required", required);
    p.putObject("schema").put("type", "string");
  }
}
