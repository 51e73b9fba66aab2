package io.vtsdk.model.validation;

import io.vtsdk.model.identity.CheckMode;
import io.vtsdk.model.validation.internal.GroupReach;
import io.vtsdk.model.validation.internal.ValidationOptions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorContext;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.hibernate.validator.resourceloading.AggregateResourceBundleLocator;

/**
 * Validates dossiers (and any vt-model object: responses, ESMS statuses, units…) at a {@link Stage}, returning every
 * violation at once with a JSON-Pointer path, a stable code and a message in French (default) or English.
 *
 * <pre>{@code
 * DossierValidator validator = DossierValidator.builder().build();   // expensive: build once, share
 * ValidationReport report = validator.validate(dossier, Stage.SUBMISSION, Locale.ENGLISH);
 * for (Violation v : report.violations()) {
 *   System.out.println(v.path() + " " + v.code() + " " + v.message());
 * }
 * }</pre>
 *
 * <p><b>Cost and sharing.</b> Building starts Hibernate Validator (tens of milliseconds); validating is cheap. An
 * instance is immutable and thread-safe: create one per application.
 *
 * <p>Messages never contain the rejected value (it may be a NIR or a name).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DossierValidator {
  /** Default attachment size limit: 20 MiB. */
  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = ValidationOptions.DEFAULTS.maxAttachmentBytes();

  private static final String BUNDLE = "io.vtsdk.model.validation.messages";

  private final ValidatorFactory factory;
  private final Validator french;
  private final Validator english;
  /** The same, cascading only where a {@link SubmissionGroup} constraint can be found: see {@link GroupReach}. */
  private final Validator frenchSubmission;
  private final Validator englishSubmission;
  private final ValidationOptions options;
  private final Clock clock;

  private DossierValidator(Builder b) {
    this.options = new ValidationOptions(b.maxAttachmentBytes, b.allowedContentTypes, b.checkMode);
    this.clock = b.clock;
    MessageInterpolator interpolator =
        new ResourceBundleMessageInterpolator(new AggregateResourceBundleLocator(List.of(BUNDLE)));
    this.factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(interpolator)
        .clockProvider(() -> clock)
        .buildValidatorFactory();
    this.french = validator(interpolator, Locale.FRENCH, null);
    this.english = validator(interpolator, Locale.ENGLISH, null);
    GroupReach reach = new GroupReach(french, SubmissionGroup.class);
    this.frenchSubmission = validator(interpolator, Locale.FRENCH, reach);
    this.englishSubmission = validator(interpolator, Locale.ENGLISH, reach);
  }

  private Validator validator(MessageInterpolator base, Locale locale, TraversableResolver reach) {
    HibernateValidatorContext context = factory.unwrap(HibernateValidatorFactory.class)
        .usingContext()
        .constraintValidatorPayload(options)
        .messageInterpolator(new FixedLocale(base, locale));
    if (reach != null) {
      // GroupReach answers from its own per-class cache; Hibernate Validator's per-validation cache would only add a
      // map per call
      context.traversableResolver(reach).enableTraversableResolverResultCache(false);
    }
    return context.getValidator();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this validator's settings. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.maxAttachmentBytes = options.maxAttachmentBytes();
    b.allowedContentTypes = options.allowedContentTypes();
    b.checkMode = options.checkMode();
    b.clock = clock;
    return b;
  }

  /** Validates at {@code stage} with French messages. */
  public ValidationReport validate(Object object, Stage stage) {
    return validate(object, stage, Locale.FRENCH);
  }

  /**
   * Validates {@code object} at {@code stage}; messages in English when {@code locale}'s language is English, French
   * otherwise.
   */
  public ValidationReport validate(Object object, Stage stage, Locale locale) {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(stage, "stage");
    boolean inEnglish = locale != null && "en".equals(locale.getLanguage());
    Set<ConstraintViolation<Object>> found = (inEnglish ? english : french).validate(object);
    List<Violation> out = new ArrayList<>(found.size());
    add(found, out);
    if (stage == Stage.SUBMISSION) {
      // a pass of its own, as Hibernate Validator would do for a second group, but only down to its constraints
      add((inEnglish ? englishSubmission : frenchSubmission).validate(object, SubmissionGroup.class), out);
    }
    out.sort(Comparator.comparing(Violation::path).thenComparing(Violation::code));
    return new ValidationReport(stage, out);
  }

  private static void add(Set<ConstraintViolation<Object>> found, List<Violation> out) {
    for (ConstraintViolation<Object> cv : found) {
      out.add(new Violation(pointer(cv.getPropertyPath()), code(cv), cv.getMessage()));
    }
  }

  /** The attachment size limit in bytes. */
  public long maxAttachmentBytes() {
    return options.maxAttachmentBytes();
  }

  /** Bean Validation property path → JSON Pointer. */
  static String pointer(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node n : path) {
      if (n.getIndex() != null) {
        sb.append('/').append(n.getIndex());
      } else if (n.getKey() != null) {
        sb.append('/').append(escape(String.valueOf(n.getKey())));
      }
      String name = n.getName();
      if (name != null && !name.startsWith("<")) {
        sb.append('/').append(escape(name));
      }
    }
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("~", "~0").replace("/", "~1");
  }

  /** {@code {vt.nir.key}} → {@code nir.key}; other templates → the constraint's simple name. */
  static String code(ConstraintViolation<?> cv) {
    String t = cv.getMessageTemplate();
    if (t.startsWith("{vt.") && t.endsWith("}")) {
      return t.substring(4, t.length() - 1);
    }
    String name = cv.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** Builder for {@link DossierValidator}. */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private long maxAttachmentBytes = ValidationOptions.DEFAULTS.maxAttachmentBytes();
    private Set<String> allowedContentTypes = ValidationOptions.DEFAULTS.allowedContentTypes();
    private CheckMode checkMode = CheckMode.STRICT;
    private Clock clock = Clock.systemDefaultZone();

    Builder() {}

    /** Attachment size limit in bytes (default 20 MiB). */
    public Builder maxAttachmentBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxAttachmentBytes must be positive, got " + bytes);
      }
      this.maxAttachmentBytes = bytes;
      return this;
    }

    /** Allowed attachment content types, lower-case without parameters (default: PDF, images, text, documents). */
    public Builder allowedContentTypes(Set<String> types) {
      Objects.requireNonNull(types, "types");
      if (types.isEmpty()) {
        throw new IllegalArgumentException("allowedContentTypes is empty: no attachment could ever be accepted");
      }
      Set<String> normalized = new java.util.HashSet<>();
      for (String t : types) {
        if (t == null || t.isBlank()) {
          throw new IllegalArgumentException("allowedContentTypes contains a blank type");
        }
        normalized.add(t.trim().toLowerCase(Locale.ROOT));
      }
      this.allowedContentTypes = Set.copyOf(normalized);
      return this;
    }

    /** How FINESS and RPPS keys are checked (default STRICT). */
    public Builder checkMode(CheckMode mode) {
      this.checkMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The clock for "not in the future" and age checks (default: system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public DossierValidator build() {
      return new DossierValidator(this);
    }
  }

  /** Forces one locale whatever the caller's default. */
  private static final class FixedLocale implements MessageInterpolator {
    private final MessageInterpolator delegate;
    private final Locale locale;

    FixedLocale(MessageInterpolator delegate, Locale locale) {
      this.delegate = delegate;
      this.locale = locale;
    }

    @Override
    public String interpolate(String template, Context context) {
      return delegate.interpolate(template, context, locale);
    }

    @Override
    public String interpolate(String template, Context context, Locale ignored) {
      return delegate.interpolate(template, context, locale);
    }
  }
}
