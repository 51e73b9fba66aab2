package io.vtsdk.server.scenarios;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** How evidence is written without personal data: NIR-like numbers and dates are masked; query values never shown. */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public final class Redaction {
  private static final Pattern NIR = Pattern.compile("(?<![0-9])[12][0-9]{12}([0-9]{2})?(?![0-9])");
  private static final Pattern DATE = Pattern.compile("(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])");

  private Redaction() {}

  /** {@code text} with NIR-like numbers and ISO dates replaced by {@code ***}. */
  public static String redact(String text) {
    return text == null ? null : DATE.matcher(NIR.matcher(text).replaceAll("***")).replaceAll("***");
  }

  /** A call as evidence: method, path (redacted), the query's parameter names only, the status. */
  public static String call(Exchange e) {
    StringBuilder b = new StringBuilder(e.method()).append(' ').append(redact(e.path()));
    if (e.query() != null && !e.query().isEmpty()) {
      b.append("?");
      String sep = "";
      for (String p : e.query().split("&")) {
        b.append(sep).append(p.contains("=") ? p.substring(0, p.indexOf('=')) : p).append("=…");
        sep = "&";
      }
    }
    return b.append(" → ").append(e.status() == 0 ? "no answer" : String.valueOf(e.status())).toString();
  }

  /** True when {@code text} holds a NIR-like number. */
  static boolean hasNir(String text) {
    return text != null && NIR.matcher(text).find();
  }
}
