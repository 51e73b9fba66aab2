package io.vtsdk.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document as a test oracle: the operations it lists, and whether a request or an answer matches what it
 * says (status documented, JSON body valid against the schema, formats asserted). Used by the contract tests of
 * vt-api, vt-testkit and vt-client (test-jar).
 */
public final class OpenApiContract {
  /** Where the build puts the document (the jar of vt-api). */
  public static final String RESOURCE = "/io/vtsdk/api/openapi.json";

  private final JsonNode doc;
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode doc) {
    this.doc = doc;
  }

  /** The document of vt-api's jar. */
  public static OpenApiContract load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: the build of vt-api writes it");
      }
      return new OpenApiContract(new JsonMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode document() {
    return doc;
  }

  /** Every operation as {@code "GET /v1/dossiers/{id}"}. */
  public Set<String> operations() {
    Set<String> out = new TreeSet<>();
    doc.get("paths").properties().forEach(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    return out;
  }

  /** The operation a concrete call is, as {@code "POST /v1/requests/{id}/read"}, if the document has it. */
  public Optional<String> operation(String method, String path) {
    String m = method.toLowerCase(Locale.ROOT);
    String[] actual = path.split("\\?", 2)[0].split("/", -1);
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      String[] template = p.getKey().split("/", -1);
      if (template.length != actual.length || !p.getValue().has(m)) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < template.length && match; i++) {
        match = template[i].startsWith("{") ? !actual[i].isEmpty() : template[i].equals(actual[i]);
      }
      if (match) {
        return Optional.of(method.toUpperCase(Locale.ROOT) + " " + p.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with this answer to {@code operation} (empty: it is as documented): its status must be documented
   * and a JSON body must match the schema of its content type.
   */
  public List<String> checkAnswer(String operation, int status, String contentType, String body) {
    JsonNode op = op(operation);
    JsonNode response = resolve(op.path("responses").path(String.valueOf(status)));
    if (response.isMissingNode()) {
      return List.of(operation + ": status " + status + " is not documented");
    }
    return checkContent(operation + " -> " + status, response.path("content"), contentType, body);
  }

  /** What is wrong with this request body of {@code operation} (empty: it is as documented). */
  public List<String> checkRequest(String operation, String contentType, String body) {
    JsonNode content = op(operation).path("requestBody").path("content");
    return checkContent(operation + " request", content, contentType, body);
  }

  /** Violations of the component schema {@code name} by {@code value}, as "pointer: message". */
  public List<String> validate(String name, JsonNode value) {
    if (!doc.path("components").path("schemas").has(name)) {
      throw new IllegalArgumentException("no component schema " + name);
    }
    return validate(doc.get("components").get("schemas").get(name), value);
  }

  private List<String> checkContent(String what, JsonNode content, String contentType, String body) {
    if (content.isMissingNode() || content.isEmpty()) {
      return body == null || body.isEmpty() ? List.of() : List.of(what + ": a body is not documented");
    }
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    JsonNode media = content.path(type);
    if (media.isMissingNode()) {
      return List.of(what + ": content type '" + type + "' is not documented (" + content.fieldNames().next() + "…)");
    }
    if (!type.endsWith("json") || !media.has("schema")) {
      return List.of();
    }
    try {
      List<String> errors = validate(media.get("schema"), new JsonMapper().readTree(body));
      return errors.stream().map(e -> what + ": " + e).toList();
    } catch (IOException e) {
      return List.of(what + ": not JSON");
    }
  }

  private List<String> validate(JsonNode schema, JsonNode value) {
    Schema s = schemas.computeIfAbsent(schema.toString(), k -> {
      ObjectNode root = new JsonMapper().createObjectNode();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      root.set("allOf", new JsonMapper().createArrayNode().add(schema));
      root.set("components", doc.get("components"));
      return registry.getSchema(SchemaLocation.of("urn:vtsdk:openapi"), root);
    });
    List<String> out = new ArrayList<>();
    for (Error e : s.validate(value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
      out.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return out;
  }

  private JsonNode op(String operation) {
    String[] mp = operation.split(" ", 2);
    JsonNode op = doc.path("paths").path(mp[1]).path(mp[0].toLowerCase(Locale.ROOT));
    if (op.isMissingNode()) {
      throw new IllegalArgumentException("no operation " + operation);
    }
    return op;
  }

  private JsonNode resolve(JsonNode n) {
    if (n.has("$ref")) {
      return doc.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }
}
