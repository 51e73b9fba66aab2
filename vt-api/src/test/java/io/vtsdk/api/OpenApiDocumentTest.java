package io.vtsdk.api;

import io.vtsdk.api.testing.OpenApiContract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vtsdk.model.testing.DossierArbitraries;
import io.vtsdk.model.testing.Fixtures;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.json.VtJson;
import java.lang.reflect.Method;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * The document is the contract: it parses and lints clean, every operation is complete, and its schemas are the wire
 * types exactly — the members Jackson writes for each type are the members the schema lists, and real values
 * validate against it.
 */
class OpenApiDocumentTest {
  static final OpenApiContract CONTRACT = OpenApiContract.load();
  static final JsonMapper JSON = VtJson.newMapper();

  @Test
  void swaggerParserReadsItWithoutAMessage() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(CONTRACT.document().toString(), null, options);
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Dossier", "UnitResponse", "EventPage");
  }

  @Test
  void everyOperationHasAnIdASummaryATagAndTypedAnswers() {
    JsonNode doc = CONTRACT.document();
    Set<String> tags = new HashSet<>();
    doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
    Set<String> ids = new HashSet<>();
    for (String op : CONTRACT.operations()) {
      String[] mp = op.split(" ", 2);
      JsonNode o = doc.get("paths").get(mp[1]).get(mp[0].toLowerCase());
      assertThat(ids.add(o.path("operationId").asText())).as(op + " operationId unique").isTrue();
      assertThat(o.path("summary").asText()).as(op + " summary").isNotBlank();
      assertThat(o.path("tags")).as(op + " tags").hasSize(1);
      assertThat(tags).as(op + " tag declared").contains(o.get("tags").get(0).asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = o.get("responses").properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> r = it.next();
        if (r.getKey().startsWith("2") && r.getValue().has("content")) {
          r.getValue().get("content").forEach(media -> assertThat(media.path("schema").isObject())
              .as(op + " " + r.getKey() + " has a schema").isTrue());
        }
      }
    }
    // no open map stands for a typed model: only Problem (RFC 9457 extensions) is open
    doc.at("/components/schemas").properties().forEach(e -> {
      if (e.getValue().path("type").asText().equals("object") && !e.getKey().equals("Problem")) {
        assertThat(e.getValue().path("additionalProperties").asBoolean(true)).as(e.getKey() + " is closed").isFalse();
      }
    });
    // every reference resolves
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"\\$ref\":\"#(/[^\"]+)\"").matcher(doc.toString());
    while (m.find()) {
      assertThat(doc.at(m.group(1)).isMissingNode()).as(m.group(1)).isFalse();
    }
  }

  /** Each schema lists exactly the members Jackson (VtJson) writes for its type, walked from every root. */
  @Test
  void schemasListExactlyTheMembersJacksonWrites() {
    JsonNode schemas = CONTRACT.document().at("/components/schemas");
    Deque<JavaType> todo = new ArrayDeque<>();
    OpenApiWriter.ROOTS.values().forEach(t -> todo.add(JSON.constructType(t)));
    Set<Class<?>> seen = new HashSet<>();
    int checked = 0;
    while (!todo.isEmpty()) {
      JavaType t = todo.pop();
      if (t.isContainerType()) {
        todo.push(t.getContentType());
        continue;
      }
      Class<?> raw = t.getRawClass();
      if (!seen.add(raw) || !isObject(raw)) {
        continue;
      }
      BeanDescription bean = JSON.getSerializationConfig().introspect(t);
      Set<String> written = new TreeSet<>();
      for (BeanPropertyDefinition p : bean.findProperties()) {
        if (p.couldSerialize() && !p.getAccessor().hasAnnotation(com.fasterxml.jackson.annotation.JsonAnyGetter.class)) {
          written.add(p.getName());
          todo.push(p.getPrimaryType());
        }
      }
      String name = OpenApiWriter.componentName(raw);
      assertThat(schemas.has(name)).as("component for " + raw.getName()).isTrue();
      Set<String> listed = new TreeSet<>();
      schemas.get(name).path("properties").fieldNames().forEachRemaining(listed::add);
      assertThat(listed).as(name + " members").isEqualTo(written);
      checked++;
    }
    assertThat(checked).as("object types checked").isGreaterThan(40);
  }

  @Property(tries = 60)
  void everyGeneratedDossierValidates(@ForAll("dossiers") Dossier d) throws Exception {
    assertThat(CONTRACT.validate("Dossier", JSON.readTree(JSON.writeValueAsString(d)))).isEmpty();
  }

  @Provide
  Arbitrary<Dossier> dossiers() {
    return DossierArbitraries.dossiers();
  }

  @Test
  void everyModuleFixtureValidates() throws Exception {
    for (Dossier d : List.of(Fixtures.sanitaire(), Fixtures.prado(), Fixtures.grandAge(), Fixtures.handicap(),
        Fixtures.tnd())) {
      assertThat(CONTRACT.validate("Dossier", JSON.valueToTree(d))).as(d.module().name()).isEmpty();
    }
  }

  @Test
  void aMemberTheSchemaDoesNotListIsRefused() {
    JsonNode withNickname = JSON.valueToTree(Map.of("module", "PRADO", "version", 1, "nickname", "x"));
    assertThat(CONTRACT.validate("Dossier", withNickname)).singleElement().asString().contains("nickname");
    JsonNode badDate = JSON.valueToTree(Map.of("module", "PRADO", "version", 1, "hospitalisationDate", "23/11/2026"));
    assertThat(CONTRACT.validate("Dossier", badDate)).isNotEmpty();
  }

  private static boolean isObject(Class<?> raw) {
    if (raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.") || Temporal.class.isAssignableFrom(raw)
        || Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw) || raw == Object.class) {
      return false;
    }
    for (Method m : raw.getMethods()) {
      if (m.isAnnotationPresent(JsonValue.class)) {
        return false;
      }
    }
    return true;
  }
}
