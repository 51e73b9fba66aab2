package io.vtsdk.testkit;

import io.vtsdk.server.ReferenceServer;
import io.vtsdk.testkit.junit.VtServerTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served at /v1/openapi.json describes exactly the /v1 routes the server implements. */
@VtServerTest
class OpenApiTest {

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists(ReferenceServer vt) {
    Http.Res r = new Http(vt).get("/v1/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    Set<String> operationIds = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").properties().iterator(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().properties().iterator(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        documented.add(op.getKey().toUpperCase() + " " + p.getKey());
        assertThat(operationIds.add(op.getValue().get("operationId").asText())).as("unique operationId").isTrue();
        assertThat(op.getValue().get("responses").size()).as(p.getKey()).isPositive();
        if (p.getKey().contains("{id}")) {
          assertThat(op.getValue().get("parameters").toString()).as(p.getKey()).contains("\"name\":\"id\"");
        }
      }
    }
    Set<String> implemented = new TreeSet<>();
    for (String route : vt.routes()) {
      if (route.split(" ")[1].startsWith("/v1/") && !route.endsWith("/v1/openapi.json")) {
        implemented.add(route);
      }
    }
    assertThat(documented).isEqualTo(implemented);
    // every $ref resolves
    String text = r.body();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"\\$ref\" ?: ?\"#/([^\"]+)\"").matcher(text);
    while (m.find()) {
      assertThat(doc.at("/" + m.group(1)).isMissingNode()).as(m.group(1)).isFalse();
    }
  }
}
