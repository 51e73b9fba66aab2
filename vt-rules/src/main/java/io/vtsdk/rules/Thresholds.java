package io.vtsdk.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The numbers and dates of the standard rule sets (ages, GIR bound, band opening and rule-set dates), read from
 * {@code io/vtsdk/rules/thresholds.properties} where each one cites its source. Override any of them without
 * forking:
 *
 * <pre>{@code
 * RuleEngine engine = RuleEngine.builder().addStandard(Thresholds.defaults().with("grandAge.minAge", "55")).build();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Thresholds {
  private static final Thresholds DEFAULTS = load();
  private final Map<String, String> values;

  private Thresholds(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static Thresholds defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with {@code key} set to {@code value}.
   *
   * @throws IllegalArgumentException for an unknown key or a value of the wrong form
   */
  public Thresholds with(String key, String value) {
    Objects.requireNonNull(value, "value");
    String current = values.get(key);
    if (current == null) {
      throw new IllegalArgumentException("unknown threshold '" + key + "'; known: " + values.keySet());
    }
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, value.trim());
    Thresholds t = new Thresholds(copy);
    if (current.matches("\\d{4}-\\d{2}-\\d{2}")) {
      t.date(key);
    } else {
      t.integer(key);
    }
    return t;
  }

  public int integer(String key) {
    String v = require(key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("threshold '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  public LocalDate date(String key) {
    String v = require(key);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("threshold '" + key + "' must be a date YYYY-MM-DD, got '" + v + "'", e);
    }
  }

  public Map<String, String> asMap() {
    return values;
  }

  private String require(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown threshold '" + key + "'; known: " + values.keySet());
    }
    return v;
  }

  private static Thresholds load() {
    try (InputStream in = Thresholds.class.getResourceAsStream("thresholds.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/vtsdk/rules/thresholds.properties is missing from the jar");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> m = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
      return new Thresholds(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
