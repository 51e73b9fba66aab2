package io.vtsdk.fhir.dossier;

import io.vtsdk.fhir.FhirMappingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * A dossier section (a record) ↔ the items of a QuestionnaireResponse: one item per component (linkId = its name)
 * except {@code info}, which becomes a Provenance. Strings, integers, booleans, enums (a Coding in
 * {@code https://vtsdk.io/fhir/CodeSystem/<EnumName>}) and lists or sets of them. Not API.
 */
final class SectionCodec {
  static final String ENUM_SYSTEM = "https://vtsdk.io/fhir/CodeSystem/";

  private SectionCodec() {}

  /** Per section type, found once: the components, their accessors and the canonical constructor. */
  private record Shape(RecordComponent[] components, java.lang.invoke.MethodHandle[] accessors,
      java.lang.reflect.Constructor<?> constructor) {}

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] cs = type.getRecordComponents();
      java.lang.invoke.MethodHandle[] accessors = new java.lang.invoke.MethodHandle[cs.length];
      Class<?>[] types = new Class<?>[cs.length];
      try {
        java.lang.invoke.MethodHandles.Lookup lookup = java.lang.invoke.MethodHandles.publicLookup();
        for (int i = 0; i < cs.length; i++) {
          accessors[i] = lookup.unreflect(cs[i].getAccessor());
          types[i] = cs[i].getType();
        }
        return new Shape(cs, accessors, type.getDeclaredConstructor(types));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("not a public record: " + type, e);
      }
    }
  };

  static void write(Record section, QuestionnaireResponse qr) {
    Shape shape = SHAPES.get(section.getClass());
    for (int i = 0; i < shape.components().length; i++) {
      RecordComponent c = shape.components()[i];
      if (c.getName().equals("info")) {
        continue;
      }
      Object v = get(shape.accessors()[i], section);
      if (v == null || v instanceof Collection<?> col && col.isEmpty()) {
        continue;
      }
      QuestionnaireResponseItemComponent item = qr.addItem().setLinkId(c.getName());
      for (Object one : v instanceof Collection<?> col ? col : List.of(v)) {
        item.addAnswer().setValue(value(one));
      }
    }
  }

  private static org.hl7.fhir.r4.model.Type value(Object v) {
    if (v instanceof String s) {
      return new StringType(s);
    }
    if (v instanceof Integer i) {
      return new IntegerType(i);
    }
    if (v instanceof Boolean b) {
      return new BooleanType(b);
    }
    if (v instanceof Enum<?> e) {
      return new Coding(ENUM_SYSTEM + e.getDeclaringClass().getSimpleName(), e.name(), null);
    }
    throw new IllegalStateException("no FHIR form for " + v.getClass());
  }

  /** Reads the items back into a section record of {@code type}, with {@code info} as given. */
  static <T extends Record> T read(Class<T> type, Object info, QuestionnaireResponse qr, String element) {
    Shape shape = SHAPES.get(type);
    RecordComponent[] components = shape.components();
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      if (c.getName().equals("info")) {
        args[i] = info;
        continue;
      }
      QuestionnaireResponseItemComponent item = qr.getItem().stream().filter(it -> c.getName().equals(it.getLinkId()))
          .findFirst().orElse(null);
      String where = element + ".item:" + c.getName();
      if (Collection.class.isAssignableFrom(c.getType())) {
        Class<?> of = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
        Collection<Object> out = Set.class.isAssignableFrom(c.getType()) ? new LinkedHashSet<>() : new ArrayList<>();
        if (item != null) {
          item.getAnswer().forEach(a -> out.add(from(a.getValue(), of, where)));
        }
        args[i] = out;
      } else {
        args[i] = item == null || item.getAnswer().isEmpty() ? null
            : from(item.getAnswerFirstRep().getValue(), c.getType(), where);
      }
    }
    try {
      return type.cast(shape.constructor().newInstance(args));
    } catch (ReflectiveOperationException e) {
      throw new FhirMappingException(element, "cannot be read as " + type.getSimpleName());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object from(org.hl7.fhir.r4.model.Type v, Type target, String element) {
    Class<?> t = (Class<?>) target;
    if (t == String.class && v instanceof StringType s) {
      return s.getValue();
    }
    if (t == Integer.class && v instanceof IntegerType i) {
      return i.getValue();
    }
    if (t == Boolean.class && v instanceof BooleanType b) {
      return b.getValue();
    }
    if (t.isEnum() && v instanceof Coding c) {
      try {
        return Enum.valueOf((Class) t, c.getCode());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new FhirMappingException(element, "unknown code; expected one of "
            + java.util.Arrays.toString(t.getEnumConstants()));
      }
    }
    throw new FhirMappingException(element, "must be a " + t.getSimpleName() + " answer, was "
        + (v == null ? "empty" : v.fhirType()));
  }

  private static Object get(java.lang.invoke.MethodHandle accessor, Record r) {
    try {
      return accessor.invoke(r);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
