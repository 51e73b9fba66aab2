package io.vtsdk.bench;

import io.vtsdk.model.AttachmentId;
import io.vtsdk.model.VtModule;
import io.vtsdk.model.dossier.Attachment;
import io.vtsdk.model.dossier.Dossier;
import io.vtsdk.model.validation.DossierValidator;
import io.vtsdk.model.validation.Stage;
import io.vtsdk.model.validation.SubmissionGroup;
import io.vtsdk.model.validation.ValidationReport;
import io.vtsdk.server.fixtures.VtFixtures;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DossierValidator} at SUBMISSION on a whole dossier, against Hibernate Validator alone on a bean graph carrying
 * the <b>same number of built-in constraints</b> (counted from the dossier's own constraint metadata, object by object,
 * for the groups SUBMISSION checks), in the same run. Scenarios: a valid dossier (no violation on either side), and
 * one with exactly 20 violations against a bean with 20 failing constraints. Goal (issue 24): ≤ 1.5×.
 *
 * <p>What the ratio holds: our custom constraints (NIR and FINESS keys, NOS codes, cross-field rules) against built-in
 * ones, our JSON-pointer paths, codes and sorted report against HV's raw set.
 *
 * <p>Run: {@code java -jar vt-bench/target/benchmarks.jar ValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
  static final LocalDate ON = LocalDate.of(2026, 11, 23);
  static final Class<?>[] SUBMISSION_GROUPS = {Default.class, SubmissionGroup.class};

  @Param({"valid", "violations20"})
  public String scenario;

  @Param({"SANITAIRE", "HANDICAP"})
  public String module;

  DossierValidator ours;
  Validator hibernate;
  Dossier dossier;
  Holder baseline;
  /** The constraints the dossier carries, for the report. */
  int constraints;

  @Setup
  public void setUp() {
    ours = DossierValidator.builder().build();
    ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    hibernate = factory.getValidator();
    Dossier valid = VtFixtures.seeded(1, ON).dossier(VtModule.valueOf(module)).build();
    int expected = scenario.equals("valid") ? 0 : 20;
    dossier = expected == 0 ? valid : withViolations(valid, expected);
    int found = ours.validate(dossier, Stage.SUBMISSION).violations().size();
    if (found != expected) {
      throw new IllegalStateException("the " + scenario + " dossier has " + found + " violations, not " + expected);
    }
    constraints = countConstraints(hibernate, dossier, SUBMISSION_GROUPS);
    baseline = Holder.of(constraints, expected);
    int baselineConstraints = countConstraints(hibernate, baseline, new Class<?>[] {Default.class});
    int baselineViolations = hibernate.validate(baseline).size();
    if (baselineConstraints != constraints || baselineViolations != expected) {
      throw new IllegalStateException("baseline: " + baselineConstraints + " constraints, " + baselineViolations
          + " violations; wanted " + constraints + " and " + expected);
    }
  }

  @Benchmark
  public ValidationReport dossierValidator() {
    return ours.validate(dossier, Stage.SUBMISSION);
  }

  /**
   * For the breakdown only: the DRAFT stage, that is Hibernate Validator's Default-group pass over the dossier's graph
   * and the conversion to a report, without the SUBMISSION group's pass.
   */
  @Benchmark
  public ValidationReport dossierValidatorDraft() {
    return ours.validate(dossier, Stage.DRAFT);
  }

  @Benchmark
  public Set<ConstraintViolation<Holder>> hibernateAlone() {
    return hibernate.validate(baseline);
  }

  /**
   * A valid dossier made to carry exactly {@code n} violations: identity traits removed, then attachments of a refused
   * type (one violation each) until the count is reached.
   */
  public static Dossier withViolations(Dossier valid, int n) {
    DossierValidator v = DossierValidator.builder().build();
    Dossier d = valid.toBuilder()
        .patient(valid.patient().toBuilder().birthName(null).birthDate(null).sex(null).build()).build();
    int have = v.validate(d, Stage.SUBMISSION).violations().size();
    List<Attachment> attachments = new ArrayList<>(d.attachments());
    for (int i = 0; have + i < n; i++) {
      attachments.add(new Attachment(AttachmentId.of("BAD" + i), "x" + i + ".zip", "application/zip", 10,
          "a".repeat(64), Instant.parse("2026-11-23T08:00:00Z")));
    }
    return d.toBuilder().attachments(attachments).build();
  }

  /**
   * The constraints Bean Validation evaluates on {@code root} for {@code groups}: bean-level and property-level ones,
   * and those of container elements, following cascades ({@code @Valid}) into the values the object graph holds.
   */
  static int countConstraints(Validator validator, Object root, Class<?>[] groups) {
    if (root == null) {
      return 0;
    }
    BeanDescriptor bean = validator.getConstraintsForClass(root.getClass());
    int n = bean.findConstraints().unorderedAndMatchingGroups(groups).getConstraintDescriptors().size();
    for (PropertyDescriptor p : bean.getConstrainedProperties()) {
      Object value = read(root, p.getPropertyName());
      n += p.findConstraints().unorderedAndMatchingGroups(groups).getConstraintDescriptors().size();
      boolean elementsCascaded = false;
      for (ContainerElementTypeDescriptor c : p.getConstrainedContainerElementTypes()) {
        elementsCascaded |= c.isCascaded();
        int perElement = c.findConstraints().unorderedAndMatchingGroups(groups).getConstraintDescriptors().size();
        for (Object element : elements(value)) {
          n += perElement;
          if (c.isCascaded()) {
            n += countConstraints(validator, element, groups);
          }
        }
      }
      // HV reports a legacy @Valid on a container both on the property and on its elements: count it once
      if (p.isCascaded() && !elementsCascaded) {
        for (Object element : value instanceof Iterable<?> || value instanceof Map<?, ?> ? elements(value)
            : List.of(Optional.ofNullable(value)).stream().flatMap(Optional::stream).toList()) {
          n += countConstraints(validator, element, groups);
        }
      }
    }
    return n;
  }

  private static List<Object> elements(Object value) {
    List<Object> out = new ArrayList<>();
    if (value instanceof Iterable<?> it) {
      it.forEach(e -> {
        if (e != null) {
          out.add(e);
        }
      });
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(e -> {
        if (e != null) {
          out.add(e);
        }
      });
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(out::add);
    } else if (value != null) {
      out.add(value);
    }
    return out;
  }

  private static Object read(Object bean, String property) {
    for (Class<?> c = bean.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(property);
        f.setAccessible(true);
        return f.get(bean);
      } catch (NoSuchFieldException next) {
        // a getter, or a superclass's field
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    String getter = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : List.of(getter, "is" + getter.substring(3), property)) {
      try {
        Method m = bean.getClass().getMethod(name);
        return m.invoke(bean);
      } catch (NoSuchMethodException next) {
        // the next naming
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no field or getter " + property + " on " + bean.getClass().getName());
  }

  /** The baseline: {@code @Valid} lists of small beans carrying built-in constraints only. */
  public static final class Holder {
    @Valid final List<Six> six;
    @Valid final List<One> one;

    Holder(List<Six> six, List<One> one) {
      this.six = six;
      this.one = one;
    }

    /** {@code constraints} built-in constraints, {@code failing} of which fail. */
    static Holder of(int constraints, int failing) {
      List<Six> six = new ArrayList<>();
      List<One> one = new ArrayList<>();
      int left = failing;
      for (int i = 0; i < constraints / 6; i++) {
        int bad = Math.min(6, left);
        six.add(Six.failing(bad));
        left -= bad;
      }
      for (int i = 0; i < constraints % 6; i++) {
        one.add(new One(left-- > 0 ? null : "ok"));
      }
      return new Holder(six, one);
    }
  }

  /** Six built-in constraints. */
  public static final class Six {
    @NotNull final String a;
    @NotBlank final String b;
    @Size(max = 16) final String c;
    @Min(0) final int d;
    @Max(150) final int e;
    @PastOrPresent final LocalDate f;

    Six(String a, String b, String c, int d, int e, LocalDate f) {
      this.a = a;
      this.b = b;
      this.c = c;
      this.d = d;
      this.e = e;
      this.f = f;
    }

    /** The first {@code bad} constraints fail. */
    static Six failing(int bad) {
      return new Six(bad > 0 ? null : "a", bad > 1 ? " " : "b", bad > 2 ? "c".repeat(17) : "c", bad > 3 ? -1 : 1,
          bad > 4 ? 151 : 80, bad > 5 ? LocalDate.of(2999, 1, 1) : LocalDate.of(1950, 1, 1));
    }
  }

  /** One built-in constraint. */
  public static final class One {
    @NotNull final String a;

    One(String a) {
      this.a = a;
    }
  }
}
