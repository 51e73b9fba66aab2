package io.vtsdk.model.validation;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Characters no text of a dossier, a status or a file name may carry, because they hide or forge what a person reads
 * or are not text at all: C0 and C1 control characters except tab, line feed and carriage return; the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: the "Trojan Source" characters, CVE-2021-42574,
 * Unicode Technical Standard #39 §3); lone surrogates (no Unicode scalar value, so no UTF-8 form). The reference
 * server refuses them in every JSON text it reads; the core refuses them in file names.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SafeText {
  private SafeText() {}

  /**
   * What makes {@code s} unsafe, as a rule in English ({@code "a control character"}, {@code "a bidirectional control
   * character"}, {@code "a lone surrogate (not text)"}); empty when it is safe. Never quotes the text.
   */
  public static Optional<String> problem(CharSequence s) {
    return problem(s, false);
  }

  /**
   * As {@link #problem(CharSequence)} for a one-line text — a name, a file name —: tab, line feed and carriage return
   * are refused too.
   */
  public static Optional<String> problemInLine(CharSequence s) {
    return problem(s, true);
  }

  private static Optional<String> problem(CharSequence s, boolean oneLine) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("a lone surrogate (not text)");
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("a lone surrogate (not text)");
      }
      if (c < 0x20 && (oneLine || c != '\t' && c != '\n' && c != '\r') || c >= 0x7f && c <= 0x9f) {
        return Optional.of("a control character");
      }
      if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
        return Optional.of("a bidirectional control character");
      }
    }
    return Optional.empty();
  }
}
