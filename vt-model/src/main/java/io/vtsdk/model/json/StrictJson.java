package io.vtsdk.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.vtsdk.model.validation.Violation;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * How VT's entry points read what they are given (the reference server's request bodies, {@code vt validate}'s files;
 * {@link VtJson}'s mapper is tolerant, these are not): a member the type does not have is refused, an integer is an
 * integer ({@code 3.7} and {@code "3"} refused), a boolean a boolean ({@code 1} and {@code "true"} refused), a text a
 * text ({@code 12} and {@code true} refused), and no text carries a character
 * {@link io.vtsdk.model.validation.SafeText} refuses (controls, bidirectional overrides, lone surrogates). Refusals
 * name the JSON pointer and the rule, never the value ({@link #violation}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class StrictJson {
  private StrictJson() {}

  /**
   * A value this reader refuses for a rule of its own (not Jackson's): the violation's code and rule, never the
   * value (none is kept).
   */
  public static final class Refused extends InvalidFormatException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Refused(JsonParser p, String code, String rule, Class<?> type) {
      super(p, rule, null, type);
      this.code = code;
    }

    /** The violation's code ({@code text.forbidden-character}, {@code date.range}). */
    public String code() {
      return code;
    }

    /** The rule, in words that never contain the value. */
    public String rule() {
      return getOriginalMessage();
    }
  }

  /** The strict form of {@link VtJson#newMapper()}. */
  public static JsonMapper newMapper() {
    return of(VtJson.newMapper());
  }

  /**
   * What a binding error says, as a violation: its JSON pointer, its code ({@code json.unknown-member}, a
   * {@link Refused}'s own, otherwise {@code json.invalid}) and its rule, never the value.
   *
   * @param type the type being read, named in the rule of an unknown member
   */
  public static Violation violation(JsonProcessingException e, Class<?> type) {
    String pointer = JsonPaths.pointer(e);
    if (e instanceof UnrecognizedPropertyException u) {
      return new Violation(pointer, "json.unknown-member", "unknown member: "
          + (u.getReferringClass() == null ? type : u.getReferringClass()).getSimpleName()
          + " has no such member (see /v1/openapi.json)");
    }
    if (e instanceof Refused r) {
      return new Violation(pointer, r.code(), r.rule());
    }
    return new Violation(pointer, "json.invalid", JsonPaths.rule(e));
  }

  /** The strict form of a tolerant mapper (same modules and settings, strict reading). */
  public static JsonMapper of(JsonMapper tolerant) {
    SimpleModule text = new SimpleModule("vt-strict-text");
    text.addDeserializer(String.class, new StrictText());
    text.addDeserializer(java.time.LocalDate.class, new BoundedDate());
    return tolerant.rebuild()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
        .addModule(text)
        .build();
  }

  /** Text only from a JSON string, and no forbidden character in it. */
  static final class StrictText extends StdScalarDeserializer<String> {
    StrictText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (String) ctxt.handleUnexpectedToken(String.class, p); // a number, a boolean, an object: refused
      }
      String s = p.getText();
      String rule = io.vtsdk.model.validation.SafeText.problem(s).orElse(null);
      if (rule != null) {
        // the value is never quoted: the message names the rule, the pointer comes from the path
        throw new Refused(p, "text.forbidden-character", "text with " + rule, String.class);
      }
      return s;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /**
   * A date whose year is 0001–9999: what a FHIR R4 {@code date} can carry (its regular expression, FHIR R4
   * §2.24.0.1 "Primitive Types"), so that every date stored is one the SDO flows can send (year {@code 0000} and
   * {@code +999999999} were taken and then served as dates FHIR refuses).
   */
  static final class BoundedDate extends StdScalarDeserializer<java.time.LocalDate> {
    BoundedDate() {
      super(java.time.LocalDate.class);
    }

    @Override
    public java.time.LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      java.time.LocalDate d = com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE
          .deserialize(p, ctxt);
      if (d != null && (d.getYear() < 1 || d.getYear() > 9999)) {
        throw new Refused(p, "date.range", "a date with a year from 0001 to 9999 (FHIR R4 date)",
            java.time.LocalDate.class);
      }
      return d;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }
}
